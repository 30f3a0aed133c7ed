"""Writes to the portal's content: saving and deleting announcements with their files."""

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.forms import BaseInlineFormSet, ModelForm

from puente.audit import attribute

from .models import Announcement


def _drop_on_commit(stored: FieldFile | None) -> None:
    """Deletes a stored file once the transaction that stopped using it has committed."""
    if stored and stored.name:
        name, storage = stored.name, stored.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def save_announcement(
    form: ModelForm,  # type: ignore[type-arg]
    documents: "BaseInlineFormSet[Any, Any, Any]",
    by: User,
) -> Announcement:
    """Saves an announcement and its documents together: all of it, or none of it."""
    if "image" in form.changed_data:
        _drop_on_commit(form.initial.get("image"))
    announcement: Announcement = form.save(commit=False)
    attribute(announcement, by)
    announcement.save()
    documents.instance = announcement
    for document_form in documents.forms:
        if "file" in document_form.changed_data:
            _drop_on_commit(document_form.initial.get("file"))
    for document in documents.save(commit=False):
        attribute(document, by)
        document.save()
    for document in documents.deleted_objects:
        attribute(document, by)
        document.delete()
        _drop_on_commit(document.file)
    return announcement


@transaction.atomic
def delete_announcement(announcement: Announcement, by: User) -> None:
    for document in announcement.documents.all():
        attribute(document, by)
        document.delete()
        _drop_on_commit(document.file)
    attribute(announcement, by)
    announcement.delete()
    _drop_on_commit(announcement.image)
