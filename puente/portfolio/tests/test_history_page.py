"""An activity's history page: every change told, at a cost that does not grow with the changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puente.lib.audit import attribute
from puente.portfolio.tests.factories import ActivityFactory, BudgetFactory, LocationFactory

pytestmark = pytest.mark.django_db


def edited(activity, by, times: int) -> None:  # noqa: ANN001
    for n in range(times):
        activity.title_en = f"Edit {n}"
        attribute(activity, by)
        activity.save()


def queries_for(client, activity) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("portfolio:history", args=[activity.pk])).status_code == 200
    return len(captured)


def test_the_history_page_costs_the_same_for_five_changes_or_fifty(staff_client, staff_user):
    few, many = ActivityFactory(), ActivityFactory()
    for activity, times in ((few, 5), (many, 50)):
        edited(activity, staff_user, times)
        for budget in (BudgetFactory(activity=activity), BudgetFactory(activity=activity)):
            for n in range(times // 5):  # each budget changed again and again
                budget.amount += n + 1
                attribute(budget, staff_user)
                budget.save()
        LocationFactory(activity=activity)
    # A session asks about the second factor on its first request of each minute: made here,
    # so that both pages are measured alike.
    queries_for(staff_client, few)
    assert queries_for(staff_client, many) <= queries_for(staff_client, few) + 3


def test_the_history_page_shows_each_edit_old_and_new(staff_client, staff_user):
    activity = ActivityFactory(title_en="Before")
    activity.title_en = "After"
    attribute(activity, staff_user)
    activity.save()
    page = staff_client.get(reverse("portfolio:history", args=[activity.pk])).content.decode()
    assert "Before → After" in page
