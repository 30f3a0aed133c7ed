"""Imported activities wait unpublished in a review list until staff publish them; the
organisations an import creates stay off the public partners page until reviewed."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from puente.directory.matching import likely_match
from puente.directory.models import Organisation, OrganisationKind
from puente.directory.tests.factories import OrganisationFactory
from puente.iati.models import ImportRun
from puente.iati.services import run_import
from puente.portfolio.models import Activity

pytestmark = pytest.mark.django_db
CUCUTA = Path(__file__).parent / "files" / "cucuta-2.03.xml"
FIRST, SECOND = "XM-DAC-47066-CO-CUC-001", "XI-IATI-EC_INTPA-PE-001"


def imported(**options) -> ImportRun:
    return run_import(ImportRun.objects.create(source=str(CUCUTA), **options))


def test_imported_activities_arrive_unpublished():
    imported()
    assert Activity.objects.filter(iati_identifier__in=[FIRST, SECOND]).count() == 2
    assert not Activity.objects.filter(is_public=True).exists()


def test_an_import_told_to_publish_publishes_at_once():
    imported(publish=True)
    assert Activity.objects.filter(is_public=True).count() == 2


def test_the_command_publishes_only_with_its_flag():
    call_command("iati", "import", str(CUCUTA))
    assert not Activity.objects.filter(is_public=True).exists()
    Activity.objects.all().delete()
    call_command("iati", "import", str(CUCUTA), "--publish")
    assert Activity.objects.filter(is_public=True).count() == 2


def test_the_review_list_shows_what_waits_by_import_and_publisher(staff_client):
    run = imported()
    page = staff_client.get(reverse("iati:review")).content.decode()
    assert "Atención a caminantes en Cúcuta" in page and "2 actividades esperan" in page
    by_run = staff_client.get(reverse("iati:review"), {"run": run.pk}).content.decode()
    assert "Atención a caminantes en Cúcuta" in by_run
    other = staff_client.get(reverse("iati:review"), {"publisher": "XM-DAC-41122"})
    assert "Atención a caminantes" not in other.content.decode()


def test_staff_publish_the_ticked_activities_only(staff_client, staff_user, client):
    imported()
    first = Activity.objects.get(iati_identifier=FIRST)
    response = staff_client.post(reverse("iati:review"), {"activity": [first.pk]})
    assert response.status_code == 302
    assert list(Activity.objects.filter(is_public=True)) == [first]
    record = first.history.first()
    assert record.history_user == staff_user
    assert record.history_change_reason == "Publicada tras la revisión de la importación"
    public = client.get(reverse("portal:activities")).content.decode()
    assert "Atención a caminantes en Cúcuta" in public


def test_staff_publish_every_activity_of_a_run(staff_client):
    run = imported()
    staff_client.post(reverse("iati:review") + f"?run={run.pk}", {"all": "1"})
    assert Activity.objects.filter(is_public=True).count() == 2


def test_publishing_with_nothing_ticked_says_so(staff_client):
    imported()
    response = staff_client.post(reverse("iati:review"), {}, follow=True)
    assert "marque las actividades" in response.content.decode()
    assert not Activity.objects.filter(is_public=True).exists()


def test_the_review_never_publishes_the_secretariats_own_drafts(staff_client):
    from puente.portfolio.tests.factories import ActivityFactory

    draft = ActivityFactory(is_public=False)
    staff_client.post(reverse("iati:review"), {"activity": [draft.pk]})
    draft.refresh_from_db()
    assert not draft.is_public


def test_a_run_page_sends_staff_to_its_waiting_activities(staff_client):
    run = imported()
    page = staff_client.get(reverse("iati:run", args=[run.pk])).content.decode()
    assert f"{reverse('iati:review')}?run={run.pk}" in page


def test_organisations_an_import_creates_stay_off_the_partners_page(client, staff_client):
    imported(publish=True)
    created = Organisation.objects.get(name="Fundación Caminos de Frontera")
    assert not created.reviewed
    assert "Caminos de Frontera" not in client.get(reverse("portal:partners")).content.decode()
    staff_client.post(reverse("directory:review", args=[created.pk]))
    created.refresh_from_db()
    assert created.reviewed
    assert "Caminos de Frontera" in client.get(reverse("portal:partners")).content.decode()


def test_an_unreviewed_organisation_is_offered_its_likely_match(staff_client):
    unicef = OrganisationFactory(
        name="Fondo de las Naciones Unidas para la Infancia", acronym="UNICEF"
    )
    for name in (
        "United Nations Children's Fund",
        "UNICEF",
        "Fondo de las Naciones Unidas para la infancia.",
    ):
        twin = Organisation.objects.create(name=name, kind=OrganisationKind.OTHER, reviewed=False)
        assert likely_match(twin) == unicef, name
    page = staff_client.get(reverse("directory:detail", args=[twin.pk])).content.decode()
    assert f"{reverse('directory:detail', args=[unicef.pk])}?duplicate={twin.pk}" in page


def test_an_unrelated_name_has_no_likely_match():
    OrganisationFactory(name="Fondo de las Naciones Unidas para la Infancia", acronym="UNICEF")
    stranger = Organisation.objects.create(
        name="Asociación de Pescadores del Zulia", kind=OrganisationKind.OTHER, reviewed=False
    )
    assert likely_match(stranger) is None


def test_an_imported_activity_staff_withdrew_is_not_offered_again(staff_client):
    imported(publish=True)
    withdrawn = Activity.objects.get(iati_identifier=FIRST)
    withdrawn.is_public = False
    withdrawn.save()
    staff_client.post(reverse("iati:review"), {"all": "1"})
    page = staff_client.get(reverse("iati:review")).content.decode()
    withdrawn.refresh_from_db()
    assert not withdrawn.is_public and "Atención a caminantes" not in page


def test_an_activity_still_waiting_keeps_waiting_after_a_newer_file(tmp_path):
    imported()
    newer = tmp_path / "newer.xml"
    newer.write_text(
        CUCUTA.read_text(encoding="utf-8").replace("2026-10-01T12:00:00Z", "2026-11-01T12:00:00Z"),
        encoding="utf-8",
    )
    run_import(ImportRun.objects.create(source=str(newer)))
    assert Activity.objects.filter(source__awaiting_review=True).count() == 2


def test_the_public_api_and_filters_leave_out_unreviewed_organisations(client):
    imported()
    listed = client.get("/api/organisations").json()
    assert "Fundación Caminos de Frontera" not in str(listed)
    page = client.get(reverse("portal:activities")).content.decode()
    assert "Caminos de Frontera" not in page


def test_publishers_without_a_reference_can_be_chosen_alone(staff_client):
    imported()  # the Peruvian activity names no reporting organisation
    page = staff_client.get(reverse("iati:review"), {"publisher": "-"}).content.decode()
    assert "Water in Lima" in page and "Atención a caminantes" not in page
