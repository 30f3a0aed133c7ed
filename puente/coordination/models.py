"""Partners' 5W reports by period, the services communities need, and the needs left uncovered."""

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.directory.models import Organisation
from puente.portfolio.models import Activity
from puente.territory.models import Currency, Municipality, Sector, TargetPopulation


class Service(models.Model):
    """A public service a community may lack (health, education, ...); staff add others."""

    name_es = models.CharField(_("name (Spanish)"), max_length=120, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    # Codes, not links: reference sectors load after the migrations that create the services.
    dac_categories = models.CharField(
        _("DAC categories"), max_length=100, blank=True,
        validators=[RegexValidator(r"^\s*(\d{3}\s*(,\s*\d{3}\s*)*)?$",
                                   _("Three-digit DAC codes separated by commas, e.g. 121, 122."))],
        help_text=_("The cooperation themes that answer this need (they match it to calls)."),
    )  # fmt: skip
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["order", "name_es"]

    def __str__(self) -> str:
        return self.name

    @property
    def categories(self) -> set[str]:
        return {code.strip() for code in self.dac_categories.split(",") if code.strip()}

    @property
    def name(self) -> str:
        english = (get_language() or "es").startswith("en")
        return self.name_en if english and self.name_en else self.name_es

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        # The codes stay the edit surface; the link table lets one query join rows to services.
        self.category_links.exclude(category_id__in=self.categories).delete()
        known = set(self.category_links.values_list("category_id", flat=True))
        ServiceCategory.objects.bulk_create(
            ServiceCategory(service=self, category_id=code) for code in self.categories - known
        )


class ServiceCategory(models.Model):
    """One DAC category that answers a service: what the gap analysis joins 5W rows through."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="category_links")
    # No database constraint: the reference sectors may load after the services are created.
    category = models.ForeignKey(
        Sector, on_delete=models.DO_NOTHING, db_constraint=False, related_name="service_links"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "category"], name="service_category_unique")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} → {self.category_id}"


class Severity(models.IntegerChoices):
    LOW = 1, _("Low")
    MODERATE = 2, _("Moderate")
    SEVERE = 3, _("Severe")
    CRITICAL = 4, _("Critical")


class Need(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    community = models.CharField(
        _("community"),
        max_length=200,
        blank=True,
        help_text=_("Village, settlement or neighbourhood."),
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="needs", verbose_name=_("service")
    )
    population = models.ForeignKey(
        TargetPopulation, on_delete=models.PROTECT, related_name="+", verbose_name=_("population")
    )
    people_affected = models.PositiveIntegerField(_("people affected"))
    people_excluded = models.PositiveIntegerField(
        _("of them, people without access because of their nationality"), default=0
    )
    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity.choices)
    source = models.CharField(_("source of the evidence"), max_length=200)
    evidence_date = models.DateField(_("date of the evidence"))
    notes = models.TextField(_("notes"), blank=True)
    is_open = models.BooleanField(
        _("still unmet"), default=True, help_text=_("Untick once the need is covered.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-severity", "-evidence_date", "pk"]
        indexes = [models.Index(fields=["is_open", "municipality", "service"])]

    def __str__(self) -> str:
        return f"{self.service} · {self.municipality.name}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:need-edit", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if (
            self.people_excluded
            and self.people_affected is not None
            and (self.people_excluded > self.people_affected)
        ):
            errors["people_excluded"] = _("More people excluded than affected.")
        if self.evidence_date and self.evidence_date > timezone.localdate():
            errors["evidence_date"] = _("The evidence cannot be dated in the future.")
        if errors:
            raise ValidationError(errors)


class ReportingPeriod(models.Model):
    """A span partners report for: a calendar month unless staff define another."""

    start = models.DateField(_("start"), unique=True)
    end = models.DateField(_("end"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-start"]

    def __str__(self) -> str:
        if self.start.day == 1 and self.end == _month_end(self.start):
            return date_format(self.start, "F Y").capitalize()
        start, end = (date_format(d, "SHORT_DATE_FORMAT") for d in (self.start, self.end))
        return f"{start} – {end}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The period ends before it starts.")})

    @property
    def is_future(self) -> bool:
        return self.start > timezone.localdate()

    @classmethod
    def month_of(cls, day: datetime.date) -> "ReportingPeriod":
        start = day.replace(day=1)
        period, _created = cls.objects.get_or_create(
            start=start, defaults={"end": _month_end(start)}
        )
        return period


def _month_end(start: datetime.date) -> datetime.date:
    following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded by a correction")


# The partner may change rows only while the report is in its hands.
EDITABLE = (ReportStatus.DRAFT, ReportStatus.RETURNED)
OPEN = (ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED)


class Report(models.Model):
    """One partner's 5W rows for one period; an approved version is locked, a correction is the
    next version, and only the latest approved version counts."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="five_w_reports",
        verbose_name=_("organisation"),
    )  # fmt: skip
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="reports", verbose_name=_("period")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    review_comment = models.TextField(_("review comments"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("reviewed by"),
    )  # fmt: skip
    source_file = models.CharField(_("uploaded file"), max_length=200, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("5W report")
        verbose_name_plural = _("5W reports")
        ordering = ["-period__start", "organisation__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period", "version"], name="report_version_unique"
            ),
            # At most one version of a period is being worked on or reviewed at a time.
            models.UniqueConstraint(
                fields=["organisation", "period"], condition=models.Q(status__in=OPEN),
                name="report_one_open_version",
            ),
            models.UniqueConstraint(
                fields=["organisation", "period"],
                condition=models.Q(status=ReportStatus.APPROVED),
                name="report_one_approved_version",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["status", "period"])]

    def __str__(self) -> str:
        return f"{self.organisation.short_name} · {self.period} · v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("coordination:report", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE


class ReachedNationality(models.TextChoices):
    COLOMBIAN = "colombian", _("Colombian")
    VENEZUELAN = "venezuelan", _("Venezuelan")
    RETURNEE = "returnee", _("Colombian returnee")


# Counts of people reached: by sex and by age group, two ways of splitting the same people.
SEX_FIELDS = ("female", "male", "other_sex")
AGE_FIELDS = ("age_0_17", "age_18_59", "age_60_plus")
# Reaching ten times more people than targeted is taken as a typing error, not a success.
MAX_REACHED_PER_TARGETED = 10


def count_problems(counts: dict[str, int | None]) -> dict[str, str]:
    """What is impossible in one row's counts, by field: shared by the form and the upload."""
    problems: dict[str, str] = {}
    for field, value in counts.items():
        if value is not None and value < 0:
            problems[field] = str(_("A count of people cannot be negative."))
    if problems:
        return problems
    by_sex = sum(counts.get(f) or 0 for f in SEX_FIELDS)
    by_age = sum(counts.get(f) or 0 for f in AGE_FIELDS)
    if by_sex != by_age:
        problems["age_0_17"] = str(
            _("By sex the row counts %(sex)s people, by age %(age)s: both must add up to the same.")
            % {"sex": by_sex, "age": by_age}
        )
    targeted = counts.get("targeted") or 0
    if by_sex > MAX_REACHED_PER_TARGETED * max(targeted, 1) and targeted:
        problems["targeted"] = str(
            _("%(reached)s people reached against %(targeted)s targeted: more than ten times the "
              "target looks like a typing error.") % {"reached": by_sex, "targeted": targeted}
        )  # fmt: skip
    return problems


class ReportRow(models.Model):
    """One 5W line: who (the report's partner) does what, where, for whom, with how much."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("spreadsheet row"), null=True, blank=True, editable=False)
    activity_name = models.CharField(_("activity"), max_length=300)
    activity = models.ForeignKey(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="five_w_rows",
        verbose_name=_("portfolio activity"),
    )  # fmt: skip
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    # The sector's three-digit DAC category, kept with the row: the gap analysis groups by it.
    category = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="+", editable=False)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    locality = models.CharField(_("locality"), max_length=200, blank=True)
    # Empty only on a row filled in from the partner's portfolio activity, which does not say
    # whom it serves: the partner chooses before the row can be confirmed (constraint below).
    population = models.ForeignKey(
        TargetPopulation, on_delete=models.PROTECT, related_name="+", verbose_name=_("population"),
        null=True, blank=True,
    )  # fmt: skip
    nationality = models.CharField(
        _("nationality"), max_length=12, choices=ReachedNationality.choices, blank=True
    )
    # Filled in from the last approved report or the portfolio, not yet checked by the partner:
    # a report with such rows cannot be submitted.
    to_confirm = models.BooleanField(_("to confirm"), default=False, editable=False)
    # Counts saves: a queued edit made on an older revision is a conflict, never an overwrite.
    revision = models.PositiveIntegerField(default=0, editable=False)
    targeted = models.PositiveIntegerField(_("people targeted"))
    female = models.PositiveIntegerField(_("women and girls"), default=0)
    male = models.PositiveIntegerField(_("men and boys"), default=0)
    other_sex = models.PositiveIntegerField(_("other or not stated"), default=0)
    age_0_17 = models.PositiveIntegerField(_("0–17 years"), default=0)
    age_18_59 = models.PositiveIntegerField(_("18–59 years"), default=0)
    age_60_plus = models.PositiveIntegerField(_("60 years and over"), default=0)
    reached = models.PositiveIntegerField(_("people reached"), default=0, editable=False)
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="COP", related_name="+",
        verbose_name=_("currency"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("5W row")
        verbose_name_plural = _("5W rows")
        ordering = ["line", "pk"]
        indexes = [models.Index(fields=["municipality", "category"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_confirm=True)
                | (models.Q(population__isnull=False) & ~models.Q(nationality="")),
                name="five_w_row_complete_once_confirmed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_name} · {self.municipality.name}"

    def clean(self) -> None:
        counts = {f: getattr(self, f) for f in ("targeted", *SEX_FIELDS, *AGE_FIELDS)}
        problems = count_problems(counts)
        if self.amount is not None and self.amount < Decimal(0):
            problems["amount"] = str(_("The amount cannot be negative."))
        if problems:
            raise ValidationError(problems)

    def copy_to(self, report: "Report") -> "ReportRow":
        """An unsaved copy of this row in another report (a correction, a month carried over)."""
        copy = type(self)(
            **{f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}
        )
        copy.pk, copy.report, copy.revision = None, report, 0
        return copy

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.reached = sum(getattr(self, f) or 0 for f in SEX_FIELDS)
        if self.pk is not None:
            self.revision += 1
        if self.sector_id:
            self.category_id = category_code(self.sector_id)
        super().save(*args, **kwargs)


class QueuedWrite(models.Model):
    """A write sent from a device's queue (entry offline), by its key: a device that sends it
    again, because the answer was lost, finds it here and nothing is written twice. Kept apart
    from the row, so that later edits, a deletion or an upload never forget it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="queued_writes")
    key = models.CharField(max_length=64)
    row_id = models.PositiveBigIntegerField(null=True)  # the row written; it may be gone since
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="queued_write_once")]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.key}"


def category_code(sector_code: str) -> str:
    """A DAC purpose code's category is its first three digits."""
    return str(sector_code)[:3]


class OverlapDecision(models.Model):
    """What staff decided about a pair of activities proposed as a possible duplication."""

    class Verdict(models.TextChoices):
        OVERLAP = "overlap", _("Overlap: the same work twice")
        COMPLEMENTARY = "complementary", _("Complementary")
        UNRELATED = "unrelated", _("Unrelated")

    # Each side is a stable key: "5w:<organisation id>:<folded activity name>" or "activity:<id>".
    first = models.CharField(max_length=340)
    second = models.CharField(max_length=340)
    verdict = models.CharField(_("decision"), max_length=14, choices=Verdict.choices)
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("overlap decision")
        verbose_name_plural = _("overlap decisions")
        ordering = ["-decided_at"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="overlap_pair_unique"),
            models.CheckConstraint(condition=models.Q(first__lt=models.F("second")),
                                   name="overlap_pair_ordered"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.first} / {self.second}: {self.verdict}"
