"""The public IATI files follow the public pages' rule: a write shows at once, one copy per file."""

import pytest

from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_an_activity_withdrawn_leaves_the_public_file_at_once(client):
    kept = ActivityFactory(title_es="Agua potable en Tibú", is_public=True)
    withdrawn = ActivityFactory(title_es="Vías terciarias en Sardinata", is_public=True)
    assert "Vías terciarias en Sardinata" in client.get("/iati/activities.xml").content.decode()
    withdrawn.is_public = False
    withdrawn.save()
    again = client.get("/iati/activities.xml").content.decode()
    assert "Vías terciarias en Sardinata" not in again and kept.title_es in again


def test_a_query_string_gets_the_same_kept_file(client):
    ActivityFactory(is_public=True)
    first = client.get("/iati/activities.xml")
    assert first.status_code == 200
    second = client.get("/iati/activities.xml", {"utm_source": "registry", "x": "1"})
    assert second["X-Page-Cache"] == "hit" and second.content == first.content


def test_the_organisation_file_is_kept_too(client):
    client.get("/iati/organisation.xml")
    assert client.get("/iati/organisation.xml")["X-Page-Cache"] == "hit"
