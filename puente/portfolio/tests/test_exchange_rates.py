"""Staff maintain dated exchange rates; viewers only read them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from puente.portfolio.models import ExchangeRate

pytestmark = pytest.mark.django_db


def test_staff_add_a_rate_and_see_it_listed(staff_client):
    response = staff_client.post(
        reverse("portfolio:rates"),
        {"currency": "EUR", "valid_from": "2026-01-01", "cop_per_unit": "4790.10"},
        follow=True,
    )
    assert ExchangeRate.objects.get(currency_id="EUR").cop_per_unit == Decimal("4790.10")
    assert "EUR" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"currency": "COP", "valid_from": "2026-01-01", "cop_per_unit": "1"},
        {"currency": "USD", "valid_from": "2026-01-01", "cop_per_unit": "-3"},
        {"currency": "USD", "valid_from": "not a date", "cop_per_unit": "4000"},
    ],
)
def test_nonsense_rates_are_refused(staff_client, data):
    response = staff_client.post(reverse("portfolio:rates"), data)
    assert response.status_code == 400
    assert not ExchangeRate.objects.exists()


def test_the_same_currency_and_date_twice_is_refused(staff_client):
    data = {"currency": "USD", "valid_from": "2026-01-01", "cop_per_unit": "4000"}
    staff_client.post(reverse("portfolio:rates"), data)
    response = staff_client.post(reverse("portfolio:rates"), {**data, "cop_per_unit": "4100"})
    assert response.status_code == 400
    assert ExchangeRate.objects.get().cop_per_unit == Decimal("4000")


def test_viewers_read_rates_but_cannot_add(viewer_client):
    assert viewer_client.get(reverse("portfolio:rates")).status_code == 200
    response = viewer_client.post(
        reverse("portfolio:rates"),
        {"currency": "USD", "valid_from": "2026-01-01", "cop_per_unit": "1"},
    )
    assert response.status_code == 403
    assert not ExchangeRate.objects.exists()
