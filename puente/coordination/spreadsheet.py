"""The 5W spreadsheet: the XLSX template partners fill in, and the reader that checks every cell.

No database here: the reference lists come in as a `Vocabulary`, the rows go out as `RowInput`s
and the problems as `CellError`s (row and column, in the user's words), so the reader is tested
on its own and a refused file writes nothing.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from rapidfuzz import fuzz, process

from puente.lib.names import fold
from puente.lib.uploads import has_macros, unpacked_bytes

from .models import AGE_FIELDS, SEX_FIELDS, count_problems

MARK = "puente-5w-1"  # written in the hidden sheet; a file without it is not the template
DATA_SHEET = "5W"
LISTS_SHEET = "listas"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # a zip bomb unpacks to far more than this
MAX_ROWS = 20_000
# Far above the department's 1.6 million people, far below what a database column holds.
MAX_PEOPLE = 10_000_000


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # bilingual and fixed: the file is a data format, read in either language
    required: bool = False
    width: int = 14


COLUMNS = [
    Column("activity_name", "Actividad / Activity", True, 40),
    Column("sector", "Sector CAD / DAC sector", True, 34),
    Column("municipality", "Municipio / Municipality", True, 22),
    Column("locality", "Localidad / Locality", False, 22),
    Column("population", "Población / Population", True, 30),
    Column("nationality", "Nacionalidad / Nationality", True, 18),
    Column("targeted", "Personas objetivo / People targeted", True),
    Column("female", "Mujeres y niñas / Women and girls"),
    Column("male", "Hombres y niños / Men and boys"),
    Column("other_sex", "Otro o sin dato / Other or not stated"),
    Column("age_0_17", "0-17 años / years"),
    Column("age_18_59", "18-59 años / years"),
    Column("age_60_plus", "60+ años / years"),
    Column("amount", "Monto / Amount"),
    Column("currency", "Moneda / Currency", False, 10),
]
COUNT_KEYS = ("targeted", *SEX_FIELDS, *AGE_FIELDS)
NATIONALITIES = {
    "colombiana": "colombian",
    "colombiano": "colombian",
    "colombian": "colombian",
    "venezolana": "venezuelan",
    "venezolano": "venezuelan",
    "venezuelan": "venezuelan",
    "retornada": "returnee",
    "retornado": "returnee",
    "colombiana retornada": "returnee",
    "colombiano retornado": "returnee",
    "returnee": "returnee",
    "colombian returnee": "returnee",
}
GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
WHOLE = re.compile(r"^-?\d+$")
NATIONALITY_CHOICES = ["Colombiana", "Venezolana", "Colombiana retornada"]


@dataclass
class Vocabulary:
    """The reference lists a row is checked against (built from the database by the caller)."""

    municipalities: dict[str, int]  # exact name and DIVIPOLA code -> id
    sectors: dict[str, str]  # "121 – Salud general" and "121" -> "121" (codes partners may use)
    populations: dict[str, str]  # Spanish name, English name and code, folded -> code
    currencies: set[str]
    sector_labels: list[str] = field(default_factory=list)  # the dropdown, in order
    population_labels: list[str] = field(default_factory=list)

    def municipality_names(self) -> list[str]:
        return sorted(name for name in self.municipalities if not name.isdigit())


@dataclass
class RowInput:
    line: int
    activity_name: str
    sector: str
    municipality_id: int
    locality: str
    population: str
    nationality: str
    counts: dict[str, int]
    amount: Decimal | None
    currency: str


@dataclass(frozen=True)
class CellError:
    line: int
    column: str  # the template's header, as the partner reads it
    message: str
    key: str = ""  # the field's name, as the API reads it


@dataclass
class Parsed:
    rows: list[RowInput]
    errors: list[CellError]

    @property
    def lines_with_errors(self) -> set[int]:
        return {e.line for e in self.errors}


class Refused(Exception):
    """The whole file is refused (not the template, macros, formulas, too big): nothing is read."""


# --- writing the template -------------------------------------------------------------------


def build_template(vocabulary: Vocabulary) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append([c.header for c in COLUMNS])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    choices = {
        "sector": vocabulary.sector_labels,
        "municipality": vocabulary.municipality_names(),
        "population": vocabulary.population_labels,
        "nationality": NATIONALITY_CHOICES,
        "currency": sorted(vocabulary.currencies),
    }
    for list_index, (key, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(list_index)
        for row, value in enumerate(values, start=1):
            lists.cell(row=row, column=list_index, value=value)
        target = get_column_letter(_position(key))
        check = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!${letter}$1:${letter}${max(len(values), 1)}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Puente",
            error="Elija un valor de la lista / Choose a value from the list",
        )
        check.add(f"{target}2:{target}{MAX_ROWS + 1}")
        sheet.add_data_validation(check)
    counts = DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        showErrorMessage=True,
        error="Un número entero ≥ 0 / A whole number ≥ 0",
    )
    first, last = _position("targeted"), _position("age_60_plus")
    counts.add(f"{get_column_letter(first)}2:{get_column_letter(last)}{MAX_ROWS + 1}")
    sheet.add_data_validation(counts)
    mark = book.create_sheet("puente")
    mark["A1"] = MARK
    mark.sheet_state = "veryHidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _position(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)


# --- reading an upload ----------------------------------------------------------------------


def read_upload(data: bytes, vocabulary: Vocabulary) -> Parsed:
    """Every row checked; raises `Refused` when the file as a whole cannot be read."""
    book = _open_workbook(data)
    try:
        return _read_sheet(book[DATA_SHEET], vocabulary)
    except Refused:
        raise
    except Exception:  # noqa: BLE001 - a sheet's XML is parsed as it streams: any fault refuses
        raise Refused(_unreadable()) from None
    finally:
        book.close()


def read_records(records: list[dict[str, Any]], vocabulary: Vocabulary) -> Parsed:
    """Rows sent as data (the API's JSON), checked exactly as the spreadsheet's cells are, with
    the same messages: row n is the n-th record, fields are named by COLUMNS' keys."""
    if len(records) > MAX_ROWS:
        raise Refused(_("More than %(n)s rows; send them by period.") % {"n": MAX_ROWS})
    parsed = Parsed([], [])
    for line, record in enumerate(records, start=1):
        _read_row(line, tuple(record.get(c.key) for c in COLUMNS), vocabulary, parsed)
    return parsed


def _read_sheet(sheet: Any, vocabulary: Vocabulary) -> Parsed:
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    expected = [c.header for c in COLUMNS]
    found = [str(v).strip() if v is not None else "" for v in header][: len(expected)]
    if found != expected:
        raise Refused(
            _("The first row of sheet “5W” is not the template's header row. "
              "Download the template again and copy your rows into it.")
        )  # fmt: skip
    _refuse_formulas(sheet)
    parsed = Parsed([], [])
    for line, values in _data_rows(sheet):
        _read_row(line, values, vocabulary, parsed)
    return parsed


def _unreadable() -> str:
    return _("The workbook could not be read; it may be damaged. "
             "Save it again from your spreadsheet program.")  # fmt: skip


def _open_workbook(data: bytes) -> Any:
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(_("The file is larger than the 5 MB allowed."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise Refused(
            _("This is not an Excel workbook (.xlsx). Download the template and fill it in.")
        ) from None
    with archive:
        names = archive.namelist()
        if has_macros(archive):
            raise Refused(
                _(
                    "The workbook contains macros, which are not accepted. "
                    "Save it as a plain .xlsx workbook."
                )
            )
        if unpacked_bytes(archive) > MAX_UNPACKED_BYTES:
            raise Refused(_("The workbook unpacks to more than 60 MB; it is not a 5W report."))
        if "xl/workbook.xml" not in names:
            raise Refused(
                _("This is not an Excel workbook (.xlsx). Download the template and fill it in.")
            )
        try:
            content_types = archive.read("[Content_Types].xml")
        except KeyError:
            content_types = b""
        if b"macroEnabled" in content_types:
            raise Refused(
                _(
                    "The workbook contains macros, which are not accepted. "
                    "Save it as a plain .xlsx workbook."
                )
            )
    try:
        # read_only streams the sheet; openpyxl parses with defusedxml (installed) so entity
        # tricks in the XML are refused rather than expanded.
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise Refused(_unreadable()) from None
    if "puente" not in book.sheetnames or book["puente"]["A1"].value != MARK:
        book.close()
        raise Refused(
            _(
                "This workbook is not Puente's 5W template (its hidden check sheet is "
                "missing). Download the template and copy your rows into it."
            )
        )
    if DATA_SHEET not in book.sheetnames:
        book.close()
        raise Refused(_("The template's sheet “5W” is missing."))
    return book


def _refuse_formulas(sheet: Any) -> None:
    found = []
    for row in sheet.iter_rows(min_row=2, max_row=MAX_ROWS + 1):
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


def _data_rows(sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for line, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = tuple(values[: len(COLUMNS)]) + (None,) * (len(COLUMNS) - len(values))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if line > MAX_ROWS + 1:
            raise Refused(
                _("The workbook has more than %(n)s rows; split it by period.") % {"n": MAX_ROWS}
            )
        yield line, values


def _read_row(line: int, values: tuple[Any, ...], vocabulary: Vocabulary, parsed: Parsed) -> None:
    cells = {c.key: values[i] for i, c in enumerate(COLUMNS)}
    errors: list[CellError] = []

    def fail(key: str, message: str) -> None:
        header = next(c.header for c in COLUMNS if c.key == key)
        errors.append(CellError(line, header, message, key))

    text = {k: str(v).strip() if v is not None else "" for k, v in cells.items()}
    for column in COLUMNS:
        if column.required and not text[column.key]:
            fail(column.key, _("This column is required."))
    if len(text["activity_name"]) > 300:
        fail("activity_name", _("At most 300 characters."))
    sector = vocabulary.sectors.get(text["sector"]) or vocabulary.sectors.get(
        text["sector"].split(" ", 1)[0]
    )
    if text["sector"] and not sector:
        fail(
            "sector",
            _("“%(value)s” is not a DAC sector code; choose one from the list.")
            % {"value": text["sector"]},
        )
    municipality = vocabulary.municipalities.get(text["municipality"])
    if text["municipality"] and municipality is None:
        fail("municipality", _municipality_message(text["municipality"], vocabulary))
    population = vocabulary.populations.get(fold(text["population"]))
    if text["population"] and not population:
        fail(
            "population",
            _("“%(value)s” is not one of the populations in the list.")
            % {"value": text["population"]},
        )
    nationality = NATIONALITIES.get(fold(text["nationality"]))
    if text["nationality"] and not nationality:
        fail("nationality", _("Write Colombiana, Venezolana or Colombiana retornada."))
    counts: dict[str, int] = {}
    for key in COUNT_KEYS:
        number = _whole_number(cells[key])
        if number is None:
            fail(key, _("“%(value)s” is not a whole number.") % {"value": text[key]})
        elif abs(number) > MAX_PEOPLE:
            fail(key, _("%(value)s people is more than Norte de Santander holds; check the figure.")
                 % {"value": text[key]})  # fmt: skip
        else:
            counts[key] = number
    if len(counts) == len(COUNT_KEYS):
        for key, message in count_problems(dict(counts)).items():
            fail(key, message)
    try:
        amount = _amount(cells["amount"])
    except ValueError:
        amount = None
        fail("amount", _("“%(value)s” is not an amount.") % {"value": text["amount"]})
    if amount is not None and amount < 0:
        fail("amount", _("The amount cannot be negative."))
    currency = text["currency"].upper() or "COP"
    if currency not in vocabulary.currencies:
        fail(
            "currency",
            _("“%(value)s” is not an ISO 4217 currency code.") % {"value": text["currency"]},
        )
    if errors:
        parsed.errors.extend(errors)
        return
    parsed.rows.append(
        RowInput(
            line,
            text["activity_name"],
            str(sector),
            int(municipality or 0),
            text["locality"][:200],
            str(population),
            str(nationality),
            counts,
            amount,
            currency,
        )  # type: ignore[arg-type]
    )


def _municipality_message(value: str, vocabulary: Vocabulary) -> str:
    names = vocabulary.municipality_names()
    folded = {fold(n): n for n in names}
    guess = folded.get(fold(value))
    if guess is None:
        best = process.extractOne(fold(value), list(folded), scorer=fuzz.WRatio, score_cutoff=80)
        guess = folded[best[0]] if best else None
    message = _("“%(value)s” is not a municipality of Norte de Santander.") % {"value": value}
    if guess:
        message += " " + _("Did you mean “%(guess)s”?") % {"guess": guess}
    return message


def _whole_number(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip()
    if GROUPED.match(text):  # 1.500 or 1,500: thousands written with a separator
        return int(text.replace(".", "").replace(",", ""))
    return int(text) if WHOLE.match(text) else None


def _amount(value: Any) -> Decimal | None:
    """The amount in the cell, None when empty; ValueError when it is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError(value) from None
    if not amount.is_finite() or abs(amount) >= Decimal("1e14"):
        raise ValueError(value)
    return amount
