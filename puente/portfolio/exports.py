"""CSV and XLSX exports of the staff's filtered activity list (the CSV is streamed)."""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.timezone import localdate

from puente.lib.tabular import table_response

from .models import Activity

COLUMNS = [
    "id",
    "iati_identifier",
    "level",
    "title_es",
    "title_en",
    "stage",
    "iati_status",
    "planned_start",
    "planned_end",
    "organisations",
    "sectors",
    "municipalities",
    "public",
]


def _rows(qs: QuerySet[Activity]) -> Iterator[list[str]]:
    qs = qs.prefetch_related(
        "participations__organisation", "sectors__sector", "locations__municipality"
    )
    for a in qs.iterator(chunk_size=2000):
        yield [
            str(a.pk),
            a.iati_identifier or "",
            a.level,
            a.title_es,
            a.title_en,
            a.stage,
            a.iati_status,
            a.planned_start.isoformat() if a.planned_start else "",
            a.planned_end.isoformat() if a.planned_end else "",
            "; ".join(
                f"{p.organisation.short_name} ({p.get_role_display()})"
                for p in a.participations.all()
            ),
            "; ".join(f"{s.sector_id} ({s.percentage}%)" for s in a.sectors.all()),
            "; ".join(
                sorted({loc.municipality.name for loc in a.locations.all() if loc.municipality})
            ),
            "yes" if a.is_public else "no",
        ]


def export_activities(qs: QuerySet[Activity], fmt: str) -> HttpResponse | StreamingHttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return table_response(f"activities-{localdate().isoformat()}", fmt, COLUMNS, _rows(qs))
