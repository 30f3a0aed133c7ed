"""Writes to the portal's content: saving and deleting announcements with their files."""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.forms import BaseInlineFormSet, ModelForm

from .models import Announcement, AnnouncementDocument


def _attribute(instance: object, by: User) -> None:
    # simple_history reads this when it writes the history row.
    instance._history_user = by  # type: ignore[attr-defined]


@transaction.atomic
def save_announcement(
    form: ModelForm,  # type: ignore[type-arg]
    documents: "BaseInlineFormSet[Any, Any, Any]",
    by: User,
) -> Announcement:
    """Saves an announcement and its documents together: all of it, or none of it."""
    replaced = form.initial.get("image") if "image" in form.changed_data else None
    announcement: Announcement = form.save(commit=False)
    _attribute(announcement, by)
    announcement.save()
    if replaced:
        old_name, storage = replaced.name, replaced.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    documents.instance = announcement
    for document_form in documents.forms:
        if not document_form.has_changed() or document_form in documents.deleted_forms:
            continue
        document: AnnouncementDocument = document_form.save(commit=False)
        document.announcement = announcement
        upload = document_form.cleaned_data.get("file")
        detected = getattr(document_form, "detected", None)
        if upload and detected:
            upload.name = f"document.{detected.extension}"
            document.content_type = detected.content_type
            document.size = upload.size or 0
        _attribute(document, by)
        document.save()
    for document_form in documents.deleted_forms:
        if document_form.instance.pk:
            _delete_document(document_form.instance, by)
    return announcement


def _delete_document(document: AnnouncementDocument, by: User) -> None:
    stored, storage = document.file.name, document.file.storage
    _attribute(document, by)
    document.delete()
    # The file goes only once the rows are gone for good.
    transaction.on_commit(lambda: storage.delete(stored) if stored else None)


@transaction.atomic
def delete_announcement(announcement: Announcement, by: User) -> None:
    for document in announcement.documents.all():
        _delete_document(document, by)
    image, storage = announcement.image.name, announcement.image.storage
    _attribute(announcement, by)
    announcement.delete()
    transaction.on_commit(lambda: storage.delete(image) if image else None)
