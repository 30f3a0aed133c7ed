"""Admin: a read-only view of PQRSD requests (every change goes through the audited staff pages)."""

from django.contrib import admin
from django.http import HttpRequest

from .models import PublishedReport, Request


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


admin.site.register(
    Request,
    ReadOnlyAdmin,
    list_display=["filing_number", "kind", "subject", "status", "due_on"],
    list_filter=["status", "kind", "subject"],
    search_fields=["filing_number", "title"],
)
admin.site.register(PublishedReport, ReadOnlyAdmin, list_display=["__str__", "published_at"])
