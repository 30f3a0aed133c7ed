"""A fresh demo shows the 5W cycle: several partners' reports in every state, needs with gaps."""

import pytest
from django.core.management import call_command

from puente.coordination.models import Need, Report
from puente.directory.models import ReporterAccount

pytestmark = pytest.mark.django_db


def test_the_demo_has_reports_in_every_state_needs_and_a_partner_login(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", activities=5, verbosity=0)
    assert set(Report.objects.values_list("status", flat=True)) == {
        "draft", "submitted", "returned", "approved",
    }  # fmt: skip
    assert Report.objects.values("organisation").distinct().count() == 4
    assert all(report.rows.exists() for report in Report.objects.all())
    assert Need.objects.count() == 6
    account = ReporterAccount.objects.get(user__username="socio")
    assert account.organisation.acronym == "ACNUR"
    assert Report.objects.filter(organisation=account.organisation).exists()


def test_a_second_run_adds_nothing(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", activities=5, verbosity=0)
    reports, needs = Report.objects.count(), Need.objects.count()
    call_command("seed_demo", activities=5, verbosity=0)
    assert (Report.objects.count(), Need.objects.count()) == (reports, needs)
