"""The accessibility bar: contrast and text size kept in cookies, applied by the server.

Reading works without JavaScript: the bar is made of links, the server remembers the choice
in a cookie and renders every page with it.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path

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


def switch_language(request: HttpRequest, language: str) -> HttpResponseRedirect:
    """GET /idioma/en/?next=/es/socios/ : the same page in the other language, remembered.

    A link rather than a posted form, so that public pages carry no per-visitor token and can be
    cached whole. `next` is read in the language of its own prefix: an English browser on a
    Spanish page must still resolve the Spanish words of the address.
    """
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    page_language = get_language_from_path(target)
    if page_language:
        with translation.override(page_language):
            target = translate_url(target, language)
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=YEAR, samesite="Lax", httponly=True
    )
    return response
