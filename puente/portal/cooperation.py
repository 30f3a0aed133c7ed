"""Public pages of cooperation in the territory: the list, one activity, and the map."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from puente.paging import page_of
from puente.portfolio.forms import ActivityFilterForm
from puente.portfolio.models import Activity
from puente.portfolio.selectors import (
    filter_activities,
    public_activities_per_municipality,
    with_list_parts,
)
from puente.territory.names import fold


def _public_form(request: HttpRequest) -> ActivityFilterForm:
    form = ActivityFilterForm(request.GET or None)
    for internal in ("stage", "level", "public"):
        form.fields.pop(internal)  # the public filters by what, who, where and for whom
    return form


def activity_list(request: HttpRequest) -> HttpResponse:
    form = _public_form(request)
    qs = filter_activities(Activity.objects.public(), form.to_filter())
    page, query = page_of(request, with_list_parts(qs))
    return render(
        request,
        "portal/activities.html",
        {"form": form, "page": page, "query": query},
    )


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.public(), pk=pk)
    return render(request, "portal/activity.html", {"activity": activity})


def activity_map(request: HttpRequest) -> HttpResponse:
    form = _public_form(request)
    rows = public_activities_per_municipality(form.to_filter())
    rows.sort(key=lambda row: (-row[1], fold(row[0].name)))  # "Ábrego" among the A's
    return render(
        request,
        "portal/map.html",
        {"form": form, "query": request.GET.urlencode(), "rows": rows},
    )
