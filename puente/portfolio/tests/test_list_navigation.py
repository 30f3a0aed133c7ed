"""Finding one's way in long lists: page numbers and a jump, sorting headers, a budget column."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from puente.portfolio.models import Activity, ExchangeRate
from puente.portfolio.tests.factories import ActivityFactory, BudgetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(settings):
    settings.PUENTE_PAGE_SIZE = 1
    for n in range(20):
        ActivityFactory(title_es=f"Proyecto {n:02d}")


def test_the_page_list_shows_the_ends_and_the_neighbours_and_keeps_the_filters(staff_client, many):
    page = staff_client.get(reverse("portfolio:list"), {"q": "proyecto", "page": 10}).content
    html = page.decode()
    shown = re.findall(r'page=(\d+)"><span\s+class="visually-hidden">Página </span>', html)
    assert shown == ["1", "8", "9", "11", "12", "20"]
    assert html.count('<li aria-hidden="true">…</li>') == 2
    assert re.search(r'aria-current="page"><span\s+class="visually-hidden">Página </span>10', html)
    assert "q=proyecto&amp;page=20" in html


def test_the_jump_form_goes_to_a_page_and_keeps_the_filters(staff_client, many):
    html = staff_client.get(reverse("portfolio:list"), {"q": "proyecto"}).content.decode()
    assert 'name="q" value="proyecto"' in html and 'max="20"' in html
    assert "Ir a la página (de 20)" in html


def test_a_header_sorts_by_its_column_and_again_the_other_way(staff_client):
    for title in ("Beta", "Alfa", "Gamma"):
        ActivityFactory(title_es=title)
    url = reverse("portfolio:list")
    html = staff_client.get(url, {"q": ""}).content.decode()
    assert 'href="?q=&amp;sort=title"' in html
    ascending = staff_client.get(url, {"sort": "title"})
    assert [a.title_es for a in ascending.context["page"].object_list] == ["Alfa", "Beta", "Gamma"]
    html = ascending.content.decode()
    assert 'aria-sort="ascending"' in html and 'href="?sort=-title"' in html
    descending = staff_client.get(url, {"sort": "-title"})
    assert [a.title_es for a in descending.context["page"].object_list][0] == "Gamma"


def test_the_budget_column_adds_the_current_budgets_in_the_activitys_currency(staff_client):
    activity = ActivityFactory(title_es="Agua en Tibú", currency_id="USD")
    ExchangeRate.objects.create(currency_id="EUR", valid_from=date(2025, 1, 1),
                                cop_per_unit=Decimal("4400"))  # fmt: skip
    ExchangeRate.objects.create(currency_id="USD", valid_from=date(2025, 1, 1),
                                cop_per_unit=Decimal("4000"))  # fmt: skip
    BudgetFactory(activity=activity, amount=Decimal("100000"), currency_id="USD")
    BudgetFactory(
        activity=activity,
        amount=Decimal("10000"),
        currency_id="EUR",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    html = staff_client.get(reverse("portfolio:list")).content.decode()
    # 100,000 USD + 10,000 EUR at 4,400 / 4,000, with the Spanish thousands separator
    assert re.search(r"111\W000&nbsp;USD", html)


def test_a_budget_without_a_rate_is_said_not_hidden(staff_client):
    activity = ActivityFactory(currency_id="USD")
    BudgetFactory(activity=activity, amount=Decimal("5000"), currency_id="JPY")
    # Budgets in two currencies are added up in the activity's: yen have no rate to it.
    BudgetFactory(activity=activity, amount=Decimal("100"), currency_id="USD",
                  period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))  # fmt: skip
    html = staff_client.get(reverse("portfolio:list")).content.decode()
    assert "más montos sin tasa de cambio" in html
    assert Activity.objects.count() == 1


def test_a_partner_sees_budgets_only_of_its_own_organisations_activities(db):
    """The list follows the export's rule for money: others' budgets stay out of the list."""
    from puente.accounts.roles import Role
    from puente.portfolio.tests.factories import ParticipationFactory
    from puente.tests.world import client_for, make_user

    mine = ParticipationFactory(activity__title_es="Mía", activity__currency_id="COP")
    theirs = ActivityFactory(title_es="Ajena", currency_id="COP")
    for activity in (mine.activity, theirs):
        BudgetFactory(activity=activity, amount=Decimal("7777777"), currency_id="COP")
    reporter = make_user("rep.lista", Role.REPORTER, organisation=mine.organisation)
    html = client_for(reporter).get(reverse("portfolio:list")).content.decode()
    rows = dict(re.findall(r">(Mía|Ajena)</a>(.*?)</tr>", html, re.S))
    assert re.search(r"7\W777\W777", rows["Mía"]) and not re.search(r"7\W777", rows["Ajena"])


def test_the_stage_header_sorts_in_the_lifecycles_order_both_ways(staff_client):
    for stage in ("execution", "idea", "approved", "formulation"):
        ActivityFactory(title_es=f"En {stage}", stage=stage)
    url = reverse("portfolio:list")
    forward = staff_client.get(url, {"sort": "stage"}).context["page"].object_list
    assert [a.stage for a in forward] == ["idea", "formulation", "approved", "execution"]
    backward = staff_client.get(url, {"sort": "-stage"}).context["page"].object_list
    assert [a.stage for a in backward] == ["execution", "approved", "formulation", "idea"]
    oldest = staff_client.get(url, {"sort": "updated"}).context["page"].object_list
    assert oldest[0].title_es == "En execution"  # the least recently updated first


def test_budgets_in_one_currency_read_in_that_currency(staff_client):
    activity = ActivityFactory(title_es="Agua en dólares", currency_id="COP")
    BudgetFactory(activity=activity, amount=Decimal("57000"), currency_id="USD")
    html = staff_client.get(reverse("portfolio:list")).content.decode()
    assert re.search(r"57\W000&nbsp;USD", html)
