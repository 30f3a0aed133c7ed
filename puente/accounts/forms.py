"""Forms of the accounts pages: sign-in codes, one's preferences, and people management."""

from django import forms
from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Preferences
from .roles import MANAGED_ROLES, ROLE_LABELS, Role


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


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = ["daily_digest", "language"]
        labels = {"daily_digest": _("Email me each morning what waits for me")}


# Role names are lazy translations: listed once here, they read in each reader's language.
ROLE_CHOICES = [(role.value, capfirst(ROLE_LABELS[role])) for role in Role]
MANAGED_ROLE_CHOICES = [(role.value, capfirst(ROLE_LABELS[role])) for role in MANAGED_ROLES]


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False, max_length=200)
    role = forms.ChoiceField(
        label=pgettext_lazy("person", "Role"),
        required=False,
        choices=[("", _("Any role")), *ROLE_CHOICES],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Active and deactivated")),
            ("active", _("Active")),
            ("inactive", _("Deactivated")),
        ],
    )


class PersonInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(
        label=pgettext_lazy("person", "Role"),
        choices=[("", BLANK_CHOICE_LABEL), *MANAGED_ROLE_CHOICES],
    )


class PersonRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles in the Secretariat"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=MANAGED_ROLE_CHOICES,
        help_text=_("Partner reporters and proposers are given on their organisation's page."),
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=80,
        help_text=_(
            "Which system will use it, so you recognise it later (e.g. “our ActivityInfo sync”)."
        ),
    )  # fmt: skip
    days = forms.TypedChoiceField(
        label=_("Valid for"), coerce=int, initial=90,
        choices=[(30, _("30 days")), (90, _("90 days")), (365, _("one year"))],
    )  # fmt: skip
