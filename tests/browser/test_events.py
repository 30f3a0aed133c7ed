"""Citizens register until the event is full; a cancellation promotes the first waiting; staff
mark attendance; the event's .ics reads back in a calendar parser."""

import re

import ics
import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from puente.events.models import Registration
from puente.events.tests.factories import EventFactory

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def _register(browser: Browser, base_url: str, path: str, name: str, email: str) -> Page:
    context = browser.new_context(base_url=base_url, locale="es-CO", timezone_id="America/Bogota")
    page = context.new_page()
    page.goto(path)
    page.get_by_label("Nombre completo").fill(name)
    page.get_by_role("textbox", name="Correo electrónico").fill(email)
    page.get_by_label("Sexo").select_option(label="Mujer")
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()
    page.wait_for_timeout(1100)  # a person takes longer than the anti-bot minimum
    page.get_by_role("button", name="Inscribirme").press("Enter")
    return page


def test_register_until_full_cancel_promotes_staff_mark_attendance(
    staff_page: Page, browser: Browser, live_server, settings
) -> None:
    settings.PUENTE_FORM_MIN_SECONDS = 1
    event = EventFactory(capacity=1)
    path = event.get_absolute_url()

    first = _register(browser, live_server.url, path, "Ana Ruiz", "ana@example.org")
    expect(first.get_by_role("heading", level=1)).to_have_text("Quedó inscrito")
    second = _register(browser, live_server.url, path, "Beatriz Díaz", "beatriz@example.org")
    expect(second.get_by_role("heading", level=1)).to_have_text("Está en lista de espera")
    screenshot(second, "event-waiting-list")

    # The public page now says the event is full, and the .ics reads back.
    second.goto(path)
    expect(second.get_by_test_id("seats")).to_contain_text("quedan 0 de 1")
    assert_accessible(second)
    response = second.request.get(f"/es/eventos/{event.pk}.ics")
    (entry,) = ics.Calendar(response.text()).events
    assert entry.name == event.title_es and entry.begin.datetime == event.starts_at.replace(
        microsecond=0
    )

    # Ana cancels from the link in her email; Beatriz gets the seat.
    link = re.search(r"http://\S+/cancelar/\S+/", mail.outbox[0].body).group(0)
    first.goto(link.split("8000", 1)[1])
    first.get_by_role("button", name="Sí, cancelar mi inscripción").click()
    expect(first.get_by_role("status")).to_contain_text("fue cancelada")
    assert Registration.objects.get(email="beatriz@example.org").status == "confirmed"
    assert mail.outbox[-1].to == ["beatriz@example.org"]

    # Staff tick Beatriz as present, with the keyboard.
    staff_page.goto(f"/staff/events/{event.pk}/")
    checkbox = staff_page.get_by_label("Beatriz Díaz asistió")
    checkbox.focus()
    staff_page.keyboard.press("Space")
    staff_page.get_by_role("button", name="Guardar asistencia").click()
    expect(staff_page.locator(".messages")).to_contain_text("Asistencia guardada (1 cambios)")
    expect(staff_page.get_by_label("Beatriz Díaz asistió")).to_be_checked()
    assert_accessible(staff_page)
    screenshot(staff_page, "event-attendance")
    for page in (first, second):
        page.context.close()


def test_the_month_view_and_list_pass_axe(page: Page) -> None:
    event = EventFactory()
    page.goto("/es/eventos/")
    expect(page.get_by_role("link", name=event.title_es)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Vista mensual").click()
    assert_accessible(page)
    screenshot(page, "events-month")
