"""Forms of the events app: the event itself, the public registration, attendance, filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puente.lib.antispam import HumanCheckForm
from puente.lib.uploads import detect_document, stored_name
from puente.territory.geography import NORTE_DE_SANTANDER
from puente.territory.models import Municipality

from .models import Event, Kind, Material, Registration


def _local_municipalities() -> Any:
    return Municipality.objects.of_department(NORTE_DE_SANTANDER).select_related("department")  # type: ignore[attr-defined]


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title_es", "title_en", "kind", "description_es", "description_en", "starts_at",
            "ends_at", "municipality", "venue", "online_url", "organisations", "audience",
            "populations", "capacity", "registration_open", "is_published",
        ]  # fmt: skip
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description_es": forms.Textarea(attrs={"rows": 5}),
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "organisations": forms.SelectMultiple(attrs={"size": 8}),
            "populations": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _local_municipalities()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        if not (cleaned.get("municipality") or cleaned.get("venue") or cleaned.get("online_url")):
            self.add_error(
                "venue", _("Say where it happens: a municipality, a venue or an online link.")
            )
        if bool(cleaned.get("title_en")) != bool(cleaned.get("description_en")):
            self.add_error(
                "description_en", _("Give both the English title and description, or neither.")
            )
        return cleaned


class MaterialForm(forms.ModelForm):
    class Meta:
        model = Material
        fields = ["title", "file", "url"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if not upload and not cleaned.get("url"):
            raise forms.ValidationError(_("Attach a file or give a link."))
        if upload and hasattr(upload, "content_type"):
            detected = detect_document(upload)
            self.instance.content_type = detected.content_type
            self.instance.extension = detected.extension
            upload.name = stored_name(detected)  # stored under what it is, not what it says
        return cleaned


MaterialFormSet = forms.inlineformset_factory(
    Event, Material, form=MaterialForm, extra=1, can_delete=True
)


class RegistrationForm(HumanCheckForm, forms.ModelForm):
    class Meta:
        model = Registration
        fields = [
            "name", "email", "phone", "organisation", "municipality", "population", "sex",
            "age_group", "nationality", "consent",
        ]  # fmt: skip
        help_texts = {
            "population": _("Optional. It helps us count who our trainings reach."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _local_municipalities()  # type: ignore[attr-defined]
        self.fields["consent"].required = True
        self.fields["consent"].error_messages["required"] = _(
            "We can only register you if you accept the processing of your personal data."
        )


class AttendanceListForm(forms.Form):
    file = forms.FileField(
        label=_("Signed attendance list (CSV with an “email” column)"),
    )


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + list(Kind.choices)
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=Municipality.objects.none()
    )
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _local_municipalities()  # type: ignore[attr-defined]


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("The person's email"))


class FiguresForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
