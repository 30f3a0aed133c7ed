"""Agreements: parties, steps, extensions, obligations; proposals and their viability concepts."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.directory.models import Organisation
from puente.lib.documents import CheckedDocument, document_path
from puente.portfolio.models import Activity
from puente.territory.models import Currency, Municipality, Sector, TargetPopulation

from .workflow import RUNNING, Kind, Step

non_negative = MinValueValidator(Decimal("0"))


class AgreementQuerySet(models.QuerySet["Agreement"]):
    def running(self) -> "AgreementQuerySet":
        return self.filter(step__in=RUNNING)


class Agreement(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("The number on the signed text.")
    )
    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("object"))
    step = models.CharField(_("step"), max_length=20, choices=Step.choices, default=Step.DRAFT)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    value = models.DecimalField(
        _("total value"), max_digits=20, decimal_places=2, null=True, blank=True,
        validators=[non_negative],
    )  # fmt: skip
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="COP", verbose_name=_("currency")
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible official"),
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="agreements", verbose_name=_("linked activities")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[activities])

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["step", "ends_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.pk])

    @property
    def current_end(self) -> date | None:
        """The end date in force: the latest extension's, or the original one."""
        latest = self.extensions.order_by("-new_end").first()
        return latest.new_end if latest else self.ends_on


class PartyRole(models.TextChoices):
    GOVERNORATE = "governorate", _("Governorate or decentralised entity")
    PARTNER = "partner", _("Cooperating partner")
    EXECUTOR = "executor", _("Executing party")
    COFUNDER = "cofunder", _("Co-financer")
    OTHER = "other", _("Other")


class Party(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices)
    cash = models.DecimalField(
        _("cash contribution"), max_digits=20, decimal_places=2, default=Decimal(0),
        validators=[non_negative],
    )  # fmt: skip
    in_kind = models.DecimalField(
        _("in-kind contribution (valued)"), max_digits=20, decimal_places=2, default=Decimal(0),
        validators=[non_negative],
    )  # fmt: skip
    in_kind_description = models.CharField(_("what is given in kind"), max_length=300, blank=True)
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="COP", verbose_name=_("currency")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="party_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Extension(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="extensions")
    new_end = models.DateField(_("new end date"))
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["new_end"]

    def __str__(self) -> str:
        return f"{self.agreement} → {self.new_end}"


class StepRecord(models.Model):
    """One move of an agreement along its workflow: when, by whom, why."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="steps")
    from_step = models.CharField(max_length=20, choices=Step.choices)
    to_step = models.CharField(max_length=20, choices=Step.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_step} → {self.to_step}"


class ObligationKind(models.TextChoices):
    OBLIGATION = "obligation", _("Obligation")
    MILESTONE = "milestone", _("Milestone")


class Obligation(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="obligations")
    kind = models.CharField(
        _("kind"), max_length=12, choices=ObligationKind.choices, default=ObligationKind.OBLIGATION
    )
    description = models.CharField(_("description"), max_length=300)
    due_on = models.DateField(_("due on"))
    responsible = models.CharField(_("who is responsible"), max_length=200)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("obligation or milestone")
        verbose_name_plural = _("obligations and milestones")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["done_on", "due_on"])]

    def __str__(self) -> str:
        return self.description


class AgreementDocument(CheckedDocument):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    is_signed_copy = models.BooleanField(
        _("signed copy"),
        default=False,
        help_text=_("The text as the parties signed it: an agreement is signed only with one."),
    )
    history = HistoricalRecords()

    class Meta(CheckedDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class ReminderSent(models.Model):
    """One alert already sent (agreement end or obligation, at 30, 15 or 5 days): never twice."""

    key = models.CharField(max_length=120, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key


# --- technical viability concepts ------------------------------------------------------------


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ASSESSING = "assessing", _("Under assessment")
    ISSUED = "issued", _("Concept issued")


class Proposal(models.Model):
    """A cooperation project a department office or decentralised entity asks a concept on."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposer")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    objective = models.TextField(_("objective"))
    populations = models.ManyToManyField(
        TargetPopulation, related_name="+", verbose_name=_("population")
    )
    people = models.PositiveIntegerField(_("people to reach"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        Municipality, related_name="+", verbose_name=_("municipalities")
    )
    sectors = models.ManyToManyField(
        Sector, related_name="+", verbose_name=_("sectors"), blank=True,
        help_text=_("The DAC sectors the project works in (they match it to calls)."),
    )  # fmt: skip
    budget = models.DecimalField(
        _("total budget"), max_digits=20, decimal_places=2, validators=[non_negative]
    )
    cofinancing = models.DecimalField(
        _("co-financing offered"), max_digits=20, decimal_places=2, default=Decimal(0),
        validators=[non_negative],
    )  # fmt: skip
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="COP", verbose_name=_("currency")
    )
    source_sought = models.CharField(_("source of funding sought"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    received_on = models.DateField(editable=False)
    due_on = models.DateField(_("concept due on"), editable=False)
    status = models.CharField(
        max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    activity = models.OneToOneField(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="proposal",
        verbose_name=_("portfolio activity"),
    )  # fmt: skip
    history = HistoricalRecords(m2m_fields=[populations, municipalities, sectors])

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("concepts:proposal", args=[self.pk])


class ProposalDocument(CheckedDocument):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="documents")

    class Meta(CheckedDocument.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class Criterion(models.Model):
    """One item of the checklist every proposal is assessed against; the Secretariat edits it."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_es = models.CharField(_("criterion (Spanish)"), max_length=200)
    name_en = models.CharField(_("criterion (English)"), max_length=200, blank=True)
    guidance = models.TextField(_("what to look at"), blank=True)
    active = models.BooleanField(
        _("in use"), default=True, help_text=_("Criteria no longer in use stay on old concepts.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        english = (get_language() or "es").startswith("en")
        return self.name_en if english and self.name_en else self.name_es


class Decision(models.TextChoices):
    VIABLE = "viable", _("Viable")
    CONDITIONAL = "conditional", _("Viable with conditions")
    NOT_VIABLE = "not-viable", _("Not viable")


MAX_SCORE = 5


class Concept(models.Model):
    """The Secretariat's technical viability concept on a proposal; numbered once issued."""

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="concept")
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices, blank=True)
    summary = models.TextField(_("summary of the assessment"), blank=True)
    conditions = models.TextField(
        _("conditions"),
        blank=True,
        help_text=_("Required when the project is viable with conditions."),
    )
    number = models.CharField(max_length=20, unique=True, null=True, editable=False)
    issued_at = models.DateTimeField(null=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+",
        editable=False,
    )  # fmt: skip
    pdf = models.FileField(upload_to=document_path, editable=False, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("viability concept")
        verbose_name_plural = _("viability concepts")

    def __str__(self) -> str:
        return self.number or str(_("concept in preparation"))

    @property
    def is_issued(self) -> bool:
        return self.issued_at is not None

    @property
    def is_favourable(self) -> bool:
        return self.is_issued and self.decision in (Decision.VIABLE, Decision.CONDITIONAL)


class CriterionScore(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(MAX_SCORE)]
    )
    rationale = models.TextField(_("rationale"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["concept", "criterion"], name="score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
