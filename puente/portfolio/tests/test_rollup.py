"""A programme's results add up: its projects' figures for each shared indicator, by year and by
disaggregation; mixed units and measures are refused, never summed; percentages are weighted."""

from decimal import Decimal

import pytest
from django.urls import reverse

from puente.portfolio.models import (
    Activity,
    Disaggregation,
    Indicator,
    IndicatorPeriod,
    Level,
    Measure,
    Result,
    SharedIndicator,
)
from puente.portfolio.rollup import rollups
from puente.portfolio.tests.factories import ActivityFactory, project_measuring

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    plan = ActivityFactory(title_es="Plan de frontera", level=Level.PLAN)
    return ActivityFactory(title_es="Programa de migración", level=Level.PROGRAMME, parent=plan)


@pytest.fixture
def people_guided():
    return SharedIndicator.objects.create(name_es="Personas orientadas", unit="personas")


def three_projects(people_guided, programme):
    project_measuring(people_guided, programme, "Cúcuta", [
        (2025, 100, 80, {"Mujeres": (60, 50), "Hombres": (40, 30)}),
        (2026, 120, None, {}),
    ])  # fmt: skip
    project_measuring(people_guided, programme, "Tibú", [
        (2025, 50, 55, {"Mujeres": (30, 35), "Hombres": (20, 20)}),
    ], unit="Personas ")  # fmt: skip
    project_measuring(people_guided, programme, "Ocaña", [(2025, 30, 15, {"Mujeres": (30, 15)})])


def test_a_programme_sums_its_three_projects_by_year_and_by_sex(people_guided, programme):
    three_projects(people_guided, programme)
    (rollup,) = rollups(programme, Activity.objects.all())
    assert not rollup.refused
    assert rollup.baseline == 30
    assert (rollup.years[2025].target, rollup.years[2025].actual) == (180, 150)
    assert (rollup.years[2026].target, rollup.years[2026].actual) == (120, None)
    assert rollup.years[2025].achieved == Decimal("83.3")
    assert (rollup.total.target, rollup.total.actual) == (300, 150)
    by_sex = dict(dict(rollup.breakdown_by_dimension())["Sexo"])
    assert (by_sex["Mujeres"].target, by_sex["Mujeres"].actual) == (120, 100)
    assert (by_sex["Hombres"].target, by_sex["Hombres"].actual) == (60, 50)
    assert len(rollup.contributions) == 3


def test_the_plan_above_adds_up_its_programmes_projects(people_guided, programme):
    three_projects(people_guided, programme)
    (rollup,) = rollups(programme.parent, Activity.objects.all())
    assert rollup.years[2025].target == 180


def test_the_programme_page_shows_the_sums_and_each_contribution(
    staff_client, people_guided, programme
):
    three_projects(people_guided, programme)
    page = staff_client.get(reverse("portfolio:detail", args=[programme.pk])).content.decode()
    assert "Resultados de sus proyectos" in page
    assert "Personas orientadas" in page and ">180<" in page and ">150<" in page
    assert "83,3 %" in page
    assert "3 proyectos aportan" in page and "Personas orientadas en Tibú" in page


def test_mixed_units_are_refused_with_the_reason_and_never_summed(
    staff_client, people_guided, programme
):
    three_projects(people_guided, programme)
    project_measuring(people_guided, programme, "Pamplona", [(2025, 10, 10, {})], unit="hogares")
    (rollup,) = rollups(programme, Activity.objects.all())
    assert rollup.refused == [
        "«Pamplona» cuenta en «hogares»; el indicador compartido, en «personas»."
    ]
    assert rollup.years == {}
    page = staff_client.get(reverse("portfolio:detail", args=[programme.pk])).content.decode()
    assert "No se suman" in page and "Pamplona" in page and ">190<" not in page


def test_a_percentage_is_averaged_weighted_by_the_people_each_project_targets(programme):
    share = SharedIndicator.objects.create(
        name_es="Niñas y niños matriculados", unit="%", measure=Measure.PERCENTAGE
    )
    project_measuring(share, programme, "A", [(2025, 60, 50, {})], measure=Measure.PERCENTAGE,
                      people=100)  # fmt: skip
    project_measuring(share, programme, "B", [(2025, 90, 80, {})], measure=Measure.PERCENTAGE,
                      people=300)  # fmt: skip
    (rollup,) = rollups(programme, Activity.objects.all())
    assert rollup.years[2025].actual == Decimal("72.50")  # (50 × 100 + 80 × 300) / 400
    assert rollup.years[2025].target == Decimal("82.50")
    assert "ponderado" in rollup.method and "personas" in rollup.method


def test_linking_an_indicator_in_another_unit_is_refused_on_the_form(staff_client, people_guided):
    project = ActivityFactory()
    result = Result.objects.create(activity=project, title="Orientación")
    indicator = Indicator.objects.create(result=result, title="Hogares orientados")
    url = reverse("portfolio:indicator_edit", args=[project.pk, indicator.pk])
    response = staff_client.post(url, {
        "title": "Hogares orientados", "shared": people_guided.pk, "measure": "1",
        "unit": "hogares", "ascending": "on",
    })  # fmt: skip
    assert response.status_code == 400 or "personas" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.shared is None
    staff_client.post(url, {
        "title": "Personas orientadas", "shared": people_guided.pk, "measure": "1",
        "unit": "", "ascending": "on",
    })  # fmt: skip
    indicator.refresh_from_db()
    assert indicator.shared == people_guided


def test_the_secretariat_defines_shared_indicators_and_a_viewer_only_reads_them(
    staff_client, viewer_client
):
    url = reverse("portfolio:shared-indicators")
    response = staff_client.post(url, {
        "name_es": "Personas con documento", "unit": "personas", "measure": "1",
        "ascending": "on", "reference": "ODS 16.9.1",
    })  # fmt: skip
    shared = SharedIndicator.objects.get()
    assert response.url == reverse("portfolio:shared-indicator", args=[shared.pk])
    assert "Personas con documento" in viewer_client.get(url).content.decode()
    assert viewer_client.post(url, {"name_es": "X", "unit": "y", "measure": "1"}).status_code == 403
    assert SharedIndicator.objects.count() == 1


def test_a_public_project_page_shows_its_results_with_progress_and_groups(client, people_guided):
    project = project_measuring(people_guided, None, "Cúcuta", [
        (2025, 100, 80, {"Mujeres": (60, 50), "Hombres": (40, 30)}),
    ])  # fmt: skip
    page = client.get(reverse("portal:activity", args=[project.pk])).content.decode()
    assert "Resultados" in page and "Personas orientadas en Cúcuta" in page
    assert ">80<" in page and "77,8 %" in page  # (80 − 10) / (100 − 10) from the baseline
    assert ">Sexo: Mujeres</th>" in page and ">50<" in page
    period = IndicatorPeriod.objects.get(indicator__result__activity=project)
    for dimension, value in (("nationality", 15), ("population", 20)):
        Disaggregation.objects.create(
            period=period, side="actual", dimension=dimension, category="Otro", value=value
        )
    page = client.get(reverse("portal:activity", args=[project.pk])).content.decode()
    assert ">Nacionalidad: Otro</th>" in page and ">Población objetivo: Otro</th>" in page
    assert "1520" not in page  # two groups named alike are not run together
    project.is_public = False
    project.save()
    assert client.get(reverse("portal:activity", args=[project.pk])).status_code == 404


def test_a_programmes_share_over_its_life_counts_every_project_not_only_the_last_years(programme):
    share = SharedIndicator.objects.create(
        name_es="Hogares con agua", unit="%", measure=Measure.PERCENTAGE
    )
    project_measuring(share, programme, "A", [(2025, 80, 20, {})], measure=Measure.PERCENTAGE)
    project_measuring(share, programme, "B", [(2026, 80, 80, {})], measure=Measure.PERCENTAGE)
    (rollup,) = rollups(programme, Activity.objects.all())
    assert (rollup.total.target, rollup.total.actual) == (80, 50)  # A's 20 and B's 80, not 80
    assert rollup.total.achieved == Decimal("62.5")


def test_the_share_achieved_compares_only_projects_giving_both_target_and_actual(
    people_guided, programme
):
    project_measuring(people_guided, programme, "A", [(2025, 100, 50, {})])
    project_measuring(people_guided, programme, "B", [(2025, None, 80, {})])
    (rollup,) = rollups(programme, Activity.objects.all())
    assert (rollup.years[2025].target, rollup.years[2025].actual) == (100, 130)
    assert rollup.years[2025].achieved == 50  # A's 50 of 100; B gives no target
