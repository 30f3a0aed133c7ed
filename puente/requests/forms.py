"""Forms of the PQRSD app: the public filing and tracking forms, and the staff's steps."""

import re
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from puente.accounts.roles import Role, users_with_role
from puente.lib.antispam import HumanCheckForm
from puente.lib.uploads import Detected, detect_document
from puente.territory.geography import NORTE_DE_SANTANDER
from puente.territory.models import Municipality

from .models import Channel, Kind, Light, Request, Status, Subject

MAX_ATTACHMENTS = 5
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_LINKS = 5
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by its content, and the whole by its size."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[tuple[UploadedFile, Detected]]:
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(n)d files.") % {"n": MAX_ATTACHMENTS}, code="too_many"
            )
        if sum(u.size or 0 for u in uploads) > MAX_TOTAL_BYTES:
            raise ValidationError(
                _("The files together are larger than the %(limit)s allowed.")
                % {"limit": filesizeformat(MAX_TOTAL_BYTES)}
            )
        checked = []
        for upload in uploads:
            super().clean(upload, initial)
            try:
                checked.append((upload, detect_document(upload)))
            except ValidationError as error:
                raise ValidationError(f"{upload.name}: {' '.join(error.messages)}") from None
        return checked


PERSONAL_FIELDS = ("name", "id_type", "id_number", "email", "phone", "address", "municipality")
CHANNEL_NEEDS = {Channel.EMAIL: "email", Channel.POST: "address", Channel.PHONE: "phone"}


class RequestForm(HumanCheckForm, forms.ModelForm):
    description = forms.CharField(
        label=_("description"),
        min_length=20,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened or what you need, with dates and places if they matter."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        help_text=_("Up to 5 files (PDF, images, office documents, text), 20 MB in all."),
    )

    class Meta:
        model = Request
        fields = [
            "kind",
            "subject",
            "title",
            "description",
            "anonymous",
            "name",
            "id_type",
            "id_number",
            "email",
            "phone",
            "address",
            "municipality",
            "channel",
            "consent",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "channel": forms.RadioSelect,
        }
        help_texts = {
            "anonymous": _(
                "You may file without giving your name. Keep your tracking code: it is the only "
                "way to read the answer unless you leave a contact."
            ),
            "municipality": _("Only if you live in Norte de Santander."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.of_department(  # type: ignore[attr-defined]
            NORTE_DE_SANTANDER
        ).select_related("department")
        self.fields["kind"].choices = Kind.choices  # type: ignore[attr-defined]
        self.fields["channel"].choices = Channel.choices  # type: ignore[attr-defined]

    def clean_description(self) -> str:
        text = self.cleaned_data["description"]
        if len(LINK.findall(text)) > MAX_LINKS:
            raise ValidationError(
                _("Please include at most %(n)d links; describe the rest in words.")
                % {"n": MAX_LINKS}
            )
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("anonymous"):
            for field in ("name", "id_type", "id_number"):
                cleaned[field] = ""
        elif not cleaned.get("name"):
            self.add_error("name", _("Write your name, or tick “file anonymously”."))
        if cleaned.get("id_number") and not cleaned.get("id_type"):
            self.add_error("id_type", _("Say which document this number belongs to."))
        needed = CHANNEL_NEEDS.get(cleaned.get("channel", ""))
        if needed and not cleaned.get(needed) and needed not in self.errors:
            self.add_error(
                needed,
                _("We need this to answer you by the channel you chose (%(channel)s).")
                % {"channel": Channel(cleaned["channel"]).label},
            )
        gives_personal_data = any(cleaned.get(f) for f in PERSONAL_FIELDS)
        if gives_personal_data and not cleaned.get("consent"):
            self.add_error(
                "consent",
                _("Accept the processing of your personal data, or file anonymously without it."),
            )
        return cleaned


class TrackForm(forms.Form):
    filing_number = forms.CharField(label=_("Filing number"), max_length=20)
    code = forms.CharField(label=_("Tracking code"), max_length=40)


# Staff steps


class AssignForm(forms.Form):
    official = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Official"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["official"].queryset = users_with_role(Role.STAFF, Role.ADMINISTRATOR)  # type: ignore[attr-defined]
        self.fields["official"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: u.get_full_name() or u.get_username()
        )


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtendForm(forms.Form):
    new_due_on = forms.DateField(
        label=_("New due date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=_("Reasons (sent to the requester)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class TransferForm(forms.Form):
    entity = forms.CharField(label=_("Competent entity"), max_length=200)
    reason = forms.CharField(
        label=_("Why it belongs there (sent to the requester)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer (the requester reads it)"), widget=forms.Textarea(attrs={"rows": 8})
    )
    attachments = MultipleFileField(label=_("Attachments to the answer"))


class CloseForm(forms.Form):
    text = forms.CharField(
        label=_("Closing remark (internal)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InboxFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Open (received or in process)")), ("all", _("All"))]
        + list(Status.choices),
    )
    light = forms.ChoiceField(
        label=_("Deadline"), required=False, choices=[("", _("Any"))] + list(Light.choices)
    )
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any"))] + list(Kind.choices)
    )
    subject = forms.ChoiceField(
        label=_("Subject"), required=False, choices=[("", _("Any"))] + list(Subject.choices)
    )
    assigned = forms.ChoiceField(label=_("Assigned to"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("due", _("Due date, soonest first")),
            ("-filed", _("Newest first")),
            ("filed", _("Oldest first")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned"].choices = [  # type: ignore[attr-defined]
            ("", _("Anyone")),
            ("me", _("Me")),
            ("none", _("Nobody yet")),
        ] + [
            (str(u.pk), u.get_full_name() or u.get_username())
            for u in users_with_role(Role.STAFF, Role.ADMINISTRATOR)
        ]


class ReportPeriodForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month = forms.TypedChoiceField(
        label=_("Month"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Whole year"))] + [(str(m), name) for m, name in MONTHS.items()],
    )
