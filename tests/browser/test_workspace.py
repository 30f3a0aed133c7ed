"""The staff workspace by keyboard: areas menu, a corrected actual, an administrator's invitation."""

import re
from datetime import date
from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from puente.accounts.roles import Role
from puente.portfolio.models import Indicator, IndicatorPeriod, Result
from puente.portfolio.tests.factories import ActivityFactory
from puente.tests.world import make_user

from .conftest import STAFF_PASSWORD, assert_accessible, screenshot

pytestmark = pytest.mark.browser

NEW_PASSWORD = "puente frontera tibu 2026"


def _sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/staff/login/")
    page.get_by_label("Nombre de usuario").fill(username)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Ingresar").click()


def test_the_areas_menu_opens_by_keyboard_and_escape_closes_it(staff_page: Page):
    page = staff_page
    menu = page.get_by_role("navigation", name="Espacio de trabajo del personal")
    portfolio = menu.locator("summary", has_text="Portafolio")
    portfolio.focus()
    page.keyboard.press("Enter")
    activities = menu.get_by_role("link", name="Actividades", exact=True)
    expect(activities).to_be_visible()
    assert_accessible(page)
    screenshot(page, "staff-areas-menu")
    pqrsd = menu.locator("summary", has_text="PQRSD")
    pqrsd.focus()
    page.keyboard.press("Enter")
    expect(activities).to_be_hidden()  # one area open at a time
    page.keyboard.press("Escape")
    expect(menu.get_by_role("link", name="Bandeja PQRSD")).to_be_hidden()
    expect(pqrsd).to_be_focused()
    portfolio.focus()
    page.keyboard.press("Enter")
    activities.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/portfolio/activities/")


def test_an_indicators_actual_is_corrected_later(staff_page: Page):
    activity = ActivityFactory(title_es="Salud en Puerto Santander")
    result = Result.objects.create(activity=activity, title="Personas atendidas", kind="2")
    for title in ("Consultas de salud", "Vacunas aplicadas"):
        IndicatorPeriod.objects.create(
            indicator=Indicator.objects.create(result=result, title=title),
            period_start=date(2026, 1, 1),
            period_end=date(2026, 6, 30),
            target=Decimal("400"),
            actual=Decimal("100"),
        )
    page = staff_page
    page.goto(f"/staff/portfolio/activities/{activity.pk}/")
    first_row = page.locator("table.data", has=page.get_by_text("Meta")).first
    expect(first_row).to_contain_text("25 %")
    page.get_by_role("link", name=re.compile(r"^Corregir el periodo")).first.click()
    assert_accessible(page)
    page.get_by_role("spinbutton", name="Logro").fill("300")
    page.get_by_role("button", name="Guardar").click()
    expect(page.get_by_text("Se guardó el periodo.")).to_be_visible()
    expect(first_row).to_contain_text("75 %")
    page.get_by_role("link", name=re.compile(r"^Eliminar el indicador “Vacunas")).click()
    expect(page.get_by_text("1 meta y avance")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Sí, eliminarlo").click()
    expect(page.get_by_text("Se eliminó el indicador “Vacunas aplicadas”.")).to_be_visible()
    assert list(result.indicators.values_list("title", flat=True)) == ["Consultas de salud"]
    screenshot(page, "results-corrected")


def test_an_administrator_invites_a_staff_member_who_signs_in_to_their_work(page: Page):
    make_user("alba.admin", Role.ADMINISTRATOR)
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="alba.admin")
    admin.set_password(STAFF_PASSWORD)
    admin.save()
    _sign_in(page, "alba.admin", STAFF_PASSWORD)
    menu = page.get_by_role("navigation", name="Espacio de trabajo del personal")
    menu.locator("summary", has_text="Administración").click()
    menu.get_by_role("link", name="Personas y roles").click()
    assert_accessible(page)
    page.get_by_role("link", name="Invitar a una persona").click()
    page.get_by_label("Correo").fill("marta.rojas@nortedesantander.gov.co")
    page.get_by_label("Nombre").fill("Marta Rojas")
    page.get_by_label("Rol").select_option(label="Personal de la Secretaría")
    page.get_by_role("button", name="Enviar la invitación").click()
    expect(page.get_by_text("Se envió una invitación a marta.rojas@")).to_be_visible()
    expect(page.get_by_role("heading", name="Marta Rojas")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "person-invited")
    page.get_by_role("button", name=re.compile("Cerrar sesión")).click()

    link = next(w for w in mail.outbox[-1].body.split() if "/staff/invitation/" in w)
    page.goto(urlparse(link).path)
    page.get_by_label("Contraseña nueva").first.fill(NEW_PASSWORD)
    page.get_by_label("Contraseña nueva (confirmación)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Guardar mi contraseña").click()
    _sign_in(page, "marta.rojas@nortedesantander.gov.co", NEW_PASSWORD)
    page.wait_for_url("**/staff/portfolio/")
    expect(page.get_by_role("heading", name=re.compile("Le espera"))).to_be_visible()


def test_a_sector_is_found_by_typing_part_of_its_name(staff_page: Page):
    page = staff_page
    page.goto("/staff/portfolio/activities/new/")
    sectors = page.locator("#set-sectors")
    search = sectors.get_by_role("searchbox", name="Escriba para filtrar la lista").first
    search.fill("educacion primaria")  # without the accent
    select = sectors.locator('select[name="sectors-0-sector"]')
    options = [text.strip() for text in select.locator("option").all_inner_texts()]
    assert [o for o in options if o and not o.startswith("-")] == [
        "11220 Educación primaria",
        "11232 Educación primaria equivalente para personas adultas",
    ]
    expect(sectors.get_by_text("Coincidencias: 2")).to_be_attached()
    page.keyboard.press("ArrowDown")
    expect(select).to_be_focused()
    select.select_option(label="11220 Educación primaria")
    assert_accessible(page)
    screenshot(page, "sector-typeahead")


def test_on_a_phone_the_staff_areas_fold_under_one_menu_button(staff_page: Page):
    """At 390 px the five lines of areas were more than half the screen before the page."""
    page = staff_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/staff/portfolio/activities/")
    menu = page.get_by_role("navigation", name="Espacio de trabajo del personal")
    button = menu.locator("summary", has_text="Menú del personal")
    expect(menu.locator("summary", has_text="Portafolio")).to_be_hidden()
    heading = page.get_by_role("heading", name="Actividades", level=1).bounding_box()
    assert heading and heading["y"] < 844 / 2
    button.focus()
    page.keyboard.press("Enter")
    menu.locator("summary", has_text="Portafolio").click()
    expect(menu.get_by_role("link", name="Seguimiento de indicadores")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "staff-menu-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/staff/portfolio/activities/")
    expect(button).to_be_hidden()  # on a wide screen the areas show in a row, no button
    expect(menu.locator("summary", has_text="Portafolio")).to_be_visible()
