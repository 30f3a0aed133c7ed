"""Staff pages for the Secretariat's own data (office, Secretary, team, texts) and its messages."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.lib.audit import history_entries
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.portal import services
from puente.portal.forms.office import (
    FunctionFormSet,
    GuidelineFormSet,
    MessageFilterForm,
    OfficeForm,
    TeamFormSet,
)
from puente.portal.models import ContactMessage, Function, Guideline, Office, TeamMember


@secretariat_view
def office_edit(request: AuthedRequest) -> HttpResponse:
    office = Office.objects.first() or Office()
    form = OfficeForm(request.POST or None, request.FILES or None, instance=office)
    team = TeamFormSet(request.POST or None, queryset=TeamMember.objects.all(), prefix="team")
    history = (
        history_entries(office.history.all()) if office.pk else []  # type: ignore[attr-defined]
    )
    return form_page(
        request,
        template="portal/staff/office_form.html",
        context={"form": form, "team": team, "office": office, "entries": history[:20]},
        forms=[form, team],
        save=lambda: services.save_office(form, team, request.user),
        success_message=_("The office data were saved; the public pages show them now."),
        next_url=lambda saved: reverse("content:office"),
    )


@secretariat_view
def secretariat_edit(request: AuthedRequest) -> HttpResponse:
    functions = FunctionFormSet(
        request.POST or None, queryset=Function.objects.all(), prefix="functions"
    )
    guidelines = GuidelineFormSet(
        request.POST or None, queryset=Guideline.objects.all(), prefix="guidelines"
    )
    return form_page(
        request,
        template="portal/staff/secretariat_form.html",
        context={"functions": functions, "guidelines": guidelines},
        forms=[functions, guidelines],
        save=lambda: services.save_secretariat_texts(functions, guidelines, request.user),
        success_message=_("The functions and guidelines were saved."),
        next_url=lambda saved: reverse("content:secretariat"),
    )


@secretariat_view
def message_list(request: AuthedRequest) -> HttpResponse:
    form = MessageFilterForm(request.GET or None)
    rows = ContactMessage.objects.select_related("handled_by")
    if form.is_valid():
        for word in form.cleaned_data["q"].split():
            rows = rows.filter(
                Q(name__icontains=word) | Q(subject__icontains=word) | Q(email__icontains=word)
            )
        if form.cleaned_data["status"]:
            rows = rows.filter(handled_at__isnull=form.cleaned_data["status"] == "open")
    page, query = page_of(request, rows)
    return render(
        request, "portal/staff/message_list.html", {"form": form, "page": page, "query": query}
    )


@secretariat_view
def message_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(ContactMessage.objects.select_related("handled_by"), pk=pk)
    if request.method == "POST" and message.handled_at is None:
        services.mark_handled(message, request.user)
        messages.success(request, _("The message is marked as handled."))
        return redirect("content:messages")
    return render(request, "portal/staff/message_detail.html", {"message": message})
