"""A ceiling on request bodies, checked before a byte of the body is read."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class RequestSizeLimit:
    """Each upload form checks its own limit, but only once Django has received the whole file
    (spooled to disk); a body larger than any form accepts is refused here, from its
    Content-Length, so nobody can fill the server's disk with one request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(_("The request's Content-Length is not a number."), status=400)
        limit = settings.PUENTE_MAX_REQUEST_BYTES
        if length > limit:
            return HttpResponse(
                _("The request is larger than the %(limit)s Puente accepts.")
                % {"limit": filesizeformat(limit)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
