"""Tables as downloads: CSV (streamed), XLSX and JSON, with formula injection neutralised."""

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from io import BytesIO

from django.http import Http404, HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

FORMATS = ("csv", "xlsx", "json")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    def write(self, value: str) -> str:
        return value


def safe_cell(value: object) -> object:
    # A text cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def table_response(
    name: str,
    fmt: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    extra_header_rows: Sequence[Sequence[str]] = (),
) -> HttpResponse | StreamingHttpResponse:
    """`extra_header_rows` follow the header in CSV and XLSX (e.g. an HXL hashtag row)."""
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines() -> Iterator[str]:
            yield writer.writerow(header)
            for extra in extra_header_rows:
                yield writer.writerow(extra)
            for row in rows:
                yield writer.writerow([safe_cell(c) for c in row])

        response: HttpResponse | StreamingHttpResponse = StreamingHttpResponse(
            lines(), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        book = Workbook(write_only=True)
        add_sheet(book, name, header, rows, extra_header_rows)
        response = HttpResponse(_saved(book), content_type=XLSX)
    elif fmt == "json":
        records = [dict(zip(header, row, strict=True)) for row in rows]
        response = HttpResponse(
            json.dumps(records, ensure_ascii=False, default=str),
            content_type="application/json; charset=utf-8",
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def add_sheet(
    book: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    extra_header_rows: Sequence[Sequence[str]] = (),
) -> None:
    """One sheet of a write-only workbook: the header stays in view and filters; numbers and
    dates stay numbers and dates."""
    sheet = book.create_sheet(title[:31])
    sheet.freeze_panes = f"A{2 + len(extra_header_rows)}"
    sheet.append(list(header))
    for extra in extra_header_rows:
        sheet.append(list(extra))
    last = 1 + len(extra_header_rows)
    for row in rows:
        sheet.append([safe_cell(c) for c in row])
        last += 1
    # With a hashtag row under the header, the filter buttons sit on the hashtags.
    first = 1 + len(extra_header_rows)
    sheet.auto_filter.ref = f"A{first}:{get_column_letter(max(len(header), 1))}{last}"


def workbook_response(
    name: str, sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[object]]]]
) -> HttpResponse:
    """An XLSX download of several sheets, each (title, header, rows)."""
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        add_sheet(book, title, header, rows)
    response = HttpResponse(_saved(book), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def _saved(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
