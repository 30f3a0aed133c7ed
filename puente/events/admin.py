"""Admin: events and registrations for administrators (staff use /staff/events/)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event, Registration

admin.site.register(
    Event, SimpleHistoryAdmin, list_display=["title_es", "kind", "starts_at", "is_published"],
    list_filter=["kind", "is_published"], search_fields=["title_es"],
)  # fmt: skip
admin.site.register(
    Registration, SimpleHistoryAdmin, list_display=["name", "event", "status", "attended"],
    list_filter=["status", "attended"], search_fields=["email", "name"],
)  # fmt: skip
