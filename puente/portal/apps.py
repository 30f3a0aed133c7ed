"""App configuration for the portal app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "puente.portal"
    verbose_name = _("Public portal")
