"""App configuration for the IATI app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IatiConfig(AppConfig):
    name = "puente.iati"
    verbose_name = _("IATI import and export")

    def ready(self) -> None:
        from puente.lib import work
        from puente.lib.dashboard import Panel, register

        from .panels import activity_check, imports_work

        work.register("imports", work.Source(_("IATI imports to review"), imports_work, 50))
        register(Panel("iati/_activity_check.html", activity_check, place="activity"))
