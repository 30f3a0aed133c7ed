"""Filter forms whose fields' HTML is kept: the same choices and the same query give the same
markup, so a list page renders its long drop-downs once, not on every request."""

import hashlib
import secrets
from urllib.parse import urlencode

from django.core.cache import cache
from django.forms import CharField, Form
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# Changes with every start of the server: what a process keeps is its own release's.
RELEASE = secrets.token_hex(4)


def rendered_fields(form: Form, version: str, seconds: int) -> SafeString:
    """Every field of `form` as `<div class="field">` with its label, as the filter templates
    write them. `version` changes whenever the form's choices do (the kept HTML is then left to
    expire); the key holds the language, the fields shown (a page may drop some) and the
    value of each."""
    if form.is_bound and (form.errors or any(
        isinstance(field, CharField) and form.data.get(name) for name, field in form.fields.items()
    )):  # fmt: skip
        # Typed text and bad values are endless: kept, they would fill the cache for nothing.
        return _fields_html(form)
    # What each widget will draw: the submitted value when bound, the initial one otherwise.
    shown = [(name, repr(form[name].value())) for name in form.fields]
    digest = hashlib.sha256(urlencode(shown).encode()).hexdigest()
    key = f"formcache:{RELEASE}:{type(form).__name__}:{get_language()}:{version}:{digest}"
    html = cache.get(key)
    if html is None:
        html = _fields_html(form)
        cache.set(key, str(html), seconds)
    return mark_safe(html)  # noqa: S308 (built by format_html_join, every value escaped)


def _fields_html(form: Form) -> SafeString:
    return format_html_join(
        "",
        '<div class="field"><label for="{}">{}</label>{}</div>',
        ((field.id_for_label, field.label, field) for field in form),
    )


def release(_request: HttpRequest) -> dict[str, str]:
    """Context processor: the kept fragments' release, so that a new deployment's templates
    never meet an old one's kept HTML in a shared cache."""
    return {"cache_release": RELEASE}
