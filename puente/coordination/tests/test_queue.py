"""Rows sent from a device's queue (entry offline): saved once, refused by field with the form's
messages, or in conflict with a report that closed or a row someone changed meanwhile."""

import datetime
import json

import pytest
from django.test import Client

from puente.coordination import services
from puente.coordination.models import ReportingPeriod, ReportRow
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import client_for

from .factories import partner

pytestmark = pytest.mark.django_db
KEY = "0f6c2d1e-4b7a-4e1c-9d55-0a1b2c3d4e5f"


@pytest.fixture
def draft():  # noqa: ANN201
    organisation, reporter = partner("Pastoral Social Tibú", "pastoral")
    period = ReportingPeriod.month_of(datetime.date(2026, 11, 1))
    return services.open_report(organisation, period, reporter), client_for(reporter), reporter


def fields(**changes: str) -> dict[str, str]:
    values = {
        "activity_name": "Agua segura en veredas", "sector": "14030",
        "municipality": str(Municipality.objects.get(code="54810").pk), "locality": "Campo Dos",
        "population": str(TargetPopulation.objects.first().pk), "nationality": "colombian",
        "targeted": "40", "female": "12", "male": "10", "other_sex": "0", "age_0_17": "8",
        "age_18_59": "12", "age_60_plus": "2", "amount": "", "currency": "COP",
    }  # fmt: skip
    return values | changes


def send(client: Client, report, **body: object):  # noqa: ANN001, ANN201
    return client.post(
        f"/staff/coordination/reports/{report.pk}/rows/sync/",
        json.dumps({"key": KEY, "fields": fields(), **body}),
        content_type="application/json",
    )


def test_a_queued_row_is_saved_once_however_often_it_is_sent(draft):
    report, client, _reporter = draft
    first = send(client, report)
    assert first.status_code == 201
    assert first.json()["status"] == "saved"
    again = send(client, report)  # the first answer was lost on the way back
    assert (again.status_code, again.json()["row"]) == (200, first.json()["row"])
    row = report.rows.get()
    assert (row.activity_name, row.reached, row.to_confirm) == ("Agua segura en veredas", 22, False)
    assert "Fila «Agua segura en veredas» enviada desde un dispositivo" in [
        h.history_change_reason for h in report.history.all()
    ]


def test_a_bad_row_is_answered_by_field_with_the_forms_messages(draft):
    report, client, _reporter = draft
    response = send(client, report, fields=fields(age_0_17="30", sector="99999"))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["age_0_17"] == [
        "Por sexo la fila suma 22 personas y por edad 44: ambas deben dar el mismo total."
    ]
    assert "sector" in errors
    assert not report.rows.exists()
    fixed = send(client, report)  # corrected and sent again under the same key
    assert fixed.status_code == 201


def test_a_row_for_a_report_sent_meanwhile_is_a_conflict_and_stays_with_the_device(draft):
    report, client, reporter = draft
    send(client, report)
    services.submit(report, reporter)
    response = send(client, report, key="a" * 36)
    assert response.status_code == 409
    assert response.json()["message"].startswith("El reporte se envió o aprobó")
    assert report.rows.count() == 1


def test_an_edit_made_on_an_older_revision_is_a_conflict_never_an_overwrite(draft, staff_client):
    report, client, _reporter = draft
    row_id = send(client, report).json()["row"]
    row = ReportRow.objects.get(pk=row_id)
    seen = row.revision
    staff_edit = fields(targeted="60", activity_name="Agua segura (Secretaría)")
    assert staff_client.post(
        f"/staff/coordination/reports/{report.pk}/rows/{row_id}/", staff_edit
    ).status_code == 302  # fmt: skip

    mine = fields(targeted="45")
    response = send(client, report, key="b" * 36, row=row_id, revision=seen, fields=mine)
    assert response.status_code == 409
    answer = response.json()
    assert answer["current"]["activity_name"] == "Agua segura (Secretaría)"
    assert answer["current"]["targeted"] == "60"
    assert ReportRow.objects.get(pk=row_id).targeted == 60  # theirs stands

    over = send(client, report, key="b" * 36, row=row_id, revision=answer["revision"], fields=mine)
    assert over.status_code == 201
    assert ReportRow.objects.get(pk=row_id).targeted == 45


def test_an_edit_that_does_not_say_which_revision_it_read_is_refused_not_written(draft):
    report, client, _reporter = draft
    row_id = send(client, report).json()["row"]
    response = send(client, report, key="e" * 36, row=row_id, fields=fields(targeted="99"))
    assert response.status_code == 400
    assert "qué revisión" in response.json()["message"]
    assert ReportRow.objects.get(pk=row_id).targeted == 40


def test_an_edit_of_a_row_deleted_meanwhile_is_a_conflict(draft):
    report, client, reporter = draft
    row_id = send(client, report).json()["row"]
    services.delete_row(ReportRow.objects.get(pk=row_id), reporter)
    response = send(client, report, key="c" * 36, row=row_id, revision=1)
    assert response.status_code == 409
    assert response.json()["message"] == "Esta fila se eliminó después de que usted la abrió."
    assert not report.rows.exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "La fila no llegó como JSON."),
        (json.dumps({"key": "x", "fields": {}}).encode(), "La fila no trae una clave válida"),
        (json.dumps({"key": KEY, "fields": {"targeted": 3}}).encode(), "Cada campo de la fila"),
        (json.dumps({"key": KEY, "fields": {"a": "x" * 70000}}).encode(), "demasiado grande"),
    ],
)
def test_a_malformed_queue_write_is_refused_with_what_is_wrong(draft, body, message):
    report, client, _reporter = draft
    response = client.post(
        f"/staff/coordination/reports/{report.pk}/rows/sync/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert not report.rows.exists()


def test_another_partner_and_a_forged_request_write_nothing(draft):
    report, _client, _reporter = draft
    _other, intruder = partner("Otro socio", "otro")
    assert send(client_for(intruder), report).status_code == 403
    forged = Client(enforce_csrf_checks=True)
    forged.force_login(draft[2])
    assert send(forged, report).status_code == 403
    assert not report.rows.exists()


def test_the_worker_is_served_for_the_5w_pages_and_signing_out_clears_the_device(draft):
    _report, client, _reporter = draft
    worker = client.get("/staff/coordination/sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert b"/staff/coordination/offline/" in worker.content
    assert "no-cache" in worker["Cache-Control"]
    assert "<h1>Sin conexión</h1>" in client.get("/staff/coordination/offline/").content.decode()
    out = client.post("/staff/logout/")
    assert out["Clear-Site-Data"] == '"cache", "storage"'


def test_the_row_form_never_overwrites_unseen_a_row_saved_meanwhile(draft, staff_client):
    report, client, _reporter = draft
    row_id = send(client, report).json()["row"]
    edit = f"/staff/coordination/reports/{report.pk}/rows/{row_id}/"
    seen = str(ReportRow.objects.get(pk=row_id).revision)
    assert staff_client.post(edit, fields(targeted="60", revision=seen)).status_code == 302
    mine = client.post(edit, fields(targeted="45", revision=seen))
    assert mine.status_code == 400
    page = mine.content.decode()
    assert "Alguien guardó esta fila después de que usted la abrió" in page
    assert ReportRow.objects.get(pk=row_id).targeted == 60
    current = str(ReportRow.objects.get(pk=row_id).revision)
    assert f'name="revision" value="{current}"' in page  # saving again keeps it, on purpose
    assert client.post(edit, fields(targeted="45", revision=current)).status_code == 302
    assert ReportRow.objects.get(pk=row_id).targeted == 45


@pytest.mark.parametrize("forged", ["²", " 0", "-1", "9" * 12])
def test_a_revision_that_is_not_a_number_is_refused_never_unchecked(draft, forged):
    report, client, _reporter = draft
    row_id = send(client, report).json()["row"]
    edit = f"/staff/coordination/reports/{report.pk}/rows/{row_id}/"
    answer = client.post(edit, fields(targeted="45", revision=forged))
    assert answer.status_code == 400
    assert "Alguien guardó esta fila después de que usted la abrió" in answer.content.decode()
    assert ReportRow.objects.get(pk=row_id).targeted == 40


def test_a_create_sent_again_after_an_edit_or_a_deletion_writes_nothing(draft):
    """The device lost the first answer and sends the creation again, after the row was
    edited from the same queue, or deleted: neither a second row nor a row back from the dead."""
    report, client, reporter = draft
    row_id = send(client, report).json()["row"]
    revision = ReportRow.objects.get(pk=row_id).revision
    edited = send(client, report, key="d" * 36, row=row_id, revision=revision,
                  fields=fields(targeted="70"))  # fmt: skip
    assert edited.status_code == 201
    again = send(client, report)
    assert (again.status_code, again.json()["row"]) == (200, row_id)
    assert list(report.rows.values_list("targeted", flat=True)) == [70]

    services.delete_row(ReportRow.objects.get(pk=row_id), reporter)
    assert send(client, report).status_code == 200
    assert not report.rows.exists()
