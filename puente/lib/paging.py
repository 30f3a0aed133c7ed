"""One page of a list, and the query string that keeps the user's filters on the other pages."""

from collections.abc import Sequence

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def page_of(
    request: HttpRequest,
    qs: QuerySet | Sequence,  # type: ignore[type-arg]
    per_page: int | None = None,
) -> tuple[Page, str]:  # type: ignore[type-arg]
    paginator = Paginator(qs, per_page or settings.PUENTE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    # The numbers the page list shows: the first, the last, and two each side of this one
    # ("1 … 4 5 6 7 8 … 200"); the ellipses are Paginator.ELLIPSIS.
    page.nearby = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
