"""Results, indicators, periods and documents are corrected and deleted, asked first, in history."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from puente.portfolio.models import (
    Disaggregation,
    Document,
    Indicator,
    IndicatorPeriod,
    Result,
)
from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def _period(activity, actual="150") -> IndicatorPeriod:  # noqa: ANN001
    result = Result.objects.create(activity=activity, title="Personas atendidas", kind="1")
    indicator = Indicator.objects.create(result=result, title="Consultas de salud")
    period = IndicatorPeriod.objects.create(
        indicator=indicator,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        target=Decimal("200"),
        actual=Decimal(actual),
    )
    Disaggregation.objects.create(
        period=period, side="actual", dimension="sex", category="female", value=Decimal("90")
    )
    return period


def _period_post(period: IndicatorPeriod, **changes: str) -> dict[str, str]:
    row = period.disaggregations.get()
    data = {
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "target": "200",
        "actual": "150",
        "actual_comment": "",
        "dim-TOTAL_FORMS": "1",
        "dim-INITIAL_FORMS": "1",
        "dim-0-id": str(row.pk),
        "dim-0-period": str(period.pk),
        "dim-0-side": "actual",
        "dim-0-dimension": "sex",
        "dim-0-category": "female",
        "dim-0-value": "90",
    }
    data.update(changes)
    return data


def test_an_actual_corrected_later_shows_on_the_activity_and_in_its_history(staff_client):
    activity = ActivityFactory()
    period = _period(activity)
    url = reverse("portfolio:period_edit", args=[activity.pk, period.pk])
    assert 'value="150' in staff_client.get(url).content.decode()
    response = staff_client.post(url, _period_post(period, actual="170"))
    assert response.status_code == 302
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert "85 %" in page  # 170 of 200
    history = staff_client.get(reverse("portfolio:history", args=[activity.pk])).content.decode()
    assert "150" in history and "170" in history and "ana.staff" in history


def test_a_period_correction_removes_and_adds_disaggregation_rows(staff_client):
    activity = ActivityFactory()
    period = _period(activity)
    data = _period_post(period, **{"dim-0-DELETE": "on", "dim-TOTAL_FORMS": "2"})
    data.update(
        {
            "dim-1-side": "actual",
            "dim-1-dimension": "nationality",
            "dim-1-category": "venezuelan",
            "dim-1-value": "100",
        }
    )
    url = reverse("portfolio:period_edit", args=[activity.pk, period.pk])
    assert staff_client.post(url, data).status_code == 302
    assert [(d.dimension, d.category) for d in period.disaggregations.all()] == [
        ("nationality", "venezuelan")
    ]


def test_a_wrong_correction_is_refused_and_changes_nothing(staff_client):
    activity = ActivityFactory()
    period = _period(activity)
    url = reverse("portfolio:period_edit", args=[activity.pk, period.pk])
    response = staff_client.post(url, _period_post(period, actual="mucho", period_end="2024-01-01"))
    assert response.status_code == 400
    period.refresh_from_db()
    assert period.actual == Decimal("150") and period.period_end == date(2025, 12, 31)


def test_deleting_a_result_asks_first_and_names_what_goes_with_it(staff_client):
    activity = ActivityFactory()
    period = _period(activity)
    result = period.indicator.result
    url = reverse("portfolio:result_delete", args=[activity.pk, result.pk])
    page = staff_client.get(url).content.decode()
    assert "1 indicador" in page and "1 meta y avance" in page
    assert Result.objects.filter(pk=result.pk).exists()  # asking deletes nothing


def test_a_deleted_result_takes_its_indicators_and_periods_and_each_deletion_is_signed(
    staff_client,
):
    activity = ActivityFactory()
    period = _period(activity)
    result = period.indicator.result
    url = reverse("portfolio:result_delete", args=[activity.pk, result.pk])
    assert staff_client.post(url).status_code == 302
    assert not Result.objects.filter(activity=activity).exists()
    assert not IndicatorPeriod.objects.filter(pk=period.pk).exists()
    deletions = [
        model.history.filter(history_type="-").get()
        for model in (Result, Indicator, IndicatorPeriod, Disaggregation)
    ]
    assert {record.history_user.username for record in deletions} == {"ana.staff"}
    history = staff_client.get(reverse("portfolio:history", args=[activity.pk])).content.decode()
    assert history.count("Eliminado") >= 4


def test_deleting_an_indicator_keeps_the_result(staff_client):
    activity = ActivityFactory()
    indicator = _period(activity).indicator
    url = reverse("portfolio:indicator_delete", args=[activity.pk, indicator.pk])
    assert staff_client.post(url).status_code == 302
    assert Result.objects.filter(activity=activity).count() == 1
    assert not Indicator.objects.exists()


def test_an_indicator_is_renamed(staff_client):
    activity = ActivityFactory()
    indicator = _period(activity).indicator
    url = reverse("portfolio:indicator_edit", args=[activity.pk, indicator.pk])
    data = {"title": "Consultas médicas", "measure": "1", "ascending": "on"}
    assert staff_client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.title == "Consultas médicas"


def test_a_part_of_another_activity_is_not_found_through_this_one(staff_client):
    mine, other = ActivityFactory(), ActivityFactory()
    period = _period(other)
    for name, part in (
        ("portfolio:period_edit", period),
        ("portfolio:indicator_delete", period.indicator),
        ("portfolio:result_edit", period.indicator.result),
    ):
        response = staff_client.post(reverse(name, args=[mine.pk, part.pk]), {"title": "x"})
        assert response.status_code == 404, name
    assert IndicatorPeriod.objects.filter(pk=period.pk).exists()


def test_a_new_results_type_is_chosen_not_assumed(staff_client):
    activity = ActivityFactory()
    url = reverse("portfolio:result_add", args=[activity.pk])
    page = staff_client.get(url).content.decode()
    assert '<option value="" selected>' in page
    response = staff_client.post(url, {"title": "Familias con agua"})
    assert response.status_code == 400 and not Result.objects.exists()
    assert staff_client.post(url, {"title": "Familias con agua", "kind": "2"}).status_code == 302
    assert Result.objects.get().kind == "2"


def test_a_documents_title_and_category_are_corrected(staff_client):
    activity = ActivityFactory()
    document = Document.objects.create(
        activity=activity, title="Informe", url="https://example.org/informe.pdf"
    )
    url = reverse("portfolio:document_edit", args=[activity.pk, document.pk])
    data = {"category": "A07", "title": "Evaluación final", "url": document.url}
    assert staff_client.post(url, data).status_code == 302
    document.refresh_from_db()
    assert (document.title, document.category) == ("Evaluación final", "A07")
    history = staff_client.get(reverse("portfolio:history", args=[activity.pk])).content.decode()
    assert "Evaluación final" in history


def test_the_same_disaggregation_twice_is_refused_by_row_not_by_the_database(staff_client):
    activity = ActivityFactory()
    period = _period(activity)
    data = _period_post(period, **{"dim-TOTAL_FORMS": "2"})
    data.update({"dim-1-side": "actual", "dim-1-dimension": "sex", "dim-1-category": "Female",
                 "dim-1-value": "5"})  # fmt: skip
    url = reverse("portfolio:period_edit", args=[activity.pk, period.pk])
    response = staff_client.post(url, data)
    assert response.status_code == 400
    assert "dos veces" in response.content.decode()
    assert period.disaggregations.count() == 1


def test_a_disaggregation_row_with_its_own_error_is_answered_not_a_server_error(staff_client):
    activity = ActivityFactory()
    period = _period(activity)
    data = _period_post(period, **{"dim-TOTAL_FORMS": "2"})
    data.update(
        {"dim-1-side": "actual", "dim-1-dimension": "sex", "dim-1-value": "5"}
    )  # no category
    url = reverse("portfolio:period_edit", args=[activity.pk, period.pk])
    response = staff_client.post(url, data)
    assert response.status_code == 400 and "obligatorio" in response.content.decode()
    assert period.disaggregations.count() == 1
