"""The read API: counts beside pages, filters, and the public seeing only what is public."""

import pytest

from puente.portfolio.tests.factories import ActivityFactory, LocationFactory
from puente.territory.models import Municipality

pytestmark = pytest.mark.django_db


def test_municipalities_of_norte_de_santander(client):
    body = client.get("/api/municipalities", {"department": "54", "limit": 5}).json()
    assert body["count"] == 40
    assert len(body["items"]) == 5
    assert body["items"][0] == {
        "code": "54001",
        "name": "Cúcuta",
        "department": "54",
        "border_zone": True,
        "latitude": 7.8939,
        "longitude": -72.5078,
    }


def test_the_public_sees_only_public_activities_and_staff_see_all(client, staff_client):
    ActivityFactory(title_es="Pública", is_public=True)
    ActivityFactory(title_es="Borrador interno", is_public=False)
    public = client.get("/api/activities").json()
    assert public["count"] == 1 and public["items"][0]["title_es"] == "Pública"
    assert staff_client.get("/api/activities").json()["count"] == 2


def test_activity_filters_and_pagination(client):
    tibu = Municipality.objects.get(code="54810")
    for i in range(7):
        LocationFactory(municipality=tibu, activity__title_es=f"Tibú {i}")
    ActivityFactory(title_es="Cúcuta")
    body = client.get("/api/activities", {"municipality": "54810", "limit": 5, "offset": 5}).json()
    assert body["count"] == 7
    assert len(body["items"]) == 2
    assert all(item["municipalities"] == ["54810"] for item in body["items"])


def test_bad_parameters_get_a_clear_error_not_a_crash(client):
    response = client.get("/api/activities", {"year": "two thousand"})
    assert response.status_code == 422
    assert "year" in response.content.decode()


def test_the_openapi_document_describes_the_endpoints(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/municipalities", "/api/organisations", "/api/activities"} <= set(spec["paths"])
