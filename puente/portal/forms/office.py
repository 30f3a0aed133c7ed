"""Forms for the Secretariat's own data (office, Secretary, team, texts) and the contact form."""

from typing import Any

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from puente.lib.antispam import HumanCheckForm
from puente.lib.uploads import clean_image
from puente.portal.models import ContactMessage, Function, Guideline, Office, TeamMember

SECRETARY_PHOTO_SIDE = 800


class OfficeForm(forms.ModelForm):
    class Meta:
        model = Office
        fields = [
            "name",
            "address",
            "city",
            "phones",
            "extension",
            "email",
            "mission_es",
            "mission_en",
            "secretary_name",
            "secretary_profile_es",
            "secretary_profile_en",
            "secretary_photo",
        ]
        widgets = {
            "secretary_photo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
            **{
                name: forms.Textarea(attrs={"rows": 4})
                for name in (
                    "mission_es",
                    "mission_en",
                    "secretary_profile_es",
                    "secretary_profile_en",
                )
            },
        }

    def clean_secretary_photo(self) -> Any:
        photo = self.cleaned_data.get("secretary_photo")
        if photo and photo is not self.initial.get("secretary_photo"):
            return clean_image(photo, max_side=SECRETARY_PHOTO_SIDE)
        return photo


TeamFormSet = modelformset_factory(
    TeamMember,
    fields=["name", "position_es", "position_en", "email", "extension", "order", "is_published"],
    extra=1,
    can_delete=True,
)
FunctionFormSet = modelformset_factory(
    Function, fields=["number", "theme", "text_es", "text_en"], extra=1, can_delete=True
)
GuidelineFormSet = modelformset_factory(
    Guideline, fields=["number", "text_es", "text_en"], extra=1, can_delete=True
)


class ContactForm(HumanCheckForm, forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I allow the Secretariat to use my name and email only to answer this message "
            "(Ley 1581 de 2012)."
        ),
        required=True,
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}

    def clean_subject(self) -> str:
        # The subject becomes an email header: a forged line break must not add headers.
        return " ".join(self.cleaned_data["subject"].split())


class MessageFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), ("open", _("To answer")), ("handled", _("Handled"))],
    )
