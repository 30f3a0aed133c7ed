"""Staff pages for announcements: list, write, preview, delete, history."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from js_asset import Media

from puente.accounts.roles import AuthedRequest, secretariat_view
from puente.lib.audit import history_entries
from puente.lib.paging import page_of
from puente.portal import services
from puente.portal.forms.announcements import (
    AnnouncementFilterForm,
    AnnouncementForm,
    DocumentFormSet,
)
from puente.portal.models import Announcement
from puente.portal.selectors import filter_announcements

# The editor's toolbar names its buttons in English only; these are shown instead.
EDITOR_LABELS = {
    "paragraph": gettext_lazy("Paragraph and headings"),
    "unordered list": gettext_lazy("Bulleted list"),
    "ordered list": gettext_lazy("Numbered list"),
    "blockquote": gettext_lazy("Quotation"),
    "bold": gettext_lazy("Bold"),
    "italic": gettext_lazy("Italic"),
    "insert link": gettext_lazy("Link"),
    "undo": gettext_lazy("Undo"),
    "redo": gettext_lazy("Redo"),
}


@secretariat_view
def announcement_list(request: AuthedRequest) -> HttpResponse:
    form = AnnouncementFilterForm(request.GET or None)
    announcements = Announcement.objects.all()
    if form.is_valid():
        announcements = filter_announcements(announcements, **form.cleaned_data)
    page, query = page_of(request, announcements)
    return render(
        request,
        "portal/staff/announcement_list.html",
        {"form": form, "page": page, "query": query},
    )


@secretariat_view
def announcement_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    announcement = get_object_or_404(Announcement, pk=pk) if pk else Announcement()
    form = AnnouncementForm(request.POST or None, request.FILES or None, instance=announcement)
    documents = DocumentFormSet(
        request.POST or None, request.FILES or None, instance=announcement, prefix="documents"
    )
    if request.method == "POST" and form.is_valid() and documents.is_valid():
        saved = services.save_announcement(form, documents, request.user)
        messages.success(request, _("The announcement was saved."))
        if "preview" in request.POST:
            return redirect("content:announcement-preview", pk=saved.pk)
        return redirect("content:announcements")
    return render(
        request,
        "portal/staff/announcement_form.html",
        {
            "form": form,
            "documents": documents,
            "announcement": announcement,
            "media": Media.from_media(form.media).with_nonce(get_nonce(request)),
            "editor_labels": EDITOR_LABELS,
        },
        status=400 if request.method == "POST" else 200,
    )


@secretariat_view
def announcement_preview(request: AuthedRequest, pk: int) -> HttpResponse:
    """The public page as it will look, drafts and scheduled ones included."""
    announcement = get_object_or_404(Announcement, pk=pk)
    return render(
        request,
        "portal/announcement.html",
        {"announcement": announcement, "preview": True},
    )


@secretariat_view
def announcement_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    announcement = get_object_or_404(Announcement, pk=pk)
    if request.method == "POST":
        title = announcement.title
        services.delete_announcement(announcement, request.user)
        messages.success(request, _("The announcement “%s” was deleted.") % title)
        return redirect("content:announcements")
    return render(request, "portal/staff/announcement_delete.html", {"announcement": announcement})


@secretariat_view
def announcement_history(request: AuthedRequest, pk: int) -> HttpResponse:
    announcement = get_object_or_404(Announcement, pk=pk)
    return render(
        request,
        "portal/staff/announcement_history.html",
        {"announcement": announcement, "entries": history_entries(announcement.history.all())},  # type: ignore[attr-defined]
    )
