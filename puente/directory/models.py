"""Organisations, their people, and the user accounts that report for them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from puente.lib.uploads import random_name
from puente.territory.models import Country, Sector


class OrganisationKind(models.TextChoices):
    MULTILATERAL = "multilateral", _("Multilateral organisation")
    BILATERAL = "bilateral", _("Bilateral cooperation agency")
    INTERNATIONAL_NGO = "international-ngo", _("International NGO")
    NATIONAL_NGO = "national-ngo", _("National NGO")
    STATE_NATIONAL = "state-national", _("State entity (national)")
    STATE_DEPARTMENTAL = "state-departmental", _("State entity (departmental)")
    STATE_MUNICIPAL = "state-municipal", _("State entity (municipal)")
    VENEZUELAN_AUTHORITY = "venezuelan-authority", _("Venezuelan authority")
    ACADEMIA = "academia", _("Academia")
    CHURCH = "church", _("Church")
    GUILD = "guild", _("Guild")
    CHAMBER_OF_COMMERCE = "chamber-of-commerce", _("Chamber of commerce")
    FOUNDATION = "foundation", _("Foundation")
    PRIVATE_SECTOR = "private-sector", _("Private sector")
    OTHER = "other", _("Other")


# The IATI OrganisationType code each kind is published under.
IATI_ORGANISATION_TYPE = {
    OrganisationKind.MULTILATERAL: "40",
    OrganisationKind.BILATERAL: "10",
    OrganisationKind.INTERNATIONAL_NGO: "21",
    OrganisationKind.NATIONAL_NGO: "22",
    OrganisationKind.STATE_NATIONAL: "10",
    OrganisationKind.STATE_DEPARTMENTAL: "11",
    OrganisationKind.STATE_MUNICIPAL: "11",
    OrganisationKind.VENEZUELAN_AUTHORITY: "10",
    OrganisationKind.ACADEMIA: "80",
    OrganisationKind.CHURCH: "90",
    OrganisationKind.GUILD: "90",
    OrganisationKind.CHAMBER_OF_COMMERCE: "90",
    OrganisationKind.FOUNDATION: "60",
    OrganisationKind.PRIVATE_SECTOR: "70",
    OrganisationKind.OTHER: "90",
}


def _logo_path(instance: "Organisation", filename: str) -> str:
    # A random name: the uploaded name is never trusted as a path.
    return random_name("logos", filename)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    iati_identifier = models.CharField(
        _("IATI organisation identifier"), max_length=120, blank=True, null=True, unique=True
    )
    kind = models.CharField(_("type"), max_length=30, choices=OrganisationKind.choices)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("country")
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to=_logo_path, blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Sector, blank=True, verbose_name=_("thematic areas"), related_name="organisations"
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    # An IATI import creates the organisations its files name ("UNITED KINGDOM", "Other."): they
    # stay off the public partners page until staff review them or merge them into a known one.
    reviewed = models.BooleanField(_("reviewed"), default=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = [Lower("name")]
        indexes = [models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.name}" if self.acronym else self.name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    @property
    def iati_type(self) -> str:
        return IATI_ORGANISATION_TYPE[OrganisationKind(self.kind)]


class Person(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ReporterAccount(models.Model):
    """Ties a partner reporter's login to the one organisation it reports for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reporter_account"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="reporters"
    )

    class Meta:
        verbose_name = _("reporter account")
        verbose_name_plural = _("reporter accounts")

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"
