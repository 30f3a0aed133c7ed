"""What a partner reporter reads: its organisation's activities in full, other partners' public ones
as the public sees them, and nothing of other partners' unpublished work."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from puente.accounts.roles import Role
from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import OrganisationRole
from puente.portfolio.tests.factories import ParticipationFactory, TransactionFactory
from puente.tests.world import client_for, make_user

pytestmark = pytest.mark.django_db


def _activity(organisation, title: str, *, public: bool):  # noqa: ANN001, ANN202
    return ParticipationFactory(
        organisation=organisation,
        role=OrganisationRole.IMPLEMENTING,
        activity__title_es=title,
        activity__is_public=public,
    ).activity


@pytest.fixture
def partners():  # noqa: ANN201
    """Two partners with a public and an unpublished activity each, and a reporter for the second."""
    first, second = OrganisationFactory(name="Socio Uno"), OrganisationFactory(name="Socio Dos")
    activities = {
        "first public": _activity(first, "Agua para Tibú", public=True),
        "first internal": _activity(first, "Borrador confidencial de Uno", public=False),
        "second internal": _activity(second, "Borrador propio de Dos", public=False),
    }
    reporter = make_user("r.dos", Role.REPORTER, organisation=second)
    return activities, client_for(reporter), first


def test_the_activity_list_holds_own_and_public_work_only(partners):
    activities, reporter, _first = partners
    page = reporter.get(reverse("portfolio:list")).content.decode()
    assert "Agua para Tibú" in page and "Borrador propio de Dos" in page
    assert "Borrador confidencial de Uno" not in page


def test_the_export_and_the_api_follow_the_same_rule(partners):
    _activities, reporter, _first = partners
    export = reporter.get(reverse("portfolio:export", args=["csv"]))
    exported = b"".join(export.streaming_content).decode()
    api = reporter.get("/api/activities").json()
    listed = {row["title_es"] for row in api["items"]}
    for text in (exported, " ".join(listed)):
        assert "Agua para Tibú" in text and "Borrador propio de Dos" in text
        assert "Borrador confidencial de Uno" not in text


def test_another_partners_unpublished_activity_is_refused_with_its_parts(partners):
    activities, reporter, _first = partners
    pk = activities["first internal"].pk
    for name in ("portfolio:detail", "portfolio:history"):
        assert reporter.get(reverse(name, args=[pk])).status_code == 403, name


def test_another_partners_public_activity_opens_as_the_public_sees_it(partners):
    activities, reporter, _first = partners
    activity = activities["first public"]
    TransactionFactory(activity=activity, amount=123_456_789)
    response = reporter.get(reverse("portfolio:detail", args=[activity.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:activity", args=[activity.pk])
    # Its history (every change to its money and parts) stays with the office and the partner.
    assert reporter.get(reverse("portfolio:history", args=[activity.pk])).status_code == 403


def test_the_reporters_own_activity_opens_in_full(partners):
    activities, reporter, _first = partners
    activity = activities["second internal"]
    TransactionFactory(activity=activity, amount=987_654)
    page = reporter.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert "Borrador propio de Dos" in page and "987\xa0654,00 USD" in page


def test_the_dashboard_counts_no_other_partners_unpublished_work(partners):
    _activities, reporter, _first = partners
    office = client_for(make_user("o.viewer", Role.VIEWER))

    def counted(client) -> int:  # noqa: ANN001
        data = client.get(reverse("portfolio:dashboard")).context["data"]
        return sum(row["n"] for row in data["by_stage"])

    assert (counted(office), counted(reporter)) == (3, 2)


def test_another_partners_directory_page_lists_only_its_public_activities(partners):
    _activities, reporter, first = partners
    page = reporter.get(reverse("directory:detail", args=[first.pk])).content.decode()
    assert "Agua para Tibú" in page and "Borrador confidencial de Uno" not in page
    listing = reporter.get(reverse("directory:list"), {"q": "Socio Uno"})
    assert [o.n_activities for o in listing.context["page"]] == [1]
    # Its own reporters, and the office, see all of its activities.
    colleague = client_for(make_user("r.uno", Role.REPORTER, organisation=first))
    page = colleague.get(reverse("directory:detail", args=[first.pk])).content.decode()
    assert "Borrador confidencial de Uno" in page
    office = client_for(make_user("o.staff", Role.STAFF))
    listing = office.get(reverse("directory:list"), {"q": "Socio Uno"})
    assert [o.n_activities for o in listing.context["page"]] == [2]


def test_the_export_leaves_out_the_money_and_people_of_others_public_activities(partners):
    activities, reporter, _first = partners
    TransactionFactory(activity=activities["first public"], amount=777)
    TransactionFactory(activity=activities["second internal"], amount=555, currency_id="COP")
    export = reporter.get(reverse("portfolio:export", args=["csv"]))
    rows = {
        row["title_es"]: row
        for row in csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode()))
    }
    assert rows["Agua para Tibú"]["disbursed"] == ""  # not on its public page
    assert rows["Borrador propio de Dos"]["disbursed"] == "555.00"


def test_the_gap_analysis_counts_no_other_partners_unpublished_work(partners):
    from puente.coordination.analysis import portfolio_coverage
    from puente.coordination.models import ServiceCategory
    from puente.portfolio.selectors import visible_activities
    from puente.portfolio.tests.factories import LocationFactory
    from puente.territory.models import Municipality

    activities, _reporter, _first = partners
    link = ServiceCategory.objects.first()
    tibu = Municipality.objects.get(code="54810")
    for activity in activities.values():
        activity.planned_start, activity.planned_end = datetime.date(2026, 1, 1), None
        activity.actual_start = activity.actual_end = None
        activity.save()
        LocationFactory(activity=activity, municipality=tibu)
        activity.sectors.create(sector_id=link.category_id, percentage=100)
    reporter = make_user("r.gaps", Role.REPORTER, organisation=activities["second internal"]
                         .participations.first().organisation)  # fmt: skip
    period = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    everyone = portfolio_coverage(*period)[(tibu.pk, link.service_id)]
    seen = portfolio_coverage(*period, visible_activities(reporter))[(tibu.pk, link.service_id)]
    assert (everyone, seen) == (3, 2)  # the other partner's draft is not counted for it


def test_a_partners_edit_form_offers_no_other_partners_unpublished_programme(partners):
    from puente.portfolio.models import Level

    activities, reporter, first = partners
    _activity(first, "Programa reservado de Uno", public=False).__class__.objects.filter(
        title_es="Programa reservado de Uno"
    ).update(level=Level.PROGRAMME)
    own = activities["second internal"]
    page = reporter.get(reverse("portfolio:edit", args=[own.pk])).content.decode()
    assert 'name="title_es"' in page and "Programa reservado de Uno" not in page
