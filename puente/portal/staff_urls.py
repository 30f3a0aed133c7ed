"""Staff URLs for the portal's content (under /staff/portal/)."""

from django.urls import path

from . import gallery_staff, office_staff, staff

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
    path("office/", office_staff.office_edit, name="office"),
    path("secretariat/", office_staff.secretariat_edit, name="secretariat"),
    path("messages/", office_staff.message_list, name="messages"),
    path("messages/<int:pk>/", office_staff.message_detail, name="message"),
    path("gallery/", gallery_staff.album_list, name="albums"),
    path("gallery/new/", gallery_staff.album_edit, name="album-create"),
    path("gallery/<int:pk>/", gallery_staff.album_edit, name="album-edit"),
    path("gallery/<int:pk>/delete/", gallery_staff.album_delete, name="album-delete"),
    path("gallery/<int:pk>/history/", gallery_staff.album_history, name="album-history"),
]
