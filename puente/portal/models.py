"""The Secretariat's public content: functions, guidelines, the Secretary, office data."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _pick(es: str, en: str) -> str:
    return en if (get_language() or "es").startswith("en") and en else es


class Theme(models.TextChoices):
    """How a citizen looks for help: the functions grouped by what they do for people."""

    COOPERATION = "cooperation", _("International cooperation and resources")
    BORDER = "border", _("Border life and integration with Venezuela")
    PEOPLE = "people", _("Support for vulnerable people and migrants")
    COORDINATION = "coordination", _("Coordination between institutions")
    TOURISM = "tourism", _("Tourists and the promotion of the department")


class Function(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    text_es = models.TextField(_("text (Spanish)"))
    text_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        verbose_name = _("function")
        verbose_name_plural = _("functions")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def text(self) -> str:
        return _pick(self.text_es, self.text_en)


class Guideline(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    text_es = models.TextField(_("text (Spanish)"))
    text_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        verbose_name = _("policy guideline")
        verbose_name_plural = _("policy guidelines")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def text(self) -> str:
        return _pick(self.text_es, self.text_en)


class Office(models.Model):
    """Contact data and the Secretary's profile; one row, edited by staff."""

    name = models.CharField(_("office name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    city = models.CharField(_("city"), max_length=100, default="San José de Cúcuta")
    phones = models.CharField(_("phones"), max_length=200)
    extension = models.CharField(_("extension"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    mission_es = models.TextField(_("mission (Spanish)"))
    mission_en = models.TextField(_("mission (English)"), blank=True)
    secretary_name = models.CharField(_("Secretary's name"), max_length=200)
    secretary_profile_es = models.TextField(_("Secretary's profile (Spanish)"), blank=True)
    secretary_profile_en = models.TextField(_("Secretary's profile (English)"), blank=True)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("office")

    def __str__(self) -> str:
        return self.name

    @property
    def mission(self) -> str:
        return _pick(self.mission_es, self.mission_en)

    @property
    def secretary_profile(self) -> str:
        return _pick(self.secretary_profile_es, self.secretary_profile_en)
