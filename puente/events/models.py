"""Events the Secretariat convenes, their materials, and the people who register and attend."""

import hashlib
import hmac

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.directory.models import Organisation
from puente.lib.uploads import random_name
from puente.portfolio.models import AgeGroup, Nationality, Sex
from puente.territory.models import Municipality, TargetPopulation


class Kind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    ASSISTANCE = "assistance", _("Technical assistance session")
    BINATIONAL = "binational", _("Binational meeting")
    PROMOTION = "promotion", _("Tourism and cultural promotion")


class EventQuerySet(models.QuerySet["Event"]):
    def public(self) -> "EventQuerySet":
        return self.filter(is_published=True)

    def upcoming(self, now=None) -> "EventQuerySet":  # noqa: ANN001
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")


class Event(models.Model):
    title_es = models.CharField(_("title (Spanish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_es = models.TextField(_("description (Spanish)"))
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisers and partners"), blank=True
    )
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    populations = models.ManyToManyField(
        TargetPopulation, verbose_name=_("target populations"), blank=True
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords()

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title_es

    @property
    def title(self) -> str:
        english = (get_language() or "es").startswith("en")
        return self.title_en if english and self.title_en else self.title_es

    @property
    def description(self) -> str:
        english = (get_language() or "es").startswith("en")
        return self.description_en if english and self.title_en else self.description_es

    @property
    def place(self) -> str:
        parts = [self.venue, self.municipality.name if self.municipality else ""]
        where = ", ".join(p for p in parts if p)
        return where or (str(_("Online")) if self.online_url else "")

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk, slugify(self.title)[:60] or "evento"])

    def has_ended(self) -> bool:
        return self.ends_at < timezone.now()

    def accepts_registrations(self) -> bool:
        return self.is_published and self.registration_open and not self.has_ended()


def _material_path(instance: models.Model, filename: str) -> str:
    # A random name: the uploaded name is never trusted as a path.
    return random_name("events", filename)


class Material(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_material_path, blank=True)
    url = models.URLField(_("link"), blank=True)
    content_type = models.CharField(max_length=120, blank=True, editable=False)
    extension = models.CharField(max_length=10, blank=True, editable=False)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


def hash_token(token: str) -> str:
    # Only the digest is stored: a leaked database holds no working cancel links.
    return hashlib.sha256(token.encode()).hexdigest()


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Source(models.TextChoices):
        WEB = "web", _("Public form")
        STAFF = "staff", _("Added by staff")
        LIST = "list", _("Attendance list")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    population = models.ForeignKey(
        TargetPopulation,
        verbose_name=_("population group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, default=Sex.UNSPECIFIED)
    age_group = models.CharField(
        _("age group"), max_length=12, choices=AgeGroup.choices, default=AgeGroup.UNSPECIFIED
    )
    nationality = models.CharField(
        _("nationality"),
        max_length=12,
        choices=Nationality.choices,
        default=Nationality.UNSPECIFIED,
    )
    consent = models.BooleanField(_("consent to the processing of personal data"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.WEB)
    language = models.CharField(max_length=5, default="es", editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    cancel_token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    attended = models.BooleanField(_("attended"), default=False)
    erased = models.BooleanField(_("personal data erased"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One live registration per person and event; a cancelled one may be renewed.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled") & ~models.Q(email=""),
                name="one_registration_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"

    def matches_token(self, token: str) -> bool:
        return bool(self.cancel_token_hash) and hmac.compare_digest(
            self.cancel_token_hash, hash_token(token)
        )
