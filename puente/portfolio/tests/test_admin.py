"""The Django admin (administrators' fallback) shows an activity with its parts inline."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from puente.portfolio.tests.factories import BudgetFactory, LocationFactory
from puente.tests.world import client_for

pytestmark = pytest.mark.django_db


def test_an_administrator_sees_the_activity_with_its_budgets_and_locations():
    admin = get_user_model().objects.create_superuser("root", password="a long admin password")
    budget = BudgetFactory()
    LocationFactory(activity=budget.activity)
    page = client_for(admin).get(
        reverse("admin:portfolio_activity_change", args=[budget.activity.pk])
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert 'id="budgets-group"' in text
    assert 'id="locations-group"' in text
    assert 'id="participations-group"' in text
