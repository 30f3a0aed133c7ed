"""Reads shared by the portal's pages: partners, announcements, the home page's figures."""

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet

from puente.directory.models import Organisation
from puente.portfolio.lifecycle import Stage
from puente.portfolio.models import Activity
from puente.territory.names import fold

from .models import Album, AnnouncementQuerySet


def public_partners() -> QuerySet[Organisation]:
    """Organisations taking part in at least one public activity, with how many."""
    return Organisation.objects.annotate(
        public_activities=Count(
            "participations__activity",
            filter=Q(participations__activity__is_public=True),
            distinct=True,
        )
    ).filter(public_activities__gt=0)


def filter_announcements(
    announcements: AnnouncementQuerySet, q: str = "", kind: str = "", status: str = ""
) -> AnnouncementQuerySet:
    """The staff list's filters; words match titles and texts, accents and case ignored."""
    for word in fold(q).split():
        announcements = announcements.filter(search_text__contains=word)
    if kind:
        announcements = announcements.filter(kind=kind)
    return announcements.with_status(status)


def filter_albums(q: str = "", status: str = "") -> QuerySet[Album]:
    """The staff gallery list: words in titles and texts (accents and case ignored), status."""
    # Grouped queries drop Meta.ordering: the order is restated for stable pages.
    albums = Album.objects.annotate(photo_count=Count("photos")).order_by("-taken_on", "-pk")
    for word in fold(q).split():
        albums = albums.filter(search_text__contains=word)
    if status in ("published", "draft"):
        albums = albums.filter(is_published=status == "published")
    return albums


# Counting every public activity was the home page's whole cost (bench/portal.py); figures a
# few minutes old are fine on a public front page.
FIGURES_SECONDS = 300


def home_figures() -> dict[str, int]:
    """Activities in execution, public activities, partners: cached for a few minutes."""

    def count() -> dict[str, int]:
        public = Activity.objects.public()
        return {
            "active": public.filter(stage=Stage.EXECUTION).count(),
            "public": public.count(),
            "partners": public_partners().count(),
        }

    return cache.get_or_set("portal:home-figures", count, FIGURES_SECONDS)  # type: ignore[return-value]
