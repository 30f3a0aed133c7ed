"""App configuration for the API app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "puente.api"
    verbose_name = _("API")
