"""A tourist files a request in English, staff answer it, the tourist reads the answer."""

import pytest
from playwright.sync_api import Browser, Page, expect

from puente.requests.models import Request

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def test_a_tourist_files_in_english_and_reads_the_staff_answer(
    staff_page: Page, browser: Browser, live_server, settings
) -> None:
    settings.PUENTE_FORM_MIN_SECONDS = 1
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    tourist = context.new_page()
    tourist.goto("/es/")
    # The language switch, then the PQRSD link from the keyboard.
    tourist.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    tourist.wait_for_url("**/en/")
    tourist.get_by_role("link", name="PQRSD", exact=True).focus()
    tourist.keyboard.press("Enter")
    expect(tourist.get_by_role("heading", level=1)).to_have_text("File a request (PQRSD)")

    tourist.get_by_role("radio", name="Request for information or documents").check()
    tourist.get_by_label("Subject").select_option(label="Tourist assistance")
    tourist.get_by_label("Summary").fill("Crossing the border with my car")
    tourist.get_by_label("Description").fill(
        "I am driving from Bogotá to Mérida. Which papers do I need at the Simón Bolívar bridge?"
    )
    tourist.get_by_label("Full name").fill("Anna Schmidt")
    tourist.get_by_role("textbox", name="Email").fill("anna@example.org")
    tourist.get_by_role("radio", name="Email").check()
    assert_accessible(tourist)
    tourist.wait_for_timeout(1100)  # a person takes longer than the anti-bot minimum
    tourist.get_by_role("button", name="Send request").click()
    # Consent was forgotten: the form says so and keeps what was typed.
    expect(tourist.get_by_role("alert")).to_contain_text("Your request was not sent yet")
    expect(tourist.locator(".has-error")).to_contain_text(
        "Accept the processing of your personal data"
    )
    expect(tourist.get_by_label("Summary")).to_have_value("Crossing the border with my car")
    tourist.get_by_label("Consent to the processing of personal data").check()
    tourist.wait_for_timeout(1100)
    tourist.get_by_role("button", name="Send request").click()

    expect(tourist.get_by_role("heading", level=1)).to_have_text("Your request was filed")
    number = tourist.get_by_test_id("filing-number").inner_text()
    code = tourist.get_by_test_id("tracking-code").inner_text()
    assert Request.objects.get().language == "en"
    screenshot(tourist, "pqrsd-filed")

    # Staff find it in the inbox, on time, and answer it.
    staff_page.goto("/staff/pqrsd/")
    expect(staff_page.locator(".light-on_time")).to_have_count(1)
    assert_accessible(staff_page)
    staff_page.get_by_role("link", name=number).click()
    staff_page.get_by_label("Respuesta (la lee el peticionario)").fill(
        "Bring your passport, the car's registration and the SOAT insurance."
    )
    staff_page.get_by_role("button", name="Enviar respuesta").click()
    expect(staff_page.locator(".messages")).to_contain_text("La respuesta quedó registrada")
    assert_accessible(staff_page)
    screenshot(staff_page, "pqrsd-staff-detail")

    # The tourist follows the request with the number and the code.
    tourist.locator("#main").get_by_role("link", name="Follow your request").click()
    tourist.get_by_label("Filing number").fill(number)
    tourist.get_by_label("Tracking code").fill(code)
    tourist.get_by_label("Tracking code").press("Enter")
    expect(tourist.get_by_test_id("status")).to_have_text("Answered")
    expect(tourist.get_by_test_id("answer")).to_contain_text("SOAT insurance")
    assert_accessible(tourist)
    screenshot(tourist, "pqrsd-tracked")
    context.close()


def test_staff_publish_a_report_that_the_public_reads(
    staff_page: Page, browser: Browser, live_server
) -> None:
    from django.utils import timezone

    from puente.requests.tests.factories import filed

    filed()
    staff_page.goto("/staff/pqrsd/reports/")
    expect(staff_page.locator("table.report")).to_contain_text("Solicitudes recibidas")
    assert_accessible(staff_page)
    staff_page.get_by_role("button", name="Publicar en el portal").click()
    expect(staff_page.locator(".messages")).to_contain_text("ya está en el portal")

    context = browser.new_context(base_url=live_server.url, locale="es-CO")
    reader = context.new_page()
    reader.goto("/es/pqrsd/informes/")
    today = timezone.localdate()
    reader.get_by_role("link", name=f"{today.year}-{today.month:02d}").click()
    expect(reader.get_by_role("row", name="Solicitudes recibidas")).to_contain_text("1")
    assert_accessible(reader)
    screenshot(reader, "pqrsd-public-report")
    context.close()
