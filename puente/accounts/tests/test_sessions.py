"""Sessions end after a working day, or after an idle hour, and say why."""

import time

import pytest
from django.test import Client

from puente.accounts.middleware import LAST_SEEN, SIGNED_IN_AT, TOUCH_SECONDS
from puente.accounts.roles import Role
from puente.tests.world import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(db) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(make_user("ana.staff", Role.STAFF))
    return client


def shift(client: Client, key: str, seconds: float) -> None:
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def test_a_fresh_session_opens_the_workspace(client) -> None:  # noqa: ANN001
    assert client.get("/staff/portfolio/").status_code == 200


def test_a_session_older_than_a_working_day_asks_to_sign_in_again(client, settings) -> None:  # noqa: ANN001
    shift(client, SIGNED_IN_AT, settings.SESSION_COOKIE_AGE + 1)
    shift(client, LAST_SEEN, 0)
    response = client.get("/staff/portfolio/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=/staff/portfolio/")
    page = client.get(response["Location"])
    assert "Su sesión terminó (las sesiones duran una jornada)" in page.text
    assert client.get("/staff/portfolio/").status_code == 302  # really signed out


def test_an_idle_session_ends(client, settings) -> None:  # noqa: ANN001
    shift(client, LAST_SEEN, settings.PUENTE_IDLE_MINUTES * 60 + 1)
    response = client.get("/staff/portfolio/", follow=True)
    assert f"después de {settings.PUENTE_IDLE_MINUTES} minutos sin actividad" in response.text


def test_activity_keeps_the_session_alive(client, settings) -> None:  # noqa: ANN001
    # Almost idle for too long, then a request: the clock starts again.
    shift(client, LAST_SEEN, settings.PUENTE_IDLE_MINUTES * 60 - 5)
    assert client.get("/staff/portfolio/").status_code == 200
    assert time.time() - client.session[LAST_SEEN] < TOUCH_SECONDS


def test_the_idle_clock_is_not_written_on_every_request(client) -> None:  # noqa: ANN001
    seen = client.session[LAST_SEEN]
    client.get("/staff/portfolio/")
    assert client.session[LAST_SEEN] == seen


def test_an_expired_session_is_not_read(client) -> None:  # noqa: ANN001
    """Sessions are read with raw SQL (puente.accounts.sessions): its expiry still counts."""
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/staff/portfolio/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_a_deactivated_person_is_signed_out_at_the_next_request(client) -> None:  # noqa: ANN001
    from django.contrib.auth.models import User

    assert client.get("/staff/portfolio/").status_code == 200
    User.objects.filter(username="ana.staff").update(is_active=False)
    assert client.get("/staff/portfolio/").status_code == 302


def test_a_password_change_elsewhere_ends_the_session(client) -> None:  # noqa: ANN001
    from django.contrib.auth.models import User

    person = User.objects.get(username="ana.staff")
    person.set_password("another long passphrase 42")
    person.save()
    assert client.get("/staff/portfolio/").status_code == 302


def test_a_signed_in_page_is_never_kept_by_the_browsers_cache(client) -> None:  # noqa: ANN001
    assert client.get("/staff/coordination/reports/")["Cache-Control"] == "private, no-store"
    assert "no-store" not in Client().get("/es/").get("Cache-Control", "")  # the public site
