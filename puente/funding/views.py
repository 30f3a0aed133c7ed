"""Staff pages for funding: calls by deadline with matching proposals, sources, applications."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, office_view, secretariat_view
from puente.agreements.models import Proposal
from puente.funding.forms import ApplicationForm, CallFilterForm, CallForm, SourceForm
from puente.funding.models import Application, Call, Source
from puente.funding.selectors import (
    calls_for_proposal,
    filter_calls,
    matches_for_call,
    mobilised,
    needs_for_call,
)
from puente.lib.audit import save_form
from puente.lib.formpage import form_page
from puente.lib.paging import page_of


@office_view
def call_list(request: AuthedRequest) -> HttpResponse:
    form = CallFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    page, query = page_of(request, filter_calls(**filters, today=today))
    return render(
        request,
        "funding/calls.html",
        {"form": form, "page": page, "query": query, "today": today, "mobilised": mobilised()},
    )


@office_view
def call_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("source", "currency"), pk=pk)
    return render(
        request,
        "funding/call.html",
        {
            "call": call,
            "matches": matches_for_call(call),
            "needs": needs_for_call(call),
            "applications": call.applications.select_related("proposal__organisation"),
            "today": timezone.localdate(),
        },
    )


@secretariat_view
def call_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk) if pk else Call()
    form = CallForm(request.POST or None, instance=call)
    return form_page(
        request,
        template="funding/form.html",
        context={"form": form, "title": _("Call for proposals")},
        forms=[form],
        save=lambda: save_form(form, request.user),
        success_message=_("The call was saved."),
        next_url=lambda saved: saved.get_absolute_url(),
    )  # fmt: skip


@office_view
def source_list(request: AuthedRequest) -> HttpResponse:
    page, query = page_of(request, Source.objects.prefetch_related("themes"))
    return render(request, "funding/sources.html", {"page": page, "query": query})


@secretariat_view
def source_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk) if pk else Source()
    form = SourceForm(request.POST or None, instance=source)
    return form_page(
        request,
        template="funding/form.html",
        context={"form": form, "title": _("Funding source")},
        forms=[form],
        save=lambda: save_form(form, request.user),
        success_message=_("The source was saved."),
        next_url=lambda saved: reverse("funding:sources"),
    )  # fmt: skip


@secretariat_view
def application_edit(request: AuthedRequest, call_pk: int, pk: int | None = None) -> HttpResponse:
    call = get_object_or_404(Call, pk=call_pk)
    application = get_object_or_404(Application, pk=pk, call=call) if pk else Application(call=call)
    initial = {"proposal": request.GET.get("proposal")} if not pk else None
    form = ApplicationForm(request.POST or None, instance=application, initial=initial)
    return form_page(
        request,
        template="funding/form.html",
        context={"form": form, "title": _("Application to “%s”") % call.title,
         "back": call.get_absolute_url()},
        forms=[form],
        save=lambda: save_form(form, request.user),
        success_message=_("The application was saved."),
        next_url=lambda saved: call.get_absolute_url(),
    )  # fmt: skip


@secretariat_view
def proposal_calls(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("organisation"), pk=pk)
    return render(
        request,
        "funding/proposal_calls.html",
        {"proposal": proposal, "matches": calls_for_proposal(proposal, timezone.localdate())},
    )
