"""An obstacle to border life goes from reported to resolved, with its history, and is published."""

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser


def _move(page: Page, status: str, note: str) -> None:
    page.get_by_label("Nuevo estado").select_option(label=status)
    page.get_by_label("Qué pasó (queda en el historial)").fill(note)
    page.get_by_role("button", name="Registrar").click()
    expect(page.locator(".messages")).to_contain_text(
        "El historial del obstáculo quedó actualizado."
    )


def test_an_obstacle_goes_from_reported_to_resolved_with_its_history(
    staff_page: Page, browser: Browser, live_server
) -> None:
    page = staff_page
    page.goto("/staff/border/obstacles/")
    page.get_by_role("link", name="Reportar un obstáculo").click()
    page.get_by_label("Título").fill("Cierre nocturno del puente Francisco de Paula Santander")
    page.get_by_label("Categoría").select_option(label="Transporte")
    page.get_by_label("Descripción").fill(
        "El puente cierra a las 8 p. m. y deja varados a trabajadores."
    )
    page.get_by_label("Puente Francisco de Paula Santander (Cúcuta – Ureña)").check()
    page.get_by_label("A quiénes afecta").fill("Trabajadores pendulares de Ureña y Cúcuta")
    assert_accessible(page)
    page.get_by_role("button", name="Guardar").click()
    expect(page.get_by_test_id("obstacle-status")).to_have_text("Reportado")

    _move(page, "En análisis", "Mesa técnica con Migración Colombia.")
    # Resolving needs the measure first: the page says so and nothing changes.
    page.get_by_label("Nuevo estado").select_option(label="Resuelto")
    page.get_by_label("Qué pasó (queda en el historial)").fill("Se amplió el horario.")
    page.get_by_role("button", name="Registrar").click()
    expect(page.get_by_role("alert")).to_contain_text("Indique qué medida lo resolvió")
    expect(page.get_by_test_id("obstacle-status")).to_have_text("En análisis")

    page.get_by_role("link", name="Editar").click()
    page.get_by_label("Medida o norma propuesta").fill(
        "Horario de 5 a. m. a 11 p. m. acordado con el SAIME."
    )
    page.get_by_label("Publicado en el portal").check()
    page.get_by_label("Resumen público (español)").fill(
        "El paso nocturno por el puente Santander se amplió."
    )
    page.get_by_role("button", name="Guardar").click()
    _move(page, "Medida propuesta", "Propuesta presentada al Gobernador.")
    _move(page, "Resuelto", "Horario ampliado desde el lunes.")

    history = page.get_by_test_id("obstacle-history").locator("li")
    expect(history).to_have_count(4)
    expect(history.nth(3)).to_contain_text("Medida propuesta → Resuelto")
    expect(history.nth(3)).to_contain_text("sofia.staff")
    assert_accessible(page)
    screenshot(page, "obstacle-resolved")

    context = browser.new_context(base_url=live_server.url, locale="es-CO")
    public = context.new_page()
    public.goto("/es/frontera/obstaculos/")
    public.get_by_role(
        "link", name="Cierre nocturno del puente Francisco de Paula Santander"
    ).click()
    expect(public.locator(".stage")).to_have_text("Resuelto")
    expect(public.locator("main")).not_to_contain_text("Mesa técnica con Migración Colombia")
    expect(public.locator("ol.history li")).to_have_count(4)
    assert_accessible(public)
    context.close()
