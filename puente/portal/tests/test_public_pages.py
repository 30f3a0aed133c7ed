"""Public pages: the Secretariat's functions by theme, partners, contact, accessibility choices."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from puente.portal.demo import create_demo_content
from puente.portal.hours import BOGOTA
from puente.portfolio.tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content():
    create_demo_content()


def test_the_urls_are_words_in_each_language():
    with translation.override("es"):
        assert reverse("portal:secretariat") == "/es/secretaria/"
        assert reverse("portal:contact") == "/es/contacto/"
    with translation.override("en"):
        assert reverse("portal:partners") == "/en/partners/"


def test_the_secretariat_page_groups_the_twenty_functions_by_what_they_do(client):
    page = client.get("/es/secretaria/").content.decode()
    assert page.count("<li value=") == 20
    assert "Turistas y promoción del departamento" in page
    assert "Orienta y atiende a los turistas en tránsito." in page
    assert "Juan Carlos Cortés Arias" in page
    english = client.get("/en/secretariat/").content.decode()
    assert "Guides and assists tourists in transit." in english


def test_the_partner_directory_lists_only_partners_with_public_activities(client):
    ParticipationFactory(
        organisation__name="Programa Mundial de Alimentos", organisation__kind="multilateral"
    )
    ParticipationFactory(organisation__name="Socio oculto", activity__is_public=False)
    page = client.get("/es/socios/").content.decode()
    assert "Programa Mundial de Alimentos" in page and "Socio oculto" not in page
    filtered = client.get("/es/socios/", {"type": "academia"}).content.decode()
    assert "Programa Mundial de Alimentos" not in filtered


def test_contact_says_whether_the_office_is_open(client, monkeypatch):
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime(2026, 7, 20, 10, 0, tzinfo=BOGOTA)
    )
    page = client.get("/es/contacto/").content.decode()
    assert "Cerrado ahora" in page and "Día de la Independencia" in page
    assert "Avenida 5 entre calles 13 y 14" in page and "1125" in page


def test_accessibility_choices_are_remembered_and_applied_without_javascript(client):
    response = client.get("/accesibilidad/", {"contrast": "high", "next": "/es/contacto/"})
    assert response.status_code == 302 and response["Location"] == "/es/contacto/"
    for _ in range(5):
        client.get("/accesibilidad/", {"size": "bigger", "next": "/es/"})
    page = client.get("/es/").content.decode()
    assert 'class="contrast-high size-largest"' in page


def test_the_accessibility_redirect_stays_on_this_site(client):
    response = client.get("/accesibilidad/", {"contrast": "high", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_the_language_switch_translates_the_page_whatever_the_browser_language(db) -> None:
    from django.test import Client

    # A tourist's browser asks for English; the page they are on is the Spanish one.
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = client.get("/es/pqrsd/radicar/").content.decode()
    assert 'href="/idioma/en/?next=/es/pqrsd/radicar/"' in page
    response = client.get("/idioma/en/", {"next": "/es/pqrsd/radicar/"})
    assert response["Location"] == "/en/pqrsd/file/"
    assert response.cookies["django_language"].value == "en"
    back = client.get("/idioma/es/", {"next": "/en/partners/?type=ngo"})
    assert back["Location"] == "/es/socios/?type=ngo"


def test_the_language_switch_stays_on_this_site(db, client) -> None:
    response = client.get("/idioma/en/", {"next": "https://evil.example/es/"})
    assert response["Location"] == "/"
    assert client.get("/idioma/xx/", {"next": "/en/"})["Location"] == "/es/"
