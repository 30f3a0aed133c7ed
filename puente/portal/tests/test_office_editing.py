"""Staff keep the office data, the Secretary's profile, the team and the functions up to date."""

import pytest
from django.test import Client

from puente.directory.tests.test_logo_and_people import jpeg_with_gps
from puente.portal.demo import create_demo_content
from puente.portal.models import Function, Office, TeamMember

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    create_demo_content()


def office_form(**extra) -> dict:
    office = Office.objects.get()
    data = {
        name: getattr(office, name)
        for name in ("name", "address", "city", "phones", "extension", "email", "mission_es",
                     "mission_en", "secretary_name", "secretary_profile_es", "secretary_profile_en")
    }  # fmt: skip
    data.update({"team-TOTAL_FORMS": "0", "team-INITIAL_FORMS": "0"})
    data.update(extra)
    return data


def test_a_new_phone_number_shows_on_the_contact_page_at_once(staff_client):
    Client().get("/es/contacto/")  # the page is kept for anonymous visitors...
    response = staff_client.post("/staff/portal/office/", office_form(phones="(607) 5710290"))
    assert response.status_code == 302
    assert "(607) 5710290" in Client().get("/es/contacto/").content.decode()  # ...and renewed
    page = staff_client.get("/staff/portal/office/").content.decode()
    assert "teléfonos" in page and "ana.staff" in page  # the history: what changed, and who


def test_the_secretary_photo_is_stripped_of_metadata_and_shown_with_a_description(
    staff_client, settings
):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    upload = SimpleUploadedFile("retrato.jpg", jpeg_with_gps(), content_type="image/jpeg")
    assert (
        staff_client.post("/staff/portal/office/", office_form(secretary_photo=upload)).status_code
        == 302
    )
    stored = Office.objects.get().secretary_photo
    assert not Image.open(settings.MEDIA_ROOT / stored.name).getexif()
    page = Client().get("/es/secretaria/").content.decode()
    assert 'alt="Retrato de Juan Carlos Cortés Arias"' in page
    photo = Client().get("/es/secretaria/foto-secretario/")
    assert photo.status_code == 200
    assert Image.open(BytesIO(b"".join(photo.streaming_content))).size == (8, 8)


def test_the_team_is_edited_inline_and_only_published_members_are_shown(staff_client):
    data = office_form(**{
        "team-TOTAL_FORMS": "2",
        "team-0-name": "María Fernanda Rojas", "team-0-position_es": "Profesional de cooperación",
        "team-0-order": "1", "team-0-is_published": "on", "team-0-extension": "1125",
        "team-1-name": "Pedro Gómez", "team-1-position_es": "Contratista", "team-1-order": "2",
    })  # fmt: skip
    assert staff_client.post("/staff/portal/office/", data).status_code == 302
    assert TeamMember.objects.count() == 2
    page = Client().get("/es/secretaria/").content.decode()
    assert "María Fernanda Rojas" in page and "Profesional de cooperación" in page
    assert "Pedro Gómez" not in page


def test_a_refused_office_form_saves_nothing(staff_client):
    before = Office.objects.get().phones
    response = staff_client.post("/staff/portal/office/", office_form(phones="", email="no"))
    assert response.status_code == 400
    assert "No se guardó nada" in response.content.decode()
    assert Office.objects.get().phones == before


def functions_form(changes: dict[int, str], delete: int | None = None) -> dict:
    functions = list(Function.objects.all())
    data = {
        "functions-TOTAL_FORMS": str(len(functions)),
        "functions-INITIAL_FORMS": str(len(functions)),
        "guidelines-TOTAL_FORMS": "0",
        "guidelines-INITIAL_FORMS": "0",
    }
    for n, function in enumerate(functions):
        data.update({
            f"functions-{n}-id": str(function.pk), f"functions-{n}-number": str(function.number),
            f"functions-{n}-theme": function.theme,
            f"functions-{n}-text_es": changes.get(function.number, function.text_es),
            f"functions-{n}-text_en": function.text_en,
        })  # fmt: skip
        if function.number == delete:
            data[f"functions-{n}-DELETE"] = "on"
    return data


def test_staff_reword_and_remove_functions_and_the_public_page_follows(staff_client):
    data = functions_form({19: "Orienta a los turistas en tránsito por la frontera."}, delete=20)
    response = staff_client.post("/staff/portal/secretariat/", data)
    assert response.status_code == 302
    page = Client().get("/es/secretaria/").content.decode()
    assert "Orienta a los turistas en tránsito por la frontera." in page
    assert page.count("<li value=") == 19


def test_two_functions_with_one_number_are_refused(staff_client):
    data = functions_form({})
    data["functions-1-number"] = data["functions-0-number"]
    response = staff_client.post("/staff/portal/secretariat/", data)
    assert response.status_code == 400
    assert Function.objects.count() == 20


def test_viewers_and_the_public_cannot_edit_the_office(viewer_client):
    assert viewer_client.post("/staff/portal/office/", office_form(phones="1")).status_code == 403
    assert Client().get("/staff/portal/secretariat/").status_code == 302  # to the login page
    assert Office.objects.get().phones != "1"
