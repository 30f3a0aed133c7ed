"""Obstacles to natural border life, binational meetings and their commitments, and studies."""

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.events.models import Event
from puente.lib.names import fold
from puente.lib.uploads import random_name
from puente.territory.models import Department, Municipality


def _upload_path(instance: models.Model, filename: str) -> str:
    # A random name: the uploaded name is never trusted as a path.
    return random_name("border", filename)


class Category(models.TextChoices):
    TRANSPORT = "transport", _("Transport")
    CUSTOMS = "customs", _("Customs")
    TAX = "tax", _("Taxes")
    MIGRATION = "migration", _("Migration")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    TRADE = "trade", _("Trade")
    SECURITY = "security", _("Security")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    OTHER = "other", _("Other")


class Crossing(models.TextChoices):
    """The formal crossings between Norte de Santander and Táchira/Zulia."""

    SIMON_BOLIVAR = "simon-bolivar", _("Simón Bolívar bridge (Villa del Rosario – San Antonio)")
    SANTANDER = "santander", _("Francisco de Paula Santander bridge (Cúcuta – Ureña)")
    TIENDITAS = "tienditas", _("Atanasio Girardot bridge, Tienditas (Cúcuta – Pedro María Ureña)")
    UNION = "union", _("Unión bridge (Puerto Santander – Boca de Grita)")
    INFORMAL = "informal", _("Informal crossings (trochas)")


class Status(models.TextChoices):
    REPORTED = "reported", _("Reported")
    ANALYSIS = "analysis", _("Under analysis")
    PROPOSED = "proposed", _("Measure proposed")
    IN_PROGRESS = "in_progress", _("Measure under way")
    RESOLVED = "resolved", _("Resolved")
    DISCARDED = "discarded", _("Discarded")


CLOSED_STATUSES = (Status.RESOLVED, Status.DISCARDED)


class MeasureKind(models.TextChoices):
    STANDARD = "standard", _("Standard to propose (transport, tax, customs)")
    ADMINISTRATIVE = "administrative", _("Administrative action")
    BINATIONAL = "binational", _("Binational agreement")
    INVESTMENT = "investment", _("Investment or project")
    OTHER = "other", _("Other")


class ObstacleQuerySet(models.QuerySet["Obstacle"]):
    def public(self) -> "ObstacleQuerySet":
        return self.filter(is_public=True)


class Obstacle(models.Model):
    """A barrier to the natural interaction of people and goods across the border."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities where it bites"), blank=True
    )
    crossings = models.JSONField(_("crossing points"), default=list, blank=True)
    affected = models.TextField(_("who is affected"), blank=True)
    people_affected = models.PositiveIntegerField(
        _("people affected (estimate)"), null=True, blank=True
    )
    evidence = models.TextField(_("evidence"), blank=True)
    measure = models.TextField(_("measure or standard proposed"), blank=True)
    measure_kind = models.CharField(
        _("kind of measure"), max_length=20, choices=MeasureKind.choices, blank=True
    )
    responsible = models.CharField(_("who must act"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REPORTED
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_public = models.BooleanField(_("published on the portal"), default=False)
    public_summary_es = models.TextField(_("public summary (Spanish)"), blank=True)
    public_summary_en = models.TextField(_("public summary (English)"), blank=True)
    is_demo = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["crossings"])

    objects = ObstacleQuerySet.as_manager()

    class Meta:
        verbose_name = _("border obstacle")
        verbose_name_plural = _("border obstacles")
        ordering = ["-reported_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_public=False) | ~models.Q(public_summary_es=""),
                name="public_obstacle_has_summary",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def public_summary(self) -> str:
        english = (get_language() or "es").startswith("en")
        return (
            self.public_summary_en if english and self.public_summary_en else self.public_summary_es
        )

    def crossing_labels(self) -> list[str]:
        return [str(Crossing(c).label) for c in self.crossings if c in Crossing.values]

    def get_absolute_url(self) -> str:
        return reverse("border:obstacle", args=[self.pk])


class ObstacleUpdate(models.Model):
    """A step of an obstacle's life: its status changed, or a follow-up note, by whom and when."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="updates")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(_("note"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.obstacle_id}: {self.from_status} → {self.to_status}"


class BinationalMeeting(models.Model):
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    counterparts = models.ManyToManyField(
        Department, verbose_name=_("Venezuelan states"), blank=True
    )
    venezuelan_participants = models.TextField(_("Venezuelan participants"), blank=True)
    colombian_participants = models.TextField(_("Colombian participants"), blank=True)
    agenda = models.TextField(_("agenda"))
    agreements = models.TextField(_("agreements reached"), blank=True)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.SET_NULL, null=True, blank=True
    )
    obstacles = models.ManyToManyField(Obstacle, verbose_name=_("obstacles discussed"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("binational meeting")
        verbose_name_plural = _("binational meetings")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} · {self.title}"


class Side(models.TextChoices):
    COLOMBIA = "CO", _("Colombian side")
    VENEZUELA = "VE", _("Venezuelan side")


class CommitmentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Commitment(models.Model):
    meeting = models.ForeignKey(
        BinationalMeeting, on_delete=models.CASCADE, related_name="commitments"
    )
    side = models.CharField(_("side"), max_length=2, choices=Side.choices)
    description = models.TextField(_("commitment"))
    responsible = models.CharField(_("responsible"), max_length=200)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PENDING,
    )
    follow_up = models.TextField(_("follow-up"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]

    def is_overdue(self) -> bool:
        open_ = self.status in (CommitmentStatus.PENDING, CommitmentStatus.IN_PROGRESS)
        return open_ and self.due_on < timezone.localdate()


class StudyKind(models.TextChoices):
    STUDY = "study", _("Study")
    INITIATIVE = "initiative", _("Integration initiative")
    PROPOSAL = "proposal", _("Standard proposal")
    REPORT = "report", _("Report")


class Study(models.Model):
    """Studies and initiatives for border integration (function 2), searchable by their text."""

    title = models.CharField(_("title"), max_length=300)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=StudyKind.choices)
    summary = models.TextField(_("summary"))
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    file = models.FileField(_("file"), upload_to=_upload_path, blank=True)
    url = models.URLField(_("link"), blank=True)
    content_type = models.CharField(max_length=120, blank=True, editable=False)
    extension = models.CharField(max_length=10, blank=True, editable=False)
    is_public = models.BooleanField(_("published on the portal"), default=False)
    search_text = models.TextField(blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Folded once here so searches ignore accents and case on both databases.
        self.search_text = fold(" ".join([self.title, self.authors, self.summary, self.keywords]))
        super().save(*args, **kwargs)
