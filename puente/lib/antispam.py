"""Spam checks for public forms without a third-party service: a honeypot and a fill-in timer."""

import time
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

SALT = "puente.lib.antispam"


def rate_setting(name: str) -> Callable[[str, HttpRequest], str]:
    """A django-ratelimit rate read from settings at request time (so tests and restarts agree)."""
    return lambda group, request: getattr(settings, name)


MAX_AGE_SECONDS = 24 * 60 * 60


def issued_token(seconds_ago: float = 0) -> str:
    """The signed moment a form was shown (tests pass `seconds_ago` to skip the wait)."""
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


class HoneypotInput(forms.TextInput):
    # Hidden by the stylesheet (no inline style: the CSP forbids it) and from screen readers.
    def __init__(self) -> None:
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp"})


class HumanCheckForm(forms.Form):
    """Refuses what a bot does: fill a field people never see, or post faster than anyone types.

    Mixed into a public form; the template renders `website` inside a `.hp-field` wrapper and
    `issued` as a hidden input.
    """

    website = forms.CharField(
        label=_("Leave this field empty"), required=False, widget=HoneypotInput()
    )
    issued = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["issued"] = issued_token()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # A fresh token each time the form is shown again, so a corrected form is not refused.
        data = self.data.copy()  # type: ignore[attr-defined]
        data["issued"] = issued_token()
        self.data = data
        # Added as errors, not raised, so the person also sees what else to correct.
        if cleaned.get("website"):
            self.add_error(None, _("The form could not be accepted. Please try again."))
            return cleaned
        try:
            issued = float(
                signing.loads(cleaned.get("issued", ""), salt=SALT, max_age=MAX_AGE_SECONDS)
            )
        except (signing.BadSignature, ValueError, TypeError):
            self.add_error(
                None, _("The form had expired or was altered. Please check it and send it again.")
            )
            return cleaned
        if time.time() - issued < settings.PUENTE_FORM_MIN_SECONDS:
            self.add_error(
                None, _("The form was sent too quickly. Please check it and send it again.")
            )
        return cleaned
