"""Forms of the needs register: one need, and the list's filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puente.territory.models import Municipality

from .models import Need, Service, Severity


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
