"""Forms of the border app: obstacles and their status, meetings with commitments, studies."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puente.lib.uploads import detect_document, stored_name
from puente.territory.geography import NORTE_DE_SANTANDER
from puente.territory.models import Department, Municipality

from .models import (
    BinationalMeeting,
    Category,
    Commitment,
    CommitmentStatus,
    Crossing,
    Obstacle,
    Side,
    Status,
    Study,
    StudyKind,
)

VENEZUELAN_STATES = ("VE-S", "VE-V", "VE-C")  # Táchira, Zulia, Apure


class ObstacleForm(forms.ModelForm):
    crossings = forms.MultipleChoiceField(
        label=_("Crossing points"),
        choices=Crossing.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Obstacle
        fields = [
            "title", "category", "description", "municipalities", "crossings", "affected",
            "people_affected", "evidence", "measure", "measure_kind", "responsible", "is_public",
            "public_summary_es", "public_summary_en",
        ]  # fmt: skip
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "affected": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "measure": forms.Textarea(attrs={"rows": 3}),
            "public_summary_es": forms.Textarea(attrs={"rows": 3}),
            "public_summary_en": forms.Textarea(attrs={"rows": 3}),
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = Municipality.objects.of_department(  # type: ignore[attr-defined]
            NORTE_DE_SANTANDER
        ).select_related("department")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("is_public") and not cleaned.get("public_summary_es"):
            self.add_error(
                "public_summary_es",
                _("Write the summary the public will read before publishing the obstacle."),
            )
        return cleaned


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    note = forms.CharField(
        label=_("What happened (kept in the history)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ObstacleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any"))] + list(Category.choices)
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), ("open", _("Not yet resolved"))] + list(Status.choices),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), required=False, queryset=Municipality.objects.none()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.of_department(  # type: ignore[attr-defined]
            NORTE_DE_SANTANDER
        )


class MeetingForm(forms.ModelForm):
    class Meta:
        model = BinationalMeeting
        fields = [
            "title", "held_on", "place", "counterparts", "venezuelan_participants",
            "colombian_participants", "agenda", "agreements", "event", "obstacles",
        ]  # fmt: skip
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "counterparts": forms.CheckboxSelectMultiple,
            "venezuelan_participants": forms.Textarea(attrs={"rows": 2}),
            "colombian_participants": forms.Textarea(attrs={"rows": 2}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "agreements": forms.Textarea(attrs={"rows": 4}),
            "obstacles": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["counterparts"].queryset = Department.objects.filter(  # type: ignore[attr-defined]
            code__in=VENEZUELAN_STATES
        )


class CommitmentForm(forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["side", "description", "responsible", "due_on", "status", "follow_up"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 2}),
            "follow_up": forms.Textarea(attrs={"rows": 2}),
        }


CommitmentFormSet = forms.inlineformset_factory(
    BinationalMeeting, Commitment, form=CommitmentForm, extra=2, can_delete=True
)


class CommitmentFilterForm(forms.Form):
    side = forms.ChoiceField(
        label=_("Side"), required=False, choices=[("", _("Both"))] + list(Side.choices)
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Open (pending or in progress)")),
            ("overdue", _("Overdue")),
            ("all", _("All")),
        ]
        + list(CommitmentStatus.choices),
    )


class StudyForm(forms.ModelForm):
    class Meta:
        model = Study
        fields = [
            "title",
            "authors",
            "year",
            "kind",
            "summary",
            "keywords",
            "file",
            "url",
            "is_public",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if not upload and not cleaned.get("url") and not self.instance.file:
            self.add_error("file", _("Attach the document or give a link to it."))
        if upload and hasattr(upload, "content_type"):
            detected = detect_document(upload)
            self.instance.content_type = detected.content_type
            self.instance.extension = detected.extension
            upload.name = stored_name(detected)  # stored under what it is, not what it says
        return cleaned


class StudyFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any"))] + list(StudyKind.choices)
    )
