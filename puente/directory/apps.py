"""App configuration for the directory app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "puente.directory"
    verbose_name = _("Directory")
