"""App configuration for operations: error pages, backups and restores."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "puente.operations"
    verbose_name = _("Operations")
