"""Site search: pages, announcements, activities, partners, events and border work, ranked."""

from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puente.border.models import Obstacle, Study
from puente.events.models import Event
from puente.lib.textsearch import matches_all, score, search, words_of
from puente.portal.models import Announcement, Function, Guideline, Office
from puente.portal.selectors import public_partners
from puente.portfolio.models import Activity

# Database sources give their best candidates; more would be noise on a results page.
CANDIDATES = 60
MAX_QUERY = 200

KINDS = {
    "page": gettext_lazy("Pages"),
    "announcement": gettext_lazy("Announcements"),
    "activity": gettext_lazy("Activities"),
    "partner": gettext_lazy("Partners"),
    "event": gettext_lazy("Events"),
    "border": gettext_lazy("Border"),
}


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    summary: str
    url: str
    score: float

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])


def _excerpt(text: str) -> str:
    return Truncator(strip_tags(text)).words(30)


def page_hits(words: list[str]) -> list[Hit]:
    secretariat = reverse("portal:secretariat")
    hits = []
    numbered: list[tuple[str, str, list[Function] | list[Guideline]]] = [
        ("function", _("Function %(n)d of the Secretariat"), list(Function.objects.all())),
        ("guideline", _("Policy guideline %(n)d"), list(Guideline.objects.all())),
    ]
    for anchor, title, items in numbered:
        for item in items:
            if matches_all(words, item.text_es, item.text_en):
                hits.append(
                    Hit("page", title % {"n": item.number}, item.text,
                        f"{secretariat}#{anchor}-{item.number}",
                        score(words, "", item.text_es, item.text_en))
                )  # fmt: skip
    office = Office.objects.first()
    pages = [
        (str(_("The Secretariat")), secretariat,
         [str(_("mission functions secretary")), *(
             [office.mission_es, office.mission_en, office.secretary_name,
              office.secretary_profile_es, office.secretary_profile_en] if office else [])]),
        (str(_("Contact and office hours")), reverse("portal:contact"),
         [str(_("contact address phone office hours email")),
          *([office.address, office.city, office.phones, office.email] if office else [])]),
        (str(_("Open data")), reverse("portal:opendata"),
         [str(_("open data datasets download CSV XLSX JSON IATI transparency"))]),
        (str(_("Map of cooperation")), reverse("portal:map"),
         [str(_("map municipalities cooperation territory"))]),
    ]  # fmt: skip
    for title, url, texts in pages:
        if matches_all(words, title, *texts):
            hits.append(Hit("page", title, _excerpt(texts[1] if len(texts) > 1 else texts[0]),
                            url, score(words, title, *texts)))  # fmt: skip
    return hits


def partner_hits(words: list[str]) -> list[Hit]:
    partners = public_partners()
    activities = reverse("portal:activities")
    return [
        Hit("partner", org.short_name if org.acronym else org.name,
            " · ".join(filter(None, [org.name if org.acronym else "", _excerpt(org.description)])),
            f"{activities}?organisation={org.pk}",
            score(words, f"{org.acronym} {org.name}", org.description))
        for org in partners
        if matches_all(words, org.acronym, org.name, org.description)
    ]  # fmt: skip


def announcement_hits(text: str, words: list[str]) -> list[Hit]:
    found = search(Announcement.objects.published(), text).order_by("-rank", "-publish_at")
    return [
        Hit("announcement", a.title, a.summary, a.get_absolute_url(),
            score(words, a.title, a.summary, strip_tags(a.body)))
        for a in islice(found, CANDIDATES)
    ]  # fmt: skip


def event_hits(words: list[str]) -> list[Hit]:
    events = Event.objects.public().select_related("municipality").order_by("-starts_at")
    return [
        Hit("event", e.title,
            " · ".join(filter(None, [date_format(e.starts_at, "DATE_FORMAT"), e.place])),
            e.get_absolute_url(), score(words, e.title, e.description, e.venue))
        for e in events
        if matches_all(words, e.title_es, e.title_en, e.description_es, e.description_en, e.venue)
    ]  # fmt: skip


def border_hits(text: str, words: list[str]) -> list[Hit]:
    """Published obstacles to border life, and the public studies library."""
    hits = [
        Hit("border", o.title, _excerpt(o.public_summary), o.get_absolute_url(),
            score(words, o.title, o.public_summary, o.measure))
        for o in Obstacle.objects.public()
        if matches_all(words, o.title, o.public_summary_es, o.public_summary_en, o.measure)
    ]  # fmt: skip
    studies = search(Study.objects.filter(is_public=True), text).order_by("-rank", "-year")
    library = reverse("border:studies")
    hits += [
        Hit("border", s.title, _excerpt(s.summary), f"{library}?{urlencode({'q': s.title})}",
            score(words, s.title, s.summary, s.keywords))
        for s in islice(studies, CANDIDATES)
    ]  # fmt: skip
    return hits


def activity_hits(text: str, words: list[str]) -> tuple[list[Hit], int]:
    found = search(Activity.objects.public(), text)
    total = found.count()
    best = found.order_by("-rank", "-pk").only(
        "pk", "title_es", "title_en", "description_es", "description_en"
    )[:CANDIDATES]
    hits = [
        Hit("activity", a.title, _excerpt(a.description),
            reverse("portal:activity", args=[a.pk]),
            score(words, a.title, a.description))
        for a in best
    ]  # fmt: skip
    return hits, total


def site_search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    kind = request.GET.get("kind", "")
    words = words_of(text)
    hits: list[Hit] = []
    activities_total = 0
    if words:
        activity_results, activities_total = activity_hits(text, words)
        hits = [
            *page_hits(words),
            *partner_hits(words),
            *announcement_hits(text, words),
            *activity_results,
            *event_hits(words),
            *border_hits(text, words),
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.title))
    counts = {key: sum(1 for h in hits if h.kind == key) for key in KINDS}
    shown = [h for h in hits if h.kind == kind] if kind in KINDS else hits
    page = Paginator(shown, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "portal/search.html",
        {
            "q": text,
            "search_q": text,
            "kind": kind if kind in KINDS else "",
            "page": page,
            "query": query.urlencode(),
            "facets": [(key, KINDS[key], counts[key]) for key in KINDS],
            "activities_total": activities_total,
            "activities_url": f"{reverse('portal:activities')}?{urlencode({'q': text})}",
        },
    )
