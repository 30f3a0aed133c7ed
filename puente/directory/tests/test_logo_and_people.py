"""Organisation logos are checked and stripped of metadata; contact people are edited inline."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from puente.directory.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (8, 8), "blue")
    exif = Image.Exif()
    exif[0x8825] = {2: (7.0, 53.0, 38.0)}  # GPSInfo: a latitude near Cúcuta
    exif[0x010F] = "Cámara de prueba"  # Make
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def form(**extra) -> dict:
    return {
        "name": "Organización Internacional para las Migraciones",
        "acronym": "OIM",
        "kind": "multilateral",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        **extra,
    }


def test_a_logo_is_stored_without_its_metadata_and_served_as_an_image(staff_client, client):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif()
    response = staff_client.post(
        reverse("directory:create"),
        form(logo=SimpleUploadedFile("oim.jpg", original, "image/jpeg")),
    )
    assert response.status_code == 302
    org = Organisation.objects.get(acronym="OIM")
    served = client.get(reverse("directory:logo", args=[org.pk]))
    assert served["Content-Type"] == "image/jpeg"
    stored = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert stored.size == (8, 8)
    assert not stored.getexif()


def test_a_file_pretending_to_be_a_logo_is_refused(staff_client):
    response = staff_client.post(
        reverse("directory:create"),
        form(logo=SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png")),
    )
    assert response.status_code == 400
    assert not Organisation.objects.exists()


def test_contact_people_are_saved_with_the_organisation(staff_client):
    response = staff_client.post(
        reverse("directory:create"),
        form(
            **{
                "people-0-name": "Laura Pérez",
                "people-0-position": "Coordinadora de terreno",
                "people-0-email": "laura@example.org",
            }
        ),
    )
    assert response.status_code == 302
    person = Organisation.objects.get(acronym="OIM").people.get()
    assert (person.name, person.email) == ("Laura Pérez", "laura@example.org")
    page = staff_client.get(
        reverse("directory:detail", args=[person.organisation_id])
    ).content.decode()
    assert "Laura Pérez" in page and "Coordinadora de terreno" in page


def test_a_bad_email_for_a_person_saves_nothing(staff_client):
    response = staff_client.post(
        reverse("directory:create"),
        form(**{"people-0-name": "Laura", "people-0-email": "no-es-correo"}),
    )
    assert response.status_code == 400
    assert not Organisation.objects.exists()
