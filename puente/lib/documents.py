"""An attached file checked by its content: the abstract model and the form that checks it."""

from pathlib import Path
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from puente.lib.uploads import detect_document, random_name, stored_name


def document_path(instance: models.Model, filename: str) -> str:
    # A random name under the app's folder: the uploaded name is never trusted as a path.
    return random_name(instance._meta.app_label, filename)


class CheckedDocument(models.Model):
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path)
    content_type = models.CharField(max_length=120, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return Path(self.file.name or "").suffix.lstrip(".").upper()


class CheckedDocumentForm(forms.ModelForm):
    """Checks a new file by its content and records what it really is and how big."""

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload is not self.initial.get("file"):
            detected = detect_document(upload)
            # Stored under a random name with the extension its content proved, not the user's.
            upload.name = stored_name(detected)
            self.instance.content_type = detected.content_type
            self.instance.size = upload.size or 0
        return upload
