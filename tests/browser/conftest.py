"""Browser fixtures: Debian's Chromium driven by Playwright against Django's live server."""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from puente.accounts.roles import Role
from puente.tests.world import make_user

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("PUENTE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
STAFF_PASSWORD = "a long staff password 54"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: install Debian's `chromium` package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def reference_data(transactional_db) -> None:  # noqa: ANN001
    """Live-server tests run in transactions that are flushed afterwards: reload each time."""
    from puente.territory.services import load_reference_data

    load_reference_data()
    for role in Role:
        Group.objects.get_or_create(name=role.value)
    # Rows the data migrations seeded went with the flush too.
    from puente.agreements.defaults import ensure_default_criteria
    from puente.coordination.defaults import ensure_default_services

    ensure_default_criteria()
    ensure_default_services()


@pytest.fixture
def page(browser: Browser, live_server, reference_data) -> Iterator[Page]:  # noqa: ANN001
    # A Colombian office computer: Spanish first, Bogotá time.
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        locale="es-CO",
        timezone_id="America/Bogota",
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    # Every console error (a script or style the Content-Security-Policy blocked, a failed
    # request for an asset) fails the test that caused it.
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # A rejected form is answered 400 or 409, a paused sign-in 429, on purpose; Chromium
        # logs that as an error.
        own_document = message.location.get("url") == page.url
        refused_on_purpose = re.search(r"status of (400|409|429)\b", message.text)
        if message.type == "error" and not (own_document and refused_on_purpose):
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


@pytest.fixture
def staff_page(page: Page) -> Page:
    make_user("sofia.staff", Role.STAFF).set_password(STAFF_PASSWORD)
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="sofia.staff")
    user.set_password(STAFF_PASSWORD)
    user.save()
    page.goto("/staff/login/")
    page.get_by_label("Nombre de usuario").fill("sofia.staff")
    page.get_by_label("Contraseña").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_url("**/staff/portfolio/")
    return page


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# axe marks these WCAG rules experimental and leaves them out unless asked: 2.5.3, a visible
# label that is not part of the control's name (speech users say what they see).
EXPERIMENTAL_RULES = {"label-content-name-mismatch": {"enabled": True}}


def assert_accessible(page: Page) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it stands."""
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "rules": EXPERIMENTAL_RULES,
        },
    )
    assert results.violations_count == 0, results.generate_report()


def go_to(page: Page, area: str, link: str) -> None:
    """Opens one area of the staff menu and follows one of its links, as a person does."""
    menu = page.get_by_role("navigation", name="Espacio de trabajo del personal")
    menu.locator("summary", has_text=area).click()
    menu.get_by_role("link", name=link, exact=True).click()
