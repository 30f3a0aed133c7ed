"""The 5W write API: personal tokens, a partner's own reports only, the spreadsheet's checks,
safe retries, and its place in the OpenAPI document."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from puente.accounts import tokens
from puente.accounts.models import ApiToken
from puente.coordination.models import Report, ReportStatus
from puente.coordination.tests.factories import partner
from puente.tests.world import client_for

pytestmark = pytest.mark.django_db

MONTH = "2026-11"


def good_row(**changes: object) -> dict[str, object]:
    from puente.territory.models import TargetPopulation

    row = {
        "activity_name": "Atención primaria en salud", "sector": "12220", "municipality": "54810",
        "population": TargetPopulation.objects.first().name_es, "nationality": "Venezolana",
        "targeted": 200, "female": 90, "male": 60, "other_sex": 0,
        "age_0_17": 50, "age_18_59": 80, "age_60_plus": 20, "amount": 1500000, "currency": "COP",
    }  # fmt: skip
    row.update(changes)
    return row


class Api:
    """A client that sends the token as a partner's system would: no cookies."""

    def __init__(self, secret: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"}

    def call(self, method: str, path: str, body: object = None, key: str | None = None):  # noqa: ANN201
        headers = dict(self.headers, **({"Idempotency-Key": key} if key else {}))
        send = getattr(self.client, method)
        return send(
            f"/api/coordination{path}", body, content_type="application/json", headers=headers
        )


@pytest.fixture
def world(db):  # noqa: ANN001, ANN201
    org_a, reporter_a = partner("Fundación Frontera Viva", "reporter.a")
    org_b, reporter_b = partner("Corporación Nuevo Arco", "reporter.b")
    _token, secret_a = tokens.create(reporter_a, "our sync", 90)
    report_b = Report.objects.create(organisation=org_b,
                                     period=__import__("puente.coordination.models", fromlist=["x"])
                                     .ReportingPeriod.month_of(datetime.date(2026, 11, 1)))  # fmt: skip
    return {"a": Api(secret_a), "reporter_a": reporter_a, "org_a": org_a, "report_b": report_b,
            "secret_a": secret_a}  # fmt: skip


def test_a_partners_system_opens_fills_and_submits_its_draft(world) -> None:
    api = world["a"]
    opened = api.call("post", "/reports", {"period": MONTH})
    assert opened.status_code == 201, opened.content
    report_id = opened.json()["id"]
    assert opened.json()["organisation"] == "Fundación Frontera Viva"
    written = api.call(
        "put", f"/reports/{report_id}/rows", {"rows": [good_row(), good_row(female=100, male=50)]}
    )
    assert written.status_code == 200, written.content
    assert written.json()["rows"] == 2
    submitted = api.call("post", f"/reports/{report_id}/submit")
    assert submitted.json()["status"] == "submitted"
    report = Report.objects.get(pk=report_id)
    assert report.rows.count() == 2 and report.status == ReportStatus.SUBMITTED
    history = list(report.history.order_by("history_date"))
    assert {h.history_user for h in history} == {world["reporter_a"]}  # every write is the person's
    assert any("2 filas por la API" in (h.history_change_reason or "") for h in history)
    listed = api.call("get", "/reports").json()
    assert [r["id"] for r in listed] == [report_id]  # partner B's report is not listed


def test_the_same_token_is_refused_on_another_partners_report(world) -> None:
    response = world["a"].call(
        "put", f"/reports/{world['report_b'].pk}/rows", {"rows": [good_row()]}
    )
    assert response.status_code == 403
    assert world["report_b"].rows.count() == 0
    assert world["a"].call("get", f"/reports/{world['report_b'].pk}").status_code == 403


def test_a_revoked_or_expired_token_is_refused(world) -> None:
    token = ApiToken.objects.get(user=world["reporter_a"])
    assert world["a"].call("get", "/periods").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert world["a"].call("get", "/periods").status_code == 401
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    tokens.revoke(token, world["reporter_a"])
    assert world["a"].call("post", "/reports", {"period": MONTH}).status_code == 401
    assert not Report.objects.filter(organisation=world["org_a"]).exists()


def test_a_signed_in_browser_session_does_not_authorise_writes(world) -> None:
    browser = client_for(world["reporter_a"])
    response = browser.post(
        "/api/coordination/reports", {"period": MONTH}, content_type="application/json"
    )
    assert response.status_code == 401
    assert not Report.objects.filter(organisation=world["org_a"]).exists()


def test_the_same_client_key_twice_gives_one_set_of_rows(world) -> None:
    api = world["a"]
    report_id = api.call("post", "/reports", {"period": MONTH}, key="open-nov").json()["id"]
    again = api.call("post", "/reports", {"period": MONTH}, key="open-nov")
    assert again.status_code == 201 and again.json()["id"] == report_id  # the first answer again
    body = {"rows": [good_row(), good_row(activity_name="Agua segura")]}
    first = api.call("put", f"/reports/{report_id}/rows", body, key="rows-1")
    second = api.call("put", f"/reports/{report_id}/rows", body, key="rows-1")
    assert first.json() == second.json()
    assert Report.objects.get(pk=report_id).rows.count() == 2
    other = api.call("put", f"/reports/{report_id}/rows", {"rows": [good_row()]}, key="rows-1")
    assert other.status_code == 409
    assert "Idempotency-Key" in other.json()["detail"]
    assert Report.objects.get(pk=report_id).rows.count() == 2


def test_bad_rows_are_answered_by_row_and_field_with_the_spreadsheets_words(world) -> None:
    api = world["a"]
    report_id = api.call("post", "/reports", {"period": MONTH}).json()["id"]
    rows = [good_row(), good_row(targeted="doscientos"), good_row(municipality="Tibu City")]
    response = api.call("put", f"/reports/{report_id}/rows", {"rows": rows}, key="k1")
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert {(e["row"], e["field"]) for e in errors} >= {(2, "targeted"), (3, "municipality")}
    targeted = next(e for e in errors if e["field"] == "targeted")
    assert targeted["msg"] == "«doscientos» no es un número entero."
    assert targeted["loc"] == ["body", "rows", 1, "targeted"]
    assert targeted["column"] == "Personas objetivo / People targeted"
    assert Report.objects.get(pk=report_id).rows.count() == 0  # nothing written
    # A refused request is not kept: corrected, it may go again under the same key.
    fixed = api.call("put", f"/reports/{report_id}/rows", {"rows": [good_row()]}, key="k1")
    assert fixed.status_code == 200


def test_calls_beyond_the_rate_are_refused(world, settings) -> None:
    from puente.api.coordination import router

    limit = router.throttle[0].num_requests
    for _ in range(limit):
        assert world["a"].call("get", "/periods").status_code == 200
    refused = world["a"].call("get", "/periods")
    assert refused.status_code == 429 and "Retry-After" in refused.headers


def test_the_openapi_document_lists_the_writes_with_their_security() -> None:
    schema = Client().get("/api/openapi.json").json()
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    put = schema["paths"]["/api/coordination/reports/{pk}/rows"]["put"]
    assert put["security"] == [{"TokenAuth": []}]
    assert {"200", "403", "409", "422"} <= set(put["responses"])
    submit = schema["paths"]["/api/coordination/reports/{pk}/submit"]["post"]
    assert submit["security"] == [{"TokenAuth": []}]


def test_a_secretariat_token_reads_the_whole_coordination_picture(world) -> None:
    from puente.coordination.models import Need, Service
    from puente.territory.models import Municipality, TargetPopulation
    from puente.tests.world import make_user

    Need.objects.create(
        municipality=Municipality.objects.get(code="54810"), service=Service.objects.first(),
        population=TargetPopulation.objects.first(), people_affected=300, people_excluded=120,
        severity=4, source="Mesa humanitaria", evidence_date=datetime.date(2026, 10, 1),
    )  # fmt: skip
    from puente.accounts.roles import Role

    staff = make_user("sofia.staff", Role.STAFF)
    _token, secret = tokens.create(staff, "tablero", 30)
    answer = Api(secret).call("get", "/gaps?start=2026-01&end=2026-11")
    assert answer.status_code == 200
    tibu = [c for c in answer.json() if c["municipality_code"] == "54810"]
    assert [(c["needs"], c["people_excluded"], c["severity"], c["partners"]) for c in tibu] == [
        (1, 120, 4, 0)
    ]
    refused = world["a"].call("get", "/gaps")
    assert refused.status_code == 403
    assert "Secretariat token" in refused.json()["detail"]
    backwards = Api(secret).call("get", "/gaps?start=2026-11&end=2026-01")
    assert backwards.status_code == 422


def test_a_token_stops_working_when_its_person_no_longer_reports(world) -> None:
    from django.contrib.auth.models import Group

    from puente.accounts.roles import Role

    assert world["a"].call("get", "/periods").status_code == 200
    world["reporter_a"].groups.remove(Group.objects.get(name=Role.REPORTER.value))
    assert world["a"].call("get", "/periods").status_code == 401


def test_reports_are_listed_by_status(world) -> None:
    api = world["a"]
    api.call("post", "/reports", {"period": MONTH})
    drafts = api.call("get", "/reports?status=draft").json()
    assert [r["status"] for r in drafts] == ["draft"]
    assert api.call("get", "/reports?status=approved").json() == []
    assert api.call("get", "/reports?status=nonsense").status_code == 422
