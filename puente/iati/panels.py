"""The IATI part of "My work" (imported activities waiting for publication, this person's recent
imports that failed or need a look) and of the activity page (what its IATI record lacks)."""

import logging
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puente.accounts.roles import is_secretariat
from puente.lib.work import LIMIT, WorkItem
from puente.portfolio.models import Activity

from .checks import check_activity
from .models import ActivitySource, ImportRun
from .selectors import runs_awaiting_review
from .validator import ERROR

logger = logging.getLogger(__name__)

# An import older than this is no longer news.
RECENT = timedelta(days=14)


def imports_work(user: User, today: date) -> list[WorkItem]:
    if not is_secretariat(user):
        return []
    Status = ImportRun.Status
    runs = ImportRun.objects.filter(created_by=user, created_at__gte=timezone.now() - RECENT)
    runs = runs.filter(
        Q(status__in=[Status.FAILED, Status.INTERRUPTED])
        | Q(status=Status.DONE, skipped__gt=0)
        | (Q(status=Status.DONE) & ~Q(unmatched_places=[]))
    )
    # Whoever started it, an import's activities wait for any of the Secretariat to publish.
    items = [
        WorkItem(
            title=ngettext(
                "%(n)d imported activity of “%(file)s” to review",
                "%(n)d imported activities of “%(file)s” to review",
                n,
            )
            % {"n": n, "file": run.label or run.source},
            url=reverse("iati:review") + f"?run={run.pk}",
            clock=_("imported on"),
            due=timezone.localdate(run.finished_at or run.created_at),
        )
        for run, n in runs_awaiting_review()[:LIMIT]
    ]
    for run in runs.order_by("-created_at")[:LIMIT]:
        if run.status == Status.DONE:
            clock = _("finished with activities skipped or places not matched on")
        elif run.status == Status.FAILED:
            clock = _("failed on")
        else:
            clock = _("interrupted on")
        items.append(
            WorkItem(
                title=run.label or run.source,
                url=reverse("iati:run", args=[run.pk]),
                clock=clock,
                due=timezone.localdate(run.finished_at or run.created_at),
            )
        )
    return items


def activity_check(request: HttpRequest, activity: Activity) -> dict | None:
    """The activity page's IATI section: what would make the department's record invalid.
    Imported activities are their publishers' records (see their record page instead)."""
    if ActivitySource.objects.filter(activity=activity).exists():
        return None
    try:
        problems = check_activity(activity)
    except Exception:  # a check that breaks must not take the activity page down with it
        logger.exception("IATI check of activity %s failed", activity.pk)
        return {"failed": True}
    return {
        "problems": problems,
        "error_count": sum(1 for p in problems if p.severity == ERROR),
    }
