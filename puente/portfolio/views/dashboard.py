"""The portfolio dashboard: totals by stage, sector, municipality and partner."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.timezone import localdate

from puente.accounts.roles import AuthedRequest, internal_view, is_office_reader
from puente.lib.dashboard import panels_for
from puente.lib.work import work_for
from puente.territory.models import Sector

from ..forms import ActivityFilterForm
from ..lifecycle import Stage
from ..selectors import (
    dashboard,
    filter_activities,
    visible_activities,
    whole_portfolio_dashboard,
)


@internal_view
def portfolio_dashboard(request: AuthedRequest) -> HttpResponse:
    form = ActivityFilterForm(request.GET or None)
    filters = form.to_filter()
    if filters.narrows() or not is_office_reader(request.user):
        data = dashboard(filter_activities(visible_activities(request.user), filters))
    else:
        # The office sees every activity: the same totals for all of it, kept a minute.
        data = whole_portfolio_dashboard()
    labels = dict(Stage.choices)
    for row in data["by_stage"]:  # type: ignore[attr-defined]
        row["label"] = labels.get(row["stage"], row["stage"])
    shown = [row["sector_id"] for row in data["by_sector"]]  # type: ignore[attr-defined]
    names = {s.code: s.name for s in Sector.objects.filter(code__in=shown)}
    for row in data["by_sector"]:  # type: ignore[attr-defined]
        row["label"] = f"{row['sector_id']} {names.get(row['sector_id'], '')}"
    for key in ("by_stage", "by_sector", "by_municipality", "by_partner"):
        rows = data[key]
        # Each table is also its chart: a bar beside every number, as long as its share.
        biggest = max([r["n"] for r in rows] or [1]) or 1  # type: ignore[attr-defined]
        for row in rows:  # type: ignore[attr-defined]
            row["share"] = 100 * row["n"] / biggest
    return render(
        request,
        "portfolio/dashboard.html",
        {
            "form": form,
            "data": data,
            "query": request.GET.urlencode(),
            "panels": panels_for(request),
            "my_work": work_for(request.user, localdate()),
        },
    )
