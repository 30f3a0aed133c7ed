"""The accessibility bar: contrast and text size kept in cookies, applied by the server.

Reading works without JavaScript: the bar is made of links, the server remembers the choice
in a cookie and renders every page with it.
"""

from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.views.i18n import set_language

CONTRASTS = ("normal", "high")
SIZES = ("small", "normal", "large", "larger", "largest")
YEAR = 60 * 60 * 24 * 365


def preferences(request: HttpRequest) -> dict[str, str]:
    """The visitor's choices (also the context processor that puts them on every page)."""
    contrast = request.COOKIES.get("contrast", "normal")
    size = request.COOKIES.get("size", "normal")
    return {
        "a11y_contrast": contrast if contrast in CONTRASTS else "normal",
        "a11y_size": size if size in SIZES else "normal",
    }


def set_preference(request: HttpRequest) -> HttpResponseRedirect:
    """GET /accesibilidad/?contrast=high&next=/es/ : remembers the choice, goes back."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    current = preferences(request)
    contrast = request.GET.get("contrast")
    if contrast in CONTRASTS:
        response.set_cookie("contrast", contrast, max_age=YEAR, samesite="Lax", httponly=True)
    size = request.GET.get("size")
    if size in ("smaller", "bigger"):
        index = SIZES.index(current["a11y_size"]) + (1 if size == "bigger" else -1)
        size = SIZES[max(0, min(len(SIZES) - 1, index))]
    if size in SIZES:
        response.set_cookie("size", size, max_age=YEAR, samesite="Lax", httponly=True)
    return response


def switch_language(request: HttpRequest) -> HttpResponseBase:
    """Django's set_language, reading `next` in the language of its own prefix.

    Django translates `next` by resolving it in the visitor's current language, which comes
    from the browser when the switch is posted; an English browser on /es/... could not resolve
    the Spanish words and stayed on the Spanish page.
    """
    page_language = get_language_from_path(request.POST.get("next", ""))
    if page_language:
        with translation.override(page_language):
            return set_language(request)
    return set_language(request)
