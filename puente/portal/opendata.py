"""Open data: the public datasets in CSV (with an HXL hashtag row), XLSX and JSON."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from puente.portfolio.models import Activity
from puente.portfolio.selectors import activities_per_municipality
from puente.tabular import FORMATS, table_response

from .selectors import public_partners

LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: StrOrPromise
    description: StrOrPromise
    columns: list[tuple[str, str]]  # (column, HXL hashtag)
    rows: Callable[[], Iterator[list[object]]]

    @property
    def header(self) -> list[str]:
        return [c for c, _tag in self.columns]

    @property
    def hashtags(self) -> list[str]:
        return [tag for _c, tag in self.columns]


def _activities() -> Iterator[list[object]]:
    qs = (
        Activity.objects.public()
        .order_by("pk")
        .prefetch_related("participations__organisation", "sectors", "locations__municipality")
    )
    for a in qs.iterator(chunk_size=1000):
        places = [loc.municipality for loc in a.locations.all() if loc.municipality]
        yield [
            a.pk,
            a.iati_identifier or "",
            a.title_es,
            a.title_en,
            a.stage,
            a.planned_start.isoformat() if a.planned_start else "",
            a.planned_end.isoformat() if a.planned_end else "",
            "; ".join(p.organisation.name for p in a.participations.all()),
            "; ".join(s.sector_id for s in a.sectors.all()),
            "; ".join(m.code for m in places),
            "; ".join(m.name for m in places),
            "yes" if a.humanitarian else "no",
        ]


def _partners() -> Iterator[list[object]]:
    for o in public_partners().order_by("name"):
        yield [o.name, o.acronym, o.kind, o.country_id or "", o.website, o.public_activities]  # type: ignore[attr-defined]


def _municipalities() -> Iterator[list[object]]:
    for m, n in activities_per_municipality(Activity.objects.public()):
        yield [m.code, m.name, "yes" if m.border_zone else "no", n]


DATASETS = {
    d.slug: d
    for d in [
        Dataset(
            "activities",
            _("Cooperation activities"),
            _("Every public cooperation activity: who, what, where, when."),
            [("id", "#activity+id"), ("iati_identifier", "#activity+code"), ("title_es", "#activity+name+i_es"),
             ("title_en", "#activity+name+i_en"), ("stage", "#status"), ("start", "#date+start"),
             ("end", "#date+end"), ("organisations", "#org+name"), ("sectors", "#sector+code"),
             ("municipality_codes", "#adm2+code"), ("municipalities", "#adm2+name"),
             ("humanitarian", "#indicator+humanitarian")],
            _activities,
        ),
        Dataset(
            "partners",
            _("Cooperation partners"),
            _("The organisations with public activities in the department."),
            [("name", "#org+name"), ("acronym", "#org+acronym"), ("type", "#org+type"),
             ("country", "#country+code"), ("website", "#meta+url"), ("public_activities", "#indicator+activities+num")],
            _partners,
        ),
        Dataset(
            "municipalities",
            _("Activities by municipality"),
            _("How many public activities reach each municipality of Norte de Santander."),
            [("divipola", "#adm2+code"), ("municipality", "#adm2+name"), ("border", "#geo+border"),
             ("public_activities", "#indicator+activities+num")],
            _municipalities,
        ),
    ]
}  # fmt: skip


def last_updated() -> datetime:
    return Activity.objects.public().aggregate(last=Max("updated_at"))["last"] or timezone.now()


def catalogue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/opendata.html",
        {
            "datasets": DATASETS.values(),
            "formats": FORMATS,
            "licence": LICENCE,
            "updated": last_updated(),
        },
    )


def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse | StreamingHttpResponse:
    dataset = DATASETS.get(slug)
    if dataset is None or fmt not in FORMATS:
        raise Http404
    hxl = [dataset.hashtags] if fmt in ("csv", "xlsx") else []
    return table_response(slug, fmt, dataset.header, dataset.rows(), extra_header_rows=hxl)
