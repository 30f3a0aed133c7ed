"""App configuration for the portfolio app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "puente.portfolio"
    verbose_name = _("Cooperation portfolio")
