"""The 5W spreadsheet: the XLSX template partners fill in, and the reader that checks every cell.

No database here: the reference lists come in as a `Vocabulary`, the rows go out as `RowInput`s
and the problems as `CellError`s (row and column, in the user's words), so the reader is tested
on its own and a refused file writes nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from puente.lib.names import fold, with_guess
from puente.lib.workbook import (
    CellError,
    Parsed,
    Refused,
    Template,
    add_choice_lists,
    add_mark,
    amount_in_cell,
    read_rows,
    saved,
    whole_number_in_cell,
)

from .models import AGE_FIELDS, SEX_FIELDS, count_problems

MARK = "puente-5w-1"  # written in the hidden sheet; a file without it is not the template
DATA_SHEET = "5W"
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


def _template() -> Template:
    return Template(
        mark=MARK,
        sheet=DATA_SHEET,
        max_rows=MAX_ROWS,
        max_bytes=MAX_UPLOAD_BYTES,
        max_unpacked=MAX_UNPACKED_BYTES,
        too_big=_("The file is larger than the 5 MB allowed."),
        unpacked_too_big=_("The workbook unpacks to more than 60 MB; it is not a 5W report."),
        not_template=_(
            "This workbook is not Puente's 5W template (its hidden check sheet is "
            "missing). Download the template and copy your rows into it."
        ),
        sheet_missing=_("The template's sheet “5W” is missing."),
        too_many_rows=_("The workbook has more than %(n)s rows; split it by period.")
        % {"n": MAX_ROWS},
        headers=tuple(c.header for c in COLUMNS),
        wrong_header=_(
            "The first row of sheet “5W” is not the template's header row. "
            "Download the template again and copy your rows into it."
        ),
    )


# --- writing the template -------------------------------------------------------------------


def build_template(vocabulary: Vocabulary) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append([c.header for c in COLUMNS])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    choices = {
        "sector": vocabulary.sector_labels,
        "municipality": vocabulary.municipality_names(),
        "population": vocabulary.population_labels,
        "nationality": NATIONALITY_CHOICES,
        "currency": sorted(vocabulary.currencies),
    }
    add_choice_lists(
        book, sheet, {_position(key): values for key, values in choices.items()}, MAX_ROWS
    )
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
    add_mark(book, MARK)
    return saved(book)


def _position(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)


# --- reading an upload ----------------------------------------------------------------------


def read_upload(data: bytes, vocabulary: Vocabulary) -> Parsed[RowInput]:
    """Every row checked; raises `Refused` when the file as a whole cannot be read."""
    parsed: Parsed[RowInput] = Parsed([], [])
    read_rows(data, _template(), lambda line, values: _read_row(line, values, vocabulary, parsed))
    return parsed


def read_records(records: list[dict[str, Any]], vocabulary: Vocabulary) -> Parsed[RowInput]:
    """Rows sent as data (the API's JSON), checked exactly as the spreadsheet's cells are, with
    the same messages: row n is the n-th record, fields are named by COLUMNS' keys."""
    if len(records) > MAX_ROWS:
        raise Refused(_("More than %(n)s rows; send them by period.") % {"n": MAX_ROWS})
    parsed: Parsed[RowInput] = Parsed([], [])
    for line, record in enumerate(records, start=1):
        _read_row(line, tuple(record.get(c.key) for c in COLUMNS), vocabulary, parsed)
    return parsed


def _read_row(
    line: int, values: tuple[Any, ...], vocabulary: Vocabulary, parsed: Parsed[RowInput]
) -> None:
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
        number = whole_number_in_cell(cells[key])
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
        amount = amount_in_cell(cells["amount"])
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
    message = _("“%(value)s” is not a municipality of Norte de Santander.") % {"value": value}
    return with_guess(message, value, vocabulary.municipality_names())
