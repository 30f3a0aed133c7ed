"""Binational meetings with commitments on each side, followed until done; the studies library."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from puente.border.models import BinationalMeeting, Commitment, Study
from puente.territory.models import Department

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _formset(*rows: dict) -> dict:
    data = {"commitments-TOTAL_FORMS": str(len(rows)), "commitments-INITIAL_FORMS": "0"}
    for n, row in enumerate(rows):
        data.update({f"commitments-{n}-{k}": v for k, v in row.items()})
    return data


def test_a_meeting_is_recorded_with_commitments_on_each_side(
    staff_client: Client, staff_user
) -> None:
    tachira = Department.objects.get(code="VE-S")
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    later = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {
        "title": "Mesa binacional de salud", "held_on": timezone.localdate().isoformat(),
        "place": "San Antonio del Táchira", "counterparts": [tachira.pk],
        "agenda": "Vacunación en la frontera", "agreements": "Jornada conjunta de vacunación",
        **_formset(
            {"side": "CO", "description": "Enviar 5.000 dosis", "responsible": "IDS Norte de Santander", "due_on": past, "status": "pending"},
            {"side": "VE", "description": "Habilitar puesto en Ureña", "responsible": "Corposalud Táchira", "due_on": later, "status": "pending"},
        ),
    }  # fmt: skip
    response = staff_client.post("/staff/border/meetings/new/", data)
    assert response.status_code == 302
    meeting = BinationalMeeting.objects.get()
    assert list(meeting.counterparts.all()) == [tachira]
    assert meeting.history.first().history_user == staff_user
    overdue = (
        staff_client.get("/staff/border/commitments/", {"status": "overdue"})
        .context["page"]
        .object_list
    )
    assert [c.description for c in overdue] == ["Enviar 5.000 dosis"]
    venezuelan = (
        staff_client.get("/staff/border/commitments/", {"side": "VE"}).context["page"].object_list
    )
    assert [c.responsible for c in venezuelan] == ["Corposalud Táchira"]
    page = staff_client.get(f"/staff/border/meetings/{meeting.pk}/").content.decode()
    assert "Vencida" in page and "Jornada conjunta de vacunación" in page


def test_a_commitment_without_a_due_date_is_refused_and_nothing_is_saved(
    staff_client: Client,
) -> None:
    data = {
        "title": "Mesa de comercio", "held_on": timezone.localdate().isoformat(), "place": "Cúcuta",
        "agenda": "Aranceles",
        **_formset({"side": "CO", "description": "Revisar aranceles", "responsible": "Cámara de Comercio", "due_on": "", "status": "pending"}),
    }  # fmt: skip
    assert staff_client.post("/staff/border/meetings/new/", data).status_code == 400
    assert not BinationalMeeting.objects.exists() and not Commitment.objects.exists()


def test_the_library_finds_studies_by_words_without_accents(
    staff_client: Client, client: Client, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("estudio.pdf", PDF)
    response = staff_client.post("/staff/border/studies/new/", {
        "title": "Integración económica en la zona de frontera de Cúcuta", "year": 2024, "kind": "study",
        "summary": "Análisis del comercio binacional y del empleo informal.", "keywords": "comercio, aduanas",
        "file": upload, "is_public": "on",
    })  # fmt: skip
    assert response.status_code == 302
    Study.objects.create(
        title="Borrador interno sobre aduanas", year=2025, kind="report", summary="Interno."
    )
    staff_found = (
        staff_client.get("/staff/border/studies/", {"q": "cucuta integracion"})
        .context["page"]
        .object_list
    )
    assert [s.year for s in staff_found] == [2024]
    public = client.get("/es/frontera/estudios/", {"q": "aduanas"}).content.decode()
    assert "Integración económica" in public and "Borrador interno" not in public
    study = Study.objects.get(year=2024)
    download = client.get(f"/es/frontera/estudios/{study.pk}/archivo/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


def test_a_library_file_that_is_not_a_document_is_refused(staff_client: Client) -> None:
    fake = SimpleUploadedFile("estudio.pdf", b"MZ\x90\x00 not a pdf")
    response = staff_client.post("/staff/border/studies/new/", {
        "title": "X", "year": 2024, "kind": "study", "summary": "s", "file": fake,
    })  # fmt: skip
    assert response.status_code == 400
    assert not Study.objects.exists()
