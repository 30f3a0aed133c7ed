"""Forms of the staff workspace: the activity, its inline parts, filters and lifecycle steps."""

import secrets
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.forms import BaseInlineFormSet, Select, inlineformset_factory
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from puente.directory.models import Organisation
from puente.lib.choices import by_label, sorted_by_label
from puente.lib.formcache import rendered_fields
from puente.lib.formrender import SharedChoices, SharedChoicesSelect
from puente.lib.freshcache import forget, kept
from puente.lib.uploads import detect_document
from puente.territory.models import Municipality, Sector, TargetPopulation

from .lifecycle import Stage
from .models import (
    ALLOWED_PARENT_LEVELS,
    Activity,
    ActivitySector,
    Beneficiaries,
    Budget,
    Dimension,
    Disaggregation,
    Document,
    Indicator,
    IndicatorPeriod,
    Level,
    Location,
    Measure,
    Participation,
    Result,
    SdgGoal,
    SharedIndicator,
    Transaction,
    same_unit,
)
from .selectors import SORTS, ActivityFilter
from .services import NewIndicator

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _check_order(cleaned: dict, start: str, end: str, message: StrOrPromise) -> None:
    if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
        raise ValidationError({end: message})


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title_es",
            "title_en",
            "level",
            "parent",
            "iati_identifier",
            "description_es",
            "description_en",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "currency",
            "humanitarian",
            "gender_marker",
            "is_public",
        ]
        dates = ("planned_start", "planned_end", "actual_start", "actual_end")
        widgets = dict.fromkeys(dates, DATE) | {
            "description_es": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self,
        *args: Any,
        can_publish: bool = False,
        readable: QuerySet[Activity] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if not can_publish:
            # Publication is the Secretariat's decision, like the stage: partners never see the box.
            del self.fields["is_public"]
        # Plans and programmes the editor may see (a partner: its own and public ones), and the
        # one the activity already belongs to.
        parents = Activity.objects.filter(level__in=[Level.PLAN, Level.PROGRAMME])
        if readable is not None:
            parents = parents.filter(
                Q(pk__in=readable.values("pk")) | Q(pk=self.instance.parent_id)
            )
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents.order_by("level", "title_es")  # type: ignore[attr-defined]

    def clean_iati_identifier(self) -> str | None:
        return (self.cleaned_data.get("iati_identifier") or "").strip() or None

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        _check_order(cleaned, "planned_start", "planned_end", _("The end comes before the start."))
        _check_order(cleaned, "actual_start", "actual_end", _("The end comes before the start."))
        level, parent = cleaned.get("level"), cleaned.get("parent")
        if level and parent and parent.level not in ALLOWED_PARENT_LEVELS[Level(level)]:
            raise ValidationError(
                {
                    "parent": _("A %(level)s cannot be part of a %(parent)s.")
                    % {"level": Level(level).label, "parent": Level(parent.level).label}
                }
            )
        return cleaned


class SharedChoicesFormSet(BaseInlineFormSet):
    """Rows list the same partners, sectors, places and currencies: each list is read from the
    database and written as options once, for every row of every formset given the same
    `shared_choices` (the activity form's page passes one to all its sections; this took it
    from 39 queries and ~2,400 model instances to a handful)."""

    def __init__(self, *args: Any, shared_choices: dict | None = None, **kwargs: Any) -> None:
        self._shared_choices = {} if shared_choices is None else shared_choices
        super().__init__(*args, **kwargs)
        # The currency the page showed, read before the activity's form is validated: validation
        # writes the posted currency onto the shared activity, and an untouched empty row whose
        # starting value moved would count as filled in (and be refused as incomplete).
        self._row_currency = getattr(self.instance, "currency_id", None) or "COP"

    def _construct_form(self, i: int, **kwargs: Any) -> forms.BaseForm:
        form = self._share_choices(super()._construct_form(i, **kwargs))  # type: ignore[misc]
        return self._in_activity_currency(form)

    @property
    def empty_form(self) -> Any:
        """The row "Add a row" copies: the same shared lists."""
        return self._in_activity_currency(self._share_choices(super().empty_form))

    def _in_activity_currency(self, form: forms.BaseForm) -> forms.BaseForm:
        """A new budget or transaction starts in the activity's default currency."""
        instance = getattr(form, "instance", None)
        if "currency" in form.fields and instance is not None and instance._state.adding:
            form.initial.setdefault("currency", self._row_currency)
        return form

    def _share_choices(self, form: forms.BaseForm) -> forms.BaseForm:
        for field in form.fields.values():
            # Drop-down lists only: a row's hidden "id" field is a choice among every row of
            # the table (all the budgets of all activities), never to be listed.
            if not isinstance(field, forms.ModelChoiceField) or type(field.widget) is not Select:
                continue
            # The same query drawn the same way is the same list, whichever field shows it
            # (a transaction's provider and receiver, a participation's organisation).
            key = (type(field), field.iterator, field.empty_label, field.to_field_name,
                   str(field.queryset.query))  # type: ignore[union-attr]  # fmt: skip
            if key not in self._shared_choices:
                self._shared_choices[key] = SharedChoices(field.choices)  # type: ignore[arg-type]
            shared = self._shared_choices[key]
            field.choices = shared  # the queryset still validates what comes back
            widget = SharedChoicesSelect(field.widget.attrs, shared)
            widget.is_required = field.widget.is_required
            field.widget = widget
        return form


class SectorFormSet(SharedChoicesFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if not kept:
            return
        total = sum((row["percentage"] for row in kept), Decimal("0"))
        if total != Decimal("100"):
            raise ValidationError(
                _("Sector percentages must add up to 100; they add up to %(total)s.")
                % {"total": total.normalize()}
            )
        codes = [row["sector"].code for row in kept]
        if len(codes) != len(set(codes)):
            raise ValidationError(_("A sector is listed twice."))


class BudgetForm(forms.ModelForm):
    class Meta:
        model = Budget
        fields = ["kind", "period_start", "period_end", "amount", "currency"]
        widgets = {"period_start": DATE, "period_end": DATE}

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        _check_order(cleaned, "period_start", "period_end", _("The end comes before the start."))
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and (end - start).days > 366:
            # IATI budgets cover at most a year.
            raise ValidationError({"period_end": _("A budget period may not exceed one year.")})
        return cleaned


class TransactionForm(forms.ModelForm):
    class Meta:
        model = Transaction
        fields = ["kind", "date", "amount", "currency", "provider", "receiver", "description"]
        widgets = {"date": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by_label(self.fields["provider"], self.fields["receiver"])


class ParticipationForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["organisation", "role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by_label(self.fields["organisation"])


class LocationForm(forms.ModelForm):
    class Meta:
        model = Location
        fields = ["municipality", "name", "latitude", "longitude"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.select_related("department")  # type: ignore[attr-defined]
        by_label(self.fields["municipality"])

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        return cleaned


def _formset(
    model: type[Model],
    form: type[forms.ModelForm] | None = None,  # type: ignore[type-arg]
    fields: list[str] | None = None,
    formset: type[BaseInlineFormSet] = SharedChoicesFormSet,  # type: ignore[type-arg]
) -> type[BaseInlineFormSet]:  # type: ignore[type-arg]
    kwargs = {"form": form} if form else {"fields": fields}
    # One empty row; formset.js adds more on demand. Each empty row costs the page a copy of
    # every partner list (bench/activity_form.py: three rows and the copy took 2.2x the old
    # page with 2,000 partners, one row and the copy 1.3x), so rows are not rendered in advance.
    return inlineformset_factory(
        Activity, model, formset=formset, extra=1, can_delete=True, **kwargs
    )


def typeahead(placeholder: StrOrPromise) -> dict[str, Any]:
    """The attributes that give a long drop-down its search box (static/puente/typeahead.js)."""
    return {
        "data-typeahead": "",
        "data-typeahead-label": placeholder,
        "data-typeahead-placeholder": placeholder,
        "data-typeahead-count": _("%s matching"),
    }


class SectorForm(forms.ModelForm):
    class Meta:
        model = ActivitySector
        fields = ["sector", "percentage"]
        widgets = {"sector": forms.Select(attrs=typeahead(_("Type to filter the list")))}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Current DAC purpose codes; a withdrawn one stays selectable where it is already used.
        current = Q(category__isnull=False, withdrawn=False)
        if self.instance.pk:
            current |= Q(pk=self.instance.sector_id)
        self.fields["sector"].queryset = Sector.objects.filter(current)  # type: ignore[attr-defined]


SectorInline = _formset(ActivitySector, form=SectorForm, formset=SectorFormSet)
ParticipationInline = _formset(Participation, form=ParticipationForm)
LocationInline = _formset(Location, form=LocationForm)
BeneficiariesInline = _formset(
    Beneficiaries, fields=["population", "sex", "age_group", "nationality", "count"]
)
SdgInline = _formset(SdgGoal, fields=["goal", "target"])
BudgetInline = _formset(Budget, form=BudgetForm)
TransactionInline = _formset(Transaction, form=TransactionForm)

INLINES = [
    ("participations", _("Participating organisations"), ParticipationInline),
    ("sectors", _("Sectors"), SectorInline),
    ("locations", _("Locations"), LocationInline),
    ("beneficiaries", _("Target populations and people"), BeneficiariesInline),
    ("sdg_goals", _("Sustainable Development Goals"), SdgInline),
    ("budgets", _("Budgets"), BudgetInline),
    ("transactions", _("Transactions"), TransactionInline),
]


# Every activity list (staff, public, dashboard) builds this form; its choices cost four queries
# and a scan of the participations (30 ms on 100,000 activities), for lists that change rarely.
FILTER_CHOICES_SECONDS = 300


def filter_choices() -> dict[str, Any]:
    """Sectors, municipalities, partners with activities and populations, in this language, and
    a version that changes whenever they are counted afresh."""

    def build() -> dict[str, Any]:
        return {
            # Changes with every rebuild: the filter form's kept HTML is keyed by it.
            "version": secrets.token_hex(8),
            "sector": [(s.code, str(s)) for s in Sector.objects.order_by("code")],
            "municipality": sorted_by_label(
                (m.code, m.name) for m in Municipality.objects.of_department("54")
            ),
            "organisation": sorted_by_label(
                (o.pk, o.short_name)
                # Reviewed only: the public list's filter names no organisation an import
                # created until staff have checked it.
                for o in Organisation.objects.filter(
                    Exists(Participation.objects.filter(organisation=OuterRef("pk"))),
                    reviewed=True,
                )
            ),
            "population": [(p.code, p.name) for p in TargetPopulation.objects.all()],
        }

    key = f"portfolio:filter-choices:{get_language()}"
    return kept(key, build, FILTER_CHOICES_SECONDS)


def forget_filter_choices(**_signal: Any) -> None:
    """After a write to what the lists show (a new partner on an activity, a renamed sector):
    staff who just made it must find it in the filters at once, not minutes later."""
    for code, _name in settings.LANGUAGES:
        forget(f"portfolio:filter-choices:{code}")


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        widget=forms.Select(attrs=typeahead(_("Type to filter the list"))),
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False)
    organisation = forms.TypedChoiceField(
        label=_("Partner"), required=False, coerce=int, empty_value=None
    )
    population = forms.ChoiceField(label=_("Population"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    public = forms.TypedChoiceField(
        label=_("Published"),
        required=False,
        choices=[("", _("All")), ("yes", _("Published only")), ("no", _("Drafts only"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["stage"].choices = anything + list(Stage.choices)  # type: ignore[attr-defined]
        self.fields["level"].choices = anything + list(Level.choices)  # type: ignore[attr-defined]
        kept_choices = filter_choices()
        self.choices_version: str = kept_choices["version"]
        for name in ("sector", "municipality", "organisation", "population"):
            self.fields[name].choices = anything + kept_choices[name]  # type: ignore[attr-defined]
        self.fields["year"].choices = anything + [  # type: ignore[attr-defined]
            (y, y) for y in range(2015, 2031)
        ]
        self.fields["sort"].choices = [  # type: ignore[attr-defined]
            ("-updated", _("Recently updated")),
            ("title", _("Title A–Z")),
            ("-title", _("Title Z–A")),
            ("start", _("Start date, oldest first")),
            ("-start", _("Start date, newest first")),
            ("stage", _("Stage, in the lifecycle's order")),
            ("-stage", _("Stage, furthest along first")),
            ("updated", _("Least recently updated")),
        ]

    def rendered_fields(self) -> SafeString:
        """The fields' HTML, kept as long as the choices are (the list's long drop-downs took
        a third of its page's time; bench/portfolio.py)."""
        return rendered_fields(self, self.choices_version, FILTER_CHOICES_SECONDS)

    def to_filter(self) -> ActivityFilter:
        # Keep the filters that are valid; an invalid one is shown with its error and ignored.
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        sort = data.get("sort") or "-updated"
        return ActivityFilter(
            q=(data.get("q") or "").strip(),
            stage=data.get("stage") or "",
            level=data.get("level") or "",
            sector=data.get("sector") or "",
            municipality=data.get("municipality") or "",
            organisation=data.get("organisation"),
            population=data.get("population") or "",
            year=data.get("year"),
            public=data.get("public"),
            sort=sort if sort in SORTS else "-updated",
        )


# A result's type is chosen by the person, never the model's default taken unnoticed: an output,
# an outcome and an impact are reported differently.
RESULT_KINDS = [("", BLANK_CHOICE_LABEL), *Result.Kind.choices]


class NewIndicatorRow(forms.Form):
    """One indicator entered with the activity; rows naming the same result share it."""

    result_kind = forms.ChoiceField(label=capfirst(_("result type")), choices=RESULT_KINDS)
    result_title = forms.CharField(label=capfirst(_("result")), max_length=300)
    title = forms.CharField(label=capfirst(_("indicator")), max_length=300)
    measure = forms.ChoiceField(
        label=capfirst(_("measure")), choices=Measure.choices, initial=Measure.UNIT
    )
    baseline_value = forms.DecimalField(
        label=capfirst(_("baseline")), required=False, max_digits=20, decimal_places=4
    )


NewIndicatorFormSet = forms.formset_factory(NewIndicatorRow, extra=1, can_delete=True)


def new_indicators(formset: forms.BaseFormSet) -> list[NewIndicator]:
    """The filled rows of a valid NewIndicatorFormSet, those taken out left out."""
    return [
        NewIndicator(**{k: v for k, v in row.cleaned_data.items() if k != "DELETE"})
        for row in formset.forms
        if row.has_changed() and not row.cleaned_data.get("DELETE")
    ]


class StageChangeForm(forms.Form):
    to = forms.ChoiceField(label=_("Move to"))
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}))
    approve_unlinked = forms.BooleanField(
        label=_("Approve without a linked agreement or viability concept"),
        help_text=_("Only when approving; the reason above says why."),
        required=False,
    )

    def __init__(self, *args, allowed: list[Stage], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s.value, s.label) for s in allowed]  # type: ignore[attr-defined]
        if Stage.APPROVED not in allowed:
            del self.fields["approve_unlinked"]


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["category", "title", "url", "file"]

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        if upload:
            self.detected = detect_document(upload)
        return upload

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not cleaned.get("url") and not cleaned.get("file") and not self.errors:
            raise ValidationError(_("Attach a file or give a link."))
        return cleaned


class DocumentDetailsForm(forms.ModelForm):
    """A document's category, title and link, corrected later (its file stays as uploaded)."""

    class Meta:
        model = Document
        fields = ["category", "title", "url"]

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not cleaned.get("url") and not self.instance.file and not self.errors:
            raise ValidationError(_("Attach a file or give a link."))
        return cleaned


class ResultForm(forms.ModelForm):
    class Meta:
        model = Result
        fields = ["kind", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = RESULT_KINDS  # type: ignore[attr-defined]
        if self.instance._state.adding:
            self.initial["kind"] = ""  # not the model's default (RESULT_KINDS says why)


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "title", "shared", "measure", "unit", "ascending", "baseline_year", "baseline_value",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        shared = self.fields["shared"]
        shared.queryset = SharedIndicator.objects.all()  # type: ignore[attr-defined]
        shared.empty_label = _("None: this project's own indicator")  # type: ignore[attr-defined]

    def clean(self) -> dict:
        """A project's figures join a shared indicator's sum only in its measure and unit: a
        mismatch is refused here, where it can still be corrected."""
        cleaned = super().clean() or {}
        shared = cleaned.get("shared")
        if shared is None:
            return cleaned
        if cleaned.get("measure") and cleaned["measure"] != shared.measure:
            self.add_error(
                "measure",
                _("The shared indicator “%(name)s” is measured as %(measure)s.")
                % {"name": shared.name, "measure": shared.get_measure_display()},
            )
        if cleaned.get("unit") and not same_unit(cleaned["unit"], shared.unit):
            self.add_error(
                "unit",
                _("The shared indicator “%(name)s” counts in “%(unit)s”; leave the unit empty or "
                  "write the same one.") % {"name": shared.name, "unit": shared.unit},
            )  # fmt: skip
        return cleaned


class SharedIndicatorForm(forms.ModelForm):
    class Meta:
        model = SharedIndicator
        fields = ["name_es", "name_en", "unit", "measure", "ascending", "reference"]


class PeriodForm(forms.ModelForm):
    class Meta:
        model = IndicatorPeriod
        fields = ["period_start", "period_end", "target", "actual", "actual_comment"]
        widgets = {"period_start": DATE, "period_end": DATE}

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        _check_order(cleaned, "period_start", "period_end", _("The end comes before the start."))
        return cleaned


class DisaggregationFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        """The same side, dimension and category twice is refused here, by row, not by the
        database (its unique constraint includes the source's name, which the form lacks)."""
        super().clean()
        seen: set[tuple[str, str, str]] = set()
        for row in self.forms:
            data = getattr(row, "cleaned_data", None) or {}
            if row.errors or not data or data.get("DELETE"):
                continue  # a row with its own errors is answered by them, not here
            key = (data["side"], data["dimension"], data["category"].strip().lower())
            if key in seen:
                raise ValidationError(
                    _("“%(category)s” is given twice for the same side and dimension.")
                    % {"category": data["category"]}
                )
            seen.add(key)


DisaggregationInline = inlineformset_factory(
    IndicatorPeriod,
    Disaggregation,
    formset=DisaggregationFormSet,
    fields=["side", "dimension", "category", "value"],
    extra=3,
    can_delete=True,
)


class IpttForm(ActivityFilterForm):
    """The activity list's filters, a plan or programme to narrow to, a dimension to split by."""

    programme = forms.TypedChoiceField(
        label=_("Plan or programme"), required=False, coerce=int, empty_value=None
    )
    split = forms.ChoiceField(
        label=_("Split by"),
        required=False,
        choices=[("", _("No split"))]
        + [(d.value, d.label) for d in Dimension if d != Dimension.OTHER],
    )

    def __init__(self, *args: Any, readable: QuerySet[Activity], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["sort"]  # rows follow their activity's title
        self.fields["programme"].choices = [("", _("All"))] + [  # type: ignore[attr-defined]
            (a.pk, f"{a.get_level_display()}: {a.title}")
            for a in readable.filter(level__in=[Level.PLAN, Level.PROGRAMME]).order_by(
                "level", "title_es"
            )
        ]


class PortfolioUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled-in portfolio template (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
    clean_only = forms.BooleanField(
        label=_("If some rows have errors, save the clean rows and leave those out"),
        required=False,
    )
    current_stages = forms.BooleanField(
        label=_(
            "New rows are projects already approved, under way or ended: record them at the "
            "stage the file gives (the file is named as the reason)"
        ),
        required=False,
    )
