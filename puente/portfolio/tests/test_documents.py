"""Documents: files are checked by content, stored under random names, downloaded safely."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from puente.portfolio.models import Document
from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def xlsx_bytes(with_macro: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        if with_macro:
            archive.writestr("xl/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


def attach(client, activity, name, content, **extra):
    return client.post(
        reverse("portfolio:document_add", args=[activity.pk]),
        {
            "category": "A05",
            "title": "Presupuesto detallado",
            "file": SimpleUploadedFile(name, content),
            **extra,
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("presupuesto.pdf", b"%PDF-1.7\n1 0 obj\n", "application/pdf"),
        ("foto.png", png_bytes(), "image/png"),
        (
            "cuadro.xlsx",
            xlsx_bytes(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("notas.txt", "Reunión en Cúcuta".encode(), "text/plain; charset=utf-8"),
    ],
)
def test_accepted_files_are_stored_under_a_random_name_and_download_as_attachments(
    staff_client, name, content, content_type
):
    activity = ActivityFactory()
    assert attach(staff_client, activity, name, content).status_code == 302
    document = Document.objects.get()
    assert document.original_name == name
    assert name.split(".")[0] not in document.file.name
    response = staff_client.get(
        reverse("portfolio:document_download", args=[activity.pk, document.pk])
    )
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("factura.pdf", b"MZ\x90\x00\x03\x00\x00\x00binary", "Este tipo de archivo no se acepta"),
        ("foto.png", b"\x89PNG\r\n\x1a\nnot really an image", "La imagen está dañada"),
        ("macro.xlsx", xlsx_bytes(with_macro=True), "No se aceptan archivos con macros"),
        ("archivo.zip", b"PK\x03\x04" + b"\x00" * 40, "El archivo es un comprimido"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused_with_a_reason(
    staff_client, name, content, message
):
    activity = ActivityFactory()
    response = attach(staff_client, activity, name, content)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors["file"])
    assert not Document.objects.exists()


def test_an_oversized_file_is_refused(staff_client, monkeypatch):
    monkeypatch.setattr("puente.lib.uploads.MAX_DOCUMENT_BYTES", 1024)
    monkeypatch.setattr("puente.lib.uploads.detect_document.__defaults__", (1024,))
    response = attach(staff_client, ActivityFactory(), "big.pdf", b"%PDF-" + b"x" * 2000)
    assert response.status_code == 400
    assert "El archivo supera los 1,0\xa0KB permitidos." in str(
        response.context["form"].errors["file"]
    )


def test_a_link_needs_no_file_but_something_is_required(staff_client):
    activity = ActivityFactory()
    url = reverse("portfolio:document_add", args=[activity.pk])
    empty = staff_client.post(url, {"category": "B01", "title": "Nada"})
    assert empty.status_code == 400
    linked = staff_client.post(
        url, {"category": "B01", "title": "Convenio", "url": "https://example.org/convenio"}
    )
    assert linked.status_code == 302
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert 'href="https://example.org/convenio"' in page


def test_deleting_removes_the_row_and_the_stored_file(staff_client):
    activity = ActivityFactory()
    attach(staff_client, activity, "a.pdf", b"%PDF-1.4")
    document = Document.objects.get()
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)
    staff_client.post(reverse("portfolio:document_delete", args=[activity.pk, document.pk]))
    assert not Document.objects.exists()
    assert not storage.exists(name)


def test_the_public_and_other_activities_cannot_reach_a_document(client, staff_client):
    activity, other = ActivityFactory(), ActivityFactory()
    attach(staff_client, activity, "a.pdf", b"%PDF-1.4")
    document = Document.objects.get()
    assert (
        client.get(
            reverse("portfolio:document_download", args=[activity.pk, document.pk])
        ).status_code
        == 302
    )
    wrong = staff_client.get(reverse("portfolio:document_download", args=[other.pk, document.pk]))
    assert wrong.status_code == 404


def test_an_office_file_that_unpacks_to_gigabytes_is_refused_and_nothing_is_kept(staff_client):
    """A 'zip bomb' dressed as a spreadsheet: small on the wire, huge when opened."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024
    activity = ActivityFactory()
    response = attach(staff_client, activity, "cuadro.xlsx", buffer.getvalue())
    assert response.status_code == 400
    assert "se descomprime en más de" in response.content.decode()
    assert not Document.objects.exists()
