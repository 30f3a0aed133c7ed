"""The public form: a request is filed with a number and a code, bad input loses nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from puente.lib.antispam import issued_token
from puente.requests.models import Attachment, Request, Step, hash_code

from .factories import form_data

URL = "/es/pqrsd/radicar/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


def test_the_form_explains_terms_and_asks_for_consent(client: Client) -> None:
    page = client.get(URL).content.decode()
    assert "15 días hábiles" in page and "Ley 1581 de 2012" in page
    assert 'name="consent"' in page and 'name="website"' in page


def test_a_filed_request_gets_a_number_and_a_code_shown_once_and_emailed(
    client: Client, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data())
    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    request = Request.objects.get()
    assert request.filing_number in receipt
    code = receipt.split('data-testid="tracking-code">')[1].split("<")[0]
    assert request.matches_code(code) and code not in request.tracking_code_hash
    assert request.status == "received" and request.language == "es"
    assert [s.action for s in request.steps.all()] == [Step.Action.FILED]
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["maria@example.org"]
    assert code in mailoutbox[0].body and request.filing_number in mailoutbox[0].subject
    # The receipt is shown once: reloading does not show the code again.
    again = client.get(response["Location"], follow=True).content.decode()
    assert code not in again


def test_filing_numbers_run_in_sequence_within_the_year(client: Client) -> None:
    for _ in range(3):
        assert client.post(URL, form_data()).status_code == 302
    numbers = sorted(Request.objects.values_list("filing_number", flat=True))
    year = Request.objects.first().filed_at.year
    assert numbers == [f"PQRSD-{year}-0000{n}" for n in (1, 2, 3)]


def test_an_anonymous_request_needs_no_name_nor_consent(client: Client) -> None:
    data = form_data(anonymous="on", name="Quien Sea", email=None, consent=None, channel="office")
    assert client.post(URL, data).status_code == 302
    request = Request.objects.get()
    assert request.anonymous and request.name == "" and request.requester == "Anónimo"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"consent": None}, "consent", "tratamiento de sus datos personales"),
        ({"email": None}, "email", "por el canal que eligió (Correo electrónico)"),
        ({"name": ""}, "name", "Escriba su nombre"),
        ({"description": "corto"}, "description", "al menos 20 carácter"),
        (
            {"description": "mire " + " ".join(f"https://x{n}.example" for n in range(6))},
            "description",
            "como máximo 5 enlaces",
        ),
    ],
)
def test_a_wrong_field_is_named_and_nothing_is_filed(
    client: Client, overrides, field, message
) -> None:
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert any(message in e for e in errors), errors
    assert not Request.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "no pudo aceptarse"),
        ({"issued": "fresh"}, "demasiado rápido"),
        ({"issued": "forged"}, "había vencido o fue alterado"),
        ({"issued": None}, "había vencido o fue alterado"),
    ],
)
def test_what_bots_do_is_refused(client: Client, overrides, message) -> None:
    if overrides.get("issued") == "fresh":
        overrides = {"issued": issued_token()}  # shown this instant, sent this instant
    response = client.post(URL, form_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Request.objects.exists()


def test_attachments_are_checked_by_content_and_kept_with_their_names(
    client: Client, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    good = SimpleUploadedFile("pasaporte.pdf", PDF, content_type="application/pdf")
    assert client.post(URL, {**form_data(), "attachments": [good]}).status_code == 302
    attachment = Attachment.objects.get()
    assert (
        attachment.original_name == "pasaporte.pdf" and attachment.content_type == "application/pdf"
    )
    assert attachment.role == "filed" and "pasaporte" not in attachment.file.name


def test_a_file_that_is_not_what_it_claims_is_refused_by_name(
    client: Client, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile(
        "factura.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post(URL, {**form_data(), "attachments": [fake]})
    assert response.status_code == 400
    assert "factura.pdf" in " ".join(response.context["form"].errors["attachments"])
    assert not Request.objects.exists() and not list(tmp_path.rglob("*.*"))


def test_more_than_five_attachments_are_refused(client: Client) -> None:
    files = [SimpleUploadedFile(f"d{n}.pdf", PDF) for n in range(6)]
    response = client.post(URL, {**form_data(), "attachments": files})
    assert response.status_code == 400
    assert "como máximo 5 archivos" in " ".join(response.context["form"].errors["attachments"])


@override_settings(PUENTE_PQRSD_FILING_RATE="2/h")
def test_too_many_filings_from_one_address_are_refused_for_a_while(client: Client) -> None:
    statuses = [client.post(URL, form_data()).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Request.objects.count() == 2
    # Another address is not held back.
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post(URL, form_data()).status_code == 302


def test_the_staff_inbox_is_not_public(client: Client, viewer_client: Client) -> None:
    assert client.get("/staff/pqrsd/").status_code == 302
    assert viewer_client.get("/staff/pqrsd/").status_code == 403


def test_the_code_hash_ignores_dashes_spaces_and_case() -> None:
    assert hash_code("abcd-efgh") == hash_code(" ABCDEFGH ")
