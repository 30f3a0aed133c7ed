"""Results, indicators and periods with their disaggregation: added, corrected, deleted."""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.roles import AuthedRequest, internal_view
from puente.lib.audit import save_formset

from .. import services
from ..access import get_activity_for_editor
from ..forms import DisaggregationInline, IndicatorForm, PeriodForm, ResultForm
from ..models import Activity, Indicator, IndicatorPeriod, Result
from .parts import part_delete_page, part_form_page, part_page


def _result(activity: Activity, result_id: int) -> Result:
    return get_object_or_404(Result, pk=result_id, activity=activity)


def _indicator(activity: Activity, indicator_id: int) -> Indicator:
    return get_object_or_404(Indicator, pk=indicator_id, result__activity=activity)


def _period(activity: Activity, period_id: int) -> IndicatorPeriod:
    return get_object_or_404(
        IndicatorPeriod.objects.select_related("indicator"),
        pk=period_id,
        indicator__result__activity=activity,
    )


@internal_view
def result_add(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    return part_form_page(
        request,
        activity,
        Result(activity=activity),
        ResultForm,
        title=_("Add a result"),
        done=_("The result was added."),
    )


@internal_view
def result_edit(request: AuthedRequest, pk: int, result_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    result = _result(activity, result_id)
    return part_form_page(
        request,
        activity,
        result,
        ResultForm,
        title=_("Edit the result “%s”") % result,
        done=_("The result was saved."),
    )


@internal_view
def result_delete(request: AuthedRequest, pk: int, result_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    result = _result(activity, result_id)
    indicators = result.indicators.count()
    periods = IndicatorPeriod.objects.filter(indicator__result=result).count()
    goes_with = []
    if indicators:
        goes_with.append(
            ngettext("%(n)d indicator", "%(n)d indicators", indicators) % {"n": indicators}
        )
    if periods:
        goes_with.append(
            ngettext("%(n)d target and actual", "%(n)d targets and actuals", periods)
            % {"n": periods}
        )
    return part_delete_page(
        request,
        activity,
        result,
        title=_("Delete the result “%s”") % result,
        done=_("The result “%s” was deleted.") % result,
        goes_with=goes_with,
    )


@internal_view
def indicator_add(request: AuthedRequest, pk: int, result_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    result = _result(activity, result_id)
    return part_form_page(
        request,
        activity,
        Indicator(result=result),
        IndicatorForm,
        title=_("Add an indicator to “%s”") % result,
        done=_("The indicator was added."),
    )


@internal_view
def indicator_edit(request: AuthedRequest, pk: int, indicator_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    indicator = _indicator(activity, indicator_id)
    return part_form_page(
        request,
        activity,
        indicator,
        IndicatorForm,
        title=_("Edit the indicator “%s”") % indicator,
        done=_("The indicator was saved."),
    )


@internal_view
def indicator_delete(request: AuthedRequest, pk: int, indicator_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    indicator = _indicator(activity, indicator_id)
    periods = indicator.periods.count()
    goes_with = (
        [ngettext("%(n)d target and actual", "%(n)d targets and actuals", periods) % {"n": periods}]
        if periods
        else []
    )
    return part_delete_page(
        request,
        activity,
        indicator,
        title=_("Delete the indicator “%s”") % indicator,
        done=_("The indicator “%s” was deleted.") % indicator,
        goes_with=goes_with,
    )


def _period_page(
    request: AuthedRequest, activity: Activity, period: IndicatorPeriod, *, title: str, done: str
) -> HttpResponse:
    """One page adds or corrects a period: its figures and its disaggregation rows together."""
    form = PeriodForm(request.POST or None, instance=period)
    dimensions = DisaggregationInline(request.POST or None, instance=period, prefix="dim")

    @transaction.atomic
    def save() -> None:
        saved = services.save_part(form, request.user)
        save_formset(dimensions, request.user, instance=saved)  # type: ignore[arg-type]

    return part_page(request, activity, form, title=title, done=done, save=save, formset=dimensions)


@internal_view
def period_add(request: AuthedRequest, pk: int, indicator_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    indicator = _indicator(activity, indicator_id)
    return _period_page(
        request,
        activity,
        IndicatorPeriod(indicator=indicator),
        title=_("Add a target and actual to “%s”") % indicator,
        done=_("The period was added."),
    )


@internal_view
def period_edit(request: AuthedRequest, pk: int, period_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    period = _period(activity, period_id)
    return _period_page(
        request,
        activity,
        period,
        title=_("Correct the period %(start)s – %(end)s of “%(indicator)s”")
        % {"start": period.period_start, "end": period.period_end, "indicator": period.indicator},
        done=_("The period was saved."),
    )


@internal_view
def period_delete(request: AuthedRequest, pk: int, period_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    period = _period(activity, period_id)
    label = _("the period %(start)s – %(end)s of “%(indicator)s”") % {
        "start": period.period_start,
        "end": period.period_end,
        "indicator": period.indicator,
    }
    return part_delete_page(
        request,
        activity,
        period,
        title=_("Delete %s") % label,
        done=_("Deleted %s.") % label,
        goes_with=[],
    )
