"""Staff pages for agreements: list with filters and export, write, detail with steps, history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import AuthedRequest, is_secretariat, office_view, secretariat_view
from puente.agreements import services
from puente.agreements.forms import (
    AgreementDocumentForm,
    AgreementFilterForm,
    AgreementForm,
    MoveForm,
    ObligationFormSet,
    PartyFormSet,
)
from puente.agreements.models import Agreement, AgreementDocument
from puente.agreements.selectors import filter_agreements, with_current_end
from puente.agreements.workflow import Step
from puente.lib.audit import history_entries, save_form
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.lib.tabular import FORMATS, table_response
from puente.lib.uploads import download_response

EXPORT_HEADER = ["id", "reference", "kind", "title", "step", "signed_on", "starts_on", "end",
                 "value", "currency", "parties"]  # fmt: skip


@office_view
def agreement_list(request: AuthedRequest) -> HttpResponseBase:
    form = AgreementFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    agreements = filter_agreements(**filters, today=timezone.localdate())
    fmt = request.GET.get("format", "")
    if fmt in FORMATS:
        rows = (
            [a.pk, a.reference, a.kind, a.title, a.step, a.signed_on, a.starts_on, a.end,  # type: ignore[attr-defined]
             a.value, a.currency_id, "; ".join(p.organisation.name for p in a.parties.all())]
            for a in agreements.prefetch_related("parties__organisation")
        )  # fmt: skip
        return table_response("agreements", fmt, EXPORT_HEADER, rows)
    page, query = page_of(request, agreements.prefetch_related("parties__organisation"))
    return render(
        request, "agreements/staff/list.html", {"form": form, "page": page, "query": query}
    )


@secretariat_view
def agreement_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk) if pk else Agreement()
    form = AgreementForm(request.POST or None, instance=agreement)
    parties = PartyFormSet(request.POST or None, instance=agreement, prefix="parties")
    obligations = ObligationFormSet(request.POST or None, instance=agreement, prefix="obligations")
    return form_page(
        request,
        template="agreements/staff/form.html",
        context={
            "form": form,
            "parties": parties,
            "obligations": obligations,
            "agreement": agreement,
        },
        forms=[form, parties, obligations],
        save=lambda: services.save_agreement(form, parties, obligations, request.user),
        success_message=_("The agreement was saved."),
        next_url=lambda saved: saved.get_absolute_url(),
    )


@office_view
def agreement_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(
        with_current_end(Agreement.objects.select_related("responsible", "currency")), pk=pk
    )
    move = MoveForm(agreement=agreement) if is_secretariat(request.user) else None
    return _detail(request, agreement, move)


def _detail(
    request: AuthedRequest, agreement: Agreement, move: MoveForm | None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "agreements/staff/detail.html",
        {
            "agreement": agreement,
            "move": move,
            "document_form": AgreementDocumentForm() if move is not None else None,
            "parties": agreement.parties.select_related("organisation", "currency"),
            "steps": agreement.steps.select_related("by"),
            "today": timezone.localdate(),
        },
        status=status,
    )


@secretariat_view
def agreement_move(request: AuthedRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(with_current_end(Agreement.objects.all()), pk=pk)
    form = MoveForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            services.move(
                agreement, form.cleaned_data["target"], request.user,
                form.cleaned_data["note"], form.cleaned_data["new_end"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The agreement is now: %s.") % Step(agreement.step).label)
            return redirect(agreement)
    return _detail(request, agreement, form, status=400)


@secretariat_view
def document_add(request: AuthedRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk)
    form = AgreementDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        form.instance.agreement = agreement
        save_form(form, request.user)
        messages.success(request, _("The document was attached."))
        return redirect(agreement)
    messages.error(request, "; ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(agreement)


@office_view
def document_download(request: AuthedRequest, pk: int, document_id: int) -> FileResponse:
    document = get_object_or_404(AgreementDocument, pk=document_id, agreement_id=pk)
    return download_response(
        document.file, f"{document.title[:80]}.{document.extension.lower()}", document.content_type
    )


@office_view
def agreement_history(request: AuthedRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement, pk=pk)
    return render(
        request,
        "agreements/staff/history.html",
        {
            "agreement": agreement,
            "entries": history_entries(agreement.history.all()),  # type: ignore[attr-defined]
            "reverse_url": reverse("agreements:detail", args=[pk]),
        },
    )
