"""Public pages of cooperation in the territory: the list, one activity, the map, the resources."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.directory.models import Organisation
from puente.lib.names import fold
from puente.lib.paging import page_of
from puente.portal.selectors import REST, TOP, public_resources, top_with_rest
from puente.portfolio.forms import ActivityFilterForm
from puente.portfolio.models import Activity
from puente.portfolio.selectors import (
    filter_activities,
    public_activities_per_municipality,
    with_list_parts,
)
from puente.territory.models import Sector


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


def _bars(rows: list, labels: dict) -> list[tuple[str, object, float]]:  # type: ignore[type-arg]
    """(label, amount, share of the largest in %) for a chart whose bars are drawn in SVG."""
    largest = max((amount for _key, amount in rows), default=0) or 1
    return [(labels.get(key, key), amount, float(amount / largest * 100)) for key, amount in rows]


def resources(request: HttpRequest) -> HttpResponse:
    figures = public_resources()
    organisations = Organisation.objects.in_bulk([k for k, _a in figures.by_source if k])
    sectors = Sector.objects.in_bulk([k for k, _a in figures.by_sector if k])
    source_labels: dict = {k: str(o.acronym or o.name) for k, o in organisations.items()}
    sector_labels: dict = {k: f"{k} · {s.name}" for k, s in sectors.items()}
    source_labels[None] = _("No funder named")
    sector_labels[None] = _("No sector given")
    left_sources = max(0, len(figures.by_source) - TOP)
    left_sectors = max(0, len(figures.by_sector) - TOP)
    source_labels[REST] = ngettext("%(n)d other source", "%(n)d other sources", left_sources) % {
        "n": left_sources
    }
    sector_labels[REST] = ngettext("%(n)d other sector", "%(n)d other sectors", left_sectors) % {
        "n": left_sectors
    }
    return render(
        request,
        "portal/resources.html",
        {
            "figures": figures,
            "charts": [
                (
                    "source",
                    _("By source of funding"),
                    _bars(top_with_rest(figures.by_source), source_labels),
                ),
                ("sector", _("By sector"), _bars(top_with_rest(figures.by_sector), sector_labels)),
                ("year", _("By year"), _bars(figures.by_year, {})),
            ],
        },
    )
