"""Open data: each dataset in CSV with an HXL row, XLSX and JSON; only public data."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from puente.portfolio.tests.factories import ActivityFactory, LocationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    activity = LocationFactory(activity__title_es="=Agua para Tibú").activity
    ParticipationFactory(activity=activity, organisation__name="Consejo Noruego para Refugiados")
    ActivityFactory(title_es="Borrador interno", is_public=False)


def test_the_catalogue_lists_each_dataset_with_its_licence_and_formats(client, data):
    page = client.get("/es/datos-abiertos/").content.decode()
    assert "CC BY 4.0" in page
    for slug in ("activities", "partners", "municipalities"):
        for fmt in ("csv", "xlsx", "json"):
            assert f"/es/datos-abiertos/{slug}.{fmt}" in page


def test_csv_has_the_hxl_row_and_only_public_rows(client, data):
    response = client.get("/es/datos-abiertos/activities.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][:3] == ["#activity+id", "#activity+code", "#activity+name+i_es"]
    assert len(rows) == 3
    assert rows[2][2] == "'=Agua para Tibú"  # no formula runs in a spreadsheet
    assert "Borrador interno" not in str(rows)


def test_xlsx_and_json_hold_the_same_records(client, data):
    sheet = load_workbook(io.BytesIO(client.get("/es/datos-abiertos/partners.xlsx").content)).active
    assert [c.value for c in sheet[2]][:2] == ["#org+name", "#org+acronym"]
    assert sheet.cell(row=3, column=1).value == "Consejo Noruego para Refugiados"
    records = json.loads(client.get("/es/datos-abiertos/municipalities.json").content)
    assert len(records) == 40
    assert {r["municipality"]: r["public_activities"] for r in records}["Cúcuta"] == 1


def test_an_unknown_dataset_or_format_is_a_404(client):
    assert client.get("/es/datos-abiertos/secrets.csv").status_code == 404
    assert client.get("/es/datos-abiertos/activities.exe").status_code == 404


def test_the_transparency_datasets_hold_functions_directory_and_resources(client, data):
    from decimal import Decimal

    from puente.portal.demo import create_demo_content, create_demo_gallery
    from puente.portfolio.tests.factories import BudgetFactory

    create_demo_content()
    create_demo_gallery()
    BudgetFactory(activity=ActivityFactory(), amount=Decimal("1500000"), currency_id="COP")
    page = client.get("/es/datos-abiertos/").content.decode()
    for slug in ("resources", "functions", "directory"):
        assert f"/es/datos-abiertos/{slug}.csv" in page
    assert "Ley 1712 de 2014" in page and "/es/pqrsd/informes/" in page

    functions = json.loads(client.get("/es/datos-abiertos/functions.json").content)
    assert len(functions) == 20
    assert functions[18]["text_en"] == "Guides and assists tourists in transit."
    directory = b"".join(client.get("/es/datos-abiertos/directory.csv").streaming_content).decode()
    assert "Juan Carlos Cortés Arias" in directory and "1125" in directory
    resources = list(
        csv.reader(io.StringIO(
            b"".join(client.get("/es/datos-abiertos/resources.csv").streaming_content).decode()
        ))
    )  # fmt: skip
    assert ["year", "2025", "2025", "1500000.00"] in resources


def test_the_results_dataset_has_targets_and_actuals_by_sex_with_hxl_and_only_public_rows(client):
    from puente.portfolio.models import SharedIndicator
    from puente.portfolio.tests.factories import project_measuring

    shared = SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")
    project_measuring(
        shared, None, "Tibú", [(2025, 100, 80, {"Mujeres": (60, 50), "Hombres": (40, 30)})]
    )
    hidden = project_measuring(shared, None, "Borrador", [(2025, 5, 5, {})])
    hidden.is_public = False
    hidden.save()
    response = client.get("/es/datos-abiertos/results.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, tags, *records = rows
    assert {"#indicator+name", "#targeted", "#reached", "#targeted+f", "#reached+m"} <= set(tags)
    (record,) = records
    row = dict(zip(header, record, strict=True))
    assert row["indicator"] == "Personas orientadas en Tibú" and row["unit"] == "personas"
    assert (row["target"], row["actual"]) == ("100.0000", "80.0000")
    assert (row["target_female"], row["actual_male"]) == ("60.0000", "30.0000")
    sheet = load_workbook(io.BytesIO(client.get("/es/datos-abiertos/results.xlsx").content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[2][header.index("actual")] == 80  # a number in the spreadsheet
