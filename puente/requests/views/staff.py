"""Staff PQRSD pages: the inbox, one request with its steps, the reports to publish."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.lib.paging import page_of
from puente.lib.tabular import table_response
from puente.lib.uploads import download_response
from puente.requests import reports, services
from puente.requests.forms import (
    AnswerForm,
    AssignForm,
    CloseForm,
    ExtendForm,
    InboxFilterForm,
    NoteForm,
    ReportPeriodForm,
    TransferForm,
)
from puente.requests.models import Attachment, PublishedReport, Request
from puente.requests.selectors import filter_inbox, light_counts


@secretariat_view
def inbox(request: AuthedRequest) -> HttpResponseBase:
    today = timezone.localdate()
    form = InboxFilterForm(request.GET or None)
    found = Request.objects.all()
    if form.is_valid():
        found = filter_inbox(found, request.user, today, **form.cleaned_data)
    else:
        found = filter_inbox(found, request.user, today)
    if request.GET.get("format") == "csv":
        return _export(found)
    page, query = page_of(request, found)
    return render(
        request,
        "requests/staff/inbox.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "today": today,
            "counts": light_counts(Request.objects.all(), today),
        },
    )


def _export(found: Any) -> HttpResponseBase:
    header = [
        _("Filing number"), _("Filed at"), _("Type"), _("Subject"), _("Summary"), _("Status"),
        _("Due on"), _("Assigned to"), _("Answered at"),
    ]  # fmt: skip
    rows = (
        (
            r.filing_number,
            timezone.localtime(r.filed_at).strftime("%Y-%m-%d %H:%M"),
            r.get_kind_display(),
            r.get_subject_display(),
            r.title,
            r.get_status_display(),
            r.due_on.isoformat(),
            r.assigned_to.get_username() if r.assigned_to else "",
            timezone.localtime(r.answered_at).strftime("%Y-%m-%d %H:%M") if r.answered_at else "",
        )
        for r in found.iterator()
    )
    return table_response("pqrsd", "csv", header, rows)


# Each step: its form, the service call it makes, and what the official is told afterwards.
Step = tuple[type[forms.Form], Callable[..., None], Any]
STEPS: dict[str, Step] = {
    "assign": (
        AssignForm,
        lambda r, d, u: services.assign(r, d["official"], u),
        gettext_lazy("The request was assigned."),
    ),
    "note": (
        NoteForm,
        lambda r, d, u: services.add_note(r, d["text"], u),
        gettext_lazy("The note was added."),
    ),
    "extend": (
        ExtendForm,
        lambda r, d, u: services.extend(r, d["new_due_on"], d["reason"], u, timezone.localdate()),
        gettext_lazy("The term was extended and the requester told why."),
    ),
    "transfer": (
        TransferForm,
        lambda r, d, u: services.transfer(r, d["entity"], d["reason"], u),
        gettext_lazy("The request was sent to the competent entity."),
    ),
    "answer": (
        AnswerForm,
        lambda r, d, u: services.answer(r, d["answer"], d["attachments"], u),
        gettext_lazy("The answer was recorded; the requester can read it."),
    ),
    "close": (
        CloseForm,
        lambda r, d, u: services.close(r, d["text"], u),
        gettext_lazy("The request was closed."),
    ),
}


def _detail(
    request: AuthedRequest, pk: int, bound: dict[str, forms.Form], status: int = 200
) -> HttpResponse:
    found = get_object_or_404(Request.objects.select_related("assigned_to", "municipality"), pk=pk)
    step_forms = {
        name: bound.get(name) or form_class() for name, (form_class, _s, _m) in STEPS.items()
    }
    return render(
        request,
        "requests/staff/detail.html",
        {
            "r": found,
            "forms": step_forms,
            "steps": found.steps.select_related("by"),
            "attachments": found.attachments.all(),
            "today": timezone.localdate(),
            "refused": [e for form in bound.values() for e in form.non_field_errors()],
        },
        status=status,
    )


@secretariat_view
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _detail(request, pk, {})


@require_POST
@secretariat_view
def act(request: AuthedRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEPS:
        return _detail(request, pk, {}, status=404)
    form_class, call, done = STEPS[step]
    found = get_object_or_404(Request, pk=pk)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            call(found, form.cleaned_data, request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect("pqrsd-staff:detail", pk=pk)
    return _detail(request, pk, {step: form}, status=400)


@secretariat_view
def erase(request: AuthedRequest, pk: int) -> HttpResponse:
    """Habeas data: asks for confirmation, then removes the person's data from the request."""
    found = get_object_or_404(Request, pk=pk)
    error = None
    if request.method == "POST":
        try:
            services.erase_personal_data(found, request.user)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            messages.success(request, _("The personal data of this request was erased."))
            return redirect("pqrsd-staff:detail", pk=pk)
    return render(
        request,
        "requests/staff/erase.html",
        {"r": found, "error": error},
        status=400 if error else 200,
    )


@secretariat_view
def attachment(request: AuthedRequest, pk: int, attachment_id: int) -> FileResponse:
    found = get_object_or_404(Attachment, pk=attachment_id, request_id=pk)
    return download_response(found.file, found.original_name, found.content_type)


@secretariat_view
def report(request: AuthedRequest) -> HttpResponseBase:
    today = timezone.localdate()
    form = ReportPeriodForm(request.GET or {"year": today.year, "month": today.month})
    if not form.is_valid():
        return render(request, "requests/staff/report.html", {"form": form}, status=400)
    year, month = form.cleaned_data["year"], form.cleaned_data["month"]
    data = reports.figures(year, month, today)
    if request.GET.get("format") == "csv":
        return table_response(
            f"pqrsd-{year}-{month or 'year'}",
            "csv",
            [_("Group"), _("Figure"), _("Value")],
            reports.report_rows(data),
        )
    published = PublishedReport.objects.filter(year=year, month=month).first()
    return render(
        request,
        "requests/staff/report.html",
        {
            "form": form,
            "data": data,
            "rows": reports.report_rows(data),
            "outcomes": reports.outcome_bar(data),
            "published": published,
            "year": year,
            "month": month,
        },
    )


@require_POST
@secretariat_view
def publish_report(request: AuthedRequest) -> HttpResponse:
    form = ReportPeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid year and month."))
        return redirect("pqrsd-staff:report")
    published = reports.publish(form.cleaned_data["year"], form.cleaned_data["month"], request.user)
    messages.success(
        request, _("The report for %(period)s is now on the portal.") % {"period": published}
    )
    query = f"?year={published.year}" + (f"&month={published.month}" if published.month else "")
    return redirect(f"{reverse('pqrsd-staff:report')}{query}")
