"""Staff publish an album; a visitor walks through it with the keyboard in the lightbox."""

import io

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def jpeg(colour: str, size: tuple[int, int] = (1800, 1200)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_staff_publish_an_album_and_a_visitor_browses_it_by_keyboard(
    staff_page: Page, browser: Browser, live_server, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    staff_page.goto("/staff/portal/gallery/")
    staff_page.get_by_role("link", name="Nuevo álbum").click()
    staff_page.get_by_label("título (español)").fill("Visita al puente Simón Bolívar")
    staff_page.get_by_label("publicado").check()
    photos = [("teal", "Vista del puente desde Colombia", "Lado colombiano"),
              ("orange", "Personas cruzando a pie", "")]  # fmt: skip
    for n, (colour, alt, caption) in enumerate(photos):
        staff_page.locator(f"#id_photos-{n}-large").set_input_files(
            files=[{"name": f"foto{n}.jpg", "mimeType": "image/jpeg", "buffer": jpeg(colour)}]
        )
        staff_page.locator(f"#id_photos-{n}-alt_es").fill(alt)
        staff_page.locator(f"#id_photos-{n}-caption_es").fill(caption)
    assert_accessible(staff_page)
    staff_page.get_by_role("button", name="Guardar").click()
    expect(staff_page.locator(".messages")).to_contain_text("Se guardó el álbum.")
    expect(staff_page.locator("img.photo-thumb")).to_have_count(2)
    screenshot(staff_page, "gallery-staff-album")

    visitor = browser.new_context(base_url=live_server.url, locale="es-CO").new_page()
    visitor.goto("/es/galeria/")
    visitor.get_by_role("link", name="Visita al puente Simón Bolívar").click()
    first = visitor.get_by_role("link", name="Vista del puente desde Colombia")
    assert_accessible(visitor)
    screenshot(visitor, "gallery-album")

    first.focus()
    visitor.keyboard.press("Enter")
    dialog = visitor.get_by_role("dialog", name="Fotografía")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("img", name="Vista del puente desde Colombia")).to_be_visible()
    expect(dialog).to_contain_text("Lado colombiano · 1 / 2")
    expect(dialog.get_by_role("button", name="Cerrar")).to_be_focused()
    visitor.keyboard.press("ArrowRight")
    expect(dialog.get_by_role("img", name="Personas cruzando a pie")).to_be_visible()
    expect(dialog).to_contain_text("2 / 2")
    assert_accessible(visitor)
    screenshot(visitor, "gallery-lightbox")
    visitor.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(first).to_be_focused()  # back where the visitor was

    # Without the lightbox (a new tab, no JavaScript) the photo has a page of its own.
    visitor.goto(first.get_attribute("href"))
    expect(visitor.get_by_text("Fotografía 1 de 2")).to_be_visible()
    visitor.get_by_role("link", name="Fotografía siguiente").click()
    expect(visitor.get_by_role("img", name="Personas cruzando a pie")).to_be_visible()
    assert_accessible(visitor)
    visitor.context.close()


def test_the_contact_form_and_the_staff_content_pages_pass_axe(staff_page: Page) -> None:
    from puente.portal.demo import create_demo_content, create_demo_gallery

    create_demo_content()
    create_demo_gallery()
    for url in [
        "/staff/portal/office/",
        "/staff/portal/secretariat/",
        "/staff/portal/messages/",
        "/staff/portal/gallery/",
        "/staff/portal/gallery/new/",
        "/es/contacto/escribir/",
        "/en/contact/write/",
    ]:
        staff_page.goto(url)
        expect(staff_page.locator("h1")).to_be_visible()
        assert_accessible(staff_page)
    screenshot(staff_page, "contact-form-en")
