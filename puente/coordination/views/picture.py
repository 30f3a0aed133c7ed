"""Pages of the coordination picture: dashboard, gap analysis, the 5W matrix, overlaps, PDF."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.http import HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puente.accounts.roles import AuthedRequest, internal_view, office_view, secretariat_view
from puente.coordination.analysis import (
    MunicipalityGap,
    dashboard_figures,
    gap_table,
    gaps_by_municipality,
)
from puente.coordination.forms import GapFilterForm, PictureFilterForm
from puente.coordination.models import OverlapDecision, ReachedNationality, ReportRow
from puente.coordination.overlaps import open_candidates
from puente.coordination.selectors import approved_rows
from puente.lib.choropleth import EMPTY, Area, bands, shade
from puente.lib.paging import page_of
from puente.lib.tabular import FORMATS, table_response
from puente.portfolio.models import Level
from puente.portfolio.rollup import rollups
from puente.portfolio.selectors import visible_activities
from puente.territory.models import Municipality, Sector, TargetPopulation, sector_label
from puente.territory.svgmap import Drawn, areas_of, base_map

MATRIX_HEADER = [
    "organisation",
    "activity",
    "sector",
    "category",
    "divipola",
    "municipality",
    "locality",
    "population",
    "nationality",
    "period_start",
    "period_end",
    "targeted",
    "female",
    "male",
    "other_sex",
    "age_0_17",
    "age_18_59",
    "age_60_plus",
    "reached",
    "amount",
    "currency",
]
MATRIX_HXL = [
    "#org+name",
    "#activity+name",
    "#sector+code",
    "#sector+category+code",
    "#adm2+code",
    "#adm2+name",
    "#loc+name",
    "#population+type",
    "#population+nationality",
    "#date+start",
    "#date+end",
    "#targeted",
    "#reached+f",
    "#reached+m",
    "#reached+other",
    "#reached+children",
    "#reached+adults",
    "#reached+elderly",
    "#reached+total",
    "#value",
    "#currency",
]
GAP_HEADER = [
    "divipola",
    "municipality",
    "service",
    "open_needs",
    "people_affected",
    "excluded_by_nationality",
    "severity",
    "reported_activities",
    "portfolio_activities",
    "partners",
    "reached",
    "status",
]
GAP_HXL = [
    "#adm2+code",
    "#adm2+name",
    "#sector+service",
    "#need+num",
    "#affected",
    "#affected+excluded",
    "#severity",
    "#activity+reported+num",
    "#activity+portfolio+num",
    "#org+num",
    "#reached",
    "#status",
]


def _filtered(
    request: AuthedRequest, form_class: type[PictureFilterForm] = PictureFilterForm
) -> tuple[PictureFilterForm, datetime.date, datetime.date, QuerySet[ReportRow]]:
    form = form_class(request.GET or None)
    start, end = form.span()
    data = form.cleaned_data if form.is_valid() else {}
    rows = approved_rows(
        start,
        end,
        municipality=data.get("municipality"),
        category=getattr(data.get("category"), "pk", None),
        population=data.get("population"),
    )
    return form, start, end, rows


@internal_view
def dashboard(request: AuthedRequest) -> HttpResponse:
    form, start, end, rows = _filtered(request)
    figures = dashboard_figures(rows)  # type: ignore[arg-type]
    english = (get_language() or "es").startswith("en")
    sectors = dict(
        Sector.objects.filter(pk__in=[c for c, *_r in figures.by_sector]).values_list(
            "pk", "name_en"
        )
    )
    populations = {p.pk: p.name for p in TargetPopulation.objects.all()}
    nationalities = dict(ReachedNationality.choices)
    context = {
        "form": form,
        "start": start,
        "end": end,
        "figures": figures,
        "query": request.GET.urlencode(),
        "map": base_map(),
        "areas": _reached_areas(figures.by_municipality, request.GET),
        "classes": bands([float(n) for *_k, n in figures.by_municipality]),
        "by_municipality": bars((name, n) for _pk, name, n in figures.by_municipality),
        "by_sector": bars(
            (sector_label(code, (sectors.get(code) if english else "") or name), n)
            for code, name, n in figures.by_sector
        ),
        "by_population": bars(
            (populations.get(code, code), n) for code, _name, n in figures.by_population
        ),
        "by_nationality": bars(
            (nationalities.get(code, code), n) for code, n in figures.by_nationality
        ),
        "by_sex": bars(
            zip(
                [_("Women and girls"), _("Men and boys"), _("Other or not stated")],
                figures.by_sex.values(),
                strict=True,
            )
        ),
        "by_age": bars(
            zip(
                [_("0–17 years"), _("18–59 years"), _("60 years and over")],
                figures.by_age.values(),
                strict=True,
            )
        ),
        "by_month": bars((date_format(month, "F Y"), n) for month, n in figures.by_month),
    }
    return render(request, "coordination/dashboard.html", context)


def bars(pairs: Iterable[tuple[Any, int]]) -> list[dict[str, object]]:
    """Rows of a bar table: each value with its share of the largest (the bar's length)."""
    items = [(name, value or 0) for name, value in pairs]
    biggest = max([value for _name, value in items] + [1])
    return [{"name": name, "value": value, "share": 100 * value / biggest} for name, value in items]


def _matrix_link(pk: int | None, query: QueryDict) -> str:
    """The 5W rows behind a municipality's figures, under the page's other filters."""
    filters = query.copy()
    filters.pop("municipality", None)  # the page's own municipality filter would win
    if pk is not None:
        filters["municipality"] = str(pk)
    return f"{reverse('coordination:matrix')}?{filters.urlencode()}"


def _reached_areas(by_municipality: list, query: QueryDict) -> list[Area]:  # type: ignore[type-arg]
    """The dashboard's map: municipalities shaded by people reached."""
    reached = {pk: n for pk, _name, n in by_municipality}
    classes = bands([float(n) for n in reached.values()])
    ids = dict(Municipality.objects.of_department("54").values_list("code", "pk"))

    def paint(m: Drawn) -> tuple[str, str, str, str]:
        people = reached.get(ids.get(m.code), 0)  # type: ignore[call-overload]
        shading = shade(people, classes)
        said = ngettext("%(n)s person reached", "%(n)s people reached", people) % {
            "n": number_format(people, force_grouping=True)
        }
        return shading.fill, shading.ink, _matrix_link(ids.get(m.code), query), f"{m.name}: {said}"

    return areas_of(base_map(), paint)


# The gap map's colours: the status colours of the gap table, lightened to hold a black label
# where they can; "no needs recorded" is the empty grey.
GAP_FILLS = {"uncovered": ("#a4161a", "#fff"), "partial": ("#f2c46d", "#000"),
             "covered": ("#9bd0a7", "#000")}  # fmt: skip


def _gap_areas(places: list[MunicipalityGap], query: QueryDict) -> list[Area]:
    by_code = {p.municipality.code: p for p in places}
    ids = dict(Municipality.objects.of_department("54").values_list("code", "pk"))

    def paint(m: Drawn) -> tuple[str, str, str, str]:
        place = by_code.get(m.code)
        link = _matrix_link(ids.get(m.code), query)
        if place is None or not place.needs:  # reports, but no need recorded to judge them by
            return EMPTY, "#000", link, _("%(name)s: no needs recorded") % {"name": m.name}
        fill, ink = GAP_FILLS[place.status]
        said = _(
            # Counts after their names: "1 needs" never reads wrong.
            "%(name)s: uncovered needs %(uncovered)s, partly covered %(partial)s, "
            "partners present %(partners)s"
        ) % {
            "name": m.name, "uncovered": place.uncovered, "partial": place.partial,
            "partners": place.partners,
        }  # fmt: skip
        return fill, ink, link, said

    return areas_of(base_map(), paint)


@internal_view
def gaps(request: AuthedRequest) -> HttpResponseBase:
    form, start, end, rows = _filtered(request, GapFilterForm)
    # A partner counts only the portfolio it may see: its own work and everyone's public work.
    cells = gap_table(start, end, rows, visible_activities(request.user))  # type: ignore[arg-type]
    service = form.cleaned_data.get("service") if form.is_valid() else None
    if service is not None:
        cells = [c for c in cells if c.service.pk == service.pk]
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        return table_response(
            "gaps",
            fmt,
            GAP_HEADER,
            (
                [
                    c.municipality.code,
                    c.municipality.name,
                    c.service.name_es,
                    c.needs,
                    c.people_affected,
                    c.people_excluded,
                    c.severity,
                    c.reported_activities,
                    c.portfolio_activities,
                    c.partners,
                    c.reached,
                    c.status,
                ]
                for c in cells
            ),
            [GAP_HXL],
        )
    places = gaps_by_municipality(cells)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "form": form,
        "start": start,
        "end": end,
        "cells": cells,
        "places": places,
        "service": service,
        "map": base_map(),
        "areas": _gap_areas(places, query),
        "query": query.urlencode(),
    }
    return render(request, "coordination/gaps.html", context)


@internal_view
def matrix(request: AuthedRequest) -> HttpResponseBase:
    """The approved 5W rows behind the figures (the drill-down), with the exports."""
    form, start, end, rows = _filtered(request)
    service = request.GET.get("service", "")
    if service.isdigit():
        rows = rows.filter(category__service_links__service_id=int(service))
    rows = rows.select_related(
        "report__organisation", "report__period", "municipality", "population", "sector"
    )
    rows = rows.order_by("-report__period__start", "report__organisation__name", "line", "pk")
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        return table_response(
            "5w",
            fmt,
            MATRIX_HEADER,
            (_matrix_row(r) for r in rows.iterator()),
            [MATRIX_HXL] if fmt != "json" else [],
        )
    page, query = page_of(request, rows)
    context = {
        "form": form,
        "start": start,
        "end": end,
        "page": page,
        "query": query,
        "service": service,
    }
    return render(request, "coordination/matrix.html", context)


def _matrix_row(r: ReportRow) -> list[object]:
    return [
        r.report.organisation.name,
        r.activity_name,
        r.sector_id,
        r.category_id,
        r.municipality.code,
        r.municipality.name,
        r.locality,
        r.population.name_es if r.population else "",
        r.nationality,
        r.report.period.start,
        r.report.period.end,
        r.targeted,
        r.female,
        r.male,
        r.other_sex,
        r.age_0_17,
        r.age_18_59,
        r.age_60_plus,
        r.reached,
        r.amount,
        r.currency_id,
    ]


@office_view
def overlaps(request: AuthedRequest) -> HttpResponse:
    since = timezone.localdate() - datetime.timedelta(days=365)
    found = open_candidates(since)
    page, query = page_of(request, found, 25)  # type: ignore[arg-type]
    decisions = OverlapDecision.objects.select_related("decided_by")[:50]
    return render(
        request,
        "coordination/overlaps.html",
        {
            "page": page,
            "query": query,
            "decisions": decisions,
            "verdicts": OverlapDecision.Verdict.choices,
        },
    )


@require_POST
@secretariat_view
def overlap_decide(request: AuthedRequest) -> HttpResponse:
    first, second = request.POST.get("first", ""), request.POST.get("second", "")
    verdict = request.POST.get("verdict", "")
    if not first or not second or first >= second or verdict not in OverlapDecision.Verdict.values:
        messages.error(request, _("Choose a decision for the pair."))
        return redirect("coordination:overlaps")
    try:
        with transaction.atomic():
            OverlapDecision.objects.create(
                first=first[:340],
                second=second[:340],
                verdict=verdict,
                note=request.POST.get("note", "")[:2000],
                decided_by=request.user,
            )
    except IntegrityError:
        messages.info(request, _("That pair had already been decided."))
    else:
        messages.success(request, _("Decision kept; the pair will not be proposed again."))
    return redirect("coordination:overlaps")


@office_view
def governor_report(request: AuthedRequest) -> HttpResponse:
    from puente.coordination.governor_pdf import MAX_PLANS, render_report

    form, start, end, rows = _filtered(request)
    readable = visible_activities(request.user)
    plans = [
        (plan, rollups(plan, readable))
        for plan in readable.filter(level=Level.PLAN).order_by("title_es")[:MAX_PLANS]
    ]
    pdf = render_report(start, end, dashboard_figures(rows), gap_table(start, end, rows), plans)  # type: ignore[arg-type]
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="coordinacion-{start:%Y-%m}-{end:%Y-%m}.pdf"'
    )
    return response
