"""Staff write announcements: sanitised text, checked files, drafts and previews, history."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from puente.directory.tests.test_logo_and_people import jpeg_with_gps
from puente.portal.models import Announcement, AnnouncementDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def form(**extra) -> dict:
    return {
        "kind": "news",
        "title_es": "Mesa departamental de cooperación",
        "summary_es": "Balance del semestre",
        "body_es": "<p>Acuerdos de la mesa</p>",
        "publish_at": "2026-01-15T09:00",
        "is_published": "on",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "10",
        **extra,
    }


def test_staff_publish_an_announcement_with_a_document_the_public_can_download(
    staff_client, client
):
    response = staff_client.post(
        reverse("content:announcement-create"),
        form(
            **{
                "documents-0-title": "Acta de la sesión",
                "documents-0-file": SimpleUploadedFile(
                    "acta.pdf", b"%PDF-1.4\n1 0 obj\n", "application/pdf"
                ),
            }
        ),
    )
    assert response.status_code == 302
    item = Announcement.objects.get()
    assert item.is_public
    document = item.documents.get()
    download = client.get(reverse("portal:announcement-document", args=[item.pk, document.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert item.history.first().history_user.username == "ana.staff"


def test_the_editor_page_loads_its_script_with_the_pages_nonce(staff_client):
    response = staff_client.get(reverse("content:announcement-create"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="importmap"' in page
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in page


def test_the_image_loses_its_metadata_and_needs_a_description(staff_client, client):
    upload = {"image": SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg")}
    refused = staff_client.post(reverse("content:announcement-create"), form(**upload))
    assert refused.status_code == 400
    assert "Describa la imagen" in refused.content.decode()
    assert not Announcement.objects.exists()

    upload = {"image": SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg")}
    staff_client.post(
        reverse("content:announcement-create"),
        form(image_alt_es="Participantes de la mesa en el salón de la gobernación", **upload),
    )
    item = Announcement.objects.get()
    served = client.get(reverse("portal:announcement-image", args=[item.pk]))
    stored = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert not stored.getexif()
    page = client.get(item.get_absolute_url()).content.decode()
    assert 'alt="Participantes de la mesa en el salón de la gobernación"' in page


def test_a_disguised_document_is_refused_and_nothing_is_saved(staff_client):
    response = staff_client.post(
        reverse("content:announcement-create"),
        form(
            **{
                "documents-0-title": "Acta",
                "documents-0-file": SimpleUploadedFile(
                    "acta.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "application/pdf"
                ),
            }
        ),
    )
    assert response.status_code == 400
    assert "no se acepta" in response.content.decode()
    assert not Announcement.objects.exists()
    assert not AnnouncementDocument.objects.exists()


def test_the_editor_output_is_sanitised(staff_client):
    staff_client.post(
        reverse("content:announcement-create"),
        form(body_es='<p>Hola<script>alert(1)</script></p><a href="javascript:x()">y</a>'),
    )
    body = Announcement.objects.get().body_es
    assert "<script" not in body
    assert "javascript:" not in body


def test_a_draft_is_previewed_by_staff_and_invisible_to_the_public(staff_client, client):
    data = form()
    data.pop("is_published")
    response = staff_client.post(reverse("content:announcement-create"), {**data, "preview": "1"})
    item = Announcement.objects.get()
    assert response["Location"] == reverse("content:announcement-preview", args=[item.pk])
    preview = staff_client.get(response["Location"]).content.decode()
    assert "Vista previa" in preview
    assert "Borrador" in preview
    assert client.get(item.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("portal:announcements")).content.decode().count("Mesa departamental")
        == 0
    )


def test_delete_asks_first_and_then_removes_the_files(
    staff_client, settings, django_capture_on_commit_callbacks
):
    staff_client.post(
        reverse("content:announcement-create"),
        form(
            **{
                "documents-0-title": "Acta",
                "documents-0-file": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n", "application/pdf"),
            }
        ),
    )
    item = Announcement.objects.get()
    stored = settings.MEDIA_ROOT / item.documents.get().file.name
    assert stored.exists()
    confirm = staff_client.get(reverse("content:announcement-delete", args=[item.pk]))
    assert "no se puede deshacer" in confirm.content.decode()
    assert Announcement.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("content:announcement-delete", args=[item.pk]))
    assert not Announcement.objects.exists()
    assert not stored.exists()


def test_the_history_page_says_who_changed_what(staff_client):
    staff_client.post(reverse("content:announcement-create"), form())
    item = Announcement.objects.get()
    edit = form(title_es="Mesa departamental de cooperación (corregido)")
    edit["documents-TOTAL_FORMS"] = "0"
    staff_client.post(reverse("content:announcement-edit", args=[item.pk]), edit)
    page = staff_client.get(reverse("content:announcement-history", args=[item.pk])).content
    text = page.decode()
    assert "ana.staff" in text
    assert "título (español)" in text


def test_only_secretariat_staff_reach_the_editor(client, viewer_client):
    url = reverse("content:announcements")
    assert client.get(url).status_code == 302
    assert viewer_client.get(url).status_code == 403
    assert viewer_client.post(reverse("content:announcement-create"), form()).status_code == 403
    assert not Announcement.objects.exists()


def test_the_staff_list_filters_by_status(staff_client):
    staff_client.post(reverse("content:announcement-create"), form())
    draft = form(title_es="Borrador de aviso")
    draft.pop("is_published")
    staff_client.post(reverse("content:announcement-create"), draft)
    page = staff_client.get(reverse("content:announcements"), {"status": "draft"}).content
    assert "Borrador de aviso" in page.decode()
    assert "Mesa departamental" not in page.decode()


def test_a_replaced_image_does_not_stay_behind_on_disk(
    staff_client, settings, django_capture_on_commit_callbacks
):
    upload = {"image": SimpleUploadedFile("a.jpg", jpeg_with_gps(), "image/jpeg")}
    staff_client.post(
        reverse("content:announcement-create"), form(image_alt_es="Primera foto", **upload)
    )
    item = Announcement.objects.get()
    first = settings.MEDIA_ROOT / item.image.name
    assert first.exists()
    edit = form(image_alt_es="Segunda foto", **{"documents-TOTAL_FORMS": "0"})
    edit["image"] = SimpleUploadedFile("b.jpg", jpeg_with_gps(), "image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("content:announcement-edit", args=[item.pk]), edit)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (settings.MEDIA_ROOT / item.image.name).exists()
    assert not first.exists()
