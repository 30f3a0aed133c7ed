"""Entry offline in Chromium: a field officer in Tibú loses the signal, enters three rows (one
with a bad cell), reloads the page without signal, and when the signal returns two rows land,
the bad one comes back with its error beside the field, is corrected and lands: three rows,
none twice. Signing out clears what the device kept."""

import time

import pytest
from playwright.sync_api import Browser, Page, expect

from puente.coordination.models import Report, ReportRow
from puente.territory.models import Municipality

from .conftest import assert_accessible, screenshot
from .test_coordination import PARTNER_PASSWORD, sign_in
from .test_partner_cycle import partner_with_report

pytestmark = pytest.mark.browser
ROWS = [
    ("Agua segura en veredas", "12", "10", "8"),
    ("Letrinas para la escuela de Campo Dos", "5", "5", "30"),  # by age 42, by sex 10: refused
    ("Filtros de agua para familias", "7", "3", "4"),
]


def enter(page: Page, name: str, female: str, male: str, young: str) -> None:
    page.locator("#id_activity_name").fill(name)
    page.locator("#id_sector").select_option("14030")
    tibu = Municipality.objects.get(code="54810")
    page.locator("#id_municipality").select_option(str(tibu.pk))
    page.locator("#id_population").select_option(index=1)
    page.locator("#id_nationality").select_option("colombian")
    page.locator("#id_targeted").fill("40")
    page.locator("#id_female").fill(female)
    page.locator("#id_male").fill(male)
    page.locator("#id_other_sex").fill("0")
    page.locator("#id_age_0_17").fill(young)
    adults = int(female) + int(male) - int(young) - 2 if young != "30" else 10
    page.locator("#id_age_18_59").fill(str(adults))
    page.locator("#id_age_60_plus").fill("2")
    page.get_by_role("button", name="Guardar").press("Enter")


def test_three_rows_entered_without_signal_land_once_and_the_bad_one_is_corrected(
    browser: Browser, live_server, reference_data
) -> None:
    _organisation, _reporter, report = partner_with_report("Pastoral Social Tibú", "pastoral", 11)
    page = sign_in(browser, live_server.url, "pastoral", PARTNER_PASSWORD)
    page.goto(f"/staff/coordination/reports/{report.pk}/")
    page.get_by_role("link", name="Agregar una fila").click()
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the worker, which keeps the page as it passes
    assert page.evaluate("navigator.serviceWorker.controller !== null")

    page.context.set_offline(True)
    expect(page.get_by_role("status")).to_contain_text("Sin conexión: las filas que guarde")
    for n, row in enumerate(ROWS, start=1):
        enter(page, *row)
        expect(page.get_by_role("status")).to_contain_text("La fila quedó guardada en este")
        waiting = "1 fila espera" if n == 1 else f"{n} filas esperan"
        expect(page.get_by_role("status")).to_contain_text(waiting)
        expect(page.locator("#id_activity_name")).to_be_focused()  # ready for the next row
    page.reload()  # without signal: the page comes from the device, the rows still wait
    expect(page.get_by_role("heading", name="Agregar una fila 5W")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "3 filas esperan en este dispositivo para ser enviadas."
    )
    expect(page.locator(".queue-list > li")).to_have_count(3)
    assert_accessible(page)
    screenshot(page, "offline-three-waiting")
    assert not report.rows.exists()
    said = []
    page.once("dialog", lambda dialog: (said.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Cerrar sesión (pastoral)").click()  # it could not clear
    expect(page.locator(".queue-list > li")).to_have_count(3)
    assert said == [
        "No hay conexión: cierre sesión cuando vuelva, para que este dispositivo quede limpio."
    ]

    page.context.set_offline(False)
    expect(page.get_by_role("status")).to_contain_text("2 filas enviadas y guardadas.")
    expect(page.get_by_role("status")).to_contain_text("1 fila necesita su atención más abajo.")
    refused = page.locator(".queue-list > li")
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("Por corregir")
    expect(refused).to_contain_text("Por sexo la fila suma 10 personas y por edad 42")
    page.get_by_role("button", name=f"Corregir: {ROWS[1][0]}").click()
    young = page.locator("#id_age_0_17")
    expect(young).to_be_focused()
    expect(young).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_age_0_17_error")).to_contain_text("Por sexo la fila suma 10")
    expect(page.locator("#id_activity_name")).to_have_value(ROWS[1][0])
    assert_accessible(page)
    screenshot(page, "offline-correct")
    young.fill("0")
    page.locator("#id_age_18_59").fill("8")
    page.get_by_role("button", name="Guardar").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 fila enviada y guardada.")
    expect(page.locator(".queue-list > li")).to_have_count(0)
    assert sorted(report.rows.values_list("activity_name", flat=True)) == sorted(r[0] for r in ROWS)

    assert page.evaluate("caches.keys().then(names => names.length)") == 2  # who, and theirs
    page.get_by_role("button", name="Cerrar sesión (pastoral)").click()
    expect(page.get_by_role("link", name="Ingreso de funcionarios")).to_be_visible()
    assert page.evaluate("caches.keys().then(names => names.length)") == 0
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


def kept_paths(page: Page, person: str) -> list[str]:
    """What the worker would show `person` without signal: their own cache, the only one read."""
    return page.evaluate(
        f"caches.open('puente-5w-v2:{person}').then(c => c.keys())"
        ".then(keys => keys.map(k => new URL(k.url).pathname).sort())"
    )


def wait_until(page: Page, expression: str, seconds: float = 10) -> None:
    """Polls a promise-returning expression until it is true (Playwright's wait_for_function
    takes a promise itself for a true answer, whatever it resolves to)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still not true after {seconds} s: {expression}"
        page.wait_for_timeout(50)


def is_kept(person: str, path: str) -> str:
    return (
        f"caches.open('puente-5w-v2:{person}').then(c => c.keys())"
        f".then(keys => keys.some(k => new URL(k.url).pathname === '{path}'))"
    )


def owner_is(person: str) -> str:
    return (
        "caches.open('puente-5w-owner').then(c => c.match('/staff/coordination/sw-owner'))"
        f".then(r => r && r.json()).then(o => Boolean(o) && o.user === {person})"
    )


def test_another_person_on_the_same_browser_never_finds_the_first_ones_pages(
    browser: Browser, live_server, reference_data
) -> None:
    reports = {
        username: partner_with_report(name, username, 11)[2]
        for name, username in (("Pastoral Social Tibú", "pastoral"), ("Otro socio", "otro"))
    }
    page = sign_in(browser, live_server.url, "pastoral", PARTNER_PASSWORD)
    first = f"/staff/coordination/reports/{reports['pastoral'].pk}/"
    page.goto(first)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    wait_until(page, is_kept("pastoral", first))
    wait_until(page, owner_is("'pastoral'"))

    # The session ended without signing out (it expired): the session cookie goes, the CSRF
    # cookie stays, as in a browser left for a night.
    page.context.clear_cookies(name="sessionid")
    page.goto("/staff/login/")
    # The sign-in page ends what was kept for the last session, before anyone signs in.
    wait_until(page, owner_is("null"))
    assert kept_paths(page, "pastoral") == []
    page.get_by_label("Nombre de usuario").fill("otro")
    page.get_by_label("Contraseña").fill(PARTNER_PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    page.wait_for_load_state()
    wait_until(page, owner_is("'otro'"))
    # The page for pages not kept, fetched for the new person:
    wait_until(page, is_kept("otro", "/staff/coordination/offline/"))
    # Only the signed-in person's cache is ever read, and a copy of the first person's page
    # that lands late is dropped.
    assert first not in kept_paths(page, "otro")
    assert kept_paths(page, "pastoral") == []
    page.context.set_offline(True)
    page.goto(first)  # without signal: not the first partner's page, the page saying so
    expect(page.get_by_role("heading", name="Sin conexión")).to_be_visible()


def test_a_page_kept_from_an_earlier_session_cannot_give_the_worker_back(
    browser: Browser, live_server, reference_data
) -> None:
    """A message from a page drawn before the last claim (a page shown from a cache, or one that
    arrives late) is ignored, however the messages interleave."""
    _organisation, _reporter, report = partner_with_report("Pastoral Social Tibú", "pastoral", 11)
    page = sign_in(browser, live_server.url, "pastoral", PARTNER_PASSWORD)
    page.goto(f"/staff/coordination/reports/{report.pk}/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    wait_until(page, owner_is("'pastoral'"))
    # A mark in the second person's cache: their own claim keeps it, an older one would not.
    page.evaluate("caches.open('puente-5w-v2:otro').then(c => c.put('/mark', new Response('x')))")
    page.evaluate(
        """navigator.serviceWorker.ready.then(r => {
             r.active.postMessage({user: 'otro', at: 4e9});
             r.active.postMessage({user: 'pastoral', at: 3e9});
             r.active.postMessage({user: null, at: 3.5e9});
             r.active.postMessage({user: 'otro', at: 4.5e9});
           })"""
    )
    # The last claim, taken after the others (one at a time, in order), says they are all done.
    wait_until(page, "caches.open('puente-5w-owner').then(c => c.match('/staff/coordination/sw-"
               "owner')).then(r => r && r.json()).then(o => Boolean(o) && o.at === 4.5e9)")  # fmt: skip
    # Had an older claim counted, it would have deleted the second person's cache on the way.
    assert page.evaluate(is_kept("otro", "/mark"))


def a_row_edited_without_signal(browser: Browser, url: str) -> tuple[Page, Report, ReportRow]:
    """A partner's row opened while connected, then changed to 25 targeted without signal."""
    from puente.coordination.tests.test_cycle_notices import _row_fields

    _organisation, _reporter, report = partner_with_report("Pastoral Social Tibú", "pastoral", 11)
    row = report.rows.create(line=1, **_row_fields(), age_18_59=10)
    page = sign_in(browser, url, "pastoral", PARTNER_PASSWORD)
    page.goto(f"/staff/coordination/reports/{report.pk}/rows/{row.pk}/")
    page.context.set_offline(True)
    page.locator("#id_targeted").fill("25")
    page.get_by_role("button", name="Guardar").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 fila espera en este dispositivo")
    return page, report, row


def test_a_row_changed_by_staff_meanwhile_is_a_conflict_the_partner_settles(
    browser: Browser, live_server, reference_data
) -> None:
    page, report, row = a_row_edited_without_signal(browser, live_server.url)

    row.targeted, row.activity_name = 80, "Atención primaria (corregida por la Secretaría)"
    row.save()  # someone at the Secretariat, meanwhile
    page.context.set_offline(False)
    item = page.locator(".queue-list > li")
    expect(item).to_contain_text("Conflicto")
    expect(item).to_contain_text("La otra versión: Atención primaria (corregida por la Secretaría)")
    expect(item).to_contain_text("80 previstas")
    assert_accessible(page)
    screenshot(page, "offline-conflict")
    row.refresh_from_db()
    assert row.targeted == 80  # theirs stands until the partner decides

    page.get_by_role("button", name="Enviar la mía encima: Atención primaria").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 fila enviada y guardada.")
    row.refresh_from_db()
    assert (row.targeted, row.activity_name) == (25, "Atención primaria")

    page.context.set_offline(True)  # a second change on the same page builds on the first
    page.locator("#id_targeted").fill("30")
    page.get_by_role("button", name="Guardar").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 fila espera en este dispositivo")
    page.context.set_offline(False)
    expect(page.get_by_role("status")).to_contain_text("1 fila enviada y guardada.")
    row.refresh_from_db()
    assert row.targeted == 30

    # The report's own page, kept as it passed: without signal its submit button says why it
    # cannot work, where the person is looking (the button sits below the rows).
    page.goto(f"/staff/coordination/reports/{report.pk}/")
    page.context.set_offline(True)
    page.reload()
    page.get_by_role("button", name="Enviar a la Secretaría").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Esto necesita conexión: inténtelo cuando vuelva.")
    expect(status).to_be_in_viewport()
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_busy_server_keeps_rows_waiting_and_a_row_deleted_meanwhile_goes_in_as_new(
    browser: Browser, live_server, reference_data
) -> None:
    page, report, row = a_row_edited_without_signal(browser, live_server.url)
    row.delete()  # someone at the Secretariat, meanwhile

    # The signal returns, but Puente answers 503 (a restart, a gateway): nothing is lost.
    page.route(
        "**/rows/sync/",
        lambda route: (
            route.fulfill(status=503, body="busy")
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    page.context.set_offline(False)
    expect(page.get_by_role("status")).to_contain_text("Puente no pudo recibir las filas")
    expect(page.locator(".queue-list > li")).to_contain_text("Por enviar")
    assert not report.rows.exists()

    page.unroute("**/rows/sync/")
    page.context.set_offline(True)  # the next try: the signal comes back once more
    page.context.set_offline(False)
    item = page.locator(".queue-list > li")
    expect(item).to_contain_text("Esta fila se eliminó después de que usted la abrió.")
    assert_accessible(page)
    page.get_by_role("button", name="Enviarla como fila nueva: Atención primaria").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("1 fila enviada y guardada.")
    expect(page.locator(".queue-list > li")).to_have_count(0)
    (saved,) = report.rows.all()
    assert (saved.activity_name, saved.targeted) == ("Atención primaria", 25)
