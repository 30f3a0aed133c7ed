"""Viability concepts: proposers file and follow proposals; staff assess, issue, convert."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import (
    AnyUser,
    AuthedRequest,
    account_organisation_id,
    is_secretariat,
    proposal_view,
    secretariat_view,
)
from puente.agreements import services
from puente.agreements.forms import (
    ConceptForm,
    CriterionFormSet,
    ProposalDocumentFormSet,
    ProposalFilterForm,
    ProposalForm,
    score_forms,
)
from puente.agreements.models import Concept, Criterion, Proposal, ProposalDocument
from puente.agreements.selectors import filter_proposals
from puente.directory.models import Organisation
from puente.lib.formpage import form_page
from puente.lib.paging import page_of
from puente.lib.uploads import download_response


def _proposals_for(user: AnyUser) -> QuerySet[Proposal]:
    """Staff see every proposal; a proposer only its own organisation's."""
    if is_secretariat(user):
        return Proposal.objects.all()
    organisation = account_organisation_id(user)
    if organisation is None:
        raise PermissionDenied
    return Proposal.objects.filter(organisation_id=organisation)


def _proposal(user: AnyUser, pk: int) -> Proposal:
    return get_object_or_404(_proposals_for(user).select_related("organisation"), pk=pk)


@proposal_view
def proposal_list(request: AuthedRequest) -> HttpResponse:
    form = ProposalFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    proposals = filter_proposals(
        _proposals_for(request.user), **filters, today=timezone.localdate()
    )
    page, query = page_of(request, proposals)
    return render(
        request,
        "agreements/proposals/list.html",
        {"form": form, "page": page, "query": query, "today": timezone.localdate()},
    )


@proposal_view
def proposal_create(request: AuthedRequest) -> HttpResponse:
    organisation = None
    if not is_secretariat(request.user):
        organisation = get_object_or_404(Organisation, pk=account_organisation_id(request.user))
    form = ProposalForm(request.POST or None, organisation=organisation)
    documents = ProposalDocumentFormSet(
        request.POST or None, request.FILES or None, instance=Proposal(), prefix="documents"
    )
    return form_page(
        request,
        template="agreements/proposals/form.html",
        context={"form": form, "documents": documents},
        forms=[form, documents],
        save=lambda: services.submit_proposal(form, documents, request.user),
        success_message=_(
            "The proposal was filed. The Secretariat will issue its concept by the date shown."
        ),
        next_url=lambda saved: saved.get_absolute_url(),
    )


@proposal_view
def proposal_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request.user, pk)
    concept: Concept | None = getattr(proposal, "concept", None)
    # A proposer reads the concept only once it is issued; staff follow the draft too.
    shown = concept if concept and (concept.is_issued or is_secretariat(request.user)) else None
    return render(
        request,
        "agreements/proposals/detail.html",
        {
            "proposal": proposal,
            "concept": shown,
            "scores": shown.scores.select_related("criterion") if shown else [],
            "today": timezone.localdate(),
        },
    )


@proposal_view
def proposal_document(request: AuthedRequest, pk: int, document_id: int) -> FileResponse:
    proposal = _proposal(request.user, pk)
    document = get_object_or_404(ProposalDocument, pk=document_id, proposal=proposal)
    return download_response(
        document.file, f"{document.title[:80]}.{document.extension.lower()}", document.content_type
    )


@proposal_view
def concept_pdf(request: AuthedRequest, pk: int) -> FileResponse:
    proposal = _proposal(request.user, pk)
    concept = getattr(proposal, "concept", None)
    if concept is None or not concept.is_issued:
        raise Http404
    return download_response(concept.pdf, f"{concept.number}.pdf", "application/pdf")


@secretariat_view
def assess(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("organisation"), pk=pk)
    concept = getattr(proposal, "concept", None) or Concept(proposal=proposal)
    if concept.is_issued:
        return redirect(proposal)
    data = request.POST if request.method == "POST" else None
    form = ConceptForm(data, instance=concept)
    scores = score_forms(concept, data)
    context = {"proposal": proposal, "form": form, "scores": scores, "concept": concept}
    if request.method == "POST" and form.is_valid() and all([f.is_valid() for f in scores]):  # noqa: C419
        saved = services.save_assessment(form, scores, request.user)
        if "issue" not in request.POST:
            messages.success(request, _("The assessment was saved; it is not issued yet."))
            return redirect("concepts:assess", pk=proposal.pk)
        try:
            issued = services.issue_concept(saved, request.user)
        except ValidationError as error:
            form.add_error(None, error)
            context["missing"] = True
        else:
            if getattr(issued, "notified", False):
                messages.success(
                    request,
                    _("Concept %s issued; the proposer was notified by email.") % issued.number,
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Concept %s issued, but no email reached the proposer (no address, or "
                        "the mail server refused it): tell them another way."
                    )
                    % issued.number,
                )
            return redirect(proposal)
    status = 400 if request.method == "POST" else 200
    return render(request, "agreements/proposals/assess.html", context, status=status)


@secretariat_view
def to_activity(request: AuthedRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal, pk=pk)
    if request.method != "POST":
        return redirect(proposal)
    try:
        activity = services.create_activity(proposal, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(proposal)
    messages.success(request, _("The portfolio project was created from the proposal."))
    return redirect("portfolio:detail", pk=activity.pk)


@secretariat_view
def criteria(request: AuthedRequest) -> HttpResponse:
    formset = CriterionFormSet(request.POST or None, queryset=Criterion.objects.all())
    return form_page(
        request,
        template="agreements/proposals/criteria.html",
        context={"formset": formset},
        forms=[formset],
        save=lambda: services.save_criteria(formset, request.user),
        success_message=_("The checklist was saved."),
        next_url=lambda saved: request.path,
    )
