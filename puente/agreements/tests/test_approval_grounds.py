"""A project is approved with a linked agreement or a favourable concept, or on staff's word."""

import pytest
from django.urls import reverse

from puente.agreements.models import Concept, Decision
from puente.agreements.workflow import Step
from puente.portfolio.lifecycle import Stage
from puente.portfolio.models import Activity
from puente.portfolio.services import StageChangeRefused, change_stage
from puente.portfolio.tests.factories import ActivityFactory

from .factories import AgreementFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def negotiating() -> Activity:
    return ActivityFactory(stage=Stage.NEGOTIATION)


def test_a_project_without_agreement_or_concept_is_not_approved_silently(staff_user):
    activity = negotiating()
    with pytest.raises(StageChangeRefused, match="convenio vinculado"):
        change_stage(activity, Stage.APPROVED, staff_user, "Firmado")
    assert Activity.objects.get(pk=activity.pk).stage == Stage.NEGOTIATION


def test_a_linked_signed_agreement_is_enough_a_draft_is_not(staff_user):
    activity = negotiating()
    AgreementFactory(step=Step.DRAFT).activities.add(activity)
    with pytest.raises(StageChangeRefused):
        change_stage(activity, Stage.APPROVED, staff_user, "Convenio en borrador")
    AgreementFactory(step=Step.IN_FORCE).activities.add(activity)
    change_stage(activity, Stage.APPROVED, staff_user, "Convenio firmado")
    assert activity.stage == Stage.APPROVED


@pytest.mark.parametrize(
    ("decision", "approved"),
    [(Decision.VIABLE, True), (Decision.CONDITIONAL, True), (Decision.NOT_VIABLE, False)],
)
def test_an_issued_favourable_concept_is_enough(staff_user, decision, approved):
    activity = negotiating()
    proposal = ProposalFactory(activity=activity)
    concept = Concept.objects.create(proposal=proposal, decision=decision, summary="Resumen.")
    # Issued (the scoring that issuing needs is tested with the concepts).
    Concept.objects.filter(pk=concept.pk).update(issued_at="2026-03-01T10:00:00-05:00")
    if approved:
        change_stage(activity, Stage.APPROVED, staff_user, "Concepto favorable")
        assert activity.stage == Stage.APPROVED
    else:
        with pytest.raises(StageChangeRefused):
            change_stage(activity, Stage.APPROVED, staff_user, "Concepto desfavorable")


def test_staff_may_approve_on_their_word_and_the_page_offers_it(staff_client):
    activity = negotiating()
    url = reverse("portfolio:stage", args=[activity.pk])
    refused = staff_client.post(url, {"to": "approved", "reason": "Aprobado"}, follow=True)
    assert "marque “aprobar sin ellos”" in refused.content.decode()
    assert Activity.objects.get(pk=activity.pk).stage == Stage.NEGOTIATION
    staff_client.post(
        url, {"to": "approved", "reason": "Acta del comité 12", "approve_unlinked": "on"}
    )
    assert Activity.objects.get(pk=activity.pk).stage == Stage.APPROVED
