"""The public tracking page: the right code shows status and answer; nothing else leaks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from puente.lib.uploads import detect_document
from puente.requests import services

from .factories import filed

URL = "/es/pqrsd/consultar/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


def _answered(staff_user, settings, tmp_path):  # noqa: ANN001, ANN202
    settings.MEDIA_ROOT = tmp_path
    request, code = filed(title="Horario del puente Simón Bolívar")
    services.add_note(request, "Llamar a Migración antes de responder", staff_user)
    upload = SimpleUploadedFile("horarios.pdf", PDF)
    services.answer(
        request, "El paso abre de 5:00 a 21:00.", [(upload, detect_document(upload))], staff_user
    )
    return request, code


def test_the_right_code_shows_the_status_and_the_answer_but_no_internal_notes(
    client: Client, staff_user, settings, tmp_path
) -> None:
    request, code = _answered(staff_user, settings, tmp_path)
    page = client.post(
        URL, {"filing_number": request.filing_number, "code": code.lower()}
    ).content.decode()
    assert "Horario del puente Simón Bolívar" in page and "Respondida" in page
    assert "El paso abre de 5:00 a 21:00." in page and "horarios.pdf" in page
    assert "Llamar a Migración" not in page and staff_user.username not in page


def test_a_wrong_code_and_an_unknown_number_get_the_same_answer(client: Client) -> None:
    request, _code = filed(title="Título que no debe verse")
    wrong = client.post(
        URL, {"filing_number": request.filing_number, "code": "AAAA-BBBB-CCCC-DDDD"}
    )
    unknown = client.post(URL, {"filing_number": "PQRSD-2026-99999", "code": "AAAA-BBBB-CCCC-DDDD"})
    for response in (wrong, unknown):
        assert response.status_code == 200
        page = response.content.decode()
        assert "Ninguna solicitud coincide con este número de radicado y código." in page
        assert "Título que no debe verse" not in page
    assert wrong.context["form"].errors == unknown.context["form"].errors


def test_answer_files_open_only_in_the_session_that_gave_the_code(
    client: Client, staff_user, settings, tmp_path
) -> None:
    request, code = _answered(staff_user, settings, tmp_path)
    attachment = request.answer_attachments.get()
    url = f"/es/pqrsd/consultar/archivos/{attachment.pk}/"
    assert Client().get(url).status_code == 404
    client.post(URL, {"filing_number": request.filing_number, "code": code})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@override_settings(PUENTE_PQRSD_TRACKING_RATE="3/h")
def test_guessing_codes_is_slowed_down(client: Client) -> None:
    request, code = filed()
    statuses = [
        client.post(URL, {"filing_number": request.filing_number, "code": f"GUESS-{n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    # Even the right code waits: the limit is on attempts, not on failures.
    assert (
        client.post(URL, {"filing_number": request.filing_number, "code": code}).status_code == 429
    )
