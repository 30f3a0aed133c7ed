"""Activities (plan > programme > project) and their parts, aligned with IATI 2.03."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.directory.models import Organisation
from puente.lib.names import fold
from puente.lib.uploads import random_name
from puente.territory.models import (
    BilingualName,
    Country,
    Currency,
    Municipality,
    Sector,
    TargetPopulation,
)

from .lifecycle import IATI_STATUS_OF_STAGE, IatiStatus, Stage

non_negative = MinValueValidator(Decimal("0"))


class Level(models.TextChoices):
    PLAN = "plan", _("Plan")
    PROGRAMME = "programme", _("Programme")
    PROJECT = "project", _("Project")


# Which level may sit under which: a project under a programme or a plan, a programme under a plan.
ALLOWED_PARENT_LEVELS = {
    Level.PLAN: set(),
    Level.PROGRAMME: {Level.PLAN},
    Level.PROJECT: {Level.PROGRAMME, Level.PLAN},
}


class PolicySignificance(models.TextChoices):
    NOT_TARGETED = "0", _("Not targeted")
    SIGNIFICANT = "1", _("Significant objective")
    PRINCIPAL = "2", _("Principal objective")


class ActivityQuerySet(models.QuerySet["Activity"]):
    def public(self) -> "ActivityQuerySet":
        return self.filter(is_public=True)

    def of_organisation(self, organisation_id: int) -> "ActivityQuerySet":
        return self.filter(participations__organisation_id=organisation_id).distinct()


class Activity(models.Model):
    iati_identifier = models.CharField(
        _("IATI identifier"), max_length=150, unique=True, null=True, blank=True
    )
    level = models.CharField(
        _("level"), max_length=12, choices=Level.choices, default=Level.PROJECT
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    iati_status = models.CharField(
        _("IATI status"), max_length=1, choices=IatiStatus.choices, default=IatiStatus.PIPELINE
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    humanitarian = models.BooleanField(_("humanitarian"), default=False)
    gender_marker = models.CharField(
        _("gender equality marker"),
        max_length=1,
        choices=PolicySignificance.choices,
        blank=True,
    )
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="COP", verbose_name=_("default currency")
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Shown on the public portal and in the open data.")
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible official"),
    )
    reporting_org = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_activities",
        verbose_name=_("reporting organisation"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    revision = models.PositiveIntegerField(default=0, editable=False)
    # Titles, descriptions and identifier folded (no accents, lower case) so that a search for
    # "cucuta" finds "Cúcuta" on SQLite and PostgreSQL alike; kept up to date on every save.
    search_text = models.TextField(default="", editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "revision", "search_text"])

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-updated_at"]
        indexes = [
            # The staff list's sort orders, each with its tie-breaker in the same direction: a
            # page is walked off the index at any depth, never a sort of every activity
            # (bench/portfolio.py).
            models.Index(fields=["stage", "id"]),
            models.Index(fields=["title_es", "id"]),
            models.Index(fields=["planned_start", "id"]),
            models.Index(fields=["updated_at", "id"]),
            models.Index(fields=["is_public", "stage"]),
            # The public list's order: walked, not sorted, so a page costs the same at any depth
            # (bench/portal.py: a first page 117 ms -> 0.3 ms, page 4,000 450 -> 4 ms).
            models.Index(fields=["is_public", "-updated_at", "-id"]),
            # Plans and programmes are a handful among the projects, listed on every edit form
            # (the parent's choices): a scan of every activity cost each form 25 ms.
            models.Index(
                fields=["level", "title_es"],
                condition=models.Q(level__in=[Level.PLAN, Level.PROGRAMME]),
                name="portfolio_activity_groupings",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        if (get_language() or "es").startswith("en") and self.title_en:
            return self.title_en
        return self.title_es or self.title_en

    @property
    def description(self) -> str:
        if (get_language() or "es").startswith("en") and self.description_en:
            return self.description_en
        return self.description_es or self.description_en

    def sync_iati_status(self) -> None:
        self.iati_status = IATI_STATUS_OF_STAGE[Stage(self.stage)]

    def refresh_search_text(self) -> None:
        self.search_text = search_text_of(
            self.title_es,
            self.title_en,
            self.description_es,
            self.description_en,
            self.iati_identifier or "",
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


def search_text_of(*texts: str) -> str:
    """An activity's search text from its titles, descriptions and identifier (also for rows
    written without a model instance, as the IATI import does)."""
    return fold(" ".join(texts))


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole codes."""

    FUNDING = "1", _("Funding")
    ACCOUNTABLE = "2", _("Accountable")
    EXTENDING = "3", _("Extending")
    IMPLEMENTING = "4", _("Implementing")


class Participation(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=1, choices=OrganisationRole.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "organisation", "role"], name="participation_unique"
            )
        ]
        indexes = [models.Index(fields=["organisation", "activity"])]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ActivitySector(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sectors")
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["activity", "sector"], name="activity_sector_unique")
        ]
        indexes = [models.Index(fields=["sector", "activity"])]

    def __str__(self) -> str:
        return f"{self.sector} {self.percentage}%"


class MatchMethod(models.TextChoices):
    """How an imported location was tied to a municipality."""

    MANUAL = "manual", _("Entered by hand")
    INSIDE = "inside", _("Point inside the municipality")
    EDGE = "edge", _("Point near a municipal boundary")
    CODE = "code", _("Administrative code")
    NAME = "name", _("Place name")
    POINT = "point", _("Nearest municipality to the point")
    NONE = "none", _("Not matched")


class Location(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="locations")
    # Empty only for imported places that no municipality could be matched to (listed for review).
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="activity_locations",
        verbose_name=_("municipality"),
        null=True,
    )
    match_method = models.CharField(
        _("matched by"), max_length=6, choices=MatchMethod.choices, default=MatchMethod.MANUAL
    )
    match_confidence = models.PositiveSmallIntegerField(
        _("match confidence (%)"), default=100, validators=[MaxValueValidator(100)]
    )
    source_ref = models.CharField(_("reference in the source"), max_length=200, blank=True)
    admin_code = models.CharField(_("administrative code in the source"), max_length=60, blank=True)
    name = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        indexes = [models.Index(fields=["municipality", "activity"])]

    def __str__(self) -> str:
        return self.name or (self.municipality.name if self.municipality else "?")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other / non-binary")
    UNSPECIFIED = "unspecified", _("Not specified")


class AgeGroup(models.TextChoices):
    EARLY_CHILDHOOD = "0-5", _("0–5 years")
    CHILDHOOD = "6-11", _("6–11 years")
    ADOLESCENCE = "12-17", _("12–17 years")
    YOUTH = "18-28", _("18–28 years")
    ADULTHOOD = "29-59", _("29–59 years")
    OLDER = "60+", _("60 years and over")
    UNSPECIFIED = "unspecified", _("Not specified")


class Nationality(models.TextChoices):
    COLOMBIAN = "colombian", _("Colombian")
    VENEZUELAN = "venezuelan", _("Venezuelan")
    RETURNEE = "returnee", _("Colombian returnee")
    OTHER = "other", _("Other")
    UNSPECIFIED = "unspecified", _("Not specified")


class Beneficiaries(models.Model):
    """People an activity targets in one population group, one disaggregation cell per row."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="beneficiaries")
    population = models.ForeignKey(
        TargetPopulation, on_delete=models.PROTECT, verbose_name=_("target population")
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
    count = models.PositiveIntegerField(_("people"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beneficiaries")
        verbose_name_plural = _("beneficiaries")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "population", "sex", "age_group", "nationality"],
                name="beneficiaries_cell_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.population}: {self.count}"


# The 17 Sustainable Development Goals by their short names, as the UN publishes them.
SDG_GOALS = [
    (1, _("1 · No poverty")),
    (2, _("2 · Zero hunger")),
    (3, _("3 · Good health and well-being")),
    (4, _("4 · Quality education")),
    (5, _("5 · Gender equality")),
    (6, _("6 · Clean water and sanitation")),
    (7, _("7 · Affordable and clean energy")),
    (8, _("8 · Decent work and economic growth")),
    (9, _("9 · Industry, innovation and infrastructure")),
    (10, _("10 · Reduced inequalities")),
    (11, _("11 · Sustainable cities and communities")),
    (12, _("12 · Responsible consumption and production")),
    (13, _("13 · Climate action")),
    (14, _("14 · Life below water")),
    (15, _("15 · Life on land")),
    (16, _("16 · Peace, justice and strong institutions")),
    (17, _("17 · Partnerships for the goals")),
]
SDG_TARGET = RegexValidator(r"^\d{1,2}\.[0-9a-z]{1,2}$", _("Write a target as 4.1 or 16.a."))


class SdgGoal(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sdg_goals")
    goal = models.PositiveSmallIntegerField(
        _("SDG goal"),
        choices=SDG_GOALS,
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )
    target = models.CharField(
        _("SDG target"),
        max_length=10,
        blank=True,
        validators=[
            RegexValidator(r"^\d{1,2}\.[0-9a-z]{1,2}$", _("Write a target as 4.1 or 16.a."))
        ],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")
        constraints = [
            models.UniqueConstraint(fields=["activity", "goal", "target"], name="sdg_unique")
        ]

    def __str__(self) -> str:
        return f"SDG {self.goal}{'.' + self.target if self.target else ''}"


class Budget(models.Model):
    class Kind(models.TextChoices):
        ORIGINAL = "1", _("Original")
        REVISED = "2", _("Revised")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budgets")
    kind = models.CharField(_("type"), max_length=1, choices=Kind.choices, default=Kind.ORIGINAL)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    amount = models.DecimalField(
        _("amount"), max_digits=20, decimal_places=2, validators=[non_negative]
    )
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, verbose_name=_("currency"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["period_start"]

    def __str__(self) -> str:
        return f"{self.period_start}–{self.period_end}: {self.amount} {self.currency_id}"


class TransactionKind(models.TextChoices):
    """IATI TransactionType codes the Secretariat records."""

    INCOMING_FUNDS = "1", _("Incoming funds")
    COMMITMENT = "2", _("Commitment")
    DISBURSEMENT = "3", _("Disbursement")
    EXPENDITURE = "4", _("Expenditure")
    INCOMING_COMMITMENT = "11", _("Incoming commitment")


class Transaction(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="transactions")
    kind = models.CharField(_("type"), max_length=2, choices=TransactionKind.choices)
    date = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount"), max_digits=20, decimal_places=2, validators=[non_negative]
    )
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, verbose_name=_("currency"))
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provided_transactions",
        verbose_name=_("provider"),
    )
    receiver = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_transactions",
        verbose_name=_("receiver"),
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        ordering = ["date"]
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}: {self.amount} {self.currency_id}"


class ExchangeRate(models.Model):
    """How many Colombian pesos one unit of a currency was worth from a date on."""

    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, verbose_name=_("currency"))
    valid_from = models.DateField(_("valid from"))
    cop_per_unit = models.DecimalField(
        _("pesos per unit"),
        max_digits=20,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_from"], name="rate_unique")
        ]

    def __str__(self) -> str:
        return f"1 {self.currency_id} = {self.cop_per_unit} COP ({self.valid_from})"


class Result(models.Model):
    class Kind(models.TextChoices):
        OUTPUT = "1", _("Output")
        OUTCOME = "2", _("Outcome")
        IMPACT = "3", _("Impact")
        OTHER = "9", _("Other")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("type"), max_length=1, choices=Kind.choices, default=Kind.OUTPUT)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class Measure(models.TextChoices):
    """IATI IndicatorMeasure codes."""

    UNIT = "1", _("Unit")
    PERCENTAGE = "2", _("Percentage")
    NOMINAL = "3", _("Nominal")
    ORDINAL = "4", _("Ordinal")
    QUALITATIVE = "5", _("Qualitative")


class SharedIndicator(BilingualName):
    """An indicator the Secretariat defines once; the projects' indicators that measure it are
    linked to it, so that a plan or programme adds up its projects' figures."""

    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("What is counted: people, households, %…")
    )
    measure = models.CharField(
        _("measure"), max_length=1, choices=Measure.choices, default=Measure.UNIT
    )
    ascending = models.BooleanField(_("higher is better"), default=True)
    reference = models.CharField(
        _("SDG or IATI indicator reference"), max_length=60, blank=True,
        help_text=_("For example, SDG target 10.7.2."),
    )  # fmt: skip
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("shared indicator")
        verbose_name_plural = _("shared indicators")
        ordering = ["name_es"]

    def get_absolute_url(self) -> str:
        return reverse("portfolio:shared-indicator", args=[self.pk])


def same_unit(one: str, other: str) -> bool:
    """Units compared as people write them: case and surrounding spaces aside."""
    return one.strip().casefold() == other.strip().casefold()


class Indicator(models.Model):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(_("title"), max_length=300)
    measure = models.CharField(
        _("measure"), max_length=1, choices=Measure.choices, default=Measure.UNIT
    )
    unit = models.CharField(
        _("unit"), max_length=60, blank=True,
        help_text=_("Left empty, the shared indicator's unit."),
    )  # fmt: skip
    shared = models.ForeignKey(
        SharedIndicator, on_delete=models.PROTECT, null=True, blank=True, related_name="uses",
        verbose_name=_("shared indicator"),
        help_text=_(
            "The Secretariat's indicator this one measures: plans and programmes add it up."
        ),
    )  # fmt: skip
    ascending = models.BooleanField(_("higher is better"), default=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    baseline_comment = models.CharField(_("baseline comment"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_qualitative(self) -> bool:
        return self.measure == Measure.QUALITATIVE


class IndicatorPeriod(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    target = models.DecimalField(
        _("target"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    target_comment = models.CharField(_("target comment"), max_length=300, blank=True)
    actual_comment = models.CharField(_("actual comment"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator period")
        verbose_name_plural = _("indicator periods")
        ordering = ["period_start"]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.period_start}–{self.period_end}"

    @property
    def progress(self) -> Decimal | None:
        """How far the actual has moved from the baseline towards the target, in percent."""
        if self.target is None or self.actual is None:
            return None
        baseline = self.indicator.baseline_value or Decimal("0")
        span = self.target - baseline
        if span == 0:
            return Decimal("100") if self.actual == self.target else Decimal("0")
        return ((self.actual - baseline) / span * 100).quantize(Decimal("0.1"))


class Dimension(models.TextChoices):
    SEX = "sex", _("Sex")
    AGE_GROUP = "age-group", _("Age group")
    NATIONALITY = "nationality", _("Nationality")
    POPULATION = "population", _("Target population")
    OTHER = "other", _("Other (named in the source)")


class Disaggregation(models.Model):
    """One IATI `dimension` of a period's target or actual (e.g. sex = female: 120)."""

    class Side(models.TextChoices):
        TARGET = "target", _("Target")
        ACTUAL = "actual", _("Actual")

    period = models.ForeignKey(
        IndicatorPeriod, on_delete=models.CASCADE, related_name="disaggregations"
    )
    side = models.CharField(_("target or actual"), max_length=6, choices=Side.choices)
    dimension = models.CharField(_("dimension"), max_length=12, choices=Dimension.choices)
    name = models.CharField(_("dimension name in the source"), max_length=100, blank=True)
    category = models.CharField(_("category"), max_length=100)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disaggregation")
        verbose_name_plural = _("disaggregations")
        ordering = ["side", "dimension", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "side", "dimension", "name", "category"],
                name="disaggregation_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.side} {self.dimension}={self.category}: {self.value}"


def _document_path(instance: "Document", filename: str) -> str:
    # A random name: the uploaded name is kept as metadata, never trusted as a path.
    return random_name("documents", filename)


class DocumentCategory(models.TextChoices):
    """A subset of IATI DocumentCategory codes that the Secretariat files."""

    PRE_AGREEMENT = "A01", _("Pre- and post-project impact appraisal")
    OBJECTIVES = "A02", _("Objectives / purpose of activity")
    CONDITIONS = "A04", _("Conditions")
    BUDGET = "A05", _("Budget")
    CONTRACT = "A09", _("Memorandum of understanding / contract")
    RESULTS = "A08", _("Results, outcomes and outputs")
    REVIEW = "A07", _("Review of project performance and evaluation")
    PHOTO = "A12", _("Image")
    OTHER = "B01", _("Other document")


class Document(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="documents")
    category = models.CharField(
        _("category"), max_length=3, choices=DocumentCategory.choices, default="B01"
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to=_document_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True, editable=False)
    content_type = models.CharField(max_length=120, blank=True, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["category", "title"]

    def __str__(self) -> str:
        return self.title


class StageChange(models.Model):
    """One step of the lifecycle: who moved the activity, when, from where to where, and why."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"


# --- what IATI carries beyond the Secretariat's own fields ---------------------------------


class ActivityText(models.Model):
    """A title or description in a language other than Spanish and English, or of another type."""

    class Kind(models.TextChoices):
        TITLE = "title", _("Title")
        DESCRIPTION = "description", _("Description")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description_type = models.CharField(_("IATI description type"), max_length=2, blank=True)
    lang = models.CharField(_("language"), max_length=10)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("text in another language")
        verbose_name_plural = _("texts in other languages")
        ordering = ["kind", "description_type", "lang"]

    def __str__(self) -> str:
        return f"{self.kind} [{self.lang}]"


class RecipientCountry(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="recipient_countries"
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, verbose_name=_("country"))
    percentage = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("recipient country")
        verbose_name_plural = _("recipient countries")

    def __str__(self) -> str:
        return self.country_id


class Classification(models.Model):
    """A code from a vocabulary Puente keeps but does not model on its own: non-DAC sectors,
    recipient regions, policy markers other than gender, humanitarian scopes, tags."""

    class Kind(models.TextChoices):
        SECTOR = "sector", _("Sector (other vocabulary)")
        REGION = "region", _("Recipient region")
        POLICY_MARKER = "policy-marker", _("Policy marker")
        HUMANITARIAN_SCOPE = "humanitarian-scope", _("Humanitarian scope")
        TAG = "tag", _("Tag")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="classifications")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    vocabulary = models.CharField(_("vocabulary"), max_length=10, blank=True)
    code = models.CharField(_("code"), max_length=100)
    # A percentage for sectors and regions, a significance for policy markers, a scope type
    # for humanitarian scopes.
    value = models.CharField(_("percentage, significance or type"), max_length=10, blank=True)
    label = models.CharField(_("label"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")
        ordering = ["kind", "vocabulary", "code"]

    def __str__(self) -> str:
        return f"{self.kind} {self.vocabulary}:{self.code}"


class PlannedDisbursement(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="planned_disbursements"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=20, decimal_places=2, validators=[non_negative]
    )
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, verbose_name=_("currency"))
    provider = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    receiver = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("planned disbursement")
        verbose_name_plural = _("planned disbursements")
        ordering = ["period_start"]

    def __str__(self) -> str:
        return f"{self.period_start}: {self.amount} {self.currency_id}"


class RelatedActivity(models.Model):
    """A link to another activity by IATI identifier (parent, child, sibling, co-funded, ...)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="relations")
    ref = models.CharField(_("IATI identifier"), max_length=150)
    relation = models.CharField(_("relation"), max_length=1)

    class Meta:
        verbose_name = _("related activity")
        verbose_name_plural = _("related activities")

    def __str__(self) -> str:
        return f"{self.relation}:{self.ref}"
