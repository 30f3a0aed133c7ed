"""App configuration for the portal app."""

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "puente.portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        from puente.lib.bulk import bulk_written

        from .pagecache import new_generation

        # Any write may change a public page; kept pages are forgotten rather than reasoned about.
        post_save.connect(new_generation, dispatch_uid="portal-page-cache-save")
        post_delete.connect(new_generation, dispatch_uid="portal-page-cache-delete")
        bulk_written.connect(new_generation, dispatch_uid="portal-page-cache-bulk")
