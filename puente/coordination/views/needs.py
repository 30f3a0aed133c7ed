"""Staff pages of the needs register: filtered list and export, one need and its history."""

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, office_view, secretariat_view
from puente.coordination.forms import NeedFilterForm, NeedForm
from puente.coordination.models import Need
from puente.coordination.selectors import filter_needs
from puente.lib.audit import history_entries, save_form
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.lib.tabular import FORMATS, table_response

EXPORT_HEADER = [
    "id", "divipola", "municipality", "community", "service", "population",
    "people_affected", "people_excluded", "severity", "source", "evidence_date", "open",
]  # fmt: skip


@office_view
def need_list(request: AuthedRequest) -> HttpResponseBase:
    form = NeedFilterForm(request.GET or None)
    needs = filter_needs(**form.cleaned_data) if form.is_valid() else filter_needs()
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        rows = (
            [n.pk, n.municipality.code, n.municipality.name, n.community, n.service.name_es,
             n.population.code, n.people_affected, n.people_excluded, n.severity, n.source,
             n.evidence_date, n.is_open]
            for n in needs
        )  # fmt: skip
        return table_response("needs", fmt, EXPORT_HEADER, rows)
    page, query = page_of(request, needs)
    return render(request, "coordination/needs.html", {"form": form, "page": page, "query": query})


@secretariat_view
def need_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    need = get_object_or_404(Need, pk=pk) if pk else Need()
    form = NeedForm(request.POST or None, instance=need)
    entries = history_entries(need.history.all()) if need.pk else []  # type: ignore[attr-defined]
    return form_page(
        request,
        template="coordination/need_form.html",
        context={"form": form, "need": need, "entries": entries},
        forms=[form],
        save=lambda: save_form(form, request.user),
        success_message=_("The need was saved."),
        next_url=lambda saved: reverse("coordination:needs"),
    )  # fmt: skip
