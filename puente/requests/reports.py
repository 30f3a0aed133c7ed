"""The monthly and yearly PQRSD report that transparency rules ask the office to publish."""

import calendar
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puente.lib.workdays import working_days_between

from .models import OPEN_STATUSES, Kind, PublishedReport, Request, Status, Subject

TOTALS = [
    ("received", _("Requests received")),
    ("answered_on_time", _("Answered on time")),
    ("answered_late", _("Answered late")),
    ("transferred", _("Sent on to the competent entity")),
    ("pending", _("Still in process")),
    ("pending_overdue", _("Still in process and overdue")),
    ("average_answer_days", _("Average answer time (working days)")),
]


def period_bounds(year: int, month: int | None) -> tuple[date, date]:
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def figures(year: int, month: int | None, today: date | None = None) -> dict[str, Any]:
    """Requests received in the period and what became of them, as plain JSON-ready values."""
    today = today or timezone.localdate()
    first, last = period_bounds(year, month)
    # Plain tuples, not model instances: a yearly report reads tens of thousands of rows.
    rows = list(
        Request.objects.filter(received_on__gte=first, received_on__lte=last).values_list(
            "kind", "subject", "status", "received_on", "due_on", "answered_at"
        )
    )
    by_kind = {k.value: 0 for k in Kind}
    by_subject = {s.value: 0 for s in Subject}
    on_time = late = transferred = pending = overdue = 0
    answer_days: list[int] = []
    for kind, subject, status, received, due, answered_at in rows:
        by_kind[kind] += 1
        by_subject[subject] += 1
        if answered_at is not None:
            answered = timezone.localdate(answered_at)
            answer_days.append(working_days_between(received, answered))
            if answered <= due:
                on_time += 1
            else:
                late += 1
        elif status == Status.TRANSFERRED:
            transferred += 1
        elif status in OPEN_STATUSES:
            pending += 1
            overdue += today > due
    return {
        "year": year,
        "month": month,
        "as_of": today.isoformat(),
        "received": len(rows),
        "answered_on_time": on_time,
        "answered_late": late,
        "transferred": transferred,
        "pending": pending,
        "pending_overdue": overdue,
        "average_answer_days": round(sum(answer_days) / len(answer_days), 1)
        if answer_days
        else None,
        "by_kind": by_kind,
        "by_subject": by_subject,
    }


@transaction.atomic
def publish(year: int, month: int | None, by: User) -> PublishedReport:
    """Freezes the period's figures on the portal; publishing again replaces them."""
    report, _ = PublishedReport.objects.update_or_create(
        year=year,
        month=month,
        defaults={
            "figures": figures(year, month),
            "published_at": timezone.now(),
            "published_by": by,
        },
    )
    return report


def report_rows(data: dict[str, Any]) -> list[tuple[str, str, object]]:
    """The figures as (group, label, value) rows, for the CSV download and the page."""
    rows: list[tuple[str, str, object]] = [
        ("total", str(label), data[key]) for key, label in TOTALS
    ]
    rows += [("kind", str(Kind(k).label), n) for k, n in data["by_kind"].items()]
    rows += [("subject", str(Subject(s).label), n) for s, n in data["by_subject"].items()]
    return rows


# What became of the period's requests, in the order a reader expects, each with its colour.
OUTCOMES = [
    ("answered_on_time", "#1e6b30"),
    ("answered_late", "#a4161a"),
    ("transferred", "#5b6b7a"),
    ("pending", "#f2c46d"),
]


def outcome_bar(data: dict[str, Any]) -> list[dict[str, object]]:
    """The stacked bar of the report: each outcome's count and share of the requests received,
    laid end to end (`start` is where its segment begins, in % of the bar)."""
    labels = dict(TOTALS)
    received = data.get("received") or 0
    segments, start = [], 0.0
    for key, fill in OUTCOMES:
        n = data.get(key) or 0
        share = 100 * n / received if received else 0.0
        segments.append(
            {"label": str(labels[key]), "n": n, "share": share, "start": start, "fill": fill}
        )
        start += share
    return segments
