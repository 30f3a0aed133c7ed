"""Forms of the agreements app: agreements and their parts, workflow moves, proposals, concepts."""

from typing import Any

from django import forms
from django.forms import inlineformset_factory, modelformset_factory
from django.utils.translation import gettext_lazy as _

from puente.accounts.roles import Role, users_with_role
from puente.directory.models import Organisation
from puente.lib.documents import CheckedDocumentForm
from puente.portfolio.models import Activity
from puente.territory.models import Municipality, Sector

from .models import (
    MAX_SCORE,
    Agreement,
    AgreementDocument,
    Concept,
    Criterion,
    CriterionScore,
    Obligation,
    Party,
    Proposal,
    ProposalDocument,
    ProposalStatus,
)
from .workflow import Kind, Step, next_steps

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "kind", "reference", "title", "purpose", "signed_on", "starts_on", "ends_on",
            "value", "currency", "responsible", "activities",
        ]  # fmt: skip
        widgets = {
            "signed_on": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = users_with_role(  # type: ignore[attr-defined]
            Role.STAFF, Role.ADMINISTRATOR, active=None
        )
        self.fields["activities"].queryset = (  # type: ignore[attr-defined]
            Activity.objects.only("pk", "title_es").order_by("title_es")
        )
        if self.instance.pk:
            # The kind decides the workflow: it is fixed once the agreement exists.
            self.fields["kind"].disabled = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end comes before the start."))
        return cleaned


class AgreementDocumentForm(CheckedDocumentForm):
    class Meta:
        model = AgreementDocument
        fields = ["title", "file", "is_signed_copy"]


PartyFormSet = inlineformset_factory(
    Agreement, Party, fields=["organisation", "role", "cash", "in_kind", "in_kind_description",
                              "currency"], extra=2, can_delete=True,
)  # fmt: skip
ObligationFormSet = inlineformset_factory(
    Agreement, Obligation, fields=["kind", "description", "due_on", "responsible", "done_on"],
    widgets={"due_on": DATE, "done_on": DATE}, extra=2, can_delete=True,
)  # fmt: skip


class MoveForm(forms.Form):
    """One step along the workflow; only the steps allowed from where the agreement stands."""

    target = forms.ChoiceField(label=_("Next step"))
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to extend or to end early."),
    )  # fmt: skip
    new_end = forms.DateField(label=_("New end date (extensions)"), required=False, widget=DATE)

    def __init__(self, *args: Any, agreement: Agreement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        steps = next_steps(agreement.kind, agreement.step)
        # No step is preselected: an agreement moves only when someone picks where to.
        choices = [("", "—"), *((s.value, s.label) for s in steps)] if steps else []
        self.fields["target"].choices = choices  # type: ignore[attr-defined]


class AgreementFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Kind.choices]
    )
    step = forms.ChoiceField(
        label=_("Step"), required=False, choices=[("", _("Any step")), *Step.choices]
    )
    expiring = forms.BooleanField(label=_("Ending within 30 days"), required=False)


# --- proposals and concepts -------------------------------------------------------------------


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = [
            "organisation", "title", "objective", "populations", "people", "municipalities",
            "sectors", "budget", "cofinancing", "currency", "source_sought",
        ]  # fmt: skip
        widgets = {
            "objective": forms.Textarea(attrs={"rows": 4}),
            "populations": forms.CheckboxSelectMultiple,
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
            "sectors": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, organisation: Organisation | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = Municipality.objects.of_department("54")  # type: ignore[attr-defined]
        self.fields["sectors"].queryset = Sector.objects.filter(  # type: ignore[attr-defined]
            category__isnull=True, withdrawn=False
        )  # DAC categories: enough to match calls, short enough to choose from
        if organisation is not None:
            # A proposer files for its own organisation; only staff choose one.
            self.fields.pop("organisation")
            self.instance.organisation = organisation

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        budget, cofinancing = cleaned.get("budget"), cleaned.get("cofinancing")
        if budget is not None and cofinancing is not None and cofinancing > budget:
            self.add_error("cofinancing", _("The co-financing cannot exceed the total budget."))
        return cleaned


class ProposalDocumentForm(CheckedDocumentForm):
    class Meta:
        model = ProposalDocument
        fields = ["title", "file"]


ProposalDocumentFormSet = inlineformset_factory(
    Proposal, ProposalDocument, form=ProposalDocumentForm, extra=2, can_delete=True, max_num=10,
    validate_max=True,
)  # fmt: skip


class ConceptForm(forms.ModelForm):
    class Meta:
        model = Concept
        fields = ["decision", "summary", "conditions"]
        widgets = {
            "decision": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "conditions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].required = False  # a draft may be saved before deciding
        self.fields["decision"].choices = self.fields["decision"].choices[1:]  # type: ignore[attr-defined]


class ScoreForm(forms.ModelForm):
    """One criterion's score and rationale; the criterion is fixed by the form's position."""

    class Meta:
        model = CriterionScore
        fields = ["score", "rationale"]
        widgets = {
            "score": forms.Select(
                choices=[("", "—"), *[(n, str(n)) for n in range(MAX_SCORE + 1)]]
            ),
            "rationale": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, criterion: Criterion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        self.instance.criterion = criterion
        self.fields["score"].required = self.fields["rationale"].required = False
        self.fields["score"].label = _("Score (0–%d)") % MAX_SCORE

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_score = cleaned.get("score") is not None
        if has_score != bool(cleaned.get("rationale")):
            self.add_error(None, _("Give both a score and its rationale, or neither yet."))
        return cleaned


def score_forms(concept: Concept, data: Any = None) -> list[ScoreForm]:
    """One form per criterion in use (and per retired one the concept already scored)."""
    existing = {s.criterion_id: s for s in concept.scores.all()} if concept.pk else {}
    criteria = Criterion.objects.filter(active=True) | Criterion.objects.filter(pk__in=existing)
    return [
        ScoreForm(data, prefix=f"score-{c.pk}", criterion=c, instance=existing.get(c.pk))
        for c in criteria.distinct().order_by("order", "pk")
    ]


CriterionFormSet = modelformset_factory(
    Criterion, fields=["order", "name_es", "name_en", "guidance", "active"], extra=1,
    widgets={"guidance": forms.Textarea(attrs={"rows": 2})},
)  # fmt: skip


class ProposalFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *ProposalStatus.choices]
    )
    late = forms.BooleanField(label=_("Past the due date"), required=False)
