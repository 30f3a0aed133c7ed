"""Import runs (what was read, when, with which outcome) and where each activity came from."""

import datetime
import os
import socket

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puente.portfolio.models import Activity

# A running import saves its progress at least every batch (a few seconds); one silent this long
# has lost its process (killed, machine restarted).
STALE_AFTER = datetime.timedelta(minutes=10)


def this_worker() -> str:
    """Who runs an import: this machine and process ("host:pid")."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def _gone(worker: str) -> bool:
    """A worker of this machine whose process no longer exists (others cannot be asked)."""
    host, _sep, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, under another user
        return False
    return False


class ImportRunQuerySet(models.QuerySet["ImportRun"]):
    def mark_interrupted(self) -> int:
        """Runs whose process died mid-way: said so, so nobody waits for them. A run is dead when
        it has been silent for STALE_AFTER, or at once when its worker here is gone."""
        running = self.filter(status=ImportRun.Status.RUNNING)
        silent = running.filter(heartbeat_at__lt=timezone.now() - STALE_AFTER)
        orphans = [run.pk for run in running.exclude(worker="") if _gone(run.worker)]
        return (silent | running.filter(pk__in=orphans)).update(
            status=ImportRun.Status.INTERRUPTED, finished_at=models.F("heartbeat_at")
        )

    def mark_superseded_by(self, run: "ImportRun") -> int:
        """Earlier runs of the same file left running (their process killed) once `run` has
        imported it: they are over. A live run beats every batch, so one silent since `run`
        started is not live."""
        same = models.Q(source=run.source) | (models.Q(label=run.label) & ~models.Q(label=""))
        return (
            self.filter(same, status=ImportRun.Status.RUNNING, heartbeat_at__lt=run.started_at)
            .exclude(pk=run.pk)
            .update(status=ImportRun.Status.INTERRUPTED, finished_at=models.F("heartbeat_at"))
        )


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted")

    class Scope(models.TextChoices):
        ALL = "all", _("All activities")
        COUNTRY = "country", _("Activities in a country")
        DEPARTMENT = "department", _("Activities in a department")

    source = models.CharField(_("source"), max_length=1000)
    label = models.CharField(_("file name or address"), max_length=300, blank=True)
    scope = models.CharField(_("scope"), max_length=12, choices=Scope.choices, default=Scope.ALL)
    country = models.CharField(_("country"), max_length=2, default="CO")
    department = models.CharField(_("department"), max_length=10, default="54")
    # Imported activities wait in the review list unless the run was told to publish them.
    publish = models.BooleanField(_("publish at once"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Last sign of life of a running import (see STALE_AFTER).
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    worker = models.CharField(max_length=100, blank=True, editable=False)  # "host:pid"
    read = models.PositiveIntegerField(_("activities read"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    filtered_out = models.PositiveIntegerField(_("outside the scope"), default=0)
    skipped = models.PositiveIntegerField(_("skipped (errors)"), default=0)
    bytes_total = models.PositiveBigIntegerField(default=0)
    bytes_read = models.PositiveBigIntegerField(default=0)
    message = models.TextField(_("message"), blank=True)
    # [{"identifier", "line", "element", "message"}], capped: a report, not a log.
    problems = models.JSONField(_("problems"), default=list, blank=True)
    unmatched_places = models.JSONField(_("places not matched"), default=list, blank=True)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("IATI import")
        verbose_name_plural = _("IATI imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label or self.source} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.INTERRUPTED)

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.bytes_total:
            return 0
        return min(99, int(self.bytes_read * 100 / self.bytes_total))


class ActivitySource(models.Model):
    """Where an imported activity came from; its presence marks the activity as imported."""

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="source")
    publisher_ref = models.CharField(_("publisher"), max_length=150, blank=True)
    source = models.CharField(_("file or URL"), max_length=1000)
    last_updated = models.DateTimeField(_("last updated by the publisher"), null=True, blank=True)
    fingerprint = models.CharField(max_length=64)
    # The activity's XML exactly as its publisher published it (canonical XML, zlib-compressed),
    # and the IATI version of its file: what the portfolio's tables do not hold is not lost,
    # and the activity can be re-published as its publisher said it (see records.py).
    published_xml = models.BinaryField(default=b"", editable=False)
    version = models.CharField(_("IATI version"), max_length=10, blank=True)
    # New from an import not told to publish, until staff publish it: the review list. A marker
    # of its own, so an activity staff withdrew later is not offered for publication again.
    awaiting_review = models.BooleanField(_("awaiting review"), default=False)
    run = models.ForeignKey(ImportRun, on_delete=models.SET_NULL, null=True, related_name="+")
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("IATI source")
        verbose_name_plural = _("IATI sources")

    def __str__(self) -> str:
        return f"{self.activity_id} ← {self.source}"
