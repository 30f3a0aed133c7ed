"""Forms of coordination: needs, 5W reports (start, upload, review, rows) and the filters."""

import datetime
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from puente.directory.models import Organisation
from puente.lib.choices import by_label
from puente.territory.models import Municipality, Sector, TargetPopulation

from .models import Need, Report, ReportRow, ReportStatus, Service, Severity
from .prefill import Carry


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = [
            "municipality", "community", "service", "population", "people_affected",
            "people_excluded", "severity", "source", "evidence_date", "notes", "is_open",
        ]  # fmt: skip
        widgets = {
            "evidence_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.of_department("54")  # type: ignore[attr-defined]
        by_label(self.fields["municipality"])


class NeedFilterForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=Municipality.objects.none(),
        empty_label=_("Any municipality"),
    )  # fmt: skip
    service = forms.ModelChoiceField(
        label=_("Service"), required=False, queryset=Service.objects.all(),
        empty_label=_("Any service"),
    )  # fmt: skip
    severity = forms.TypedChoiceField(
        label=_("Severity at least"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any severity")), *Severity.choices],
    )  # fmt: skip
    covered = forms.BooleanField(label=_("Include covered needs"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.of_department("54")  # type: ignore[attr-defined]
        by_label(self.fields["municipality"])


def recent_months(count: int = 12) -> list[tuple[str, str]]:
    """The current month and the ones before it, as ("2026-11", "November 2026") choices."""
    today = timezone.localdate().replace(day=1)
    months = []
    for _n in range(count):
        months.append((today.strftime("%Y-%m"), date_format(today, "F Y").capitalize()))
        today = (today - datetime.timedelta(days=1)).replace(day=1)
    return months


def month_start(value: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise forms.ValidationError(_("Write a month as YYYY-MM.")) from None


class StartReportForm(forms.Form):
    month = forms.CharField(label=_("Month reported"), widget=forms.Select)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )

    carry = forms.ChoiceField(
        label=_("If the month is new"), choices=Carry.choices, initial=Carry.PLACES,
        widget=forms.RadioSelect, required=False,
    )  # fmt: skip
    portfolio = forms.BooleanField(
        label=_("Add a row for each of my activities under way in the portfolio, by municipality"),
        required=False, initial=True,
    )  # fmt: skip

    def __init__(self, *args: Any, partner: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].widget.choices = recent_months()  # type: ignore[attr-defined]
        if partner:
            del self.fields["organisation"]
        else:
            by_label(self.fields["organisation"])
            # The Secretariat opens a month for a partner: said of the partner, not of "me".
            self.fields["carry"].choices = [  # type: ignore[attr-defined]
                (Carry.NOTHING, Carry.NOTHING.label),
                (Carry.PLACES, _("Copy the rows of its last approved report; the figures are "
                                 "entered again")),
                (Carry.FIGURES, _("Copy the rows of its last approved report with their figures")),
            ]  # fmt: skip
            self.fields["portfolio"].label = _(
                "Add a row for each of its activities under way in the portfolio, by municipality"
            )

    def clean_month(self) -> datetime.date:
        return month_start(self.cleaned_data["month"])

    def clean_carry(self) -> str:
        return self.cleaned_data["carry"] or Carry.NOTHING  # a form without the choice: as before


class ReportFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Any status")), *ReportStatus.choices])  # fmt: skip
    month = forms.ChoiceField(label=_("Month"), required=False)
    q = forms.CharField(label=_("Organisation"), required=False, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [("", _("Any month")), *recent_months(24)]  # type: ignore[attr-defined]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Filled-in 5W template (.xlsx)"))
    clean_only = forms.BooleanField(
        label=_("If some rows have errors, keep the clean rows and leave those out"), required=False
    )


DECISIONS = [("", _("Leave for now")), ("approve", _("Approve")), ("return", _("Return"))]


class ManyReviewsForm(forms.Form):
    """One decision per submitted report on the page: leave it, approve it, or return it with
    its own reason."""

    def __init__(self, reports: Sequence[Report], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reports = reports
        for report in reports:
            organisation = report.organisation.name
            self.fields[f"decision-{report.pk}"] = forms.ChoiceField(
                label=_("Decision on the report of %(organisation)s for %(period)s")
                % {"organisation": organisation, "period": report.period},
                choices=DECISIONS, required=False, widget=forms.RadioSelect,
            )  # fmt: skip
            self.fields[f"reason-{report.pk}"] = forms.CharField(
                label=_("Comments for %(organisation)s, %(period)s")
                % {"organisation": organisation, "period": report.period},
                required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def rows(self) -> list[tuple[Report, forms.BoundField, forms.BoundField]]:
        return [(r, self[f"decision-{r.pk}"], self[f"reason-{r.pk}"]) for r in self.reports]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for report in self.reports:
            decision = data.get(f"decision-{report.pk}")
            if decision == "return" and not data.get(f"reason-{report.pk}", "").strip():
                name = f"reason-{report.pk}"
                self.add_error(name, _("Say what the partner should correct."))
                # The message sits beside the box (review_many.html): screen readers read it too.
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_error"
        if not any(data.get(f"decision-{r.pk}") for r in self.reports):
            raise forms.ValidationError(_("Choose approve or return for at least one report."))
        return data

    def decisions(self) -> list[tuple[Report, str, str]]:
        """(report, "approve" or "return", reason) for each report given a decision."""
        data = self.cleaned_data
        return [
            (r, data[f"decision-{r.pk}"], data.get(f"reason-{r.pk}", "").strip())
            for r in self.reports
            if data.get(f"decision-{r.pk}")
        ]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("return", _("Return with comments"))],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )
    comment = forms.CharField(label=_("Comments for the partner"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not data.get("comment", "").strip():
            self.add_error("comment", _("Say what the partner should correct."))
        return data


class RowForm(forms.ModelForm):
    class Meta:
        model = ReportRow
        fields = [
            "activity_name", "sector", "municipality", "locality", "population", "nationality",
            "targeted", "female", "male", "other_sex", "age_0_17", "age_18_59", "age_60_plus",
            "amount", "currency",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.of_department("54")  # type: ignore[attr-defined]
        by_label(self.fields["municipality"])
        self.fields["sector"].queryset = Sector.objects.filter(withdrawn=False)  # type: ignore[attr-defined]
        # Empty only while a filled-in row waits for the partner: saving it needs both.
        self.fields["population"].required = True
        self.fields["nationality"].required = True
        # The partner's portfolio activities are offered as it types (a datalist on the page).
        self.fields["activity_name"].widget.attrs["list"] = "partner-activities"


class PictureFilterForm(forms.Form):
    """The dashboard's and the gap analysis's filters: a span of months and what to look at."""

    start = forms.ChoiceField(label=_("From"), required=False)
    end = forms.ChoiceField(label=_("To"), required=False)
    municipality = forms.ModelChoiceField(label=_("Municipality"), required=False,
                                          queryset=Municipality.objects.none(),
                                          empty_label=_("Any municipality"))  # fmt: skip
    category = forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.none(),
        empty_label=_("Any sector"),
    )
    population = forms.ModelChoiceField(label=_("Population"), required=False,
                                        queryset=TargetPopulation.objects.all(),
                                        empty_label=_("Any population"))  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        months = recent_months(36)
        self.fields["start"].choices = [("", _("12 months ago")), *months]  # type: ignore[attr-defined]
        self.fields["end"].choices = [("", _("This month")), *months]  # type: ignore[attr-defined]
        self.fields["municipality"].queryset = Municipality.objects.of_department("54")  # type: ignore[attr-defined]
        by_label(self.fields["municipality"])
        self.fields["category"].queryset = Sector.objects.filter(code__regex=r"^\d{3}$")  # type: ignore[attr-defined]

    def span(self) -> tuple[datetime.date, datetime.date]:
        data = self.cleaned_data if self.is_valid() else {}
        today = timezone.localdate()
        end = month_start(data["end"]) if data.get("end") else today.replace(day=1)
        start = month_start(data["start"]) if data.get("start") else recent_start(end)
        end = (end.replace(day=28) + datetime.timedelta(days=4)).replace(
            day=1
        ) - datetime.timedelta(days=1)
        return (start, end) if start <= end else (end.replace(day=1), end)


class GapFilterForm(PictureFilterForm):
    """The gap analysis may look at one service: its map is then shaded by that gap alone."""

    service = forms.ModelChoiceField(
        label=_("Service"), required=False, queryset=Service.objects.all(),
        empty_label=_("Any service"),
    )  # fmt: skip


def recent_start(end: datetime.date) -> datetime.date:
    """The first day of the month eleven months before `end`'s: a year of months."""
    return (
        end.replace(year=end.year - 1, month=end.month % 12 + 1)
        if end.month < 12
        else end.replace(month=1)
    )
