"""Filter forms whose fields' HTML is kept: the same choices and the same query give the same
markup, so a list page renders its long drop-downs once, not on every request."""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.forms import Form
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language


def rendered_fields(form: Form, version: str, seconds: int) -> SafeString:
    """Every field of `form` as `<div class="field">` with its label, as the filter templates
    write them. `version` changes whenever the form's choices do (the kept HTML is then left to
    expire); the key holds the language, the fields shown (a page may drop some) and the
    value of each."""
    # What each widget will draw: the submitted value when bound, the initial one otherwise.
    shown = [(name, repr(form[name].value())) for name in form.fields]
    digest = hashlib.sha256(urlencode(shown).encode()).hexdigest()
    key = f"formcache:{type(form).__name__}:{get_language()}:{version}:{digest}"
    html = cache.get(key)
    if html is None:
        html = format_html_join(
            "",
            '<div class="field"><label for="{}">{}</label>{}</div>',
            ((field.id_for_label, field.label, field) for field in form),
        )
        cache.set(key, str(html), seconds)
    return mark_safe(html)  # noqa: S308 (built by format_html_join above, every value escaped)
