"""Staff forms for the portal's content: announcements and their documents."""

from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from puente.lib.documents import CheckedDocumentForm
from puente.lib.uploads import clean_image
from puente.portal.models import (
    Announcement,
    AnnouncementDocument,
    AnnouncementKind,
    AnnouncementStatus,
)

# The widest an announcement's picture is kept; larger uploads are scaled down once, on upload.
ANNOUNCEMENT_IMAGE_SIDE = 1600


class AnnouncementForm(forms.ModelForm):
    class Meta:
        model = Announcement
        fields = [
            "kind",
            "title_es",
            "summary_es",
            "body_es",
            "title_en",
            "summary_en",
            "body_en",
            "image",
            "image_alt_es",
            "image_alt_en",
            "is_published",
            "publish_at",
        ]
        widgets = {
            "publish_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "image": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
        }

    def clean_image(self) -> Any:
        image = self.cleaned_data.get("image")
        if image and image is not self.initial.get("image"):
            return clean_image(image, max_side=ANNOUNCEMENT_IMAGE_SIDE)
        return image

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("image"):
            if not cleaned.get("image_alt_es"):
                self.add_error(
                    "image_alt_es", _("Describe the image for people who cannot see it.")
                )
            if cleaned.get("title_en") and not cleaned.get("image_alt_en"):
                self.add_error(
                    "image_alt_en", _("The English version needs the image described too.")
                )
        if cleaned.get("title_en") and not cleaned.get("summary_en"):
            self.add_error("summary_en", _("The English version needs a summary too."))
        if cleaned.get("body_en") and not cleaned.get("title_en"):
            self.add_error("title_en", _("The English text needs an English title."))
        return cleaned


class AnnouncementDocumentForm(CheckedDocumentForm):
    class Meta:
        model = AnnouncementDocument
        fields = ["title", "file"]


DocumentFormSet = inlineformset_factory(
    Announcement,
    AnnouncementDocument,
    form=AnnouncementDocumentForm,
    extra=1,
    can_delete=True,
    max_num=10,
    validate_max=True,
)


class AnnouncementFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *AnnouncementKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *AnnouncementStatus.choices],
    )
