"""Builders for 5W tests: a filled-in template, a partner with a reporter, an approved report."""

import io
from typing import Any

from openpyxl import load_workbook

from puente.accounts.roles import Role
from puente.coordination.selectors import vocabulary
from puente.coordination.spreadsheet import COLUMNS, build_template
from puente.directory.tests.factories import OrganisationFactory
from puente.tests.world import make_user

GOOD_ROW = {
    "activity_name": "Atención primaria en salud para familias migrantes",
    "sector": "122 – Salud básica",
    "municipality": "Cúcuta",
    "locality": "Barrio La Parada",
    "population": None,  # the first population's Spanish name, filled in by `row`
    "nationality": "Venezolana",
    "targeted": 200,
    "female": 90,
    "male": 60,
    "other_sex": 0,
    "age_0_17": 50,
    "age_18_59": 80,
    "age_60_plus": 20,
    "amount": 15000000,
    "currency": "COP",
}


def row(**changes: Any) -> dict[str, Any]:
    from puente.territory.models import TargetPopulation

    values = {**GOOD_ROW, "population": TargetPopulation.objects.first().name_es}
    values["sector"] = next(
        label for label in vocabulary().sector_labels if label.startswith("122")
    )
    values.update(changes)
    return values


def filled_template(rows: list[dict[str, Any]]) -> bytes:
    """The real template, downloaded and filled in as a partner would."""
    book = load_workbook(io.BytesIO(build_template(vocabulary())))
    sheet = book["5W"]
    for values in rows:
        sheet.append([values.get(c.key) for c in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def partner(name: str, username: str):  # noqa: ANN201
    organisation = OrganisationFactory(name=name)
    return organisation, make_user(username, Role.REPORTER, organisation=organisation)
