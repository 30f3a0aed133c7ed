"""Admin for the portal's content; staff normally use the workspace pages under /staff/portal/."""

from django.contrib import admin

from .models import Album, ContactMessage, Function, Guideline, Office, TeamMember

admin.site.register(Function, list_display=["number", "theme", "text_es"], list_filter=["theme"])
admin.site.register(Guideline, list_display=["number", "text_es"])
admin.site.register(Office, list_display=["name", "phones"])
admin.site.register(TeamMember, list_display=["name", "position_es", "order", "is_published"])
# Photos need their renditions made by the gallery service: albums are read here, not written.
admin.site.register(Album, list_display=["title_es", "taken_on", "is_published"])
admin.site.register(
    ContactMessage,
    list_display=["received_at", "name", "subject", "handled_at"],
    search_fields=["name", "email", "subject"],
)
