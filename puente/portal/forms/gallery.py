"""Staff forms for the image gallery: an album and its photographs."""

from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from puente.lib.uploads import clean_image
from puente.portal.models import Album, Photo, PhotoSize


class AlbumForm(forms.ModelForm):
    class Meta:
        model = Album
        fields = [
            "title_es",
            "title_en",
            "description_es",
            "description_en",
            "taken_on",
            "is_published",
        ]
        widgets = {
            "taken_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description_es": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["large", "alt_es", "alt_en", "caption_es", "caption_en", "position"]
        widgets = {"large": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"})}

    def clean_large(self) -> Any:
        image = self.cleaned_data.get("large")
        if image and image is not self.initial.get("large"):
            # Checked by content and re-encoded: the metadata (GPS, camera) never reaches disk.
            return clean_image(image, max_bytes=15 * 1024 * 1024, max_side=PhotoSize.LARGE.pixels)
        return image


class BasePhotoFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        # The album form ran first and set its English title on the shared instance.
        if not self.instance.title_en:
            return
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            if data.get("large") and not data.get("DELETE") and not data.get("alt_en"):
                form.add_error(
                    "alt_en", _("The album has an English version: describe the photo in English.")
                )


PhotoFormSet = inlineformset_factory(
    Album,
    Photo,
    form=PhotoForm,
    formset=BasePhotoFormSet,
    extra=3,
    can_delete=True,
    max_num=60,
    validate_max=True,
)


class AlbumFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), ("published", _("Published")), ("draft", _("Draft"))],
    )
