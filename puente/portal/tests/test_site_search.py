"""Site search: one ranked list of pages, announcements, activities and partners."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from puente.directory.tests.factories import OrganisationFactory
from puente.portal.demo import create_demo_content
from puente.portal.models import Announcement
from puente.portfolio.tests.factories import ActivityFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def results(client, q: str, **params) -> str:
    response = client.get(reverse("portal:search"), {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_accents_and_capitals_do_not_matter(client):
    ActivityFactory(title_es="Agua potable para barrios de Cúcuta")
    Announcement(
        title_es="Mesa de cooperación en CÚCUTA", summary_es="Sesión", is_published=True
    ).save()
    page = results(client, "cucuta")
    assert "Agua potable para barrios de Cúcuta" in page
    assert "Mesa de cooperación en CÚCUTA" in page
    assert "2 resultados" in page


def test_only_what_is_public_is_found(client):
    ActivityFactory(title_es="Proyecto reservado de Tibú", is_public=False)
    Announcement(title_es="Borrador sobre Tibú", summary_es="x", is_published=False).save()
    Announcement(
        title_es="Aviso futuro sobre Tibú", summary_es="x", is_published=True,
        publish_at=timezone.now() + timedelta(days=2),
    ).save()  # fmt: skip
    page = results(client, "tibu")
    assert "reservado" not in page
    assert "Borrador" not in page
    assert "Aviso futuro" not in page
    assert "Nada coincide" in page


def test_functions_of_the_secretariat_and_partners_are_found(client):
    create_demo_content()
    page = results(client, "turistas")
    assert "Función 19 de la Secretaría" in page
    assert "#function-19" in page
    partner = OrganisationFactory(
        acronym="ACNUR", name="Alto Comisionado de las Naciones Unidas para los Refugiados"
    )
    ParticipationFactory(organisation=partner)
    page = results(client, "acnur")
    assert "Alto Comisionado" in page
    assert f"?organisation={partner.pk}" in page


def test_a_title_match_ranks_above_a_mention_in_the_text(client):
    ActivityFactory(title_es="Proyecto general", description_es="Incluye una mención de Sardinata.")
    ActivityFactory(title_es="Escuelas de Sardinata")
    page = results(client, "sardinata")
    assert page.index("Escuelas de Sardinata") < page.index("Proyecto general")


def test_results_can_be_narrowed_to_one_kind(client):
    activity = ActivityFactory(title_es="Salud en Ocaña")
    Announcement(title_es="Jornada de salud en Ocaña", summary_es="x", is_published=True).save()
    page = results(client, "ocana", kind="announcement")
    assert "Jornada de salud en Ocaña" in page
    assert reverse("portal:activity", args=[activity.pk]) not in page
    assert reverse("portal:activity", args=[activity.pk]) in results(client, "ocana")


@pytest.mark.parametrize(
    "q", ["", "   ", "%", "_", "' OR 1=1 --", "a" * 5000, "<script>alert(1)</script>"]
)
def test_odd_queries_get_a_page_not_an_error(client, q):
    page = results(client, q)
    assert "<script>alert(1)</script>" not in page


def test_the_header_search_box_is_on_every_public_page(client):
    page = client.get(reverse("portal:home")).content.decode()
    assert 'role="search"' in page
    assert reverse("portal:search") in page


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming is PostgreSQL full-text search"
)
def test_postgresql_finds_other_forms_of_a_word_in_spanish_and_english(client):
    ActivityFactory(title_es="Proyecto de salud", title_en="Health project")
    ActivityFactory(title_es="Otra cosa", title_en="Support for border families")
    assert "Proyecto de salud" in results(client, "proyectos")
    assert "Otra cosa" in results(client, "family")


def test_events_obstacles_and_studies_are_found_when_public(client, db) -> None:
    from puente.border.models import Obstacle, Study
    from puente.events.tests.factories import EventFactory

    EventFactory(title_es="Taller de exportación binacional")
    EventFactory(title_es="Taller interno de exportación", is_published=False)
    Obstacle.objects.create(title="Peajes dobles en la exportación", category="tax", description="d",
                            is_public=True, public_summary_es="Cobro doble a exportadores.")  # fmt: skip
    Study.objects.create(title="Exportación y empleo en Cúcuta", year=2024, kind="study",
                         summary="Estudio.", is_public=True)  # fmt: skip
    response = client.get("/es/buscar/", {"q": "exportacion"})
    titles = {hit.title: hit.kind for hit in response.context["page"].object_list}
    assert titles["Taller de exportación binacional"] == "event"
    assert titles["Peajes dobles en la exportación"] == "border"
    assert titles["Exportación y empleo en Cúcuta"] == "border"
    assert "Taller interno de exportación" not in titles
