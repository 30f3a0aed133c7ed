"""PQRSD requests, their attachments, the dated steps taken on them, and published reports."""

import hashlib
import hmac
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puente.lib.uploads import random_name
from puente.lib.workdays import add_working_days, working_days_between
from puente.territory.models import Municipality


class Kind(models.TextChoices):
    """The request types of Ley 1755 de 2015, each with its legal term in working days."""

    PETITION = "petition", _("Petition")
    INFORMATION = "information", _("Request for information or documents")
    CONSULTATION = "consultation", _("Consultation")
    COMPLAINT = "complaint", _("Complaint")
    CLAIM = "claim", _("Claim")
    SUGGESTION = "suggestion", _("Suggestion")
    REPORT = "report", _("Report of wrongdoing")


# Art. 14: 15 working days in general, 10 for documents and information, 30 for consultations.
TERM_DAYS: dict[str, int] = {
    Kind.PETITION: 15,
    Kind.INFORMATION: 10,
    Kind.CONSULTATION: 30,
    Kind.COMPLAINT: 15,
    Kind.CLAIM: 15,
    Kind.SUGGESTION: 15,
    Kind.REPORT: 15,
}
# Art. 21: a request the Secretariat is not competent for is sent on within five working days.
TRANSFER_DAYS = 5


class Subject(models.TextChoices):
    TOURIST = "tourist", _("Tourist assistance")
    MIGRATION = "migration", _("Migration and border crossing")
    COOPERATION = "cooperation", _("International cooperation")
    INFORMATION = "information", _("Information request")
    SERVICE = "service", _("Complaint about our service")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    POST = "post", _("Letter to my address")
    PHONE = "phone", _("Phone call")
    OFFICE = "office", _("I will collect it at the office")


class IdType(models.TextChoices):
    CC = "CC", _("Colombian citizenship card")
    CE = "CE", _("Foreigner's identity card")
    PPT = "PPT", _("Temporary protection permit (PPT)")
    PASSPORT = "PA", _("Passport")
    OTHER = "OT", _("Other document")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("Being processed")
    ANSWERED = "answered", _("Answered")
    TRANSFERRED = "transferred", _("Sent to the competent entity")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)


class Light(models.TextChoices):
    """The traffic light of an open request against its deadline."""

    ON_TIME = "on_time", _("On time")
    DUE_SOON = "due_soon", _("Due within 3 working days")
    OVERDUE = "overdue", _("Overdue")


DUE_SOON_DAYS = 3


def hash_code(code: str) -> str:
    # The code is random and long, so a plain digest is enough; what is stored cannot be used
    # to follow a request if the database leaks.
    normalised = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(normalised.encode()).hexdigest()


class RequestQuerySet(models.QuerySet["Request"]):
    def open(self) -> "RequestQuerySet":
        return self.filter(status__in=OPEN_STATUSES)


class Request(models.Model):
    filing_number = models.CharField(_("filing number"), max_length=20, unique=True)
    tracking_code_hash = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("type of request"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    title = models.CharField(_("summary"), max_length=200)
    description = models.TextField(_("description"))
    channel = models.CharField(
        _("preferred answer channel"), max_length=10, choices=Channel.choices
    )
    language = models.CharField(_("language"), max_length=5, default="es")

    anonymous = models.BooleanField(_("file anonymously"), default=False)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    id_type = models.CharField(
        _("identity document"), max_length=3, choices=IdType.choices, blank=True
    )
    id_number = models.CharField(_("document number"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    consent = models.BooleanField(_("consent to the processing of personal data"), default=False)

    filed_at = models.DateTimeField(_("filed at"), default=timezone.now)
    received_on = models.DateField(_("counts as received on"))
    due_on = models.DateField(_("answer due on"))
    original_due_on = models.DateField(_("original due date"))
    extension_reason = models.TextField(_("reasons for the extension"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_requests",
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    transferred_to = models.CharField(_("competent entity"), max_length=200, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["due_on", "filing_number"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.filing_number} · {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_extended(self) -> bool:
        return self.due_on != self.original_due_on

    @property
    def transfer_due_on(self) -> date:
        """Art. 21: a request for another entity is sent on within five working days."""
        return add_working_days(self.received_on, TRANSFER_DAYS)

    @property
    def term_days(self) -> int:
        return TERM_DAYS[self.kind]

    @property
    def requester(self) -> str:
        return str(_("Anonymous")) if self.anonymous or not self.name else self.name

    @property
    def answer_attachments(self) -> models.QuerySet["Attachment"]:
        return self.attachments.filter(role=Attachment.Role.ANSWER)

    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return timezone.localdate(self.answered_at) <= self.due_on

    def light(self, today: date | None = None) -> Light | None:
        """Only open requests have a light; the rest are done one way or another."""
        if not self.is_open:
            return None
        today = today or timezone.localdate()
        if today > self.due_on:
            return Light.OVERDUE
        if working_days_between(today, self.due_on) <= DUE_SOON_DAYS:
            return Light.DUE_SOON
        return Light.ON_TIME

    def matches_code(self, code: str) -> bool:
        return hmac.compare_digest(self.tracking_code_hash, hash_code(code))


class FilingCounter(models.Model):
    """The last filing number given in a year: numbers run 1, 2, 3 ... each year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


def _attachment_path(instance: models.Model, filename: str) -> str:
    # A random name: the uploaded name is never trusted as a path.
    return random_name("requests", filename)


class Attachment(models.Model):
    class Role(models.TextChoices):
        FILED = "filed", _("Filed with the request")
        ANSWER = "answer", _("Part of the answer")

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="attachments")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.FILED)
    file = models.FileField(upload_to=_attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["role", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Step(models.Model):
    """One dated, attributed step on a request: the audit trail staff and auditors read."""

    class Action(models.TextChoices):
        FILED = "filed", _("Filed")
        ASSIGNED = "assigned", _("Assigned")
        NOTE = "note", _("Internal note")
        EXTENDED = "extended", _("Term extended")
        TRANSFERRED = "transferred", _("Sent to the competent entity")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")
        REMINDED = "reminded", _("Deadline reminder sent")
        PERSONAL_DATA_ERASED = "erased", _("Personal data erased")

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="steps")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    text = models.TextField(_("details"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"


class PublishedReport(models.Model):
    """A period's PQRSD figures as published on the portal (frozen when published)."""

    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    figures = models.JSONField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )

    class Meta:
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="one_report_per_period"),
            models.UniqueConstraint(
                fields=["year"], condition=models.Q(month=None), name="one_yearly_report"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)
