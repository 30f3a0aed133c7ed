"""Results of an activity: add results, indicators and periods with their disaggregation."""

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, internal_view

from .. import services
from ..access import get_activity_for_editor
from ..forms import DisaggregationInline, IndicatorForm, PeriodForm, ResultForm
from ..models import Indicator, IndicatorPeriod, Result
from .parts import part_page


@internal_view
def result_add(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    form = ResultForm(request.POST or None, instance=Result(activity=activity))
    return part_page(
        request,
        activity,
        form,
        title=_("Add a result"),
        done=_("The result was added."),
        save=lambda: services.save_part(form, request.user),
    )


@internal_view
def indicator_add(request: AuthedRequest, pk: int, result_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    result = get_object_or_404(Result, pk=result_id, activity=activity)
    form = IndicatorForm(request.POST or None, instance=Indicator(result=result))
    return part_page(
        request,
        activity,
        form,
        title=_("Add an indicator to “%s”") % result,
        done=_("The indicator was added."),
        save=lambda: services.save_part(form, request.user),
    )


@internal_view
def period_add(request: AuthedRequest, pk: int, indicator_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_id, result__activity=activity)
    period = IndicatorPeriod(indicator=indicator)
    form = PeriodForm(request.POST or None, instance=period)
    dimensions = DisaggregationInline(request.POST or None, instance=period, prefix="dim")

    @transaction.atomic
    def save() -> None:
        services.save_part(form, request.user)
        dimensions.instance = form.instance
        for row in dimensions.save(commit=False):
            services.save_part_instance(row, request.user)

    return part_page(
        request,
        activity,
        form,
        title=_("Add a target and actual to “%s”") % indicator,
        done=_("The period was added."),
        save=save,
        formset=dimensions,
    )
