"""App configuration for the territory app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "puente.territory"
    verbose_name = _("Territory and codelists")
