"""Pages of the running service: the health check, and error pages that need no database."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.decorators.cache import never_cache

RETRY_SECONDS = 30


def _page(template: str, status: int) -> HttpResponse:
    # Rendered without the request: the context processors (roles, the signed-in user) would
    # ask the database, which may be what failed.
    response = HttpResponse(loader.get_template(template).render({}), status=status)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: called with the exception being handled, so its kind can be told apart."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = _page("operations/unavailable.html", 503)
        response["Retry-After"] = str(RETRY_SECONDS)
        return response
    return _page("operations/error.html", 500)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers as long as the process serves requests (for load balancers and benchmarks)."""
    return HttpResponse("ok", content_type="text/plain")
