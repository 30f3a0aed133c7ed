"""Public pages of cooperation in the territory: the list, one activity, the map, the resources."""

from collections.abc import Callable

from django import forms
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from puente.directory.models import Organisation
from puente.lib.charts import shares
from puente.lib.choropleth import bands, shade
from puente.lib.names import fold
from puente.lib.paging import page_of
from puente.portal.selectors import (
    REST,
    SMALL_MAPS,
    TOP,
    MunicipalFigures,
    municipal_figures,
    public_resources,
    resources_by_category_and_place,
    top_with_rest,
)
from puente.portfolio.forms import ActivityFilterForm
from puente.portfolio.models import Activity, IndicatorPeriod
from puente.portfolio.selectors import LIST_DEFERRED, add_list_parts, filter_activities
from puente.territory.models import Municipality, Sector
from puente.territory.svgmap import Drawn, areas_of, base_map


def _public_form(request: HttpRequest) -> ActivityFilterForm:
    form = ActivityFilterForm(request.GET or None)
    for internal in ("stage", "level", "public"):
        form.fields.pop(internal)  # the public filters by what, who, where and for whom
    return form


def activity_list(request: HttpRequest) -> HttpResponse:
    form = _public_form(request)
    qs = filter_activities(Activity.objects.public(), form.to_filter())
    page, query = page_of(request, qs.defer(*LIST_DEFERRED))
    page.object_list = add_list_parts(page.object_list)
    return render(
        request,
        "portal/activities.html",
        {"form": form, "page": page, "query": query},
    )


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.public(), pk=pk)
    results = activity.results.prefetch_related(
        Prefetch(
            "indicators__periods",
            queryset=IndicatorPeriod.objects.prefetch_related("disaggregations"),
        )
    )
    return render(request, "portal/activity.html", {"activity": activity, "results": results})


MILLION = 1_000_000
# The figure as a sentence names it (the labels lower-cased read "recursos (cop)").
FIGURE_PHRASES = {
    "activities": gettext_lazy("the number of activities"),
    "resources": gettext_lazy("the resources in Colombian pesos"),
    "people": gettext_lazy("the people reached"),
    "partners": gettext_lazy("the partners present"),
}

# What the map can shade municipalities by: (label, the figure of a MunicipalFigures).
MAP_FIGURES: dict[str, tuple[Promise, Callable[[MunicipalFigures], float]]] = {
    "activities": (gettext_lazy("Activities"), lambda f: f.activities),
    "resources": (gettext_lazy("Resources (COP)"), lambda f: float(f.resources)),
    "people": (gettext_lazy("People reached"), lambda f: f.people),
    "partners": (gettext_lazy("Partners present"), lambda f: f.partner_count),
}


def activity_map(request: HttpRequest) -> HttpResponse:
    form = _public_form(request)
    form.fields = {
        "figure": forms.ChoiceField(
            label=_("Shade municipalities by"),
            choices=[(key, label) for key, (label, _value) in MAP_FIGURES.items()],
            required=False,
        ),
        **form.fields,
    }
    figure = request.GET.get("figure", "")
    figure = figure if figure in MAP_FIGURES else "activities"
    figures = municipal_figures(form.to_filter())
    value_of = MAP_FIGURES[figure][1]
    values = {code: value_of(f) for code, f in figures.items()}
    # Money is shaded and told in millions: a legend of eleven-digit pesos is not read.
    scale = MILLION if figure == "resources" else 1
    classes = bands([value / scale for value in values.values()])
    drawing = base_map()
    names = dict(Municipality.objects.of_department("54").values_list("code", "name"))
    chosen = request.GET.get("municipio", "")
    filters = request.GET.copy()
    filters.pop("municipio", None)
    query = filters.urlencode()
    label = MAP_FIGURES[figure][0]

    def paint(m: Drawn) -> tuple[str, str, str, str]:
        shading = shade(values.get(m.code, 0) / scale, classes)
        value = number_format(round(values.get(m.code, 0)), force_grouping=True)
        href = f"?{query}&municipio={m.code}#cifras"
        return shading.fill, shading.ink, href, f"{m.name}: {value} · {label}"

    rows = sorted(
        figures.items(), key=lambda item: (-values[item[0]], fold(names.get(item[0], "")))
    )
    return render(
        request,
        "portal/map.html",
        {
            "form": form,
            "query": query,
            "list_query": _list_query(filters),
            "figure": figure,
            "figure_label": MAP_FIGURES[figure][0],
            "figure_phrase": FIGURE_PHRASES[figure],
            "legend_label": _("Millions of pesos (COP)") if scale != 1 else label,
            "legend_digits": "-1g" if scale != 1 else "0g",
            "map": drawing,
            "areas": areas_of(drawing, paint, chosen),
            "classes": classes,
            "chosen": (chosen, names[chosen], figures[chosen]) if chosen in names else None,
            "rows": [(code, names.get(code, code), f) for code, f in rows],
        },
    )


def _list_query(filters: QueryDict) -> str:
    """The map's filters as the activity list takes them (the figure is the map's own)."""
    kept = QueryDict(mutable=True)
    for key, values in filters.lists():
        if key not in ("figure", "municipality"):
            kept.setlist(key, [v for v in values if v])  # an empty filter says nothing
    return kept.urlencode()


def _bars(rows: list, labels: dict) -> list[tuple[str, object, float]]:  # type: ignore[type-arg]
    """(label, amount, share of the largest in %) for a chart whose bars are drawn in SVG."""
    lengths = shares([amount for _key, amount in rows])
    return [
        (labels.get(key, key), amount, share)
        for (key, amount), share in zip(rows, lengths, strict=True)
    ]


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
            **_small_maps([k for k, _a in figures.by_sector if k], sector_labels),
        },
    )


def _small_maps(categories: list[str], labels: dict) -> dict[str, object]:  # type: ignore[type-arg]
    """One small map per sector category (the largest first), shaded on one scale so that the
    maps compare, and the same figures as a table by municipality."""
    by_place = resources_by_category_and_place()
    shown = [c for c in categories if by_place.get(c)][:SMALL_MAPS]
    # Shaded and told in millions: a legend of eleven-digit pesos cannot be read at a glance.
    classes = bands([float(v) / MILLION for c in shown for v in by_place[c].values()])
    drawing = base_map()

    def painter(amounts: dict) -> Callable[[Drawn], tuple[str, str, str, str]]:  # type: ignore[type-arg]
        def paint(m: Drawn) -> tuple[str, str, str, str]:
            return shade(float(amounts.get(m.code, 0)) / MILLION, classes).fill, "", "", ""

        return paint

    names: dict[str, str] = dict(
        Municipality.objects.of_department("54").values_list("code", "name")
    )
    places = sorted(
        {code for c in shown for code in by_place[c]},
        key=lambda code: fold(names.get(code) or str(code)),
    )
    return {
        "small_maps": [
            (
                category,
                labels.get(category, category),
                areas_of(drawing, painter(by_place[category])),
            )
            for category in shown
        ],
        "small_map": drawing,
        "small_classes": classes,
        "small_table": [
            (names.get(code, code), [by_place[c].get(code, 0) for c in shown]) for code in places
        ],
    }
