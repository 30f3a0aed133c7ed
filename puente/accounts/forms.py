"""Forms of the sign-in pages: the code from the authenticator app or a recovery code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Preferences


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class SwitchOffForm(CodeForm):
    confirm = forms.BooleanField(
        label=_("I understand that my password alone will then open my account."), required=True
    )


class DigestForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = ["daily_digest"]
        labels = {"daily_digest": _("Email me each morning what waits for me")}
