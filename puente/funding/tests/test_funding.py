"""Calls by deadline, calls matched to viable proposals, applications and resources mobilised."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from puente.agreements.models import Concept, Decision
from puente.agreements.tests.factories import ProposalFactory
from puente.funding.models import Application, ApplicationStatus, Call, Source
from puente.funding.selectors import calls_for_proposal, matches_for_call, mobilised
from puente.portfolio.models import ExchangeRate
from puente.territory.models import Municipality, Sector, TargetPopulation

pytestmark = pytest.mark.django_db


def make_call(title: str, opens: int = -10, closes: int = 20, **m2m) -> Call:  # noqa: ANN003
    source, _ = Source.objects.get_or_create(name="COSUDE", kind="bilateral")
    today = timezone.localdate()
    call = Call.objects.create(
        source=source, title=title, opens_on=today + timedelta(days=opens),
        closes_on=today + timedelta(days=closes), max_per_project=Decimal("200000"),
    )  # fmt: skip
    for name, values in m2m.items():
        getattr(call, name).set(values)
    return call


def viable(decision: str = Decision.VIABLE, **fields):  # noqa: ANN003, ANN201
    proposal = ProposalFactory(**fields)
    proposal.sectors.set([Sector.objects.get(code="12220")])  # basic health care, under 122
    Concept.objects.create(proposal=proposal, decision=decision, summary="x",
                           issued_at=timezone.now(), number=f"CTV-T-{proposal.pk}")  # fmt: skip
    return proposal


def test_the_list_shows_open_calls_by_deadline(staff_client):
    later = make_call("Convocatoria de agua", closes=40)
    sooner = make_call("Convocatoria de salud", closes=5)
    make_call("Convocatoria cerrada", opens=-60, closes=-1)
    make_call("Convocatoria futura", opens=5, closes=60)
    page = staff_client.get("/staff/funding/").content.decode()
    assert page.index(sooner.title) < page.index(later.title)
    assert "Convocatoria cerrada" not in page and "Convocatoria futura" not in page
    upcoming = staff_client.get("/staff/funding/", {"status": "upcoming"}).content.decode()
    assert "Convocatoria futura" in upcoming and sooner.title not in upcoming


def test_a_call_lists_the_viable_proposals_whose_theme_population_and_place_fit():
    fits = viable()
    unfit = viable(decision=Decision.NOT_VIABLE, organisation=fits.organisation,
                   submitted_by=fits.submitted_by)  # fmt: skip
    call = make_call(
        "Salud en la frontera",
        themes=[Sector.objects.get(code="122")],
        municipalities=Municipality.objects.filter(code="54810"),  # Tibú
        populations=list(fits.populations.all()),
    )
    assert [m.proposal for m in matches_for_call(call)] == [fits]
    assert unfit not in [m.proposal for m in matches_for_call(call)]
    elsewhere = make_call("Solo Ocaña", municipalities=Municipality.objects.filter(code="54498"))
    assert matches_for_call(elsewhere) == []
    education = make_call("Educación", themes=[Sector.objects.get(code="112")])
    assert matches_for_call(education) == []
    open_for_fits = [m.call for m in calls_for_proposal(fits, timezone.localdate())]
    assert call in open_for_fits and elsewhere not in open_for_fits


def test_a_proposal_already_sent_to_a_call_is_not_proposed_again():
    proposal = viable()
    call = make_call("Salud", themes=[Sector.objects.get(code="122")])
    Application.objects.create(proposal=proposal, call=call, amount_requested=Decimal("100"))
    assert matches_for_call(call) == []


def test_an_award_needs_its_amount_and_date_and_then_counts_as_mobilised(staff_client):
    ExchangeRate.objects.create(currency_id="USD", valid_from=date(2024, 1, 1), cop_per_unit=4000)
    proposal = viable()
    call = make_call("Salud", themes=[Sector.objects.get(code="122")])
    data = {"proposal": proposal.pk, "status": "awarded", "amount_requested": "150000",
            "currency": "USD", "submitted_on": "2026-03-01"}  # fmt: skip
    refused = staff_client.post(f"/staff/funding/calls/{call.pk}/applications/new/", data)
    assert refused.status_code == 400
    assert "Una adjudicación necesita su monto" in refused.content.decode()
    assert not Application.objects.exists()
    data.update(amount_awarded="120000", decided_on="2026-06-15")
    assert (
        staff_client.post(f"/staff/funding/calls/{call.pk}/applications/new/", data).status_code
        == 302
    )
    assert Application.objects.get().status == ApplicationStatus.AWARDED
    assert mobilised() == [("COSUDE", 2026, Decimal("480000000.00"), 100.0)]
    page = staff_client.get("/staff/funding/").content.decode()
    assert "480\xa0000\xa0000" in page
    # The table is the chart: the row carries its bar, the largest one full length.
    assert (
        '<td class="bar-cell"><svg aria-hidden="true" focusable="false" width="100%" height="14"><rect width="100.0%"'
        in page
    )


def test_viewers_read_calls_but_only_the_secretariat_writes(viewer_client):
    call = make_call("Salud")
    assert viewer_client.get(call.get_absolute_url()).status_code == 200
    assert viewer_client.get("/staff/funding/calls/new/").status_code == 403
    assert (
        viewer_client.post(f"/staff/funding/calls/{call.pk}/applications/new/", {}).status_code
        == 403
    )


def test_a_call_that_closes_before_it_opens_is_refused(staff_client):
    source = Source.objects.create(name="Unión Europea", kind="multilateral")
    response = staff_client.post("/staff/funding/calls/new/", {
        "source": source.pk, "title": "Convocatoria", "opens_on": "2026-05-01",
        "closes_on": "2026-04-01", "currency": "EUR",
        "populations": [TargetPopulation.objects.first().pk],
    })  # fmt: skip
    assert response.status_code == 400
    assert "La convocatoria cierra antes de abrir." in response.content.decode()
    assert not Call.objects.exists()


def test_the_dashboard_shows_calls_closing_soon_and_money_mobilised(staff_client):
    ExchangeRate.objects.create(currency_id="USD", valid_from=date(2024, 1, 1), cop_per_unit=4000)
    call = make_call("Convocatoria que cierra pronto", closes=9)
    Application.objects.create(
        proposal=viable(), call=call, status=ApplicationStatus.AWARDED,
        amount_requested=Decimal("1000"), amount_awarded=Decimal("1000"),
        decided_on=date(2026, 5, 1), currency_id="USD",
    )  # fmt: skip
    page = staff_client.get("/staff/portfolio/").content.decode()
    assert call.title in page and "COSUDE" in page and "4\xa0000\xa0000" in page
