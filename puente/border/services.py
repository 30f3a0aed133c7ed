"""Writes of the border app, each attributed and in one transaction."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from puente.lib.audit import attribute

from .models import BinationalMeeting, Obstacle, ObstacleUpdate, Status, Study


@transaction.atomic
def save_obstacle(form: ModelForm, by: User) -> Obstacle:  # type: ignore[type-arg]
    obstacle: Obstacle = form.save(commit=False)
    creating = obstacle.pk is None
    if creating:
        obstacle.reported_by = by
    attribute(obstacle, by)
    obstacle.save()
    form.save_m2m()
    if creating:
        ObstacleUpdate.objects.create(
            obstacle=obstacle, to_status=obstacle.status, note=_("Reported."), by=by
        )
    return obstacle


@transaction.atomic
def change_status(obstacle: Obstacle, to_status: str, note: str, by: User) -> ObstacleUpdate:
    """Moves the obstacle on, or records a follow-up note when the status stays the same."""
    obstacle = Obstacle.objects.select_for_update().get(pk=obstacle.pk)
    if to_status == Status.RESOLVED and not obstacle.measure:
        raise ValidationError(
            _("Say which measure resolved it (the “measure or standard proposed” field) first.")
        )
    update = ObstacleUpdate.objects.create(
        obstacle=obstacle,
        from_status=obstacle.status,
        to_status=to_status,
        note=note,
        by=by,
    )
    if to_status != obstacle.status:
        obstacle.status = to_status
        attribute(obstacle, by, note[:100])
        obstacle.save(update_fields=["status"])
    return update


@transaction.atomic
def save_meeting(
    form: ModelForm,  # type: ignore[type-arg]
    commitments: "BaseInlineFormSet[Any, Any, Any]",
    by: User,
) -> BinationalMeeting:
    meeting: BinationalMeeting = form.save(commit=False)
    attribute(meeting, by)
    meeting.save()
    form.save_m2m()
    commitments.instance = meeting
    for commitment in commitments.save(commit=False):
        attribute(commitment, by)
        commitment.save()
    for gone in commitments.deleted_objects:
        attribute(gone, by, pgettext_lazy("history", "Deleted"))
        gone.delete()
    return meeting


@transaction.atomic
def save_study(form: ModelForm, by: User) -> Study:  # type: ignore[type-arg]
    study: Study = form.save(commit=False)
    attribute(study, by)
    study.save()
    return study
