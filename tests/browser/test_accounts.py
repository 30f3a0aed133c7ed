"""A staff member switches the second factor on by keyboard, signs out, and signs in again with
the password and the app's code; wrong passwords pause the sign-in; every page under axe."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from .conftest import STAFF_PASSWORD, assert_accessible, screenshot

pytestmark = pytest.mark.browser


def code_for(secret: str, steps_ahead: int = 0) -> str:
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    totp = TOTP(key)
    totp.time = totp.time + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_second_factor_from_setup_to_sign_in(staff_page: Page) -> None:
    page = staff_page
    page.get_by_role("link", name="Mi cuenta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mi cuenta y seguridad")
    expect(page.locator("[data-two-factor]")).to_have_text("Desactivado")
    assert_accessible(page)

    page.get_by_role("link", name="Configurar el segundo factor").click()
    expect(page.get_by_role("img", name="Código QR para agregar Puente")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "account-2fa-setup")
    secret = page.locator("#totp-secret").inner_text()
    code = page.get_by_role("textbox", name="Código")
    code.focus()
    page.keyboard.type(code_for(secret))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sus códigos de recuperación")
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", c) for c in codes)
    assert_accessible(page)
    page.get_by_role("link", name="Ya los guardé").click()
    expect(page.locator("[data-two-factor]")).to_contain_text("Activado")

    page.get_by_role("button", name=re.compile("Cerrar sesión")).click()
    page.goto("/staff/login/")
    page.get_by_label("Nombre de usuario").fill("sofia.staff")
    page.get_by_label("Contraseña").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Código de verificación")
    assert_accessible(page)
    page.get_by_role("textbox", name="Código").fill("000000")
    page.get_by_role("button", name="Continuar").click()
    expect(page.get_by_text("Ese código no es válido")).to_be_visible()
    screenshot(page, "account-2fa-code")
    page.wait_for_timeout(1100)  # the app waits a second after a wrong code
    page.get_by_role("textbox", name="Código").fill(codes[0])  # a recovery code, this time
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/staff/portfolio/")
    page.get_by_role("link", name="Mi cuenta").click()
    expect(page.get_by_text("Ingresó con un código de recuperación")).to_be_visible()


def test_wrong_passwords_pause_the_sign_in(page: Page, settings) -> None:  # noqa: ANN001
    from puente.accounts.roles import Role
    from puente.tests.world import make_user

    make_user("luis.staff", Role.STAFF)
    page.goto("/staff/login/")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Nombre de usuario").fill("luis.staff")
        page.get_by_label("Contraseña").fill("una clave equivocada")
        page.get_by_role("button", name="Ingresar").click()
        page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingreso en pausa")
    expect(page.get_by_role("alert")).to_contain_text("Intente de nuevo en 15 minutos")
    assert_accessible(page)
    screenshot(page, "account-locked-out")
