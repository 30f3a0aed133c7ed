"""The Secretariat's lifecycle: only allowed steps, each recorded with who, when and why."""

import pytest
from django.urls import reverse

from puente.portfolio.lifecycle import ALLOWED_STEPS, Stage
from puente.portfolio.models import StageChange
from puente.portfolio.services import StageChangeRefused, change_stage
from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_an_activity_walks_from_idea_to_closed_and_its_iati_status_follows(staff_user):
    activity = ActivityFactory(stage=Stage.IDEA)
    path = [
        (Stage.FORMULATION, "1"),
        (Stage.TECHNICAL_CONCEPT, "1"),
        (Stage.NEGOTIATION, "1"),
        (Stage.APPROVED, "1"),
        (Stage.EXECUTION, "2"),
        (Stage.CLOSING, "3"),
        (Stage.CLOSED, "4"),
    ]
    for stage, iati_status in path:
        # Approved on the staff's word: no agreement or concept is linked in this test.
        change_stage(activity, stage, staff_user, f"Paso a {stage.label}", approve_unlinked=True)
        assert activity.stage == stage
        assert activity.iati_status == iati_status
    assert StageChange.objects.filter(activity=activity).count() == len(path)
    last = StageChange.objects.filter(activity=activity).first()
    assert (last.from_stage, last.to_stage, last.by) == (Stage.CLOSING, Stage.CLOSED, staff_user)


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Stage.IDEA, Stage.EXECUTION),
        (Stage.FORMULATION, Stage.APPROVED),
        (Stage.CLOSED, Stage.EXECUTION),
        (Stage.CANCELLED, Stage.IDEA),
        (Stage.EXECUTION, Stage.IDEA),
    ],
)
def test_forbidden_steps_are_refused_and_leave_no_trace(staff_user, start, target):
    activity = ActivityFactory(stage=start)
    with pytest.raises(StageChangeRefused):
        change_stage(activity, target, staff_user, "Intento")
    activity.refresh_from_db()
    assert activity.stage == start
    assert not StageChange.objects.filter(activity=activity).exists()


def test_every_open_stage_can_be_cancelled_and_closed_ones_cannot_move():
    for stage, steps in ALLOWED_STEPS.items():
        if stage in (Stage.CLOSED, Stage.CANCELLED):
            assert steps == set()
        else:
            assert Stage.CANCELLED in steps


def test_a_step_needs_a_reason(staff_user):
    activity = ActivityFactory(stage=Stage.IDEA)
    with pytest.raises(StageChangeRefused):
        change_stage(activity, Stage.FORMULATION, staff_user, "   ")


def test_the_stage_form_moves_the_activity_and_the_history_page_shows_it(staff_client):
    activity = ActivityFactory(stage=Stage.IDEA)
    response = staff_client.post(
        reverse("portfolio:stage", args=[activity.pk]),
        {"to": "formulation", "reason": "La OIM confirmó interés"},
        follow=True,
    )
    assert "Formulación" in response.content.decode()
    history = staff_client.get(reverse("portfolio:history", args=[activity.pk])).content.decode()
    assert "La OIM confirmó interés" in history
    assert "ana.staff" in history


def test_the_stage_form_refuses_a_forbidden_step_with_a_message(staff_client):
    activity = ActivityFactory(stage=Stage.IDEA)
    response = staff_client.post(
        reverse("portfolio:stage", args=[activity.pk]),
        {"to": "closed", "reason": "atajo"},
        follow=True,
    )
    activity.refresh_from_db()
    assert activity.stage == Stage.IDEA
    assert (
        "no se cambió" in response.content.decode().lower()
        or "not changed" in response.content.decode()
    )


def test_viewers_cannot_change_stages(viewer_client):
    activity = ActivityFactory(stage=Stage.IDEA)
    response = viewer_client.post(
        reverse("portfolio:stage", args=[activity.pk]), {"to": "formulation", "reason": "x"}
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.stage == Stage.IDEA


def test_the_stage_menu_offers_the_next_step_first_and_cancellation_last():
    from puente.portfolio.lifecycle import allowed_next

    assert allowed_next(Stage.FORMULATION) == [Stage.TECHNICAL_CONCEPT, Stage.IDEA, Stage.CANCELLED]
    assert allowed_next(Stage.CLOSED) == []
