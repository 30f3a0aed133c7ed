"""Documents of an activity: attach (file or link), correct, download with safe headers, delete."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puente.accounts.roles import AuthedRequest, internal_view
from puente.lib.uploads import download_response

from .. import services
from ..access import get_activity_for_editor, get_activity_for_reader
from ..forms import DocumentDetailsForm, DocumentForm
from ..models import Document
from .parts import part_form_page, part_page


@internal_view
def document_add(request: AuthedRequest, pk: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    form = DocumentForm(
        request.POST or None, request.FILES or None, instance=Document(activity=activity)
    )
    return part_page(
        request,
        activity,
        form,
        title=_("Attach a document"),
        done=_("The document was attached."),
        save=lambda: services.attach_document(form, request.user),
        multipart=True,
    )


@internal_view
def document_edit(request: AuthedRequest, pk: int, document_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    document = get_object_or_404(Document, pk=document_id, activity=activity)
    return part_form_page(
        request,
        activity,
        document,
        DocumentDetailsForm,
        title=_("Edit the document “%s”") % document,
        done=_("The document was saved."),
    )


@internal_view
def document_download(request: AuthedRequest, pk: int, document_id: int) -> FileResponse:
    activity = get_activity_for_reader(request, pk)
    document = get_object_or_404(Document, pk=document_id, activity=activity)
    if not document.file:
        raise Http404
    return download_response(
        document.file, document.original_name or "document", document.content_type
    )


@require_POST
@internal_view
def document_delete(request: AuthedRequest, pk: int, document_id: int) -> HttpResponse:
    activity = get_activity_for_editor(request, pk)
    document = get_object_or_404(Document, pk=document_id, activity=activity)
    stored = document.file.name if document.file else None
    services.delete_part(document, request.user)
    if stored:
        document.file.storage.delete(stored)
    messages.success(request, _("The document “%s” was deleted.") % document.title)
    return redirect("portfolio:detail", pk=activity.pk)
