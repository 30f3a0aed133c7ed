"""URLs of the public site (under the language prefix, with words in the page's language)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import announcements, cooperation, gallery, home, opendata, search

app_name = "portal"
urlpatterns = [
    path("", home.home, name="home"),
    path(_("secretariat/"), home.secretariat, name="secretariat"),
    path(_("partners/"), home.partners, name="partners"),
    path(_("contact/"), home.contact, name="contact"),
    path(_("contact/write/"), home.contact_form, name="contact-form"),
    path(_("secretariat/secretary-photo/"), home.secretary_photo, name="secretary-photo"),
    path(_("search/"), search.site_search, name="search"),
    path(_("announcements/"), announcements.announcement_list, name="announcements"),
    path(_("announcements/rss/"), announcements.AnnouncementFeed(), name="announcements-rss"),
    path(_("announcements/atom/"), announcements.AnnouncementAtomFeed(), name="announcements-atom"),
    path(
        _("announcements/<int:pk>/<slug:slug>/"),
        announcements.announcement_detail,
        name="announcement",
    ),
    path(
        _("announcements/image/<int:pk>/"),
        announcements.announcement_image,
        name="announcement-image",
    ),
    path(
        _("announcements/documents/<int:pk>/<int:document_id>/"),
        announcements.announcement_document,
        name="announcement-document",
    ),
    path(_("gallery/"), gallery.album_list, name="gallery"),
    path(_("gallery/<int:pk>/<slug:slug>/"), gallery.album_detail, name="album"),
    path(
        _("gallery/<int:pk>/<slug:slug>/photo/<int:photo_id>/"),
        gallery.photo_detail,
        name="photo",
    ),
    path(_("gallery/image/<int:pk>/<str:size>/"), gallery.photo_image, name="photo-image"),
    path(_("cooperation/activities/"), cooperation.activity_list, name="activities"),
    path(_("cooperation/activities/<int:pk>/"), cooperation.activity_detail, name="activity"),
    path(_("cooperation/map/"), cooperation.activity_map, name="map"),
    path(_("cooperation/resources/"), cooperation.resources, name="resources"),
    path(_("open-data/"), opendata.catalogue, name="opendata"),
    path(_("open-data/<slug:slug>.<str:fmt>"), opendata.download, name="opendata-file"),
]
