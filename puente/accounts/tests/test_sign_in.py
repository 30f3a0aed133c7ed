"""Signing in: wrong passwords lock the user name out from that address for a while."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from puente.accounts.roles import Role
from puente.tests.world import make_user

from .factories import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana(db):  # noqa: ANN001, ANN201
    return make_user("ana.staff", Role.STAFF)


def test_a_right_password_signs_in_and_lands_on_the_workspace(ana) -> None:  # noqa: ANN001
    client = Client()
    response = sign_in(client, "ana.staff")
    assert response.status_code == 302
    assert client.get("/staff/portfolio/").status_code == 200


def test_a_wrong_password_says_so_without_telling_which_part_was_wrong(ana) -> None:  # noqa: ANN001
    for username in ("ana.staff", "nadie.existe"):
        response = sign_in(Client(), username, "not the password")
        assert response.status_code == 200
        assert "Por favor, introduzca un nombre de usuario y clave correctos" in response.text


def test_five_wrong_passwords_pause_that_user_from_that_address(ana, settings) -> None:  # noqa: ANN001
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "ana.staff", "guess").status_code == 200
    locked = sign_in(client, "ana.staff", "guess")
    assert locked.status_code == 429
    assert "Ingreso en pausa" in locked.text
    assert "Intente de nuevo en 15 minutos" in locked.text
    assert locked["Retry-After"] == "900"
    # Even the right password is refused now, and nothing signs in.
    assert sign_in(client, "ana.staff", PASSWORD).status_code == 429
    assert client.get("/staff/portfolio/").status_code == 302


def test_the_pause_is_for_that_pair_only(ana, settings) -> None:  # noqa: ANN001
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "ana.staff", "guess", REMOTE_ADDR="203.0.113.9")
    # Ana at her own desk is not locked out by a stranger elsewhere ...
    assert sign_in(Client(), "ana.staff", REMOTE_ADDR="10.0.0.5").status_code == 302
    # ... and the stranger's address may still try other accounts (each counted on its own).
    make_user("luis.staff", Role.STAFF)
    assert sign_in(Client(), "luis.staff", REMOTE_ADDR="203.0.113.9").status_code == 302


def test_a_forged_forwarded_for_header_does_not_reset_the_count(ana, settings) -> None:  # noqa: ANN001
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "ana.staff", "guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert sign_in(Client(), "ana.staff", HTTP_X_FORWARDED_FOR="198.51.100.77").status_code == 429


def test_the_pause_ends_after_the_cool_off(ana, settings) -> None:  # noqa: ANN001
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "ana.staff", "guess")
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    )
    assert sign_in(Client(), "ana.staff").status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(ana, settings) -> None:  # noqa: ANN001
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(Client(), "ana.staff", "guess")
    assert sign_in(Client(), "ana.staff").status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(Client(), "ana.staff", "guess")
    assert sign_in(Client(), "ana.staff").status_code == 302


def test_the_admin_sign_in_form_is_the_same_guarded_one() -> None:
    response = Client().get("/staff/admin/login/?next=/staff/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/staff/login/?next=/staff/admin/"


def test_signed_in_without_the_admin_right_one_is_told_so_not_asked_to_sign_in_again(
    staff_client,  # noqa: ANN001
) -> None:
    response = staff_client.get("/staff/admin/", follow=True)
    assert response.status_code == 403
    assert "No puede abrir esta página" in response.content.decode()


def test_a_weak_new_password_is_refused_with_the_reasons(ana) -> None:  # noqa: ANN001
    client = Client()
    client.force_login(ana)
    response = client.post(
        "/staff/account/password/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    for reason in ("demasiado corta", "demasiado común", "completamente numérica"):
        assert reason in response.text
    ana.refresh_from_db()
    assert ana.check_password(PASSWORD)


def test_changing_the_password_keeps_the_session_and_is_recorded(ana) -> None:  # noqa: ANN001
    client = Client()
    client.force_login(ana)
    new = "puente sobre el río táchira"
    response = client.post(
        "/staff/account/password/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
        follow=True,
    )
    assert "Su contraseña fue cambiada" in response.text
    assert "Contraseña cambiada" in response.text  # the account's own record
    ana.refresh_from_db()
    assert ana.check_password(new)
    assert client.get("/staff/portfolio/").status_code == 200


def test_an_address_trying_many_user_names_is_paused_too(ana, settings) -> None:  # noqa: ANN001
    """Password spraying: one guess for each of many names never trips the per-name limit."""
    settings.PUENTE_LOGIN_FAILURES_PER_ADDRESS = 8
    for n in range(8):
        assert (
            sign_in(Client(), f"persona{n}", "Verano2026", REMOTE_ADDR="203.0.113.7").status_code
            == 200
        )
    paused = sign_in(Client(), "ana.staff", PASSWORD, REMOTE_ADDR="203.0.113.7")
    assert paused.status_code == 429 and "Ingreso en pausa" in paused.text
    # Ana from another address is not touched.
    assert sign_in(Client(), "ana.staff", PASSWORD, REMOTE_ADDR="10.0.0.5").status_code == 302
