"""The staff inbox and a request's page: filters, lights, export, and every step audited."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from puente.accounts.roles import Role
from puente.requests.models import Request, Status, Step
from puente.tests.world import make_user

from .factories import bogota, filed

pytestmark = pytest.mark.django_db
INBOX = "/staff/pqrsd/"


def _due(request: Request, on: date) -> Request:
    Request.objects.filter(pk=request.pk).update(due_on=on, original_due_on=on)
    request.refresh_from_db()
    return request


def test_the_inbox_lists_open_requests_soonest_due_first_with_their_lights(
    staff_client: Client,
) -> None:
    today = timezone.localdate()
    late = _due(filed(title="Vencida")[0], today - timedelta(days=3))
    later = _due(filed(title="Con tiempo")[0], today + timedelta(days=40))
    soon = _due(filed(title="Pronto")[0], today)
    answered = filed(title="Ya respondida")[0]
    Request.objects.filter(pk=answered.pk).update(
        status=Status.ANSWERED, answered_at=timezone.now()
    )

    response = staff_client.get(INBOX)
    rows = [r.filing_number for r in response.context["page"].object_list]
    assert rows == [late.filing_number, soon.filing_number, later.filing_number]
    assert response.context["counts"] == {"on_time": 1, "due_soon": 1, "overdue": 1}
    page = response.content.decode()
    assert "light-overdue" in page and "light-due_soon" in page

    overdue = staff_client.get(INBOX, {"light": "overdue"}).context["page"].object_list
    assert [r.title for r in overdue] == ["Vencida"]
    everything = (
        staff_client.get(INBOX, {"status": "all", "q": "respondida"}).context["page"].object_list
    )
    assert [r.title for r in everything] == ["Ya respondida"]


def test_the_inbox_filters_by_assignee_and_exports_what_it_shows(
    staff_client: Client, staff_user
) -> None:
    from puente.requests import services

    mine = filed(title="Mía")[0]
    filed(title="De nadie")
    services.assign(mine, staff_user, staff_user)
    assert [
        r.title for r in staff_client.get(INBOX, {"assigned": "me"}).context["page"].object_list
    ] == ["Mía"]
    assert [
        r.title for r in staff_client.get(INBOX, {"assigned": "none"}).context["page"].object_list
    ] == ["De nadie"]
    csv = b"".join(
        staff_client.get(INBOX, {"assigned": "me", "format": "csv"}).streaming_content
    ).decode()
    assert "Mía" in csv and "De nadie" not in csv and mine.filing_number in csv


@pytest.fixture
def walked(staff_client: Client, staff_user, django_capture_on_commit_callbacks):  # noqa: ANN001, ANN201
    """A tourist's request in English, assigned to a colleague, noted, answered and closed."""
    colleague = make_user("luis.staff", Role.STAFF)
    request, _code = filed(email="tourist@example.org", language="en")
    url = f"{INBOX}{request.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(url + "assign/", {"official": colleague.pk}).status_code == 302
        assert (
            staff_client.post(url + "note/", {"text": "Consultar con Migración"}).status_code == 302
        )
        response = staff_client.post(url + "answer/", {"answer": "The crossing opens at 5 am."})
        assert response.status_code == 302
        assert staff_client.post(url + "close/", {"text": ""}).status_code == 302
    request.refresh_from_db()
    return request, colleague, url


def test_a_request_goes_from_filed_to_closed_and_each_step_is_attributed(walked) -> None:  # noqa: ANN001
    request, colleague, _url = walked
    assert request.status == Status.CLOSED and request.assigned_to == colleague
    steps = list(request.steps.values_list("action", "by__username"))
    assert steps == [
        (Step.Action.FILED, None),
        (Step.Action.ASSIGNED, "ana.staff"),
        (Step.Action.NOTE, "ana.staff"),
        (Step.Action.ANSWERED, "ana.staff"),
        (Step.Action.CLOSED, "ana.staff"),
    ]


def test_the_answer_is_emailed_in_the_language_the_request_was_written_in(
    walked, mailoutbox
) -> None:  # noqa: ANN001
    answered = [m for m in mailoutbox if "answered" in m.subject]
    assert len(answered) == 1 and "The crossing opens at 5 am." in answered[0].body


def test_the_request_page_shows_its_notes_and_who_holds_it(walked, staff_client: Client) -> None:  # noqa: ANN001
    _request, _colleague, url = walked
    page = staff_client.get(url).content.decode()
    assert "Consultar con Migración" in page and "luis.staff" in page


def test_a_closed_request_cannot_be_answered_again(staff_client: Client, staff_user) -> None:
    from puente.requests import services

    request = filed()[0]
    services.answer(request, "Respuesta", [], staff_user)
    services.close(request, "", staff_user)
    response = staff_client.post(f"{INBOX}{request.pk}/answer/", {"answer": "Otra"})
    assert response.status_code == 400
    assert "ya no puede cambiarse" in response.content.decode()
    request.refresh_from_db()
    assert request.answer == "Respuesta" and request.steps.filter(action="answered").count() == 1


def test_a_transfer_tells_the_requester_where_it_went(
    staff_client: Client, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    request, code = filed(email="p@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            f"{INBOX}{request.pk}/transfer/",
            {
                "entity": "Migración Colombia",
                "reason": "Los permisos de permanencia son de su competencia.",
            },
        )
    request.refresh_from_db()
    assert request.status == Status.TRANSFERRED and request.transferred_to == "Migración Colombia"
    assert "Migración Colombia" in mailoutbox[-1].body
    page = (
        Client()
        .post("/es/pqrsd/consultar/", {"filing_number": request.filing_number, "code": code})
        .content.decode()
    )
    assert "Migración Colombia" in page and "permisos de permanencia" in page


def test_an_extension_after_the_term_is_refused_with_the_reason(staff_client: Client) -> None:
    request = _due(filed(bogota(2026, 1, 5, 9))[0], timezone.localdate() - timedelta(days=1))
    response = staff_client.post(
        f"{INBOX}{request.pk}/extend/",
        {"new_due_on": (timezone.localdate() + timedelta(days=5)).isoformat(), "reason": "Tarde"},
    )
    assert response.status_code == 400
    assert "la ampliación debe anunciarse antes de que venza" in response.content.decode()
    assert not Request.objects.get(pk=request.pk).is_extended


def test_personal_data_is_erased_after_confirmation_and_the_request_stays(
    staff_client: Client, staff_user
) -> None:
    from puente.requests import services

    request = filed(email="p@example.org")[0]
    url = f"{INBOX}{request.pk}/erase/"
    refused = staff_client.post(url)
    assert refused.status_code == 400 and "Primero responda" in refused.content.decode()
    services.answer(request, "Respuesta", [], staff_user)
    assert "no se puede deshacer" in staff_client.get(url).content.decode()
    assert staff_client.post(url).status_code == 302
    request.refresh_from_db()
    assert (request.name, request.email, request.anonymous) == ("", "", True)
    assert request.answer == "Respuesta"
    assert request.steps.filter(action=Step.Action.PERSONAL_DATA_ERASED, by=staff_user).exists()


def test_staff_download_filed_attachments_and_viewers_cannot_see_requests(
    viewer_client: Client,
) -> None:
    request = filed()[0]
    assert viewer_client.get(f"{INBOX}{request.pk}/").status_code == 403


def test_the_request_page_says_by_when_to_send_it_on_if_it_is_not_ours(
    staff_client: Client,
) -> None:
    request = filed(bogota(2026, 11, 13, 18, 30))[0]
    page = staff_client.get(f"{INBOX}{request.pk}/").content.decode()
    assert "remítala a más tardar el 24 de noviembre de 2026" in page
    assert "9 de diciembre de 2026" in page  # the answer's due date


def test_the_deadline_figures_agree_with_their_numbers(staff_client: Client) -> None:
    """ "1 vence", "2 vencidas": each figure in the singular or the plural it needs."""
    today = timezone.localdate()
    for title in ("Una", "Otra"):
        _due(filed(title=title)[0], today - timedelta(days=3))
    _due(filed(title="Pronto")[0], today)
    for page in (staff_client.get(INBOX), staff_client.get("/staff/portfolio/")):
        text = page.content.decode()
        assert "<strong>2</strong> vencidas" in text
        assert "<strong>1</strong> vence en 3 días hábiles o menos" in text
        assert "<strong>0</strong> a tiempo" in text
