"""Funding sources, their calls for proposals, and the applications that answer them."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from puente.agreements.models import Proposal
from puente.directory.models import Organisation
from puente.territory.models import Currency, Municipality, Sector, TargetPopulation

non_negative = MinValueValidator(Decimal("0"))


def _amount(label: StrOrPromise, optional: bool = False) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(
        label, max_digits=20, decimal_places=2, validators=[non_negative], null=optional,
        blank=optional,
    )  # fmt: skip


class SourceKind(models.TextChoices):
    BILATERAL = "bilateral", _("Bilateral")
    MULTILATERAL = "multilateral", _("Multilateral")
    DECENTRALISED = "decentralised", _("Decentralised (regions, cities)")
    PRIVATE = "private", _("Private sector")
    PHILANTHROPIC = "philanthropic", _("Philanthropic")


class Source(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("organisation in the directory"),
    )  # fmt: skip
    themes = models.ManyToManyField(
        Sector, blank=True, related_name="+", verbose_name=_("themes (DAC sectors)")
    )
    eligible_applicants = models.TextField(_("who may apply"), blank=True)
    typical_min = _amount(_("typical amount from"), optional=True)
    typical_max = _amount(_("typical amount up to"), optional=True)
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="USD", verbose_name=_("currency")
    )
    contacts = models.TextField(_("contacts"), blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Call(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="calls",
                               verbose_name=_("source"))  # fmt: skip
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    total_amount = _amount(_("total amount"), optional=True)
    max_per_project = _amount(_("most per project"), optional=True)
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="USD", verbose_name=_("currency")
    )
    themes = models.ManyToManyField(Sector, blank=True, related_name="+", verbose_name=_("themes"))
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="+", verbose_name=_("eligible municipalities"),
        help_text=_("Leave empty when the call covers the whole department."),
    )  # fmt: skip
    populations = models.ManyToManyField(
        TargetPopulation, blank=True, related_name="+", verbose_name=_("populations"),
        help_text=_("Leave empty when the call is for any population."),
    )  # fmt: skip
    link = models.URLField(_("terms of the call"), blank=True)
    history = HistoricalRecords(m2m_fields=[themes, municipalities, populations])

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["closes_on", "pk"]
        indexes = [models.Index(fields=["closes_on", "opens_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:call", args=[self.pk])


class ApplicationStatus(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    SUBMITTED = "submitted", _("Submitted")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Rejected")


class Application(models.Model):
    """A proposal sent to a call: what was asked for, and what came of it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="applications",
                                 verbose_name=_("proposal"))  # fmt: skip
    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications",
                             verbose_name=_("call"))  # fmt: skip
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices,
                              default=ApplicationStatus.DRAFTING)  # fmt: skip
    amount_requested = _amount(_("amount requested"))
    amount_awarded = _amount(_("amount awarded"), optional=True)
    currency = models.ForeignKey(
        Currency, on_delete=models.PROTECT, default="USD", verbose_name=_("currency")
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "call"], name="application_unique")
        ]

    def __str__(self) -> str:
        return f"{self.proposal} → {self.call}"
