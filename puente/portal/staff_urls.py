"""Staff URLs for the portal's content (under /staff/portal/)."""

from django.urls import path

from .views.staff import announcements, gallery, office

app_name = "content"
urlpatterns = [
    path("announcements/", announcements.announcement_list, name="announcements"),
    path("announcements/new/", announcements.announcement_edit, name="announcement-create"),
    path("announcements/<int:pk>/", announcements.announcement_edit, name="announcement-edit"),
    path(
        "announcements/<int:pk>/preview/",
        announcements.announcement_preview,
        name="announcement-preview",
    ),
    path(
        "announcements/<int:pk>/delete/",
        announcements.announcement_delete,
        name="announcement-delete",
    ),
    path(
        "announcements/<int:pk>/history/",
        announcements.announcement_history,
        name="announcement-history",
    ),
    path("office/", office.office_edit, name="office"),
    path("secretariat/", office.secretariat_edit, name="secretariat"),
    path("messages/", office.message_list, name="messages"),
    path("messages/<int:pk>/", office.message_detail, name="message"),
    path("gallery/", gallery.album_list, name="albums"),
    path("gallery/new/", gallery.album_edit, name="album-create"),
    path("gallery/<int:pk>/", gallery.album_edit, name="album-edit"),
    path("gallery/<int:pk>/delete/", gallery.album_delete, name="album-delete"),
    path("gallery/<int:pk>/history/", gallery.album_history, name="album-history"),
]
