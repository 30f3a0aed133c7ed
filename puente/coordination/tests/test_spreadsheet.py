"""The 5W spreadsheet: the template reads back, every bad cell is named by row and column,
and files that are not the template (or carry formulas, macros, bombs) are refused whole."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from puente.coordination.selectors import vocabulary
from puente.coordination.spreadsheet import Refused, build_template, read_upload

from .factories import filled_template, row

pytestmark = pytest.mark.django_db


def test_the_template_has_dropdowns_for_places_sectors_and_populations():
    book = load_workbook(io.BytesIO(build_template(vocabulary())))
    sheet = book["5W"]
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["C2"].startswith("=listas!")  # municipality
    assert lists["B2"].startswith("=listas!")  # sector
    assert lists["E2"].startswith("=listas!")  # population
    names = [c.value for c in book["listas"]["B"] if c.value]
    assert "Cúcuta" in names and "Tibú" in names and len(names) == 40


def test_a_clean_file_reads_back_every_row():
    parsed = read_upload(
        filled_template([row(), row(municipality="54810", targeted="1.500")]), vocabulary()
    )
    assert parsed.errors == []
    first, second = parsed.rows
    assert first.sector == "122" and first.nationality == "venezuelan"
    assert first.counts["female"] == 90 and first.line == 2
    assert second.counts["targeted"] == 1500 and second.line == 3


def test_each_bad_cell_is_named_by_row_and_column_with_a_suggestion():
    data = filled_template([
        row(),
        row(municipality="Cucutá"),
        row(female=-5, age_0_17=-5, age_18_59=0, age_60_plus=0, male=0),
        row(targeted=10, female=100, male=10, age_0_17=60, age_18_59=50, age_60_plus=0),
        row(female=91),
        row(population="Marcianos", nationality="Chilena", activity_name=""),
    ])  # fmt: skip
    parsed = read_upload(data, vocabulary())
    by_line = {}
    for error in parsed.errors:
        by_line.setdefault(error.line, []).append((error.column, error.message))
    assert 2 not in by_line and [r.line for r in parsed.rows] == [2]
    ((column, message),) = by_line[3]
    assert column == "Municipio / Municipality"
    assert (
        "“Cucutá” is not a municipality of Norte de Santander" in message and "“Cúcuta”" in message
    )
    assert any("negative" in m for _c, m in by_line[4])
    assert any(
        c == "Personas objetivo / People targeted" and "ten times" in m for c, m in by_line[5]
    )
    assert any("By sex the row counts 151 people, by age 150" in m for _c, m in by_line[6])
    assert {c for c, _m in by_line[7]} == {
        "Actividad / Activity",
        "Población / Population",
        "Nacionalidad / Nationality",
    }


def test_a_workbook_that_is_not_the_template_is_refused():
    book = Workbook()
    book.active.title = "5W"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(Refused, match="not Puente's 5W template"):
        read_upload(buffer.getvalue(), vocabulary())
    with pytest.raises(Refused, match="not an Excel workbook"):
        read_upload(b"activity,sector\nx,y\n", vocabulary())


def test_formulas_are_refused_with_the_cells_named():
    book = load_workbook(io.BytesIO(filled_template([row()])))
    book["5W"]["G2"] = "=H2+I2"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(Refused, match="formulas \\(in G2\\)"):
        read_upload(buffer.getvalue(), vocabulary())


def rezip(data: bytes, add: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, add.pop(item.filename, source.read(item.filename)))
        for name, content in add.items():
            target.writestr(name, content)
    return out.getvalue()


def test_macros_and_zip_bombs_and_entity_tricks_are_refused():
    clean = filled_template([row()])
    with pytest.raises(Refused, match="macros"):
        read_upload(rezip(clean, {"xl/vbaProject.bin": b"\x00" * 100}), vocabulary())
    with pytest.raises(Refused, match="unpacks to more than 60 MB"):
        read_upload(rezip(clean, {"xl/media/big.bin": b"\x00" * (61 * 1024 * 1024)}), vocabulary())
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')  # fmt: skip
    with pytest.raises(Refused, match="could not be read"):
        read_upload(rezip(clean, {"xl/worksheets/sheet1.xml": bomb}), vocabulary())


def test_a_count_larger_than_the_department_is_named_not_a_server_error():
    """Found by the fuzzing test: a 20-digit count overflowed the database column (a 500)."""
    data = filled_template([row(female=10**19, age_0_17=10**19)])
    parsed = read_upload(data, vocabulary())
    assert parsed.rows == []
    columns = {
        error.column for error in parsed.errors if "more than Norte de Santander" in error.message
    }
    assert columns == {"Mujeres y niñas / Women and girls", "0-17 años / years"}
