"""Anonymous visitors share kept public pages; nothing personal is ever kept or shared."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from puente.portal.models import Announcement
from puente.portfolio.models import Activity
from puente.portfolio.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def visit(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(captured)


def test_a_second_anonymous_visit_is_served_without_touching_the_database():
    activity = LocationFactory().activity
    url = "/es/cooperacion/proyectos/"
    first, first_queries = visit(Client(), url)
    again, again_queries = visit(Client(), url)  # another visitor
    assert activity.title_es in first and again == first
    assert first_queries > 0 and again_queries == 0


def test_a_publication_shows_at_once_to_the_next_visitor():
    visit(Client(), "/es/noticias/")
    Announcement(title_es="Convocatoria abierta", summary_es="Resumen", is_published=True).save()
    page, _ = visit(Client(), "/es/noticias/")
    assert "Convocatoria abierta" in page


def test_a_withdrawn_activity_leaves_the_public_list_at_once():
    activity = LocationFactory().activity
    assert activity.title_es in visit(Client(), "/es/cooperacion/proyectos/")[0]
    activity.is_public = False
    activity.save()
    assert activity.title_es not in visit(Client(), "/es/cooperacion/proyectos/")[0]


def test_each_language_contrast_and_text_size_has_its_own_page():
    visit(Client(), "/es/")
    high = Client()
    high.cookies["contrast"] = "high"
    high.cookies["size"] = "larger"
    page, _ = visit(high, "/es/")
    assert 'class="contrast-high size-larger"' in page
    english, _ = visit(Client(), "/en/")
    assert 'lang="en"' in english


def test_signed_in_staff_never_get_a_kept_page(staff_client):
    visit(Client(), "/es/")
    page, queries = visit(staff_client, "/es/")
    assert queries > 0 and "Cerrar sesión" in page


def test_pages_with_a_form_token_are_never_shared():
    first = Client()
    first.get("/es/pqrsd/radicar/")
    second = Client()
    page = second.get("/es/pqrsd/radicar/")
    assert "X-Page-Cache" not in page
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_visitor_with_a_flash_message_gets_a_fresh_page():
    visit(Client(), "/es/")
    client = Client()
    client.cookies["messages"] = "anything"
    assert visit(client, "/es/")[1] > 0


def test_a_kept_page_still_carries_the_security_headers():
    visit(Client(), "/es/contacto/")
    response = Client().get("/es/contacto/")
    assert response["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Language"] == "es"


def test_staff_pages_are_never_kept(staff_client):
    Activity.objects.all().delete()
    staff_client.get("/staff/portfolio/activities/")
    assert "X-Page-Cache" not in staff_client.get("/staff/portfolio/activities/")


def test_public_api_reads_are_kept_but_not_for_a_caller_who_identifies(staff_client):
    location = LocationFactory()
    url = "/api/map/municipalities"
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in Client(HTTP_AUTHORIZATION="Bearer abc").get(url)
    hidden = LocationFactory(municipality=location.municipality, activity__is_public=False)
    counts = {m["code"]: m["activities"] for m in staff_client.get(url).json()}
    assert counts[hidden.municipality.code] == 2  # staff count what the public cannot see


def test_writes_no_public_page_shows_leave_the_kept_pages_alone(staff_client):
    """A session saved, a sign-in logged, a 5W need recorded: the public list stays kept."""
    from django.contrib.sessions.backends.db import SessionStore

    from puente.coordination.models import Need, Service
    from puente.territory.models import Municipality, TargetPopulation

    visit(Client(), "/es/cooperacion/proyectos/")
    session = SessionStore()
    session["x"] = 1
    session.save()
    Need.objects.create(municipality=Municipality.objects.first(), service=Service.objects.first(),
                        population=TargetPopulation.objects.first(), people_affected=5, severity=2,
                        source="mesa", evidence_date="2026-01-01")  # fmt: skip
    assert visit(Client(), "/es/cooperacion/proyectos/")[1] == 0  # still the kept page
    LocationFactory()  # a public activity: that one shows
    assert visit(Client(), "/es/cooperacion/proyectos/")[1] > 0
