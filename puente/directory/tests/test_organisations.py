"""The organisation directory: list, search, filter, edit, merge duplicates."""

import pytest
from django.urls import reverse

from puente.accounts.roles import Role
from puente.directory.models import Organisation, OrganisationKind
from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import Participation
from puente.portfolio.tests.factories import ParticipationFactory
from puente.tests.world import client_for, make_user

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("directory:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_search_and_filter_by_type(staff_client):
    OrganisationFactory(
        name="Organización Internacional para las Migraciones",
        acronym="OIM",
        kind=OrganisationKind.MULTILATERAL,
    )
    OrganisationFactory(name="Universidad de Pamplona", acronym="", kind=OrganisationKind.ACADEMIA)
    page = staff_client.get(reverse("directory:list"), {"q": "migraciones"}).content.decode()
    assert "OIM" in page and "Universidad de Pamplona" not in page
    page = staff_client.get(reverse("directory:list"), {"kind": "academia"}).content.decode()
    assert "Universidad de Pamplona" in page and "Migraciones" not in page


def test_staff_create_an_organisation_and_a_bad_website_is_refused(staff_client):
    url = reverse("directory:create")
    bad = staff_client.post(
        url, {"name": "NRC", "kind": "international-ngo", "website": "not a url"}
    )
    assert bad.status_code == 400
    assert "website" in bad.context["form"].errors
    assert not Organisation.objects.filter(name="NRC").exists()
    good = staff_client.post(
        url,
        {
            "name": "Consejo Noruego para Refugiados",
            "acronym": "NRC",
            "kind": "international-ngo",
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )
    assert good.status_code == 302
    org = Organisation.objects.get(acronym="NRC")
    assert org.history.first().history_user.username == "ana.staff"


def test_merging_moves_the_duplicates_activities_and_deletes_it(staff_client):
    keep = OrganisationFactory(name="Programa Mundial de Alimentos", acronym="PMA")
    duplicate = OrganisationFactory(name="PMA Colombia", acronym="", iati_identifier="XM-DAC-41140")
    ParticipationFactory(organisation=duplicate)
    ParticipationFactory(organisation=duplicate)
    response = staff_client.post(
        reverse("directory:merge", args=[keep.pk]), {"duplicate": duplicate.pk, "confirm": "on"}
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert Participation.objects.filter(organisation=keep).count() == 2
    keep.refresh_from_db()
    assert keep.iati_identifier == "XM-DAC-41140"


def test_merge_without_confirmation_merges_nothing(staff_client):
    keep, duplicate = OrganisationFactory(), OrganisationFactory()
    staff_client.post(reverse("directory:merge", args=[keep.pk]), {"duplicate": duplicate.pk})
    assert Organisation.objects.filter(pk=duplicate.pk).exists()


def test_viewers_read_but_cannot_edit_or_merge(viewer_client):
    org = OrganisationFactory()
    assert viewer_client.get(reverse("directory:detail", args=[org.pk])).status_code == 200
    assert viewer_client.get(reverse("directory:edit", args=[org.pk])).status_code == 403
    other = OrganisationFactory()
    response = viewer_client.post(
        reverse("directory:merge", args=[org.pk]), {"duplicate": other.pk, "confirm": "on"}
    )
    assert response.status_code == 403
    assert Organisation.objects.filter(pk=other.pk).exists()


def test_a_reporter_cannot_edit_the_directory():
    org = OrganisationFactory()
    reporter = client_for(make_user("rita.reporter", Role.REPORTER, organisation=org))
    assert reporter.get(reverse("directory:edit", args=[org.pk])).status_code == 403
