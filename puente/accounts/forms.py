"""Forms of the accounts pages: sign-in codes, one's preferences, and people management."""

from typing import Any

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


class DigestForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = ["daily_digest"]
        labels = {"daily_digest": _("Email me each morning what waits for me")}


def _choices(form: forms.Form, name: str, choices: list[tuple[str, Any]]) -> None:
    """Role choices are made per form, so that their labels follow the reader's language."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _managed_role_choices() -> list[tuple[str, str]]:
    return [(role.value, capfirst(str(ROLE_LABELS[role]))) for role in MANAGED_ROLES]


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False, max_length=200)
    role = forms.ChoiceField(label=pgettext_lazy("person", "Role"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Active and deactivated")),
            ("active", _("Active")),
            ("inactive", _("Deactivated")),
        ],  # fmt: skip
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everyone = [(role.value, capfirst(str(ROLE_LABELS[role]))) for role in Role]
        _choices(self, "role", [("", _("Any role")), *everyone])


class PersonInviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(label=pgettext_lazy("person", "Role"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "role", [("", BLANK_CHOICE_LABEL), *_managed_role_choices()])


class PersonRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles in the Secretariat"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Partner reporters and proposers are given on their organisation's page."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "roles", _managed_role_choices())
