"""Every page built so far passes axe-core (WCAG 2.1 AA), in Spanish and in English."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.translation import override
from playwright.sync_api import Page, expect

from puente.directory.tests.factories import OrganisationFactory
from puente.iati.models import ImportRun
from puente.iati.services import run_import
from puente.portfolio.tests.factories import (
    BudgetFactory,
    LocationFactory,
    ParticipationFactory,
    SectorFactory,
)

from .conftest import assert_accessible, screenshot

IATI_FILE = (
    Path(__file__).resolve().parents[2] / "puente" / "iati" / "tests" / "files" / "cucuta-2.03.xml"
)

pytestmark = pytest.mark.browser


@pytest.fixture
def sample(reference_data):  # noqa: ANN001, ANN201
    activity = LocationFactory().activity
    SectorFactory(activity=activity)
    BudgetFactory(activity=activity)
    organisation = ParticipationFactory(
        activity=activity, organisation=OrganisationFactory()
    ).organisation
    run_import(ImportRun.objects.create(source=str(IATI_FILE), label="cucuta-2.03.xml"))
    return activity, organisation


def staff_pages(activity_id: int, organisation_id: int) -> list[str]:
    return [
        "/staff/portfolio/",
        "/staff/portfolio/activities/",
        "/staff/portfolio/activities/?q=zzz-nothing",
        f"/staff/portfolio/activities/{activity_id}/",
        f"/staff/portfolio/activities/{activity_id}/edit/",
        f"/staff/portfolio/activities/{activity_id}/history/",
        f"/staff/portfolio/activities/{activity_id}/results/new/",
        f"/staff/portfolio/activities/{activity_id}/documents/new/",
        "/staff/portfolio/activities/new/",
        "/staff/portfolio/exchange-rates/",
        "/staff/directory/",
        f"/staff/directory/{organisation_id}/",
        f"/staff/directory/{organisation_id}/edit/",
        "/staff/iati/",
        f"/staff/iati/{ImportRun.objects.get().pk}/",
        "/staff/portal/announcements/",
        "/staff/portal/announcements/new/",
    ]


def test_staff_pages_have_no_accessibility_violations(staff_page: Page, sample):
    from puente.portal.models import Announcement

    activity, organisation = sample
    news = Announcement(title_es="Aviso de prueba", summary_es="Resumen", body_es="<p>Texto</p>")
    news.save()
    announcement_pages = [
        f"/staff/portal/announcements/{news.pk}/{page}"
        for page in ("", "preview/", "history/", "delete/")
    ]
    for url in [*staff_pages(activity.pk, organisation.pk), *announcement_pages]:
        staff_page.goto(url)
        expect(staff_page.locator("h1")).to_be_visible()
        assert_accessible(staff_page)


# The staff pages that carry charts and maps beside their tables.
CHART_PAGES = [
    "/staff/portfolio/",
    "/staff/coordination/",
    "/staff/coordination/gaps/",
    "/staff/funding/",
    "/staff/pqrsd/reports/",
]


@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_staff_charts_pass_axe_in_both_colour_modes_and_at_200_percent(
    staff_page: Page, sample, contrast: str
):
    from django.core.cache import cache

    cache.clear()  # the dashboard was counted at sign-in, before the sample existed
    page = staff_page
    page.goto(f"/accesibilidad/?contrast={contrast}&next=/staff/portfolio/")
    for _ in range(4):
        page.goto("/accesibilidad/?size=bigger&next=/staff/portfolio/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    for url in CHART_PAGES:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
        # Nothing wider than the window: the bars and maps shrink with the text grown.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), url
    page.goto("/staff/portfolio/")
    screenshot(page, f"staff-charts-{contrast}-200")
    assert page.locator(".bar-cell .bar").count() > 0


def test_a_rejected_form_is_accessible_and_says_what_is_wrong(staff_page: Page, sample):
    staff_page.goto("/staff/portfolio/activities/new/")
    staff_page.get_by_label("inicio previsto").fill("2026-05-01")
    staff_page.get_by_label("fin previsto").fill("2026-01-01")
    staff_page.get_by_role("button", name="Guardar").click()
    expect(staff_page.get_by_role("alert").first).to_contain_text("No se guardó nada")
    expect(staff_page.get_by_text("La fecha final es anterior a la inicial.")).to_be_visible()
    assert_accessible(staff_page)
    screenshot(staff_page, "activity-form-errors")


PUBLIC_PAGES = {
    "es": [
        "/es/",
        "/es/secretaria/",
        "/es/socios/",
        "/es/contacto/",
        "/es/cooperacion/proyectos/",
        "/es/cooperacion/mapa/",
        "/es/datos-abiertos/",
        "/es/noticias/",
        "/es/buscar/?q=cucuta",
        "/es/buscar/?q=zzzz",
        "/es/pqrsd/radicar/",
        "/es/pqrsd/consultar/",
        "/es/pqrsd/informes/",
        "/es/eventos/",
        "/es/frontera/obstaculos/",
        "/es/frontera/estudios/",
        "/es/galeria/",
        "/es/cooperacion/recursos/",
        "/es/contacto/escribir/",
        "/staff/login/",
    ],
    "en": [
        "/en/",
        "/en/secretariat/",
        "/en/partners/",
        "/en/contact/",
        "/en/cooperation/activities/",
        "/en/cooperation/map/",
        "/en/open-data/",
        "/en/announcements/",
        "/en/search/?q=cucuta",
        "/en/pqrsd/file/",
        "/en/pqrsd/reports/",
        "/en/events/",
        "/en/border/obstacles/",
        "/en/gallery/",
        "/en/cooperation/resources/",
        "/staff/login/",
    ],
}


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("contrast", ["normal", "high"])
def test_public_pages_pass_axe_in_both_colour_modes_and_at_200_percent(
    page: Page, language, contrast
):
    from puente.portal.demo import (
        create_demo_announcements,
        create_demo_content,
        create_demo_gallery,
    )
    from puente.portal.models import Album, Announcement

    create_demo_content()
    create_demo_announcements()
    create_demo_gallery()
    news = Announcement.objects.published().first()
    album = Album.objects.published().first()
    activity = ParticipationFactory().activity  # a partner with a public activity
    BudgetFactory(activity=activity, currency_id="COP")  # ...and resources to chart
    LocationFactory(activity=activity)  # ...in a municipality and a sector: a small map
    SectorFactory(activity=activity, sector_id="12220", percentage=100)
    detail = "cooperacion/proyectos" if language == "es" else "cooperation/activities"
    pages = [
        *PUBLIC_PAGES[language],
        f"/{language}/{detail}/{activity.pk}/",
    ]
    with override(language):
        pages.append(news.get_absolute_url())
        pages.append(album.get_absolute_url())
        photo = album.photos.first()
        pages.append(reverse("portal:photo", args=[album.pk, album.slug, photo.pk]))
    page.goto(f"/accesibilidad/?contrast={contrast}&next=/{language}/")
    for url in pages:
        page.goto(url)
        assert_accessible(page)
    for _ in range(4):
        page.goto(f"/accesibilidad/?size=bigger&next=/{language}/")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    for url in pages:
        page.goto(url)
        assert_accessible(page)
        screenshot(
            page, f"public-{language}-{contrast}-200-{url.strip('/').replace('/', '-') or 'home'}"
        )


def test_the_keyboard_reaches_the_main_content_and_the_language_switch(page: Page):
    page.goto("/es/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Saltar al contenido principal")).to_be_focused()
    english = page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('hreflang')") == "en":
            break
    expect(english).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/")


def test_the_language_switch_keeps_the_page(page: Page):
    page.goto("/es/contacto/")
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/contact/")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_attached()


def test_a_phone_sized_screen_needs_no_sideways_scrolling(staff_page: Page, sample):
    staff_page.set_viewport_size({"width": 360, "height": 740})
    for url in [
        "/staff/portfolio/",
        "/staff/portfolio/activities/",
        f"/staff/portfolio/activities/{sample[0].pk}/",
    ]:
        staff_page.goto(url)
        overflow = staff_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
    screenshot(staff_page, "phone-activity")


def test_public_pages_on_a_phone_need_no_sideways_scrolling(page: Page):
    from puente.portal.demo import create_demo_content, create_demo_gallery

    create_demo_content()
    create_demo_gallery()
    BudgetFactory(activity=ParticipationFactory().activity, currency_id="COP")
    page.set_viewport_size({"width": 360, "height": 740})
    overflowing = {}
    for url in [*PUBLIC_PAGES["es"], "/es/cooperacion/recursos/", "/es/galeria/"]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            overflowing[url] = overflow
    assert overflowing == {}
    screenshot(page, "phone-public-resources")
