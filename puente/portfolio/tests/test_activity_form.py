"""Creating and editing an activity with its inline parts; bad input writes nothing."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import Activity, Budget, Transaction
from puente.portfolio.tests.factories import ActivityFactory, BudgetFactory, ParticipationFactory
from puente.portfolio.tests.factories import activity_form_data as form_data

pytestmark = pytest.mark.django_db


def test_staff_create_an_activity_with_its_parts_in_one_go(staff_client):
    response = staff_client.post(reverse("portfolio:create"), form_data())
    assert response.status_code == 302, response.context and [response.context["form"].errors] + [
        f.errors for _t, f in response.context["formsets"]
    ]
    activity = Activity.objects.get(title_es__startswith="Atención primaria")
    assert activity.stage == "idea" and activity.iati_status == "1"
    assert activity.sectors.get().sector_id == "12220"
    assert activity.locations.get().municipality.name == "Cúcuta"
    assert activity.budgets.get().amount == Decimal("250000000")
    assert activity.transactions.get().amount == Decimal("50000.50")
    assert (activity.sdg_goals.get().goal, activity.sdg_goals.get().target) == (3, "3.1")
    assert activity.history.first().history_user.username == "ana.staff"


@pytest.mark.parametrize(
    ("overrides", "where"),
    [
        ({"planned_end": "2025-01-01"}, "planned_end"),
        ({"sectors-0-percentage": "60"}, "sectors"),
        ({"budgets-0-amount": "-5"}, "budgets"),
        ({"transactions-0-currency": "XXQ"}, "transactions"),
        ({"budgets-0-period_end": "2025-06-01"}, "budgets"),
        ({"title_es": ""}, "title_es"),
        ({"sdg_goals-0-target": "tres"}, "sdg_goals"),
    ],
)
def test_bad_input_is_refused_at_the_field_and_nothing_is_written(staff_client, overrides, where):
    response = staff_client.post(reverse("portfolio:create"), form_data(**overrides))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved" in page or "No se guardó nada" in page
    assert Activity.objects.count() == 0
    assert Budget.objects.count() == 0 and Transaction.objects.count() == 0
    if where in response.context["form"].errors:
        return
    formsets = {fs.prefix: fs for _t, fs in response.context["formsets"]}
    assert formsets[where].errors or formsets[where].non_form_errors()


def test_percentages_that_do_not_add_up_say_so(staff_client):
    data = form_data(
        **{
            "sectors-TOTAL_FORMS": "2",
            "sectors-0-percentage": "50",
            "sectors-1-sector": "11220",
            "sectors-1-percentage": "30",
        }
    )
    response = staff_client.post(reverse("portfolio:create"), data)
    assert response.status_code == 400
    assert "80" in response.content.decode()


def test_a_second_editor_is_told_instead_of_overwriting(staff_client):
    activity = ActivityFactory(title_es="Original")
    url = reverse("portfolio:edit", args=[activity.pk])
    first = staff_client.post(url, form_data(title_es="Primera edición", revision="0"))
    assert first.status_code == 302
    second = staff_client.post(url, form_data(title_es="Segunda edición", revision="0"))
    assert second.status_code == 409
    activity.refresh_from_db()
    assert activity.title_es == "Primera edición"


def test_a_project_cannot_hang_under_another_project(staff_client):
    project = ActivityFactory(level="project")
    response = staff_client.post(reverse("portfolio:create"), form_data(parent=str(project.pk)))
    assert response.status_code == 400


def test_reporters_edit_their_organisations_activities_only():
    from puente.accounts.roles import Role
    from puente.tests.world import client_for, make_user

    mine, theirs = OrganisationFactory(), OrganisationFactory()
    own = ParticipationFactory(organisation=mine).activity
    other = ParticipationFactory(organisation=theirs).activity
    reporter = client_for(make_user("rita.reporter", Role.REPORTER, organisation=mine))
    assert reporter.get(reverse("portfolio:edit", args=[own.pk])).status_code == 200
    assert reporter.get(reverse("portfolio:edit", args=[other.pk])).status_code == 403
    response = reporter.post(reverse("portfolio:edit", args=[other.pk]), form_data(title_es="X"))
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.title_es != "X"
    assert reporter.get(reverse("portfolio:create")).status_code == 403


def test_new_money_rows_start_in_the_activitys_currency_and_common_currencies_come_first(
    staff_client,
):
    activity = ActivityFactory(currency_id="EUR")
    BudgetFactory(activity=activity, currency_id="USD")
    page = staff_client.get(reverse("portfolio:edit", args=[activity.pk])).content.decode()
    kept = re.search(r'<select name="budgets-0-currency".*?</select>', page, re.S).group(0)
    new = re.search(r'<select name="budgets-1-currency".*?</select>', page, re.S).group(0)
    assert 'value="USD" selected' in kept  # a saved row keeps its own currency
    assert 'value="EUR" selected' in new
    codes = re.findall(r'<option value="([A-Z]{3})"', new)
    assert codes[:4] == ["COP", "USD", "EUR", "CHF"] and codes[4:] == sorted(codes[4:])


def test_sdg_goals_are_listed_by_their_names(staff_client):
    page = staff_client.get(reverse("portfolio:create")).content.decode()
    assert "3 · Salud y bienestar" in page and "16 · Paz, justicia e instituciones sólidas" in page


def _with_indicators(rows: list[dict[str, str]]) -> dict[str, object]:
    data = form_data()
    data.update({"new_indicators-TOTAL_FORMS": str(len(rows)), "new_indicators-INITIAL_FORMS": "0"})
    for n, row in enumerate(rows):
        data.update({f"new_indicators-{n}-{key}": value for key, value in row.items()})
    return data


def test_a_result_with_two_indicators_is_entered_with_the_activity(staff_client):
    rows = [
        {"result_kind": "2", "result_title": "Mujeres gestantes atendidas",
         "title": "Controles prenatales", "measure": "1", "baseline_value": "0"},
        {"result_kind": "2", "result_title": "Mujeres gestantes atendidas",
         "title": "Partos atendidos en institución", "measure": "2"},
    ]  # fmt: skip
    response = staff_client.post(reverse("portfolio:create"), _with_indicators(rows))
    assert response.status_code == 302
    activity = Activity.objects.get()
    (result,) = activity.results.all()
    assert (result.kind, result.title) == ("2", "Mujeres gestantes atendidas")
    assert [i.title for i in result.indicators.all()] == [
        "Controles prenatales",
        "Partos atendidos en institución",
    ]


def test_an_indicator_row_without_its_results_type_saves_nothing(staff_client):
    rows = [{"result_title": "Familias con agua", "title": "Conexiones", "measure": "1"}]
    response = staff_client.post(reverse("portfolio:create"), _with_indicators(rows))
    assert response.status_code == 400
    assert not Activity.objects.exists()


def test_a_new_activity_in_another_currency_saves_with_its_money_sections_left_empty(staff_client):
    """The untouched empty rows showed COP; the activity is saved in USD: still untouched."""
    data = form_data(currency="USD")
    for prefix in ("budgets", "transactions"):
        for key in [k for k in data if k.startswith(f"{prefix}-0-")]:
            del data[key]
        data[f"{prefix}-0-currency"] = "COP"  # what the page showed in the empty row
    data["budgets-0-kind"] = "1"  # the row's own default, untouched
    response = staff_client.post(reverse("portfolio:create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = Activity.objects.get()
    assert activity.currency_id == "USD" and not activity.budgets.exists()
