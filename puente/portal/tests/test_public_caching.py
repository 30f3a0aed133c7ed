"""Public aggregates over the whole portfolio are computed once per few minutes, not per visit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puente.portal.pagecache import new_generation
from puente.portfolio.tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_home_figures_are_counted_once_then_reused(client):
    LocationFactory()
    first = queries(client, reverse("portal:home"))
    new_generation()  # a write elsewhere: the page is rendered again, the figures are not
    again = queries(client, reverse("portal:home"))
    assert 0 < again <= first - 3  # the three counts are not run again


def test_the_public_map_data_is_reused_but_staff_always_get_fresh_counts(client, staff_client):
    location = LocationFactory()
    url = "/api/map/municipalities"
    first = queries(client, url)
    assert queries(client, url) < first
    queries(staff_client, url)  # the session's once-a-minute checks, not measured here
    staff_first = queries(staff_client, url)
    assert queries(staff_client, url) == staff_first  # recomputed every time
    counts = {m["code"]: m["activities"] for m in staff_client.get(url).json()}
    assert counts[location.municipality.code] == 1
