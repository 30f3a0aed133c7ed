"""Change reasons are written in the office's language whoever writes them, and fit the column."""

import pytest
from django.utils import timezone, translation

from puente.accounts.roles import Role
from puente.coordination import services
from puente.coordination.models import ReportingPeriod
from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.tests.factories import ActivityFactory
from puente.tests.world import make_user

pytestmark = pytest.mark.django_db


def test_a_reason_is_recorded_in_spanish_even_from_an_english_session():
    user = make_user("ana.staff", Role.STAFF)
    with translation.override("en"):
        report = services.open_report(
            OrganisationFactory(), ReportingPeriod.month_of(timezone.localdate()), user
        )
    assert report.history.first().history_change_reason == "Reporte abierto"


def test_a_long_reason_is_cut_to_the_column_not_refused():
    from puente.portfolio.services import change_stage

    activity = ActivityFactory(stage="idea")
    change_stage(activity, "formulation", make_user("ana.staff", Role.STAFF), "x" * 500)
    reason = activity.history.first().history_change_reason
    assert reason.startswith("Etapa: Idea → ") and len(reason) == 100
