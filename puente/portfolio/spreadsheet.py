"""The portfolio spreadsheet: the XLSX template of activities staff fill in (empty, or holding the
activities of a list), and the reader that checks every cell.

No database here: reference lists come in as a `Vocabulary`, activities go out as `ActivityRow`s
and problems as `CellError`s naming sheet, row and column, so a refused file writes nothing.
An empty cell leaves what is stored as it is; a filled one sets it.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from puente.lib.names import fold, with_guess
from puente.lib.workbook import (
    CellError,
    Parsed,
    Refused,
    Template,
    add_choice_lists,
    add_mark,
    amount_in_cell,
    cell_text,
    keep_as_text,
    read_rows,
    saved,
    whole_number_in_cell,
)

MARK = "puente-portfolio-1"
DATA_SHEET = "Cartera"
MAX_ROWS = 20_000
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 120 * 1024 * 1024
ORGANISATION_SLOTS = 3
YES = {"si", "sí", "yes", "true", "1", "x"}
NO = {"no", "false", "0"}
SEPARATORS = re.compile(r"\s*[;\n]\s*")
DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # bilingual and fixed: the file is a data format, read in either language
    width: int = 16


COLUMNS = [
    Column("id", "Código Puente / Puente ID", 12),
    Column("iati_identifier", "Identificador IATI / IATI identifier", 26),
    Column("title_es", "Título / Title (es)", 48),
    Column("title_en", "Título en inglés / Title (en)", 36),
    Column("description_es", "Descripción / Description", 48),
    Column("level", "Nivel / Level", 14),
    Column("stage", "Etapa / Stage", 22),
    Column("planned_start", "Inicio previsto / Planned start", 14),
    Column("planned_end", "Fin previsto / Planned end", 14),
    Column("currency", "Moneda / Currency", 10),
    Column("budget_year", "Año del presupuesto / Budget year", 12),
    Column("budget", "Presupuesto / Budget", 18),
    Column("sector", "Sector CAD / DAC sector", 40),
    Column("municipalities", "Municipios / Municipalities", 30),
    *(
        column
        for n in range(1, ORGANISATION_SLOTS + 1)
        for column in (
            Column(f"organisation_{n}", f"Organización {n} / Organisation {n}", 32),
            Column(f"role_{n}", f"Rol {n} / Role {n}", 16),
        )
    ),
    Column("is_public", "Público / Public", 10),
]
KEYS = [c.key for c in COLUMNS]
HEADERS = {c.key: c.header for c in COLUMNS}


@dataclass
class Vocabulary:
    """The reference lists a row is checked against (built from the database by the caller).
    Keys of the dictionaries are folded (`lib.names.fold`); the lists are the drop-downs."""

    levels: dict[str, str]
    stages: dict[str, str]
    roles: dict[str, str]
    currencies: list[str]
    sectors: dict[str, str]  # code, and folded "code name" and name -> code
    municipalities: dict[str, int]  # DIVIPOLA code and folded name -> id
    organisations: dict[str, int | None]  # folded name and acronym -> id; None when two share it
    level_labels: list[str] = field(default_factory=list)
    stage_labels: list[str] = field(default_factory=list)
    role_labels: list[str] = field(default_factory=list)
    sector_labels: list[str] = field(default_factory=list)
    municipality_names: list[str] = field(default_factory=list)
    organisation_names: list[str] = field(default_factory=list)


@dataclass
class ActivityRow:
    """One activity as the sheet states it; None wherever the cell was empty."""

    line: int
    puente_id: int | None = None
    iati_identifier: str | None = None
    title_es: str | None = None
    title_en: str | None = None
    description_es: str | None = None
    level: str | None = None
    stage: str | None = None
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    currency: str | None = None
    budget: tuple[int, Decimal] | None = None  # (calendar year, amount)
    sector: str | None = None
    municipalities: list[int] | None = None
    participations: list[tuple[int, str]] | None = None  # (organisation id, role code)
    is_public: bool | None = None


def _template() -> Template:
    return Template(
        mark=MARK,
        sheet=DATA_SHEET,
        max_rows=MAX_ROWS,
        max_bytes=MAX_UPLOAD_BYTES,
        max_unpacked=MAX_UNPACKED_BYTES,
        too_big=_("The file is larger than the 10 MB allowed."),
        unpacked_too_big=_("The workbook unpacks to more than 120 MB; it is not a portfolio."),
        not_template=_(
            "This workbook is not Puente's portfolio template (its hidden check sheet is "
            "missing). Download the template and copy your rows into it."
        ),
        sheet_missing=_("The template's sheet “Cartera” is missing."),
        too_many_rows=_("The workbook has more than %(n)s rows; split it in two.")
        % {"n": MAX_ROWS},
        headers=tuple(HEADERS.values()),
        wrong_header=_(
            "The first row of sheet “Cartera” is not the template's header row. "
            "Download the template again and copy your rows into it."
        ),
    )


# --- writing the template -------------------------------------------------------------------


def build_template(vocabulary: Vocabulary, rows: list[dict[str, Any]] = ()) -> bytes:  # type: ignore[assignment]
    """The template, with `rows` (values by column key, as `activity_cells` gives them) filled
    in: typed cells (numbers, dates), a drop-down wherever the value comes from a list."""
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append([c.header for c in COLUMNS])
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}1"
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row in rows:
        sheet.append([cell_text(row.get(key)) for key in KEYS])
        for cell in sheet[sheet.max_row]:
            keep_as_text(cell)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for key in ("planned_start", "planned_end"):
        letter = get_column_letter(_position(key))
        for (cell,) in sheet[f"{letter}2:{letter}{sheet.max_row}"] if rows else ():
            cell.number_format = "dd/mm/yyyy"  # as the page asks dates to be written
    lists = {
        "level": vocabulary.level_labels,
        "stage": vocabulary.stage_labels,
        "currency": vocabulary.currencies,
        "sector": vocabulary.sector_labels,
        "municipalities": vocabulary.municipality_names,
        **{f"role_{n}": vocabulary.role_labels for n in range(1, ORGANISATION_SLOTS + 1)},
        **{
            f"organisation_{n}": vocabulary.organisation_names
            for n in range(1, ORGANISATION_SLOTS + 1)
        },
        "is_public": ["Sí", "No"],
    }
    add_choice_lists(
        book,
        sheet,
        {_position(key): values for key, values in lists.items()},
        MAX_ROWS,
        open_ended={_position("municipalities")},
    )
    add_mark(book, MARK)
    return saved(book)


def _position(key: str) -> int:
    return KEYS.index(key) + 1


# --- reading an upload ----------------------------------------------------------------------


def check_size(size: int) -> None:
    """Refuses a file too large before it is read into memory."""
    if size > MAX_UPLOAD_BYTES:
        raise Refused(_template().too_big)


def read_upload(data: bytes, vocabulary: Vocabulary) -> Parsed[ActivityRow]:
    """Every row checked; raises `Refused` when the file as a whole cannot be read."""
    parsed: Parsed[ActivityRow] = Parsed([], [])

    def read(line: int, values: tuple[Any, ...]) -> None:
        _read_row(line, dict(zip(KEYS, values, strict=True)), vocabulary, parsed)

    read_rows(data, _template(), read)
    return parsed


class _Row:
    """One row being read: its cells as text, and the problems found so far."""

    def __init__(self, line: int, cells: dict[str, Any]) -> None:
        self.line, self.cells = line, cells
        self.text = {k: str(v).strip() if v is not None else "" for k, v in cells.items()}
        self.errors: list[CellError] = []

    def fail(self, key: str, message: str) -> None:
        self.errors.append(CellError(self.line, HEADERS[key], message, key, DATA_SHEET))

    def chosen(self, key: str, choices: dict[str, str], labels: list[str]) -> str | None:
        """The code of a value from a list (its label in Spanish or English, or its code)."""
        value = self.text[key]
        if not value:
            return None
        code = choices.get(fold(value))
        if code is None:
            self.fail(key, _not_in_list(value, labels))
        return code


def _not_in_list(value: str, labels: list[str]) -> str:
    return with_guess(_("“%(value)s” is not in the list.") % {"value": value}, value, labels)


def _read_row(
    line: int, cells: dict[str, Any], vocabulary: Vocabulary, parsed: Parsed[ActivityRow]
) -> None:
    row = _Row(line, cells)
    text = row.text
    out = ActivityRow(line)
    if text["id"]:
        number = whole_number_in_cell(cells["id"])
        if number is None or not 1 <= number < 2**63:  # a database key's range
            row.fail(
                "id", _("“%(value)s” is not a Puente ID (a whole number).") % {"value": text["id"]}
            )
        out.puente_id = number
    out.iati_identifier = _text(row, "iati_identifier", 150)
    if out.iati_identifier and re.search(r"\s", out.iati_identifier):
        row.fail("iati_identifier", _("An IATI identifier has no spaces."))
    out.title_es = _text(row, "title_es", 300)  # required of new activities (upload.plan)
    out.title_en = _text(row, "title_en", 300)
    out.description_es = _text(row, "description_es", 20_000)
    out.level = row.chosen("level", vocabulary.levels, vocabulary.level_labels)
    out.stage = row.chosen("stage", vocabulary.stages, vocabulary.stage_labels)
    out.planned_start = _date(row, "planned_start")
    out.planned_end = _date(row, "planned_end")
    if out.planned_start and out.planned_end and out.planned_end < out.planned_start:
        row.fail("planned_end", _("The end comes before the start."))
    if text["currency"]:
        out.currency = text["currency"].upper()
        if out.currency not in vocabulary.currencies:
            row.fail(
                "currency",
                _("“%(value)s” is not an ISO 4217 currency code.") % {"value": text["currency"]},
            )
    out.budget = _budget(row)
    out.sector = _sector(row, vocabulary)
    out.municipalities = _municipalities(row, vocabulary)
    out.participations = _participations(row, vocabulary)
    if text["is_public"]:
        answer = fold(text["is_public"])
        if answer not in YES | NO:
            row.fail("is_public", _("Write Sí or No."))
        out.is_public = answer in YES
    if row.errors:
        parsed.errors.extend(row.errors)
    else:
        parsed.rows.append(out)


def _text(row: _Row, key: str, longest: int) -> str | None:
    value = row.text[key]
    if len(value) > longest:
        row.fail(key, _("At most %(n)s characters.") % {"n": longest})
    return value or None


def _date(row: _Row, key: str) -> datetime.date | None:
    value = row.cells[key]
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = row.text[key]
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    day_first = DAY_FIRST.match(text)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            pass
    row.fail(key, _("“%(value)s” is not a date; write it as 31/12/2026.") % {"value": text})
    return None


def _budget(row: _Row) -> tuple[int, Decimal] | None:
    year_text, amount_text = row.text["budget_year"], row.text["budget"]
    if not year_text and not amount_text:
        return None
    year = whole_number_in_cell(row.cells["budget_year"]) if year_text else None
    if not year_text:
        row.fail("budget_year", _("Say which calendar year the budget is for."))
    elif year is None or not 1990 <= year <= 2100:
        row.fail("budget_year", _("“%(value)s” is not a year.") % {"value": year_text})
    try:
        amount = amount_in_cell(row.cells["budget"])
    except ValueError:
        row.fail("budget", _("“%(value)s” is not an amount.") % {"value": amount_text})
        return None
    if amount is None:
        row.fail("budget", _("Give the amount of the year's budget."))
    elif amount < 0:
        row.fail("budget", _("The amount cannot be negative."))
    if year is None or amount is None:
        return None
    return year, amount


def _sector(row: _Row, vocabulary: Vocabulary) -> str | None:
    value = row.text["sector"]
    if not value:
        return None
    code = vocabulary.sectors.get(value.split(" ", 1)[0]) or vocabulary.sectors.get(fold(value))
    if code is None:
        row.fail("sector", _not_in_list(value, vocabulary.sector_labels))
    return code


def _municipalities(row: _Row, vocabulary: Vocabulary) -> list[int] | None:
    value = row.text["municipalities"]
    if not value:
        return None
    names = [name for name in SEPARATORS.split(value) if name.strip(" ;")]
    if not names:  # only separators: says nothing, and must not empty the list
        return None
    found: list[int] = []
    for name in names:
        pk = vocabulary.municipalities.get(name) or vocabulary.municipalities.get(fold(name))
        if pk is None:
            row.fail("municipalities", _not_in_list(name, vocabulary.municipality_names))
        elif pk not in found:
            found.append(pk)
    return found


def _participations(row: _Row, vocabulary: Vocabulary) -> list[tuple[int, str]] | None:
    slots = range(1, ORGANISATION_SLOTS + 1)
    if not any(row.text[f"organisation_{n}"] or row.text[f"role_{n}"] for n in slots):
        return None
    found: list[tuple[int, str]] = []
    for n in slots:
        name, role_text = row.text[f"organisation_{n}"], row.text[f"role_{n}"]
        if not name and not role_text:
            continue
        role = row.chosen(f"role_{n}", vocabulary.roles, vocabulary.role_labels)
        if not role_text:
            row.fail(f"role_{n}", _("Say the organisation's role."))
        if not name:
            row.fail(f"organisation_{n}", _("Name the organisation this role is for."))
            continue
        key = fold(name)
        if key in vocabulary.organisations and vocabulary.organisations[key] is None:
            row.fail(
                f"organisation_{n}",
                _(
                    "Several organisations are called “%(value)s”; write the acronym of the "
                    "one you mean, as the directory gives it."
                )
                % {"value": name},
            )
        elif key not in vocabulary.organisations:
            message = _(
                "“%(value)s” is not in the directory; add it there first, or pick one from "
                "the list."
            ) % {"value": name}
            row.fail(f"organisation_{n}", with_guess(message, name, vocabulary.organisation_names))
        elif role and (vocabulary.organisations[key], role) not in found:
            found.append((vocabulary.organisations[key], role))  # type: ignore[arg-type]
    return found
