"""The optional second factor: setting it up, signing in with it, recovery codes, switching off."""

import re

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from puente.accounts.roles import Role
from puente.tests.world import make_user

from .factories import PASSWORD, app_code, enrolled, let_time_pass, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting_up():  # noqa: ANN201
    """A staff member on the set-up page: the page, and the device it made (not yet confirmed)."""
    user = make_user("ana.staff", Role.STAFF)
    client = Client()
    client.force_login(user)
    page = client.get("/staff/account/two-factor/")
    return user, client, page, TOTPDevice.objects.get(user=user, confirmed=False)


def test_the_set_up_page_draws_the_qr_code_and_spells_out_the_devices_secret(setting_up):
    from base64 import b32decode

    _user, _client, page, device = setting_up
    assert page.status_code == 200
    assert "<svg" in page.text  # the QR code, drawn inline
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.text).group(1)
    assert (
        b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
        == device.bin_key
    )


def test_a_wrong_code_turns_nothing_on(setting_up):
    user, client, _page, _device = setting_up
    wrong = client.post("/staff/account/two-factor/", {"code": "000000"})
    assert wrong.status_code == 400
    assert "El código no coincide" in wrong.text
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_a_code_typed_right_after_a_wrong_one_is_asked_to_wait(setting_up):
    _user, client, _page, device = setting_up
    client.post("/staff/account/two-factor/", {"code": "000000"})
    hurried = client.post("/staff/account/two-factor/", {"code": app_code(device)})
    assert re.search(r"espere [12] segundos antes de escribir el siguiente", hurried.text)


def test_the_right_code_turns_it_on_and_shows_ten_recovery_codes_no_cache_keeps(setting_up):
    _user, client, _page, device = setting_up
    done = client.post("/staff/account/two-factor/", {"code": app_code(device)})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.text)
    assert len(codes) == 10
    assert done["Cache-Control"].startswith("max-age=0")  # the codes are not kept by a cache


def test_the_session_that_set_it_up_stays_in_and_the_account_page_says_it_is_on(setting_up):
    _user, client, _page, device = setting_up
    client.post("/staff/account/two-factor/", {"code": app_code(device)})
    page = client.get("/staff/account/")
    assert 'data-two-factor="on"' in page.text
    assert "Segundo factor activado" in page.text


def test_signing_in_asks_for_the_code_after_the_password() -> None:
    user, device = enrolled()
    client = Client()
    step_one = sign_in(client, user.username, HTTP_USER_AGENT="Pruebas")
    assert step_one.status_code == 302
    assert step_one["Location"].startswith("/staff/login/code/")
    # The password alone opened nothing.
    assert client.get("/staff/portfolio/").status_code == 302
    assert client.post("/staff/login/code/", {"code": app_code(device)}).status_code == 302
    assert client.get("/staff/portfolio/").status_code == 200


def test_a_used_code_cannot_be_replayed() -> None:
    user, device = enrolled()
    code = app_code(device)
    first = Client()
    sign_in(first, user.username)
    assert first.post("/staff/login/code/", {"code": code}).status_code == 302
    second = Client()
    sign_in(second, user.username)
    replay = second.post("/staff/login/code/", {"code": code})
    assert replay.status_code == 400
    assert "Ese código no es válido" in replay.text


def test_wrong_codes_count_toward_the_lock_out(settings) -> None:
    user, device = enrolled()
    client = Client()
    sign_in(client, user.username)
    answers = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        let_time_pass(user)  # a patient guesser, not stopped by the app's growing wait
        answers.append(client.post("/staff/login/code/", {"code": "123456"}).status_code)
    assert answers[:-1] == [400] * (settings.AXES_FAILURE_LIMIT - 1)
    assert answers[-1] == 429
    # The right code is refused now too, and so is starting again with the password.
    let_time_pass(user)
    assert client.post("/staff/login/code/", {"code": app_code(device)}).status_code == 429
    assert sign_in(Client(), user.username).status_code == 429


def test_a_recovery_code_works_once() -> None:
    user, _device = enrolled()
    client = Client()
    sign_in(client, user.username)
    assert client.post("/staff/login/code/", {"code": "RECOVERY1"}).status_code == 302
    assert not StaticToken.objects.filter(token="recovery1").exists()
    again = Client()
    sign_in(again, user.username)
    assert again.post("/staff/login/code/", {"code": "recovery1"}).status_code == 400
    client.get("/staff/portfolio/")
    assert "Ingresó con un código de recuperación" in client.get("/staff/account/").text


def test_the_code_must_follow_the_password_soon(monkeypatch) -> None:
    user, device = enrolled()
    client = Client()
    sign_in(client, user.username)
    session = client.session
    session["accounts:pending"]["at"] -= 301
    session.save()
    response = client.post("/staff/login/code/", {"code": app_code(device)})
    assert "Escriba de nuevo su nombre de usuario y contraseña" in response.text
    assert client.get("/staff/portfolio/").status_code == 302


def test_the_code_page_without_a_password_first_goes_back_to_the_start() -> None:
    client = Client()
    response = client.post("/staff/login/code/", {"code": "123456"})
    assert "Escriba de nuevo su nombre de usuario y contraseña" in response.text
    assert 'href="/staff/login/"' in response.text
    assert client.get("/staff/portfolio/").status_code == 302


def test_an_unverified_session_of_an_enrolled_person_is_ended() -> None:
    """Whatever way a password-only session came about, it does not open the workspace."""
    user, _device = enrolled()
    client = Client()
    client.force_login(user)  # a session without the second step
    response = client.get("/staff/portfolio/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/staff/login/")
    assert "Ingrese de nuevo con el código de su aplicación" in response.text


def test_after_the_code_next_may_not_lead_off_site() -> None:
    user, device = enrolled()
    client = Client()
    client.post("/staff/login/", {"username": user.username, "password": PASSWORD,
                                  "next": "https://evil.example/"})  # fmt: skip
    response = client.post(
        "/staff/login/code/", {"code": app_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/staff/"


def test_switching_off_needs_a_current_code_and_a_confirmation() -> None:
    user, device = enrolled()
    client = Client()
    sign_in(client, user.username)
    client.post("/staff/login/code/", {"code": app_code(device)})
    unconfirmed = client.post("/staff/account/two-factor/off/", {"code": app_code(device, 1)})
    assert unconfirmed.status_code == 400
    wrong = client.post("/staff/account/two-factor/off/", {"code": "000000", "confirm": "on"})
    assert wrong.status_code == 400
    assert TOTPDevice.objects.filter(user=user).exists()
    let_time_pass(user)
    done = client.post(
        "/staff/account/two-factor/off/",
        {"code": app_code(device, 1), "confirm": "on"},
        follow=True,
    )
    assert "El segundo factor está desactivado" in done.text
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    # The password alone signs in again.
    assert sign_in(Client(), user.username)["Location"] == "/staff/"


def test_new_recovery_codes_replace_the_old_ones() -> None:
    user, device = enrolled()
    client = Client()
    sign_in(client, user.username)
    client.post("/staff/login/code/", {"code": app_code(device)})
    page = client.post("/staff/account/recovery-codes/")
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.text)
    assert len(codes) == 10
    assert not StaticToken.objects.filter(token="recovery1").exists()
    assert set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    ) == set(codes)


def test_the_account_page_lists_recent_sign_ins() -> None:
    make_user("ana.staff", Role.STAFF)
    client = Client()
    sign_in(client, "ana.staff", HTTP_USER_AGENT="Navegador de la oficina")
    page = client.get("/staff/account/")
    assert "Navegador de la oficina" in page.text
    assert "127.0.0.1" in page.text


def test_a_factor_enrolled_from_elsewhere_ends_an_open_session_within_the_minute() -> None:
    """The session remembers "no second factor" for TOUCH_SECONDS only, then asks again."""
    from puente.accounts.middleware import FACTOR_CHECKED, TOUCH_SECONDS

    user = make_user("ana.staff", Role.STAFF)
    client = Client()
    client.force_login(user)
    assert client.get("/staff/portfolio/").status_code == 200
    enrolled_elsewhere = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    assert enrolled_elsewhere.pk
    assert client.get("/staff/portfolio/").status_code == 200  # within the minute: not asked yet
    session = client.session
    session[FACTOR_CHECKED] = [session[FACTOR_CHECKED][0] - TOUCH_SECONDS - 1, False]
    session.save()
    response = client.get("/staff/portfolio/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/staff/login/")
    assert "Ingrese de nuevo con el código de su aplicación" in response.text
