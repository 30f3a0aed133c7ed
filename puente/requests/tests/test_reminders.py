"""Deadline reminders: to the assignee, or to all staff when nobody has it; once a day."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from puente.accounts.roles import Role
from puente.requests import emails, services
from puente.requests.models import Request, Step
from puente.tests.world import make_user

from .factories import filed

pytestmark = pytest.mark.django_db


def _staff(username: str):  # noqa: ANN202
    user = make_user(username, Role.STAFF)
    user.email = f"{username}@example.org"
    user.save()
    return user


def test_reminders_go_to_the_assignee_or_to_all_staff_once_a_day(mailoutbox) -> None:
    ana, luis = _staff("ana"), _staff("luis")
    today = timezone.localdate()
    assigned, unassigned, far = (
        filed(title="Asignada")[0],
        filed(title="Sin asignar")[0],
        filed(title="Lejana")[0],
    )
    services.assign(assigned, luis, ana)
    Request.objects.filter(pk__in=[assigned.pk, unassigned.pk]).update(due_on=today)
    Request.objects.filter(pk=far.pk).update(due_on=today + timedelta(days=60))

    assert emails.deadline_reminders(today) == 2
    by_person = {m.to[0]: m.body for m in mailoutbox}
    assert (
        "Asignada" in by_person["luis@example.org"]
        and "Sin asignar" in by_person["luis@example.org"]
    )
    assert (
        "Asignada" not in by_person["ana@example.org"]
        and "Sin asignar" in by_person["ana@example.org"]
    )
    assert "Lejana" not in "".join(by_person.values())
    assert Step.objects.filter(action=Step.Action.REMINDED).count() == 2

    mailoutbox.clear()
    assert emails.deadline_reminders(today) == 0 and mailoutbox == []


def test_the_command_sends_the_reminders(mailoutbox) -> None:
    _staff("ana")
    request = filed()[0]
    Request.objects.filter(pk=request.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    out = StringIO()
    call_command("pqrsd", "remind", stdout=out)
    assert "1" in out.getvalue() and len(mailoutbox) == 1
    assert "vencida" in mailoutbox[0].body
