"""The staff dashboard carries the PQRSD, events and border panels; viewers and partners do not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from puente.border.models import BinationalMeeting, Commitment, Obstacle
from puente.requests.tests.factories import filed

pytestmark = pytest.mark.django_db


def test_staff_see_overdue_requests_upcoming_events_and_overdue_commitments(staff_client):
    from puente.events.tests.factories import EventFactory

    overdue, _code = filed(at=timezone.now() - timedelta(days=40))  # past its 15 working days
    start = timezone.now() + timedelta(days=3)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    meeting = BinationalMeeting.objects.create(
        title="Mesa binacional de salud",
        held_on=timezone.localdate(),
        place="Cúcuta",
        agenda="Salud",
    )
    Commitment.objects.create(meeting=meeting, side="CO", description="Informe", responsible="IDS",
                              due_on=timezone.localdate() - timedelta(days=2))  # fmt: skip
    page = staff_client.get("/staff/portfolio/").content.decode()
    assert "PQRSD: solicitudes abiertas" in page
    assert '?light=overdue"><strong>1</strong>' in page, overdue.filing_number
    assert event.title_es in page
    assert 'status=overdue"><strong>1</strong>' in page
    assert Obstacle.objects.count() == 0 and "obstáculos aún abiertos" in page


def test_viewers_get_the_portfolio_figures_without_the_secretariat_panels(viewer_client):
    page = viewer_client.get("/staff/portfolio/").content.decode()
    assert "Por etapa" in page  # the portfolio's own tables are there
    assert "PQRSD: solicitudes abiertas" not in page and "Trabajo de frontera" not in page


def test_each_dashboard_table_carries_its_bars(staff_client):
    from puente.portfolio.tests.factories import ActivityFactory

    ActivityFactory(stage="execution")
    ActivityFactory(stage="execution")
    ActivityFactory(stage="idea")
    page = staff_client.get("/staff/portfolio/").content.decode()
    assert '<rect width="100.0%" height="14" class="bar"></rect>' in page  # execution: the largest
    assert '<rect width="50.0%" height="14" class="bar"></rect>' in page  # idea: half of it
