"""Spreadsheet templates people fill in: the lists and checks written into them, and the guards an
uploaded workbook passes before any cell is read (size, zip bombs, macros, formulas, the mark)."""

import io
import re
import zipfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .uploads import has_macros, unpacked_bytes

MARK_SHEET = "puente"
LISTS_SHEET = "listas"
GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
WHOLE = re.compile(r"^-?\d+$")


class Refused(Exception):
    """The whole file is refused (not the template, macros, formulas, too big): nothing is read."""


@dataclass(frozen=True)
class CellError:
    """A problem with one cell, named as people read the sheet."""

    line: int
    column: str  # the template's header
    message: str
    key: str = ""  # the column's key, as an API names the field
    sheet: str = ""


@dataclass
class Parsed[Row]:
    """What a sheet held: the rows read clean, and the problems of the others."""

    rows: list[Row]
    errors: list[CellError]

    @property
    def lines_with_errors(self) -> set[int]:
        return {e.line for e in self.errors}


@dataclass(frozen=True)
class Template:
    """One template's identity and limits, and what the refusals particular to it say."""

    mark: str  # written in a very hidden sheet: a workbook without it is not this template
    sheet: str  # the sheet people fill in
    max_rows: int
    max_bytes: int
    max_unpacked: int
    too_big: str
    unpacked_too_big: str
    not_template: str
    sheet_missing: str
    too_many_rows: str
    headers: tuple[str, ...]  # the first row, exactly
    wrong_header: str


def add_choice_lists(
    book: Workbook,
    sheet: Any,
    lists: dict[int, list[str]],
    max_rows: int,
    open_ended: Collection[int] = (),
) -> None:
    """A drop-down on each column (by its 1-based position) of `sheet`, its values kept in a
    hidden sheet (a list written into the check itself is limited to 255 characters). In the
    `open_ended` columns the list only suggests: a cell may hold several of its values."""
    hidden = book.create_sheet(LISTS_SHEET)
    hidden.sheet_state = "hidden"
    for list_index, (position, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(list_index)
        for row, value in enumerate(values, start=1):
            keep_as_text(hidden.cell(row=row, column=list_index, value=value))
        target = get_column_letter(position)
        check = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!${letter}$1:${letter}${max(len(values), 1)}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Puente",
            error="Elija un valor de la lista / Choose a value from the list",
        )
        if position in open_ended:
            # Excel's "information" style lets a typed value stand (with a note), where the
            # default refuses anything not in the list, "Cúcuta; Tibú" included.
            check.errorStyle = "information"
            check.error = "Varios valores: sepárelos con «;» / Several values: separate them with ;"
        check.add(f"{target}2:{target}{max_rows + 1}")
        sheet.add_data_validation(check)


def cell_text(value: Any) -> Any:
    """A value as a cell can hold it: text loses the characters a workbook cannot keep (a
    vertical tab pasted from a word processor); other values are as they are."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def keep_as_text(cell: Any) -> None:
    """A text that starts with "=" stays text: written as a formula it would run in the
    spreadsheet program (a title "=HYPERLINK(...)"), and the file could not come back, since an
    upload with formulas is refused. The text itself is kept as it is, for the round trip."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


def add_mark(book: Workbook, mark: str) -> None:
    sheet = book.create_sheet(MARK_SHEET)
    sheet["A1"] = mark
    sheet.sheet_state = "veryHidden"


def saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def not_xlsx() -> str:
    return _("This is not an Excel workbook (.xlsx). Download the template and fill it in.")


def unreadable() -> str:
    return _("The workbook could not be read; it may be damaged. "
             "Save it again from your spreadsheet program.")  # fmt: skip


def _macros() -> str:
    return _("The workbook contains macros, which are not accepted. "
             "Save it as a plain .xlsx workbook.")  # fmt: skip


def open_upload(data: bytes, template: Template) -> Any:
    """The uploaded workbook, opened for streaming once it has passed every guard."""
    if len(data) > template.max_bytes:
        raise Refused(template.too_big)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Refused(not_xlsx()) from None
    with archive:
        names = archive.namelist()
        if has_macros(archive):
            raise Refused(_macros())
        if unpacked_bytes(archive) > template.max_unpacked:
            raise Refused(template.unpacked_too_big)
        if "xl/workbook.xml" not in names:
            raise Refused(not_xlsx())
        try:
            content_types = archive.read("[Content_Types].xml")
        except KeyError:
            content_types = b""
        if b"macroEnabled" in content_types:
            raise Refused(_macros())
    try:
        # read_only streams the sheet; openpyxl parses with defusedxml (installed) so entity
        # tricks in the XML are refused rather than expanded.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise Refused(unreadable()) from None
    if MARK_SHEET not in book.sheetnames or book[MARK_SHEET]["A1"].value != template.mark:
        book.close()
        raise Refused(template.not_template)
    if template.sheet not in book.sheetnames:
        book.close()
        raise Refused(template.sheet_missing)
    return book


def refuse_formulas(sheet: Any, max_rows: int) -> None:
    found = []
    for row in sheet.iter_rows(min_row=2, max_row=max_rows + 1):
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                found.append(f"{cell.column_letter}{cell.row}")
    if found:
        raise Refused(
            _(
                "The workbook has formulas (in %(cells)s). Type the values instead: paste them "
                "as values only."
            )
            % {"cells": ", ".join(found[:5]) + ("…" if len(found) > 5 else "")}
        )


def header_matches(sheet: Any, expected: list[str]) -> bool:
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = [str(v).strip() if v is not None else "" for v in header][: len(expected)]
    return found == expected


def data_rows(sheet: Any, width: int, template: Template) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(line, values) of every row below the header that holds anything, `width` values each."""
    for line, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = tuple(values[:width]) + (None,) * (width - len(values))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if line > template.max_rows + 1:
            raise Refused(template.too_many_rows)
        yield line, values


def whole_number_in_cell(value: Any) -> int | None:
    """The whole number in a cell (0 when empty), None when it holds anything else; 1.500 and
    1,500 are thousands written with a separator."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip()
    if GROUPED.match(text):
        return int(text.replace(".", "").replace(",", ""))
    return int(text) if WHOLE.match(text) else None


def amount_in_cell(value: Any) -> Decimal | None:
    """The amount in a cell, None when empty; ValueError when it is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    text = str(value).strip()
    if GROUPED.match(text):  # 1.500 or 1,500: thousands written with a separator, as counts
        text = text.replace(".", "").replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    if not amount.is_finite() or abs(amount) >= Decimal("1e14"):
        raise ValueError(value)
    # Cents, as amounts are kept: 1234.5678 (or a float's 0.30000000000000004) read as kept,
    # so the same file read twice is the same amount.
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def read_rows(
    data: bytes, template: Template, read: Callable[[int, tuple[Any, ...]], None]
) -> None:
    """Each row below the header that holds anything, as (line, values) to `read`, once the file
    has passed every guard; raises `Refused` when the file as a whole cannot be read."""
    book = open_upload(data, template)
    try:
        sheet = book[template.sheet]
        if not header_matches(sheet, list(template.headers)):
            raise Refused(template.wrong_header)
        refuse_formulas(sheet, template.max_rows)
        for line, values in data_rows(sheet, len(template.headers), template):
            read(line, values)
    except Refused:
        raise
    except Exception:  # noqa: BLE001 - a sheet's XML is parsed as it streams: any fault refuses
        raise Refused(unreadable()) from None
    finally:
        book.close()
