"""Results of an activity: add results, indicators and periods with their disaggregation."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from puente.roles import AuthedRequest, internal_view

from .. import services
from ..access import get_activity_for_editor
from ..forms import DisaggregationInline, IndicatorForm, PeriodForm, ResultForm
from ..models import Indicator, IndicatorPeriod, Result


@internal_view
def result_add(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    form = ResultForm(request.POST or None, instance=Result(activity=activity))
    if request.method == "POST" and form.is_valid():
        services.save_part(form, request.user)
        messages.success(request, _("The result was added."))
        return redirect("portfolio:detail", pk=activity.pk)
    return render(
        request,
        "portfolio/part_form.html",
        {"activity": activity, "form": form, "title": _("Add a result")},
        status=400 if request.method == "POST" else 200,
    )


@internal_view
def indicator_add(request: AuthedRequest, pk: int, result_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    result = get_object_or_404(Result, pk=result_id, activity=activity)
    form = IndicatorForm(request.POST or None, instance=Indicator(result=result))
    if request.method == "POST" and form.is_valid():
        services.save_part(form, request.user)
        messages.success(request, _("The indicator was added."))
        return redirect("portfolio:detail", pk=activity.pk)
    return render(
        request,
        "portfolio/part_form.html",
        {"activity": activity, "form": form, "title": _("Add an indicator to “%s”") % result},
        status=400 if request.method == "POST" else 200,
    )


@internal_view
def period_add(request: AuthedRequest, pk: int, indicator_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    indicator = get_object_or_404(Indicator, pk=indicator_id, result__activity=activity)
    period = IndicatorPeriod(indicator=indicator)
    form = PeriodForm(request.POST or None, instance=period)
    dimensions = DisaggregationInline(request.POST or None, instance=period, prefix="dim")
    if request.method == "POST" and form.is_valid() and dimensions.is_valid():
        with transaction.atomic():
            services.save_part(form, request.user)
            dimensions.instance = form.instance
            for row in dimensions.save(commit=False):
                services.save_part_instance(row, request.user)
        messages.success(request, _("The period was added."))
        return redirect("portfolio:detail", pk=activity.pk)
    return render(
        request,
        "portfolio/part_form.html",
        {
            "activity": activity,
            "form": form,
            "formset": dimensions,
            "title": _("Add a target and actual to “%s”") % indicator,
        },
        status=400 if request.method == "POST" else 200,
    )
