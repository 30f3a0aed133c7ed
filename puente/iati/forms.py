"""The staff form that starts an import: an uploaded file or an address, and a scope."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import ImportRun

MAX_UPLOAD = 500 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=_("IATI activity file (XML)"), required=False)
    url = forms.URLField(
        label=_("or its address"),
        required=False,
        assume_scheme="https",
        help_text=_("An IATI file or an IATI Datastore query that returns XML."),
    )
    scope = forms.ChoiceField(
        label=_("Keep"),
        choices=[
            (ImportRun.Scope.DEPARTMENT, _("Only activities located in Norte de Santander")),
            (ImportRun.Scope.COUNTRY, _("Only activities in Colombia")),
            (ImportRun.Scope.ALL, _("Every activity in the file")),
        ],
        initial=ImportRun.Scope.DEPARTMENT,
    )
    publish = forms.BooleanField(
        label=_("Publish the new activities on the portal at once"),
        required=False,
        help_text=_(
            "Left unticked, they wait in the review list until someone publishes them. "
            "Activities already in Puente keep their state."
        ),
    )

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 500 MB."))
        head = upload.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
        upload.seek(0)
        if not head.startswith(b"<"):
            raise forms.ValidationError(_("This is not an XML file."))
        return upload

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not self.errors and bool(cleaned.get("file")) == bool(cleaned.get("url")):
            raise forms.ValidationError(_("Give either a file or an address (one of the two)."))
        return cleaned


class ReviewFilterForm(forms.Form):
    run = forms.TypedChoiceField(label=pgettext_lazy("noun", "Import"), required=False, coerce=int)
    publisher = forms.ChoiceField(label=_("Publisher"), required=False)
    q = forms.CharField(label=_("Words in the title"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", gettext("All"))]
        self.fields["run"].choices = everything + [  # type: ignore[attr-defined]
            (run.pk, f"{run.label or run.source} · {run.created_at:%Y-%m-%d} ({n})")
            for run, n in selectors.runs_awaiting_review()
        ]
        self.fields["publisher"].choices = everything + [  # type: ignore[attr-defined]
            (ref or selectors.NO_REFERENCE, f"{ref or gettext('(no reference)')} ({n})")
            for ref, n in selectors.publishers_awaiting_review()
        ]
