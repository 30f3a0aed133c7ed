"""Staff write an announcement in the rich-text editor with the keyboard; the public reads it."""

import pytest
from playwright.sync_api import Page, expect

from puente.portal.models import Announcement

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def test_staff_write_preview_and_publish_an_announcement(staff_page: Page, browser):
    page = staff_page
    page.goto("/staff/portal/announcements/new/")
    page.get_by_label("Título (español)").fill("Mesa de cooperación en Cúcuta")
    page.get_by_label("Resumen (español)").fill("Acuerdos de la sesión de noviembre")
    # The editor is reached and used with the keyboard alone.
    page.get_by_label("Resumen (español)").focus()
    editor = page.locator(".tiptap[contenteditable=true]").first
    for _ in range(20):
        page.keyboard.press("Tab")
        if editor.evaluate("node => node === document.activeElement"):
            break
    expect(editor).to_be_focused()
    page.keyboard.type("Se acordó reportar ")
    page.keyboard.press("Control+b")
    page.keyboard.type("cada mes")
    page.keyboard.press("Control+b")
    page.keyboard.type(".")
    assert_accessible(page)
    page.get_by_role("button", name="Guardar y ver vista previa").click()

    expect(page.get_by_role("note")).to_contain_text("Borrador")
    expect(page.locator(".prose strong")).to_have_text("cada mes")
    screenshot(page, "announcement-preview")
    item = Announcement.objects.get()
    assert item.body_es == "<p>Se acordó reportar <strong>cada mes</strong>.</p>"

    # Not public yet: an anonymous reader is told it does not exist.
    public = browser.new_context(base_url=page.url.split("/staff")[0], locale="es-CO")
    reader = public.new_page()
    assert reader.goto(item.get_absolute_url()).status == 404

    page.get_by_role("link", name="Volver a la edición").click()
    page.get_by_label("Publicado").check()
    page.get_by_role("button", name="Guardar", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("El anuncio quedó guardado.")

    reader.goto("/es/noticias/")
    reader.get_by_role("link", name="Mesa de cooperación en Cúcuta").click()
    expect(reader.locator(".prose strong")).to_have_text("cada mes")
    screenshot(reader, "announcement-public")
    public.close()


def test_deleting_asks_for_confirmation(staff_page: Page):
    item = Announcement(title_es="Aviso de prueba", summary_es="Resumen", is_published=True)
    item.save()
    staff_page.goto(f"/staff/portal/announcements/{item.pk}/")
    staff_page.get_by_role("link", name="Eliminar…").click()
    expect(staff_page.locator("main")).to_contain_text("no se puede deshacer")
    assert Announcement.objects.filter(pk=item.pk).exists()
    staff_page.get_by_role("button", name="Eliminar").click()
    expect(staff_page.locator(".messages")).to_contain_text("Se eliminó el anuncio")
    assert not Announcement.objects.filter(pk=item.pk).exists()
