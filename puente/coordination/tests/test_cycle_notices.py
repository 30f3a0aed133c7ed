"""Notices of the 5W cycle: who gets each, when, once, in their language, by email and the bell."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase

from puente.accounts.models import Notice, Preferences
from puente.accounts.roles import Role
from puente.coordination import services
from puente.coordination.models import Report, ReportingPeriod, ReportStatus
from puente.tests.world import client_for, make_user

from .factories import partner

pytestmark = pytest.mark.django_db

# A November with 30 days: reminders 5 and 1 days before it closes fall on the 25th and 29th.
PERIOD_START = datetime.date(2026, 11, 1)


def remind_on(day: int) -> str:
    out = io.StringIO()
    # Emails leave when the transaction commits; the test's own transaction never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("coordination", "remind", "--date", f"2026-11-{day:02d}", stdout=out)
    return out.getvalue()


def titles(user) -> list[str]:  # noqa: ANN001
    return list(
        Notice.objects.filter(recipient=user).order_by("pk").values_list("title", flat=True)
    )


@pytest.fixture
def people(db):  # noqa: ANN001, ANN201
    """Two partners (one English-speaking reporter with an address), one staff reviewer."""
    lucia_org, lucia = partner("Fundación Frontera Viva", "lucia")
    lucia.email = "lucia@fronteraviva.org"
    lucia.save()
    Preferences.objects.create(user=lucia, language="en")
    ramon_org, ramon = partner("Corporación Nuevo Arco", "ramon")
    staff = make_user("sofia.staff", Role.STAFF)
    staff.email = "sofia@nortedesantander.gov.co"
    staff.save()
    return {"lucia": lucia, "lucia_org": lucia_org, "ramon": ramon, "ramon_org": ramon_org,
            "staff": staff}  # fmt: skip


def test_a_period_opening_reaches_every_partner_reporter_once_in_their_language(people) -> None:
    assert "Notices given: 2" in remind_on(2)
    assert titles(people["lucia"]) == ["The 5W reporting period November 2026 is open"]
    assert titles(people["ramon"]) == ["El periodo de reporte 5W Noviembre 2026 está abierto"]
    assert titles(people["staff"]) == []
    (email,) = mail.outbox  # Ramón has no address: his notice is under the bell only
    assert email.to == ["lucia@fronteraviva.org"]
    assert email.subject == "The 5W reporting period November 2026 is open"
    assert "/staff/coordination/reports/" in email.body
    assert "Notices given: 0" in remind_on(3)  # the next day: nothing new
    assert len(mail.outbox) == 1


def test_partners_who_have_not_submitted_are_reminded_five_days_and_one_day_before(people) -> None:
    remind_on(1)
    report = services.open_report(people["lucia_org"], ReportingPeriod.month_of(PERIOD_START),
                                  people["lucia"])  # fmt: skip
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)  # Lucía has sent hers
    remind_on(24)
    assert len(titles(people["ramon"])) == 1  # six days left: no reminder yet
    remind_on(25)
    assert titles(people["ramon"])[-1] == "El periodo de reporte 5W Noviembre 2026 cierra en 5 días"
    remind_on(26)
    remind_on(29)
    assert titles(people["ramon"])[-1] == "El periodo de reporte 5W Noviembre 2026 cierra en 1 día"
    remind_on(29)
    assert len(titles(people["ramon"])) == 3  # opened, 5 days, 1 day: each once
    assert titles(people["lucia"]) == ["The 5W reporting period November 2026 is open"]


def test_a_missed_day_is_caught_up_once(people) -> None:
    remind_on(27)  # cron did not run on the 25th or 26th
    assert titles(people["ramon"])[-1] == "El periodo de reporte 5W Noviembre 2026 cierra en 3 días"
    remind_on(28)
    assert len(titles(people["ramon"])) == 2


def test_submitting_tells_the_reviewers_and_the_link_lands_on_the_report(people) -> None:
    from .factories import filled_template, row
    from .test_reports import start, upload

    client = client_for(people["lucia"])
    report = start(client)
    assert upload(client, report, filled_template([row()])).status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/staff/coordination/reports/{report.pk}/submit/")
    (notice,) = Notice.objects.filter(recipient=people["staff"])
    assert notice.title.startswith("Fundación Frontera Viva envió su reporte 5W de ")
    assert [m.to for m in mail.outbox] == [["sofia@nortedesantander.gov.co"]]
    staff = client_for(people["staff"])
    page = staff.get("/staff/portfolio/")
    assert 'class="badge">1<' in page.text
    opened = staff.get(f"/staff/notices/{notice.pk}/")
    assert opened["Location"] == f"/staff/coordination/reports/{report.pk}/"
    assert 'class="badge"' not in staff.get("/staff/portfolio/").text  # read now
    assert Client().get(f"/staff/notices/{notice.pk}/").status_code == 302  # anonymous: sign in
    assert client.get(f"/staff/notices/{notice.pk}/").status_code == 404  # not Lucía's notice


def test_returning_and_approving_tell_the_partner_with_the_reasons(people) -> None:
    period = ReportingPeriod.month_of(PERIOD_START)
    report = services.open_report(people["ramon_org"], period, people["ramon"])
    report.rows.create(**_row_fields())
    services.submit(report, people["ramon"])
    services.return_report(report, people["staff"], "Falta la población en la fila 2.")
    services.submit(report, people["ramon"])
    services.return_report(report, people["staff"], "Revise las cifras de Tibú.")
    services.submit(report, people["ramon"])
    services.approve(report, people["staff"], "")
    ramon = titles(people["ramon"])
    assert ramon == [
        "Su reporte 5W de Noviembre 2026 fue devuelto con observaciones",
        "Su reporte 5W de Noviembre 2026 fue devuelto con observaciones",
        "Su reporte 5W de Noviembre 2026 fue aprobado",
    ]
    bodies = Notice.objects.filter(recipient=people["ramon"]).values_list("body", flat=True)
    assert any("Revise las cifras de Tibú." in body for body in bodies)
    assert Notice.objects.filter(recipient=people["staff"]).count() == 3  # each submission
    assert titles(people["lucia"]) == []  # another partner hears nothing


def test_a_rolled_back_review_sends_nothing(people) -> None:
    period = ReportingPeriod.month_of(PERIOD_START)
    report = services.open_report(people["lucia_org"], period, people["lucia"])
    report.rows.create(**_row_fields())
    services.submit(report, people["lucia"])
    mail.outbox.clear()
    from django.db import transaction

    with (
        TestCase.captureOnCommitCallbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.approve(report, people["staff"])
        raise RuntimeError("the page failed after the approval")
    assert mail.outbox == []
    assert not Notice.objects.filter(recipient=people["lucia"]).exists()


def test_the_notices_page_lists_filters_and_marks_all_read(people) -> None:
    remind_on(2)
    client = client_for(people["ramon"])
    page = client.get("/staff/notices/")
    assert "El periodo de reporte 5W Noviembre 2026 está abierto" in page.text
    assert "1 aviso" in page.text
    client.post("/staff/notices/read/")
    assert "Ha leído todos los avisos." in client.get("/staff/notices/?unread=1").text
    assert Notice.objects.filter(recipient=people["ramon"], read_at__isnull=True).count() == 0


def test_the_language_of_notices_is_chosen_on_the_account_page(people) -> None:
    client = client_for(people["ramon"])
    client.post("/staff/account/digest/", {"daily_digest": "on", "language": "en"})
    remind_on(2)
    assert titles(people["ramon"]) == ["The 5W reporting period November 2026 is open"]


def _row_fields() -> dict:
    from puente.coordination.models import category_code
    from puente.territory.models import Municipality, Sector, TargetPopulation

    sector = Sector.objects.get(code="12220")
    return {
        "activity_name": "Atención primaria", "sector": sector,
        "category_id": category_code(sector.code), "municipality": Municipality.objects.get(code="54001"),
        "population": TargetPopulation.objects.first(), "nationality": "venezuelan",
        "targeted": 10, "female": 5, "male": 5,
    }  # fmt: skip


def test_a_mail_server_that_refuses_never_undoes_a_review(people, monkeypatch) -> None:
    """The decision stands, the notice waits under the bell, and the next email still leaves."""
    from smtplib import SMTPException

    from puente.accounts import tasks

    real = tasks.send_mail

    def refuse_lucia(subject, text, sender, to):  # noqa: ANN001, ANN202
        if to == ["lucia@fronteraviva.org"]:
            raise SMTPException("connection refused")
        return real(subject, text, sender, to)

    monkeypatch.setattr(tasks, "send_mail", refuse_lucia)
    report = services.open_report(
        people["lucia_org"], ReportingPeriod.month_of(PERIOD_START), people["lucia"]
    )
    report.rows.create(**_row_fields())
    staff = client_for(people["staff"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.submit(report, people["lucia"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        answer = staff.post(
            f"/staff/coordination/reports/{report.pk}/review/",
            {"decision": "return", "comment": "Falta el municipio."},
        )
    assert answer.status_code == 302
    assert Report.objects.get(pk=report.pk).status == ReportStatus.RETURNED
    lucia = Notice.objects.get(recipient=people["lucia"])
    assert (lucia.title, lucia.emailed) == (
        "Your 5W report for November 2026 was returned with comments",
        False,
    )
    assert [m.to for m in mail.outbox] == [["sofia@nortedesantander.gov.co"]]  # the submission's
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.submit(Report.objects.get(pk=report.pk), people["lucia"])
    assert len(mail.outbox) == 2  # the next one leaves
