"""Forms for organisations: edit, filter, merge, and invite a reporter."""

from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from puente.lib.uploads import clean_image

from .models import Organisation, OrganisationKind, Person


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "kind",
            "iati_identifier",
            "country",
            "website",
            "description",
            "themes",
            "logo",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.SelectMultiple(attrs={"size": 6}),
        }

    def clean_iati_identifier(self) -> str | None:
        return (self.cleaned_data.get("iati_identifier") or "").strip() or None

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if logo and logo is not self.initial.get("logo"):
            return clean_image(logo)
        return logo


PersonInline = inlineformset_factory(
    Organisation, Person, fields=["name", "position", "email", "phone"], extra=1, can_delete=True
)


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All"))] + list(OrganisationKind.choices)
    )
    unreviewed = forms.BooleanField(
        label=_("Only those created by imports, not reviewed"), required=False
    )


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Duplicate to merge into this organisation"), queryset=Organisation.objects.all()
    )
    confirm = forms.BooleanField(
        label=_("I understand the duplicate will be deleted and its links moved here.")
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email of the person who will report"))
    name = forms.CharField(label=_("Their name"), max_length=200, required=False)
