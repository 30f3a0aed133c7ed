"""Uploaded files: stored under random names outside the web root, never served as they are,
and no request body larger than the largest upload is even read."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import Client

pytestmark = pytest.mark.django_db

HOSTILE_NAME = "../../../etc/evil <script>.php"


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, field)
        for model in apps.get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def test_every_upload_field_stores_under_a_random_name_and_drops_foreign_endings():
    fields = file_fields()
    assert len(fields) >= 10  # documents, attachments, logos, photographs, materials, studies
    for model, field in fields:
        stored = field.generate_filename(model(), HOSTILE_NAME)
        folder, _sep, name = stored.rpartition("/")
        assert re.fullmatch(r"[a-z_]+", folder), (model, stored)
        assert re.fullmatch(r"[0-9a-f]{32}", name), (model, stored)  # no .php, no "evil"
        kept = field.generate_filename(model(), "acta firmada.PDF")
        assert kept.endswith(".pdf") and "acta" not in kept


def test_uploaded_files_live_outside_every_folder_the_site_serves():
    media = Path(settings.MEDIA_ROOT).resolve()
    served = [Path(settings.STATIC_ROOT).resolve()] + [
        Path(d[1] if isinstance(d, tuple) else d).resolve() for d in settings.STATICFILES_DIRS
    ]
    assert not any(media.is_relative_to(folder) for folder in served)


def test_a_stored_file_is_not_reachable_by_its_path(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "requests").mkdir()
    (tmp_path / "requests" / "0123456789abcdef0123456789abcdef.pdf").write_bytes(
        b"%PDF-1.4 private"
    )
    for path in ("/media/requests/0123456789abcdef0123456789abcdef.pdf",
                 "/static/../media/requests/0123456789abcdef0123456789abcdef.pdf"):  # fmt: skip
        response = Client().get(path)
        assert response.status_code == 404
        assert b"private" not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )


def test_a_body_larger_than_any_upload_is_refused_before_it_is_read(settings):
    settings.PUENTE_MAX_REQUEST_BYTES = 1000
    response = Client().post(
        "/es/pqrsd/radicar/", data=b"x" * 1001, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert "más grande que los 1000\xa0bytes que Puente acepta" in response.content.decode()
    assert (
        Client().post("/es/pqrsd/radicar/", data=b"x" * 10, content_type="text/plain").status_code
        != 413
    )


def test_a_nonsense_content_length_is_a_clear_400():
    response = Client().generic("POST", "/es/pqrsd/radicar/", b"", CONTENT_LENGTH="lots")
    assert response.status_code == 400


def test_a_file_is_stored_and_offered_under_what_its_content_is_not_what_its_name_says(
    staff_client, client
):
    """A text file named evil.html is kept and downloaded as .txt: never as a page to open."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from puente.requests.models import Attachment
    from puente.requests.tests.factories import form_data

    upload = SimpleUploadedFile("evil.html", b"<script>alert(1)</script>", content_type="text/html")
    assert (
        client.post("/es/pqrsd/radicar/", {**form_data(), "attachments": [upload]}).status_code
        == 302
    )
    attachment = Attachment.objects.get()
    assert attachment.file.name.endswith(".txt") and attachment.original_name == "evil.html"
    response = staff_client.get(f"/staff/pqrsd/{attachment.request_id}/files/{attachment.pk}/")
    assert response.status_code == 200
    assert 'filename="evil.txt"' in response["Content-Disposition"]
