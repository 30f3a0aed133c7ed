"""Writes to the portal's content: announcements and gallery albums with their files."""

from typing import Any

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.forms import BaseInlineFormSet, BaseModelFormSet, ModelForm
from django.utils import timezone

from puente.lib.audit import attribute, save_formset
from puente.lib.uploads import image_size, scaled_copy

from . import emails
from .models import Album, Announcement, ContactMessage, Office, Photo, PhotoSize


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


def _photo_files(photo: Photo) -> list[FieldFile]:
    return [photo.large, photo.medium, photo.thumb]


def set_renditions(photo: Photo, large: ContentFile) -> None:
    """The medium and thumbnail sizes and the dimensions, made once from the cleaned upload."""
    photo.width, photo.height = image_size(large)
    photo.medium = scaled_copy(large, PhotoSize.MEDIUM.pixels)  # type: ignore[assignment]
    photo.thumb = scaled_copy(large, PhotoSize.THUMB.pixels)  # type: ignore[assignment]


@transaction.atomic
def save_album(
    form: ModelForm,  # type: ignore[type-arg]
    photos: "BaseInlineFormSet[Any, Any, Any]",
    by: User,
) -> Album:
    """Saves an album and its photographs together, with every rendition of each new image."""
    album: Album = form.save(commit=False)
    attribute(album, by)
    album.save()
    photos.instance = album
    for photo_form in photos.forms:
        if photo_form in photos.deleted_forms or "large" not in photo_form.changed_data:
            continue
        if photo_form.instance.pk:  # a replaced image: its old renditions go after the commit
            for stored in _photo_files(Photo.objects.get(pk=photo_form.instance.pk)):
                _drop_on_commit(stored)
        set_renditions(photo_form.instance, photo_form.cleaned_data["large"])
    for photo in photos.save(commit=False):
        attribute(photo, by)
        photo.save()
    for photo in photos.deleted_objects:
        _delete_photo(photo, by)
    return album


def _delete_photo(photo: Photo, by: User) -> None:
    attribute(photo, by)
    photo.delete()
    for stored in _photo_files(photo):
        _drop_on_commit(stored)


@transaction.atomic
def delete_album(album: Album, by: User) -> None:
    for photo in album.photos.all():
        _delete_photo(photo, by)
    attribute(album, by)
    album.delete()


@transaction.atomic
def save_office(
    form: ModelForm,  # type: ignore[type-arg]
    team: "BaseModelFormSet[Any, Any]",
    by: User,
) -> Office:
    """The office's contact data, the Secretary's profile and the team, saved together."""
    if "secretary_photo" in form.changed_data:
        _drop_on_commit(form.initial.get("secretary_photo"))
    office: Office = form.save(commit=False)
    attribute(office, by)
    office.save()
    save_formset(team, by)
    return office


@transaction.atomic
def save_secretariat_texts(
    functions: "BaseModelFormSet[Any, Any]", guidelines: "BaseModelFormSet[Any, Any]", by: User
) -> None:
    for formset in (functions, guidelines):
        save_formset(formset, by)


def receive_contact_message(message: ContactMessage, language: str) -> ContactMessage:
    """Keeps the message and tells the office by email once it is stored."""
    message.language = language
    message.save()
    office = Office.objects.first()
    if office and office.email:
        transaction.on_commit(lambda: emails.contact_message_to_office(message, office.email))
    return message


def mark_handled(message: ContactMessage, by: User) -> None:
    message.handled_at, message.handled_by = timezone.now(), by
    message.save(update_fields=["handled_at", "handled_by"])
