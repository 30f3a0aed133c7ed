"""Writes of the agreements app: agreements and their steps, proposals, concepts, the step to the
portfolio. Each one atomic and attributed."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.forms import BaseInlineFormSet, ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from puente.lib.audit import attribute, save_formset
from puente.lib.workdays import add_working_days, received_on
from puente.portfolio import services as portfolio_services
from puente.portfolio.lifecycle import Stage as ActivityStage
from puente.portfolio.models import (
    Activity,
)

from . import emails
from .concept_pdf import render_concept
from .models import (
    Agreement,
    Concept,
    CriterionScore,
    Decision,
    Extension,
    Proposal,
    ProposalStatus,
    StepRecord,
)
from .workflow import Step, check_move


@transaction.atomic
def save_agreement(
    form: ModelForm,  # type: ignore[type-arg]
    parties: "BaseInlineFormSet[Any, Any, Any]",
    obligations: "BaseInlineFormSet[Any, Any, Any]",
    by: User,
) -> Agreement:
    """The agreement, its parties and its obligations together: all of it or none of it."""
    agreement: Agreement = form.save(commit=False)
    attribute(agreement, by)
    agreement.save()
    form.save_m2m()
    save_formset(parties, by, agreement)
    save_formset(obligations, by, agreement)
    return agreement


def missing_for_signature(agreement: Agreement) -> list[str]:
    """What a reviewer expects of a signed agreement and this one lacks, in the reader's words."""
    missing = []
    if agreement.parties.count() < 2:
        missing.append(_("its parties (at least two: the Governorate and its counterpart)"))
    if not agreement.signed_on:
        missing.append(_("the signature date"))
    if not agreement.documents.filter(is_signed_copy=True).exists():
        missing.append(_("the signed copy, attached as a document"))
    return missing


@transaction.atomic
def move(
    agreement: Agreement, target: str, by: User, note: str = "", new_end: date | None = None
) -> StepRecord:
    """One step along the agreement's workflow, dated and attributed; refused when not allowed."""
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    check_move(locked.kind, locked.step, target)
    note = note.strip()
    if target in (Step.SIGNATURE, Step.IN_FORCE):
        missing = missing_for_signature(locked)
        if missing:
            raise ValidationError(
                _("Before the agreement is signed, record: %s.") % "; ".join(missing)
            )
    if target == Step.IN_FORCE and not (locked.signed_on and locked.starts_on and locked.ends_on):
        raise ValidationError(
            _("Record the signature date, the start and the end before the agreement is in force.")
        )
    if target == Step.EXTENDED:
        current_end = locked.current_end
        if new_end is None or (current_end and new_end <= current_end):
            raise ValidationError(
                _("An extension needs a new end date after the current one (%(end)s).")
                % {"end": current_end or "—"}
            )
        if not note:
            raise ValidationError(_("Say why the agreement is extended."))
        Extension.objects.create(agreement=locked, new_end=new_end, reason=note)
    if target == Step.TERMINATED and not note:
        raise ValidationError(_("Say why the agreement ends early."))
    record = StepRecord.objects.create(
        agreement=locked, from_step=locked.step, to_step=target, by=by, note=note
    )
    locked.step = target
    attribute(
        locked,
        by,
        pgettext_lazy("history", "%(from)s → %(to)s. %(note)s"),
        **{"from": Step(record.from_step).label, "to": Step(target).label, "note": note},
    )
    locked.save()
    agreement.refresh_from_db()
    return record


# --- proposals and concepts -------------------------------------------------------------------


@transaction.atomic
def submit_proposal(
    form: ModelForm,  # type: ignore[type-arg]
    documents: "BaseInlineFormSet[Any, Any, Any]",
    by: User,
) -> Proposal:
    """A proposal is received on the next working day when filed after hours; the concept is due
    PUENTE_CONCEPT_WORKING_DAYS working days later."""
    proposal: Proposal = form.save(commit=False)
    proposal.submitted_by = by
    proposal.submitted_at = timezone.now()
    proposal.received_on = received_on(proposal.submitted_at)
    proposal.due_on = add_working_days(proposal.received_on, settings.PUENTE_CONCEPT_WORKING_DAYS)
    attribute(proposal, by)
    proposal.save()
    form.save_m2m()
    save_formset(documents, by, proposal)
    transaction.on_commit(lambda: emails.proposal_received(proposal))
    return proposal


@transaction.atomic
def save_assessment(form: ModelForm, scores: Sequence[ModelForm], by: User) -> Concept:  # type: ignore[type-arg]
    """The concept as it stands (decision, summary, one score and rationale per criterion)."""
    concept: Concept = form.save(commit=False)
    if concept.is_issued:
        raise ValidationError(_("The concept was issued; it can no longer change."))
    attribute(concept, by)
    concept.save()
    for score_form in scores:
        if not score_form.has_changed() and score_form.instance.pk is None:
            continue
        score: CriterionScore = score_form.save(commit=False)
        score.concept = concept
        attribute(score, by)
        score.save()
    proposal = concept.proposal
    if proposal.status == ProposalStatus.SUBMITTED:
        proposal.status = ProposalStatus.ASSESSING
        attribute(proposal, by)
        proposal.save(update_fields=["status"])
    return concept


def missing_for_issue(concept: Concept) -> list[str]:
    """What still stops the concept from being issued, in the words staff read."""
    from .models import Criterion

    missing = []
    scored = set(concept.scores.values_list("criterion_id", flat=True)) if concept.pk else set()
    for criterion in Criterion.objects.filter(active=True):
        if criterion.pk not in scored:
            missing.append(_("a score and rationale for “%s”") % criterion.name)
    if not concept.decision:
        missing.append(_("the decision"))
    if concept.decision == Decision.CONDITIONAL and not concept.conditions.strip():
        missing.append(_("the conditions"))
    if not concept.summary.strip():
        missing.append(_("the summary"))
    return missing


def _next_number(year: int) -> str:
    prefix = f"CTV-{year}-"
    last = (
        Concept.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{int(last[len(prefix) :]) + 1 if last else 1:04d}"


def issue_concept(concept: Concept, by: User) -> Concept:
    """Numbers the concept, freezes it as a PDF and tells the proposer; refused when incomplete.

    The email leaves once the concept is committed; whether it went out is kept on the concept
    returned (`notified`), so that a page says "notified" only when a message left.
    """
    try:
        with transaction.atomic():
            issued = _issue(concept, by)
    except IntegrityError:  # two concepts numbered at the same moment: the later takes the next
        with transaction.atomic():
            issued = _issue(concept, by)
    issued.notified = emails.concept_issued(issued)  # type: ignore[attr-defined]
    return issued


def _issue(concept: Concept, by: User) -> Concept:
    locked = Concept.objects.select_for_update().select_related("proposal").get(pk=concept.pk)
    if locked.is_issued:
        raise ValidationError(_("The concept was already issued."))
    missing = missing_for_issue(locked)
    if missing:
        raise ValidationError(_("Before issuing, complete: %s.") % "; ".join(missing))
    now = timezone.now()
    locked.number = _next_number(timezone.localdate(now).year)
    locked.issued_at, locked.issued_by = now, by
    locked.pdf.save(f"{locked.number}.pdf", ContentFile(render_concept(locked)), save=False)
    attribute(locked, by, pgettext_lazy("history", "Issued %(number)s"), number=locked.number)
    locked.save()
    proposal = locked.proposal
    proposal.status = ProposalStatus.ISSUED
    attribute(proposal, by)
    proposal.save(update_fields=["status"])
    return locked


@transaction.atomic
def create_activity(proposal: Proposal, by: User) -> Activity:
    """A proposal with a favourable concept becomes a portfolio project, linked both ways."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    concept = getattr(locked, "concept", None)
    if concept is None or not concept.is_favourable:
        raise ValidationError(_("Only a proposal with a favourable concept becomes a project."))
    if locked.activity_id:
        raise ValidationError(_("This proposal is already a portfolio project."))
    activity = portfolio_services.create_activity(
        by=by,
        title_es=locked.title,
        description_es=locked.objective,
        stage=ActivityStage.NEGOTIATION,  # the concept is done: next, finding the resources
        currency_id=locked.currency_id,
        reason=pgettext_lazy("history", "From proposal %(pk)s (%(number)s)"),
        reason_values={"pk": locked.pk, "number": concept.number},
        implementer=locked.organisation,
        municipalities=locked.municipalities.all(),
        sectors=locked.sectors.all(),
        budget=locked.budget,  # the proposal's budget as the project's first
        people=locked.people,
        populations=locked.populations.all(),
    )
    locked.activity = activity
    attribute(locked, by)
    locked.save(update_fields=["activity"])
    proposal.refresh_from_db()
    return activity


@transaction.atomic
def save_criteria(formset: Any, by: User) -> None:
    """The checklist: criteria in use are edited; retired ones are switched off, never deleted."""
    save_formset(formset, by)
