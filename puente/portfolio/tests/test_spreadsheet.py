"""The portfolio spreadsheet: a template staff fill in creates and updates activities, every bad
cell is named by sheet, row and column, a refused file writes nothing, and the same file
uploaded twice changes nothing the second time."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from puente.directory.tests.factories import OrganisationFactory
from puente.lib.workbook import Refused
from puente.portfolio import upload
from puente.portfolio.models import Activity, Budget, StageChange
from puente.portfolio.spreadsheet import COLUMNS, DATA_SHEET, KEYS, build_template, read_upload

from .factories import (
    ActivityFactory,
    BudgetFactory,
    LocationFactory,
    ParticipationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


def workbook(rows: list[dict], activities=None) -> bytes:  # noqa: ANN001
    """The template (holding `activities` when given) with `rows` added below, by column key."""
    vocabulary = upload.vocabulary()
    cells = upload.activity_cells(activities) if activities is not None else []
    book = load_workbook(io.BytesIO(build_template(vocabulary, cells)))
    sheet = book[DATA_SHEET]
    for values in rows:
        sheet.append([values.get(c.key) for c in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def new_project(**overrides: object) -> dict:
    return {
        "title_es": "Agua segura para Tibú",
        "title_en": "Safe water for Tibú",
        "level": "Proyecto",
        "stage": "Formulación",
        "planned_start": datetime.date(2026, 1, 15),
        "planned_end": "31/12/2027",
        "currency": "USD",
        "budget_year": 2026,
        "budget": 250000,
        "sector": "14030 Abastecimiento básico de agua potable y saneamiento básico",
        "municipalities": "Tibú; Cúcuta",
        "organisation_1": "ACNUR",
        "role_1": "Ejecutora",
        "organisation_2": "Agencia Española de Cooperación",
        "role_2": "Financiadora",
        "is_public": "No",
        **overrides,
    }


@pytest.fixture
def partners():
    return [
        OrganisationFactory(name="Alto Comisionado de las Naciones Unidas para los Refugiados",
                            acronym="ACNUR"),
        OrganisationFactory(name="Agencia Española de Cooperación", acronym="AECID"),
    ]  # fmt: skip


def load(data: bytes, staff_user, name: str = "cartera.xlsx", clean_only: bool = False,  # noqa: ANN001, ANN201
         current_stages: bool = False):  # fmt: skip
    parsed = read_upload(data, upload.vocabulary())
    planned = upload.plan(parsed.rows, current_stages=current_stages)
    errors = parsed.errors + planned.errors
    if errors and not clean_only:
        return errors, None
    return errors, upload.apply(planned, staff_user, name)


def test_a_new_row_becomes_an_activity_with_its_parts_and_history(partners, staff_user):
    errors, outcome = load(workbook([new_project()]), staff_user, "cartera 2026.xlsx")
    assert errors == [] and len(outcome.created) == 1
    activity = Activity.objects.get(title_es="Agua segura para Tibú")
    assert activity.stage == "formulation" and activity.iati_status == "1"
    assert activity.planned_end == datetime.date(2027, 12, 31) and activity.currency_id == "USD"
    assert not activity.is_public
    assert [s.sector_id for s in activity.sectors.all()] == ["14030"]
    assert sorted(loc.municipality.name for loc in activity.locations.all()) == ["Cúcuta", "Tibú"]
    assert sorted((p.organisation.acronym, p.role) for p in activity.participations.all()) == [
        ("ACNUR", "4"),
        ("AECID", "1"),
    ]
    (budget,) = activity.budgets.all()
    assert (budget.period_start, budget.period_end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    assert budget.amount == Decimal("250000") and budget.currency_id == "USD"
    record = activity.history.get()
    assert record.history_user == staff_user
    assert (
        record.history_change_reason
        == "Creada desde la hoja de cálculo «cartera 2026.xlsx», fila 2"
    )
    assert "agua segura para tibu" in activity.search_text  # found by the staff search


def test_the_same_file_twice_creates_nothing_the_second_time(partners, staff_user):
    data = workbook([new_project(), new_project(title_es="Escuelas en Sardinata", budget=None,
                                                budget_year=None)])  # fmt: skip
    assert len(load(data, staff_user)[1].created) == 2
    errors, again = load(data, staff_user)
    assert errors == [] and (again.created, again.updated, again.unchanged) == ([], [], 2)
    assert Activity.objects.filter(title_es="Agua segura para Tibú").count() == 1


def test_one_bad_cell_writes_nothing_and_names_sheet_row_and_column(partners, staff_user):
    before = Activity.objects.count()
    errors, outcome = load(
        workbook(
            [
                new_project(),
                new_project(title_es="Otra", municipalities="Cucutá; Tibu", budget="50.000,5x"),
            ]
        ),  # fmt: skip
        staff_user,
    )
    assert outcome is None and Activity.objects.count() == before
    by_column = {(e.sheet, e.line, e.column): e.message for e in errors}
    assert by_column[("Cartera", 3, "Presupuesto / Budget")] == "«50.000,5x» no es un monto."
    # Accents and case are forgiven; a misspelt name is answered with the likely one.
    assert ("Cartera", 3, "Municipios / Municipalities") not in by_column
    errors, _outcome = load(workbook([new_project(municipalities="Cucutta")]), staff_user)
    (error,) = errors
    assert error.column == "Municipios / Municipalities" and "«Cúcuta»" in error.message


def test_clean_rows_can_be_kept_when_staff_choose(partners, staff_user):
    errors, outcome = load(
        workbook([new_project(), new_project(title_es="Otra", stage="Aprobada quizá")]),
        staff_user,
        clean_only=True,
    )
    assert [(e.line, e.column) for e in errors] == [(3, "Etapa / Stage")]
    assert len(outcome.created) == 1 and not Activity.objects.filter(title_es="Otra").exists()


def test_the_portfolio_in_the_template_reads_back_unchanged_then_updates_what_was_edited(
    partners, staff_user
):
    activity = ActivityFactory(title_es="Salud en Ocaña", stage="formulation", currency_id="COP")
    LocationFactory(activity=activity)
    ParticipationFactory(activity=activity, organisation=partners[0], role="4")
    BudgetFactory(activity=activity, period_start=datetime.date(2026, 1, 1),
                  period_end=datetime.date(2026, 12, 31), amount=1000, currency_id="COP")  # fmt: skip
    other = ActivityFactory(title_es="Sin tocar")
    template = workbook([], Activity.objects.filter(pk__in=[activity.pk, other.pk]))
    errors, outcome = load(template, staff_user)
    assert errors == [] and (outcome.created, outcome.updated, outcome.unchanged) == ([], [], 2)
    revision = Activity.objects.get(pk=activity.pk).revision

    book = load_workbook(io.BytesIO(template))
    sheet = book[DATA_SHEET]
    line = next(r for r in range(2, 4) if sheet[f"{LETTER['id']}{r}"].value == activity.pk)
    sheet[f"{LETTER['title_es']}{line}"] = "Salud primaria en Ocaña"
    sheet[f"{LETTER['budget']}{line}"] = 1500
    sheet[f"{LETTER['stage']}{line}"] = "Concepto técnico"
    buffer = io.BytesIO()
    book.save(buffer)
    errors, outcome = load(buffer.getvalue(), staff_user, "corregida.xlsx")
    assert errors == [] and (len(outcome.updated), outcome.unchanged) == (1, 1)
    activity.refresh_from_db()
    assert activity.title_es == "Salud primaria en Ocaña" and activity.revision == revision + 1
    assert activity.stage == "technical-concept"
    assert Budget.objects.get(activity=activity).amount == 1500
    change = StageChange.objects.get(activity=activity)
    assert (change.from_stage, change.by) == ("formulation", staff_user)
    assert "corregida.xlsx" in activity.history.first().history_change_reason


def test_rows_that_cannot_be_placed_are_refused(partners, staff_user):
    ActivityFactory(title_es="Repetida")
    ActivityFactory(title_es="Repetida")
    closed = ActivityFactory(title_es="Cerrada", stage="closed")
    errors, outcome = load(
        workbook([
            new_project(id=999999),
            new_project(title_es="Repetida"),
            new_project(id=closed.pk, title_es="Cerrada", stage="En ejecución"),
            new_project(title_es="Dos veces"),
            new_project(title_es="Dos veces"),
            new_project(title_es="Socio nuevo", organisation_1="Fundación Inventada"),
        ]),
        staff_user,
    )  # fmt: skip
    assert outcome is None
    messages = {(e.line, e.column): e.message for e in errors}
    assert messages[(2, "Código Puente / Puente ID")] == "Ninguna actividad tiene el código 999999."
    assert "2 actividades tienen este título" in messages[(3, "Título / Title (es)")]
    assert "no puede pasar a “En ejecución”" in messages[(4, "Etapa / Stage")]
    assert "La fila 5" in messages[(6, "Título / Title (es)")]
    assert "no está en el directorio" in messages[(7, "Organización 1 / Organisation 1")]


def test_files_that_are_not_the_template_are_refused_whole():
    vocabulary = upload.vocabulary()
    with pytest.raises(Refused, match="Excel"):
        read_upload(b"title,budget\n", vocabulary)
    from puente.coordination.selectors import vocabulary as five_w_vocabulary
    from puente.coordination.spreadsheet import build_template as five_w_template

    with pytest.raises(Refused, match="plantilla de cartera"):
        read_upload(five_w_template(five_w_vocabulary()), vocabulary)


def test_the_template_lists_choices_and_types_its_cells(partners):
    activity = ActivityFactory(planned_start=datetime.date(2026, 3, 1), currency_id="COP")
    BudgetFactory(activity=activity, period_start=datetime.date(2026, 1, 1),
                  period_end=datetime.date(2026, 12, 31), amount=Decimal("1234.50"),
                  currency_id="COP")  # fmt: skip
    book = load_workbook(io.BytesIO(workbook([], Activity.objects.filter(pk=activity.pk))))
    sheet = book[DATA_SHEET]
    assert sheet[f"{LETTER['planned_start']}2"].value == datetime.datetime(2026, 3, 1)
    assert sheet[f"{LETTER['budget']}2"].value == 1234.5
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    for key in ("stage", "sector", "municipalities", "organisation_1", "role_1", "currency"):
        assert lists[f"{LETTER[key]}2"].startswith("=listas!"), key
    stages = {c.value for c in book["listas"]["B"] if c.value}
    assert "En ejecución" in stages and "execution" not in stages


def test_staff_upload_through_the_page(partners, staff_client):
    page = reverse("portfolio:spreadsheet")
    bad = io.BytesIO(workbook([new_project(currency="PESOS")]))
    bad.name = "mala.xlsx"
    response = staff_client.post(page, {"file": bad})
    assert response.status_code == 400
    assert "«PESOS» no es un código de moneda ISO 4217." in response.content.decode()
    good = io.BytesIO(workbook([new_project()]))
    good.name = "buena.xlsx"
    shown = staff_client.post(page, {"file": good}).content.decode()
    activity = Activity.objects.get(title_es="Agua segura para Tibú")
    assert "Se cargó «buena.xlsx»" in shown
    assert (
        f'<a href="/staff/portfolio/activities/{activity.pk}/">Agua segura para Tibú</a>' in shown
    )
    template = staff_client.get(reverse("portfolio:spreadsheet_template") + "?filled=1&q=Tibú")
    assert template.status_code == 200
    assert "puente-cartera-filtrada.xlsx" in template["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(template.content))[DATA_SHEET].values)
    assert len(rows) == 2 and rows[1][2] == "Agua segura para Tibú"


def test_a_file_that_cannot_be_read_says_so_at_the_top_of_the_page(staff_client):
    empty = io.BytesIO(workbook([]))
    empty.name = "vacia.xlsx"
    response = staff_client.post(reverse("portfolio:spreadsheet"), {"file": empty})
    page = response.content.decode()
    assert response.status_code == 400
    alert = page.index('role="alert">No se pudo leer el archivo')
    assert alert < page.index("1. Descargue la plantilla")
    assert "El archivo no tiene filas de actividades bajo su encabezado." in page


def test_new_rows_past_approval_need_the_choice_and_their_step_is_recorded(partners, staff_user):
    data = workbook([new_project(stage="En ejecución")])
    errors, outcome = load(data, staff_user)
    assert outcome is None
    assert "empieza antes de la aprobación" in errors[0].message
    errors, outcome = load(data, staff_user, "cartera vieja.xlsx", current_stages=True)
    (activity,) = outcome.created
    assert activity.stage == "execution"
    change = StageChange.objects.get(activity=activity)
    assert (change.from_stage, change.to_stage, change.by) == ("idea", "execution", staff_user)
    assert (
        "cartera vieja.xlsx" in change.reason and "registrada en su etapa actual" in change.reason
    )


def test_a_years_budget_never_sits_beside_another_of_that_year(partners, staff_user):
    activity = ActivityFactory(title_es="Con presupuesto a mitad de año", currency_id="COP")
    BudgetFactory(activity=activity, period_start=datetime.date(2026, 7, 1),
                  period_end=datetime.date(2027, 6, 30), amount=1000, currency_id="COP")  # fmt: skip
    row = new_project(id=activity.pk, title_es=activity.title_es, budget_year=2026, budget=5000,
                      currency=None, organisation_1=None, role_1=None, organisation_2=None,
                      role_2=None, municipalities=None, sector=None)  # fmt: skip
    errors, outcome = load(workbook([row]), staff_user)
    assert outcome is None and errors[0].column == "Año del presupuesto / Budget year"
    assert Budget.objects.filter(activity=activity).count() == 1


def test_a_budget_in_another_currency_is_left_out_of_the_sheet_and_unharmed(partners, staff_user):
    activity = ActivityFactory(title_es="En dólares", currency_id="COP")
    BudgetFactory(activity=activity, period_start=datetime.date(2026, 1, 1),
                  period_end=datetime.date(2026, 12, 31), amount=1000, currency_id="USD")  # fmt: skip
    template = workbook([], Activity.objects.filter(pk=activity.pk))
    row = list(load_workbook(io.BytesIO(template))[DATA_SHEET].values)[1]
    assert row[KEYS.index("budget")] is None and row[KEYS.index("currency")] == "COP"
    errors, outcome = load(template, staff_user)
    assert errors == [] and outcome.unchanged == 1
    budget = Budget.objects.get(activity=activity)
    assert (budget.amount, budget.currency_id) == (1000, "USD")


def test_an_empty_title_leaves_an_existing_activitys_title(partners, staff_user):
    activity = ActivityFactory(title_es="Se queda")
    errors, outcome = load(workbook([{"id": activity.pk, "stage": "Formulación"}]), staff_user)
    assert errors == [] and outcome.updated[0].pk == activity.pk
    activity.refresh_from_db()
    assert activity.title_es == "Se queda" and activity.stage == "formulation"


def test_public_rows_show_on_the_public_list_at_once(partners, staff_user, client):
    listing = reverse("portal:activities")
    assert "Agua segura" not in client.get(listing).content.decode()  # now kept for visitors
    load(workbook([new_project(is_public="Sí")]), staff_user)
    # Written in bulk, without a save's signal: the upload still tells the page cache.
    assert "Agua segura para Tibú" in client.get(listing).content.decode()


def test_rows_that_would_clash_in_the_database_are_refused_not_a_500(partners, staff_user):
    one, two = ActivityFactory(), ActivityFactory()
    errors, outcome = load(
        workbook([
            {"id": one.pk, "iati_identifier": "XM-1"},
            {"id": two.pk, "iati_identifier": "XM-1"},
            {"id": 99999999999999999999},
        ]),
        staff_user,
        clean_only=True,
    )  # fmt: skip
    assert {(e.line, e.column) for e in errors} == {
        (3, "Identificador IATI / IATI identifier"),
        (4, "Código Puente / Puente ID"),
    }
    assert len(outcome.updated) == 1  # the first row stands


def test_the_portfolio_reads_back_unchanged_whatever_it_holds(partners, staff_user):
    from puente.portfolio.models import Location

    tricky = ActivityFactory(
        title_es='=HYPERLINK("http://example.org","x")',
        description_es="Línea uno\x0bLínea dos",
        currency_id="COP",
    )
    LocationFactory(activity=tricky)
    Location.objects.create(activity=tricky, name="Vereda sin municipio", municipality=None)
    SectorFactory(activity=tricky, sector_id="12220", percentage=60)
    SectorFactory(activity=tricky, sector_id="11220", percentage=40)
    BudgetFactory(activity=tricky, kind="2", period_start=datetime.date(2026, 1, 1),
                  period_end=datetime.date(2026, 12, 31), amount=500, currency_id="COP")  # fmt: skip
    template = workbook([], Activity.objects.filter(pk=tricky.pk))
    title = load_workbook(io.BytesIO(template))[DATA_SHEET][f"{LETTER['title_es']}2"]
    assert title.data_type == "s"  # text, never a formula the spreadsheet would run
    errors, outcome = load(template, staff_user)
    assert errors == [] and outcome.unchanged == 1
    assert tricky.locations.count() == 2 and tricky.budgets.count() == 1
    assert sorted(s.percentage for s in tricky.sectors.all()) == [40, 60]


def test_amounts_read_as_people_write_them_and_twice_the_same(partners, staff_user):
    activity = ActivityFactory(title_es="Montos", currency_id="COP")
    row = {"id": activity.pk, "budget_year": 2026, "budget": "1.500"}
    assert load(workbook([row]), staff_user)[0] == []
    assert Budget.objects.get(activity=activity).amount == 1500
    row["budget"] = 1234.5678
    load(workbook([row]), staff_user)
    errors, again = load(workbook([row]), staff_user)
    assert errors == [] and again.unchanged == 1
    assert Budget.objects.get(activity=activity).amount == Decimal("1234.57")


def test_dates_are_checked_against_those_kept_and_separators_alone_say_nothing(
    partners, staff_user
):
    activity = ActivityFactory(planned_end=datetime.date(2025, 12, 31))
    LocationFactory(activity=activity)
    errors, _outcome = load(
        workbook([{"id": activity.pk, "planned_start": datetime.date(2030, 1, 1)}]), staff_user
    )
    assert [(e.column, e.message) for e in errors] == [
        ("Inicio previsto / Planned start", "La fecha final es anterior a la inicial.")
    ]
    errors, outcome = load(workbook([{"id": activity.pk, "municipalities": " ; ;"}]), staff_user)
    assert errors == [] and outcome.unchanged == 1 and activity.locations.count() == 1


def test_a_second_upload_while_one_is_written_is_told_to_wait(partners, staff_client):
    from django.core.cache import cache

    cache.add(upload.LOCK, 0, 60)  # another upload is being written
    sent = io.BytesIO(workbook([new_project()]))
    sent.name = "doble.xlsx"
    response = staff_client.post(reverse("portfolio:spreadsheet"), {"file": sent})
    assert response.status_code == 409
    assert "Se está guardando otra carga" in response.content.decode()
    assert not Activity.objects.filter(title_es="Agua segura para Tibú").exists()
    cache.delete(upload.LOCK)


def test_a_stage_moved_between_the_check_and_the_write_stops_it(partners, staff_user):
    activity = ActivityFactory(title_es="Se mueve", stage="formulation")
    other = ActivityFactory(title_es="Otra fila")
    parsed = read_upload(
        workbook([
            {"id": other.pk, "title_es": "Otra fila, revisada"},
            {"id": activity.pk, "stage": "Concepto técnico"},
        ]),
        upload.vocabulary(),
    )  # fmt: skip
    planned = upload.plan(parsed.rows)
    Activity.objects.filter(pk=activity.pk).update(stage="cancelled")  # someone, meanwhile
    with pytest.raises(upload.Conflict, match="Se mueve"):
        upload.apply(planned, staff_user, "tarde.xlsx")
    other.refresh_from_db()
    assert other.title_es == "Otra fila"  # nothing of the file was written


def test_organisations_sharing_a_name_are_told_apart_by_acronym(staff_user):
    OrganisationFactory(name="Fundación Paz", acronym="FPAZ")
    OrganisationFactory(name="Fundación Paz", acronym="PAZN")
    rows = [new_project(organisation_1="Fundación Paz", organisation_2=None, role_2=None)]
    errors, _outcome = load(workbook(rows), staff_user)
    assert "escriba la sigla" in errors[0].message
    rows[0]["organisation_1"] = "PAZN"
    errors, outcome = load(workbook(rows), staff_user)
    assert errors == [] and len(outcome.created) == 1
