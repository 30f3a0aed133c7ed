"""The review list: imported activities wait here, unpublished, until staff publish them."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.directory.models import Organisation
from puente.iati import selectors
from puente.iati.forms import ReviewFilterForm
from puente.iati.services import publish_imported
from puente.lib.paging import page_of

PER_PAGE = 50


@secretariat_view
def review_list(request: AuthedRequest) -> HttpResponse:
    form = ReviewFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # A run or publisher with nothing left waiting (an old link): nothing matches, and the
        # form says which choice is gone, rather than silently listing everything.
        waiting = selectors.awaiting_review().none()
    else:
        filters = form.cleaned_data if form.is_bound else {}
        waiting = selectors.awaiting_review(
            filters.get("run") or None, filters.get("publisher", ""), filters.get("q", "")
        )
    if request.method == "POST":
        return _publish(request, waiting)
    page, query = page_of(request, waiting, PER_PAGE)
    return render(
        request,
        "iati/review.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "total": page.paginator.count,
            "unreviewed_organisations": Organisation.objects.filter(reviewed=False).count(),
        },
    )


def _publish(request: AuthedRequest, waiting: QuerySet) -> HttpResponse:
    """Publishes the ticked activities, or (with "all") every one the filters leave."""
    if request.POST.get("all") == "1":
        chosen = waiting
    else:
        ids = [int(pk) for pk in request.POST.getlist("activity") if pk.isdigit()]
        chosen = waiting.filter(pk__in=ids)
        if not ids:
            messages.error(request, _("Nothing was published: tick the activities to publish."))
            return redirect(request.get_full_path())
    count = publish_imported(chosen, request.user)
    messages.success(
        request,
        ngettext(
            "%(n)d activity was published on the portal.",
            "%(n)d activities were published on the portal.",
            count,
        )
        % {"n": count},
    )
    # Once the filters leave nothing, back to the whole list (a finished run is no choice).
    return redirect(request.get_full_path() if waiting.exists() else reverse("iati:review"))
