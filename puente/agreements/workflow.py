"""The steps an agreement goes through, per kind: which moves are allowed from where.

Treaties follow the national route (the Foreign Ministry, Congress, the Constitutional Court)
before they come into force; the department's own conventions, MoUs, letters of intent and
contracts go through its legal office and signature.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Kind(models.TextChoices):
    TREATY = "treaty", gettext_lazy("Treaty or international agreement")
    CONVENTION = "convention", gettext_lazy("Cooperation convention (convenio)")
    MOU = "mou", gettext_lazy("Memorandum of understanding")
    LETTER = "letter", gettext_lazy("Letter of intent")
    CONTRACT = "contract", gettext_lazy("Contract")


class Step(models.TextChoices):
    DRAFT = "draft", gettext_lazy("Draft")
    LEGAL_REVIEW = "legal-review", gettext_lazy("Legal review")
    NATIONAL_EXECUTIVE = "national-executive", gettext_lazy("Before the Foreign Ministry")
    SIGNATURE = "signature", gettext_lazy("Signed")
    CONGRESS = "congress", gettext_lazy("Before Congress")
    COURT_REVIEW = "court-review", gettext_lazy("Constitutional Court review")
    IN_FORCE = "in-force", gettext_lazy("In force")
    EXTENDED = "extended", gettext_lazy("Extended")
    CLOSED = "closed", gettext_lazy("Closed")
    TERMINATED = "terminated", gettext_lazy("Terminated early")


S = Step
_ENDING = {
    S.IN_FORCE: [S.EXTENDED, S.CLOSED, S.TERMINATED],
    S.EXTENDED: [S.EXTENDED, S.CLOSED, S.TERMINATED],  # an agreement may be extended again
    S.CLOSED: [],
    S.TERMINATED: [],
}
# A returned draft goes back one step; anything not yet in force may be abandoned.
DEPARTMENTAL: dict[Step, list[Step]] = {
    S.DRAFT: [S.LEGAL_REVIEW, S.TERMINATED],
    S.LEGAL_REVIEW: [S.SIGNATURE, S.DRAFT, S.TERMINATED],
    S.SIGNATURE: [S.IN_FORCE, S.TERMINATED],
    **_ENDING,
}
TREATY: dict[Step, list[Step]] = {
    S.DRAFT: [S.NATIONAL_EXECUTIVE, S.TERMINATED],
    S.NATIONAL_EXECUTIVE: [S.SIGNATURE, S.DRAFT, S.TERMINATED],
    S.SIGNATURE: [S.CONGRESS, S.TERMINATED],
    S.CONGRESS: [S.COURT_REVIEW, S.TERMINATED],
    S.COURT_REVIEW: [S.IN_FORCE, S.TERMINATED],
    **_ENDING,
}
WORKFLOWS: dict[str, dict[Step, list[Step]]] = {
    kind: TREATY if kind == Kind.TREATY else DEPARTMENTAL for kind in Kind
}
FINISHED = (S.CLOSED, S.TERMINATED)
RUNNING = (S.IN_FORCE, S.EXTENDED)


def next_steps(kind: str, step: str) -> list[Step]:
    return WORKFLOWS[kind].get(Step(step), [])


def check_move(kind: str, step: str, target: str) -> None:
    """Raises ValidationError naming the allowed steps when `target` cannot follow `step`."""
    allowed = next_steps(kind, step)
    if target not in allowed:
        names = ", ".join(str(s.label) for s in allowed) or _("none: the agreement has ended")
        wanted = Step(target).label if target in Step.values else target
        raise ValidationError(
            _("An agreement cannot go from “%(from)s” to “%(to)s”. It may go to: %(allowed)s.")
            % {"from": Step(step).label, "to": wanted, "allowed": names}
        )
