"""The Secretariat's shared indicators: defined once, linked from projects, added up by plans."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, internal_view, is_secretariat

from .. import services
from ..forms import SharedIndicatorForm
from ..models import SharedIndicator
from ..selectors import visible_activities


@internal_view
def shared_indicators(request: AuthedRequest) -> HttpResponse:
    can_edit = is_secretariat(request.user)
    form = SharedIndicatorForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            added: SharedIndicator = services.save_part(form, request.user)  # type: ignore[assignment]
            messages.success(request, _("The shared indicator was added."))
            return redirect(added)
    # Only the uses in activities this reader may read are counted.
    readable = Q(uses__result__activity__in=visible_activities(request.user))
    indicators = SharedIndicator.objects.annotate(n=Count("uses", filter=readable)).order_by(
        "name_es"
    )
    return render(
        request,
        "portfolio/shared_indicators.html",
        {"indicators": indicators, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@internal_view
def shared_indicator(request: AuthedRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(SharedIndicator, pk=pk)
    can_edit = is_secretariat(request.user)
    form = SharedIndicatorForm(request.POST or None, instance=indicator) if can_edit else None
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            services.save_part(form, request.user)
            messages.success(request, _("The shared indicator was saved."))
            return redirect(indicator)
    uses = indicator.uses.filter(
        result__activity__in=visible_activities(request.user)
    ).select_related("result__activity")
    return render(
        request,
        "portfolio/shared_indicator.html",
        {"indicator": indicator, "form": form, "uses": uses},
        status=400 if request.method == "POST" else 200,
    )
