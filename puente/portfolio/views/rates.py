"""Exchange rates the staff maintain: totals in COP and USD use the rate in force on each date."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, internal_view, is_secretariat
from puente.territory.models import Currency

from .. import services
from ..forms import DATE
from ..models import ExchangeRate


class ExchangeRateForm(forms.ModelForm):
    class Meta:
        model = ExchangeRate
        fields = ["currency", "valid_from", "cop_per_unit"]
        widgets = {"valid_from": DATE}

    def clean_currency(self) -> Currency:
        currency = self.cleaned_data["currency"]
        if currency.code == "COP":
            raise forms.ValidationError(_("Amounts in pesos need no rate."))
        return currency


@internal_view
def exchange_rates(request: AuthedRequest) -> HttpResponse:
    can_edit = is_secretariat(request.user)
    form = ExchangeRateForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            services.save_part(form, request.user)
            messages.success(request, _("The exchange rate was added."))
            return redirect("portfolio:rates")
    rates = ExchangeRate.objects.select_related("currency").order_by("currency_id", "-valid_from")
    return render(
        request,
        "portfolio/exchange_rates.html",
        {"rates": rates, "form": form},
        status=400 if request.method == "POST" else 200,
    )
