"""Forms for organisations: edit, filter and merge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, OrganisationKind


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
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.SelectMultiple(attrs={"size": 6}),
        }

    def clean_iati_identifier(self) -> str | None:
        return (self.cleaned_data.get("iati_identifier") or "").strip() or None


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All"))] + list(OrganisationKind.choices)
    )


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        label=_("Duplicate to merge into this organisation"), queryset=Organisation.objects.all()
    )
    confirm = forms.BooleanField(
        label=_("I understand the duplicate will be deleted and its links moved here.")
    )
