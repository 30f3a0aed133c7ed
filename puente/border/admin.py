"""Admin for the border app's records (staff work in /staff/border/)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BinationalMeeting, Obstacle, Study

admin.site.register(
    Obstacle, SimpleHistoryAdmin, list_display=["title", "category", "status", "is_public"]
)
admin.site.register(BinationalMeeting, SimpleHistoryAdmin, list_display=["title", "held_on"])
admin.site.register(Study, SimpleHistoryAdmin, list_display=["title", "year", "kind", "is_public"])
