"""Services border communities need, and the register of needs left uncovered (functions 6, 18)."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.territory.models import Municipality, TargetPopulation


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
