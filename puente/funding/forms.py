"""Forms of the funding app: sources, calls, applications and the calls list filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puente.territory.models import Municipality, Sector

from .models import Application, ApplicationStatus, Call, Source

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _categories() -> Any:
    return Sector.objects.filter(category__isnull=True, withdrawn=False)


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "kind", "organisation", "themes", "eligible_applicants", "typical_min",
                  "typical_max", "currency", "contacts", "website"]  # fmt: skip
        widgets = {
            "themes": forms.SelectMultiple(attrs={"size": 6}),
            "eligible_applicants": forms.Textarea(attrs={"rows": 2}),
            "contacts": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _categories()  # type: ignore[attr-defined]


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = [
            "source", "title", "description", "opens_on", "closes_on", "total_amount",
            "max_per_project", "currency", "themes", "municipalities", "populations", "link",
        ]  # fmt: skip
        widgets = {
            "opens_on": DATE,
            "closes_on": DATE,
            "description": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.SelectMultiple(attrs={"size": 6}),
            "municipalities": forms.SelectMultiple(attrs={"size": 6}),
            "populations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = _categories()  # type: ignore[attr-defined]
        self.fields["municipalities"].queryset = Municipality.objects.of_department("54")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The call closes before it opens."))
        return cleaned


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["proposal", "status", "amount_requested", "amount_awarded", "currency",
                  "submitted_on", "decided_on", "notes"]  # fmt: skip
        widgets = {
            "submitted_on": DATE,
            "decided_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        if status == ApplicationStatus.AWARDED:
            for name in ("amount_awarded", "decided_on"):
                if not cleaned.get(name):
                    self.add_error(
                        name, _("An award needs its amount and the date of the decision.")
                    )
        if status in (ApplicationStatus.SUBMITTED, ApplicationStatus.AWARDED,
                      ApplicationStatus.REJECTED) and not cleaned.get("submitted_on"):  # fmt: skip
            self.add_error("submitted_on", _("Say when the application was submitted."))
        return cleaned


class CallFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Calls"), required=False,
        choices=[("open", _("Accepting applications")), ("upcoming", _("Not open yet")),
                 ("closed", _("Closed for applications")), ("all", _("All"))],
    )  # fmt: skip
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Any theme")), *(  # type: ignore[attr-defined]
            (s.code, f"{s.code} · {s.name}") for s in _categories())]  # fmt: skip
