"""One page of a list, and the query string that keeps the user's filters on the other pages."""

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def page_of(request: HttpRequest, qs: QuerySet, per_page: int | None = None) -> tuple[Page, str]:  # type: ignore[type-arg]
    page = Paginator(qs, per_page or settings.PUENTE_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
