"""Staff URLs for the portal's content (under /staff/portal/)."""

from django.urls import path

from . import staff

app_name = "content"
urlpatterns = [
    path("announcements/", staff.announcement_list, name="announcements"),
    path("announcements/new/", staff.announcement_edit, name="announcement-create"),
    path("announcements/<int:pk>/", staff.announcement_edit, name="announcement-edit"),
    path(
        "announcements/<int:pk>/preview/", staff.announcement_preview, name="announcement-preview"
    ),
    path("announcements/<int:pk>/delete/", staff.announcement_delete, name="announcement-delete"),
    path(
        "announcements/<int:pk>/history/", staff.announcement_history, name="announcement-history"
    ),
]
