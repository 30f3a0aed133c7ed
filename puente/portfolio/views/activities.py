"""The activity list (search, filters, sorting, export), detail, forms, lifecycle and history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puente.accounts.roles import (
    AuthedRequest,
    internal_view,
    is_office_reader,
    is_secretariat,
    secretariat_view,
)
from puente.lib.audit import Entry, history_entries
from puente.lib.dashboard import panels_for
from puente.lib.paging import page_of

from .. import exports, services
from ..access import get_activity_for_editor, get_activity_for_reader
from ..forms import (
    INLINES,
    ActivityFilterForm,
    ActivityForm,
    NewIndicatorFormSet,
    StageChangeForm,
    new_indicators,
)
from ..lifecycle import allowed_next
from ..models import Activity, Disaggregation, Indicator, IndicatorPeriod, Level, Result
from ..rollup import rollups
from ..selectors import (
    LIST_DEFERRED,
    RateTable,
    activity_finance,
    add_list_parts,
    budget_in_own_currency,
    can_edit_activity,
    filter_activities,
    fully_readable_ids,
    visible_activities,
)


def _filtered(request: AuthedRequest) -> tuple[ActivityFilterForm, QuerySet[Activity]]:
    form = ActivityFilterForm(request.GET or None)
    qs = filter_activities(visible_activities(request.user), form.to_filter())
    return form, qs


@internal_view
def activity_list(request: AuthedRequest) -> HttpResponse:
    form, qs = _filtered(request)
    if form.to_filter().q:
        # A text search reads every candidate row: read the matching ids in order once, rather
        # than twice (the count, then the page), and then only the page's rows.
        page, query = page_of(request, list(qs.values_list("pk", flat=True)))
        rows = Activity.objects.defer(*LIST_DEFERRED).in_bulk(page.object_list)
        page.object_list = [rows[pk] for pk in page.object_list if pk in rows]  # gone since
    else:
        page, query = page_of(request, qs.defer(*LIST_DEFERRED))
    page.object_list = add_list_parts(page.object_list, budgets=True)
    rates, full = RateTable(), fully_readable_ids(request.user)
    for activity in page.object_list:
        # Money follows the export's rule: only of the activities this reader reads in full.
        if full is None or activity.pk in full:
            activity.list_budget = budget_in_own_currency(  # type: ignore[attr-defined]
                activity,
                rates,
                activity.budget_rows,  # type: ignore[attr-defined]
            )
    others = request.GET.copy()
    for key in ("sort", "page"):
        others.pop(key, None)
    return render(
        request,
        "portfolio/activity_list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "sort": form.to_filter().sort,
            "sort_query": others.urlencode(),
        },
    )


@internal_view
def activity_export(request: AuthedRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    _form, qs = _filtered(request)
    full = fully_readable_ids(request.user)
    return exports.export_activities(qs, fmt, full)  # type: ignore[arg-type]


@internal_view
def activity_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    try:
        activity = get_activity_for_reader(request, pk)
    except PermissionDenied:
        # Another organisation's public activity: its reporter reads it as the public does.
        if Activity.objects.public().filter(pk=pk).exists():
            return redirect("portal:activity", pk=pk)
        raise
    periods = IndicatorPeriod.objects.filter(indicator__result__activity=activity)
    context = {
        "activity": activity,
        "finance": activity_finance(activity),
        # A partner's project may belong to another organisation's unpublished programme.
        "parent": visible_activities(request.user).filter(pk=activity.parent_id).first()
        if activity.parent_id
        else None,
        "can_edit": can_edit_activity(request.user, activity),
        # Sections of the apps above the portfolio (the IATI check), without importing them.
        "panels": panels_for(request, "activity", activity),
        "stage_form": StageChangeForm(allowed=allowed_next(activity.stage)),
        **_plan_parts(request, activity),
        "results": activity.results.prefetch_related(
            Prefetch(
                "indicators__periods",
                queryset=periods.prefetch_related("disaggregations"),
            )
        ),
    }
    return render(request, "portfolio/activity_detail.html", context)


def _plan_parts(request: AuthedRequest, activity: Activity) -> dict[str, object]:
    """A plan's or programme's parts (the first hundred, and how many) and its results: its
    projects' shared indicators added up."""
    if activity.level == Level.PROJECT:
        return {"children": None, "rollups": None}
    readable = visible_activities(request.user)
    parts = readable.filter(parent=activity).defer(*LIST_DEFERRED).order_by("level", "title_es")
    return {
        "children": list(parts[:100]),
        "children_count": parts.count(),
        "rollups": rollups(activity, readable),
    }


def _inline_formsets(request: AuthedRequest, activity: Activity) -> list:
    data = request.POST if request.method == "POST" else None
    shared: dict = {}  # one read of each list (currencies, partners...) for every section
    return [
        (title, cls(data, instance=activity, prefix=prefix, shared_choices=shared))
        for prefix, title, cls in INLINES
    ]


def _edit(request: AuthedRequest, activity: Activity) -> HttpResponse:
    is_new = activity.pk is None
    form = ActivityForm(
        request.POST or None,
        instance=activity,
        can_publish=is_secretariat(request.user),
        # The office reads the whole portfolio: no filter (it cost a pass over every activity).
        readable=None if is_office_reader(request.user) else visible_activities(request.user),
    )
    formsets = _inline_formsets(request, activity)
    # An optional section: a client that posts the form without it (the API's, a script's) adds
    # no indicators rather than failing on a missing management form.
    sent = request.method == "POST" and "new_indicators-TOTAL_FORMS" in request.POST
    indicators = NewIndicatorFormSet(request.POST if sent else None, prefix="new_indicators")
    revision = None if is_new else _posted_revision(request)
    # A stale form is answered before validation: its rows may clash with what was saved since.
    conflict = request.method == "POST" and not is_new and revision != activity.revision
    if (
        request.method == "POST"
        and not conflict
        and form.is_valid()
        and all(f.is_valid() for _t, f in formsets)
        and (not sent or indicators.is_valid())
    ):
        try:
            saved = services.save_activity(
                form,
                [f for _t, f in formsets],
                request.user,
                revision,
                new_indicators=new_indicators(indicators) if sent else [],
            )
        except services.EditConflict:
            conflict = True
        else:
            messages.success(request, _("The activity was saved."))
            return redirect("portfolio:detail", pk=saved.pk)
    if request.method == "POST" and not conflict and not is_new:
        # Refused rows may be the trace of a save that landed while this one was being checked
        # (its rows replaced): that is a conflict to tell, not errors to correct.
        now = Activity.objects.filter(pk=activity.pk).values_list("revision", flat=True).first()
        conflict = now != revision
    status = 409 if conflict else (400 if request.method == "POST" else 200)
    return render(
        request,
        "portfolio/activity_form.html",
        {
            "form": form,
            "formsets": formsets,
            "indicators": indicators,
            "activity": activity,
            "conflict": conflict,
            "rejected": request.method == "POST" and not conflict,
        },
        status=status,
    )


def _posted_revision(request: AuthedRequest) -> int:
    try:
        return int(request.POST.get("revision", ""))
    except ValueError:
        return -1


@secretariat_view
def activity_create(request: AuthedRequest) -> HttpResponse:
    return _edit(request, Activity(responsible=request.user))


@internal_view
def activity_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    return _edit(request, get_activity_for_editor(request, pk))


@require_POST
@secretariat_view
def activity_stage(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    form = StageChangeForm(request.POST, allowed=allowed_next(activity.stage))
    if form.is_valid():
        try:
            services.change_stage(
                activity,
                form.cleaned_data["to"],
                request.user,
                form.cleaned_data["reason"],
                approve_unlinked=form.cleaned_data.get("approve_unlinked", False),
            )
        except services.StageChangeRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Stage changed to “%s”.") % activity.get_stage_display())
    else:
        errors = "; ".join(f"{e}" for errs in form.errors.values() for e in errs)
        messages.error(request, _("The stage was not changed: %s") % errors)
    return redirect("portfolio:detail", pk=activity.pk)


@internal_view
def activity_history(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_reader(request, pk)
    return render(
        request,
        "portfolio/activity_history.html",
        {
            "activity": activity,
            "entries": history_entries(activity.history.all()),  # type: ignore[attr-defined]
            "stage_changes": activity.stage_changes.select_related("by"),
            "parts": _part_history(activity),
        },
    )


def _part_history(activity: Activity) -> list[Entry]:
    """Changes to the activity's parts (budgets, transactions, ...), newest first."""
    entries: list[Entry] = []
    for related in (
        "budgets",
        "transactions",
        "locations",
        "sectors",
        "participations",
        "results",
        "documents",
    ):
        model = getattr(activity, related).model
        records = model.history.filter(activity_id=activity.pk)
        entries += history_entries(records, limit=100, subject=str(model._meta.verbose_name))
    # Indicators, periods and disaggregations hang below the results; their history rows keep
    # the parent's id, so deleted ones are found through the parents' history too.
    parent_ids = Result.history.filter(activity_id=activity.pk).values("id")
    for model, parent in ((Indicator, "result_id"), (IndicatorPeriod, "indicator_id"),
                          (Disaggregation, "period_id")):  # fmt: skip
        records = model.history.filter(**{f"{parent}__in": parent_ids})
        entries += history_entries(records, limit=100, subject=str(model._meta.verbose_name))
        parent_ids = records.values("id")
    entries.sort(key=lambda entry: entry.record.history_date, reverse=True)
    return entries[:200]
