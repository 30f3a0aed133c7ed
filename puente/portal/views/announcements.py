"""Public announcements: the list with its yearly archive, one announcement, its files, feeds."""

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy

from puente.accounts.roles import is_secretariat
from puente.lib.paging import page_of
from puente.lib.uploads import download_response, image_response
from puente.portal.models import Announcement, AnnouncementDocument, AnnouncementKind

FEED_LENGTH = 20


def announcement_list(request: HttpRequest) -> HttpResponse:
    published = Announcement.objects.published()
    years = list(
        published.annotate(year=ExtractYear("publish_at"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    shown = published
    year = request.GET.get("year", "")
    if year.isdigit() and int(year) in years:
        shown = shown.filter(publish_at__year=int(year))
    else:
        year = ""
    kind = request.GET.get("kind", "")
    if kind in AnnouncementKind.values:
        shown = shown.filter(kind=kind)
    else:
        kind = ""
    page, query = page_of(request, shown, per_page=10)
    return render(
        request,
        "portal/announcements.html",
        {
            "page": page,
            "query": query,
            "years": years,
            "year": year,
            "kinds": AnnouncementKind.choices,
            "kind": kind,
        },
    )


def _visible(request: HttpRequest, pk: int) -> Announcement:
    """The announcement if the public may see it; staff also reach drafts (for previews)."""
    queryset: QuerySet[Announcement] = (
        Announcement.objects.all()
        if is_secretariat(request.user)
        else Announcement.objects.published()
    )
    return get_object_or_404(queryset, pk=pk)


def announcement_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    announcement = get_object_or_404(Announcement.objects.published(), pk=pk)
    if slug != announcement.slug:
        return redirect(announcement, permanent=True)
    return render(request, "portal/announcement.html", {"announcement": announcement})


def announcement_image(request: HttpRequest, pk: int) -> FileResponse:
    return image_response(_visible(request, pk).image, max_age=3600)


def announcement_document(request: HttpRequest, pk: int, document_id: int) -> FileResponse:
    announcement = _visible(request, pk)
    document = get_object_or_404(AnnouncementDocument, pk=document_id, announcement=announcement)
    return download_response(
        document.file, f"{document.title[:80]}.{document.extension.lower()}", document.content_type
    )


class AnnouncementFeed(Feed):
    """RSS 2.0 of the latest published announcements, in the language of the URL."""

    title = gettext_lazy("Announcements · Secretariat of Frontiers and International Cooperation")
    description = gettext_lazy("News and public notices of the Secretariat.")

    def link(self) -> str:
        return reverse("portal:announcements")

    def items(self) -> QuerySet[Announcement]:
        return Announcement.objects.published()[:FEED_LENGTH]

    def item_title(self, item: Announcement) -> str:
        return item.title

    def item_description(self, item: Announcement) -> str:
        return item.summary

    def item_pubdate(self, item: Announcement) -> datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Announcement) -> datetime | None:
        return item.updated_at

    def item_categories(self, item: Announcement) -> list[str]:
        return [str(item.get_kind_display())]


class AnnouncementAtomFeed(AnnouncementFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return str(self.description)
