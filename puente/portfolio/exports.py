"""CSV and XLSX exports of a filtered activity list, streamed so a large list stays cheap."""

import csv
from collections.abc import Iterator
from io import BytesIO

from django.db.models import QuerySet
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.timezone import localdate
from openpyxl import Workbook

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


class _Echo:
    def write(self, value: str) -> str:
        return value


def _safe_cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def export_activities(qs: QuerySet[Activity], fmt: str) -> HttpResponse | StreamingHttpResponse:
    stamp = localdate().isoformat()
    if fmt == "csv":
        writer = csv.writer(_Echo())
        lines = (
            writer.writerow([_safe_cell(c) for c in row]) for row in _chain([COLUMNS], _rows(qs))
        )
        stream = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        stream["Content-Disposition"] = f'attachment; filename="activities-{stamp}.csv"'
        return stream
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet("activities")
        sheet.append(COLUMNS)
        for row in _rows(qs):
            sheet.append([_safe_cell(c) for c in row])
        buffer = BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="activities-{stamp}.xlsx"'
        return response
    raise Http404


def _chain(*parts):  # type: ignore[no-untyped-def]
    for part in parts:
        yield from part
