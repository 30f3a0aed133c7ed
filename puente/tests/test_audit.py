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


def test_a_history_reads_codes_as_labels_and_related_records_by_name():
    from puente.agreements.tests.factories import AgreementFactory
    from puente.lib.audit import attribute, history_entries

    user = make_user("ana.staff", Role.STAFF)
    agreement = AgreementFactory()
    activity = ActivityFactory(title_es="Agua para Tibú")
    attribute(agreement, user)
    agreement.activities.add(activity)
    agreement.save()
    activity.stage = "execution"
    attribute(activity, user)
    activity.save()
    (stage,) = history_entries(activity.history.all())[0].changes
    assert (stage.old, stage.new) == ("Idea", "En ejecución")
    linked = [c for e in history_entries(agreement.history.all()) for c in e.changes]
    assert any("Agua para Tibú" in str(c.new) for c in linked)


def test_a_stored_date_and_time_reads_as_the_pages_write_them():
    import datetime

    from django.utils import timezone

    from puente.lib.audit import readable

    moment = datetime.datetime(2026, 12, 3, 14, 32, tzinfo=datetime.UTC)
    text = readable(None, moment)
    assert "+00:00" not in text and "2026" in text and "9:32" in text  # Bogotá is UTC-5
    assert readable(None, datetime.date(2026, 1, 31)) == "31 de enero de 2026"
    assert timezone.is_aware(moment)
