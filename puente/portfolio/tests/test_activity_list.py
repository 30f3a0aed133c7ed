"""The staff list: search, filters, sorting, pagination, export; and who may see it."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from puente.portfolio.tests.factories import (
    ActivityFactory,
    LocationFactory,
    ParticipationFactory,
    SectorFactory,
)
from puente.territory.models import Municipality

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [a.title_es for a in response.context["page"].object_list]


def test_search_finds_words_in_any_order(staff_client):
    ActivityFactory(title_es="Agua potable para Tibú")
    ActivityFactory(title_es="Escuelas de Ocaña")
    response = staff_client.get(reverse("portfolio:list"), {"q": "tibú agua"})
    assert titles(response) == ["Agua potable para Tibú"]


def test_filters_by_municipality_sector_category_partner_and_year(staff_client):
    tibu = Municipality.objects.get(code="54810")
    water = LocationFactory(municipality=tibu, activity__title_es="Agua en Tibú").activity
    SectorFactory(activity=water, sector_id="14030")
    health = SectorFactory(sector_id="12220", activity__title_es="Salud en Cúcuta").activity
    partner = ParticipationFactory(activity=health).organisation
    ActivityFactory(title_es="Viejo", planned_start=date(2019, 1, 1), planned_end=date(2019, 6, 1))
    url = reverse("portfolio:list")
    assert titles(staff_client.get(url, {"municipality": "54810"})) == ["Agua en Tibú"]
    assert titles(staff_client.get(url, {"sector": "14030"})) == ["Agua en Tibú"]
    assert titles(staff_client.get(url, {"sector": "122"})) == ["Salud en Cúcuta"]
    assert titles(staff_client.get(url, {"organisation": partner.pk})) == ["Salud en Cúcuta"]
    assert "Viejo" not in titles(staff_client.get(url, {"year": 2025}))


def partner_options(response) -> list[str]:
    return [label for _value, label in response.context["form"].fields["organisation"].choices]


def test_a_partner_just_added_is_in_the_filter_at_once(staff_client):
    url = reverse("portfolio:list")
    ParticipationFactory(organisation__name="Primera Fundación", organisation__acronym="")
    assert "Primera Fundación" in partner_options(staff_client.get(url))  # now kept
    ParticipationFactory(organisation__name="Fundación Recién Llegada", organisation__acronym="")
    assert "Fundación Recién Llegada" in partner_options(staff_client.get(url))


def test_sorting_and_pagination(staff_client):
    for name in ["Charlie", "Alfa", "Bravo"] + [f"Zulu {i:02}" for i in range(30)]:
        ActivityFactory(title_es=name)
    response = staff_client.get(reverse("portfolio:list"), {"sort": "title"})
    assert titles(response)[:3] == ["Alfa", "Bravo", "Charlie"]
    assert response.context["page"].paginator.num_pages == 2
    second = staff_client.get(reverse("portfolio:list"), {"sort": "title", "page": 2})
    assert titles(second)[-1] == "Zulu 29"
    assert "sort=title" in second.content.decode()


def test_an_empty_result_says_so(staff_client):
    response = staff_client.get(reverse("portfolio:list"), {"q": "nada-coincide"})
    page = response.content.decode()
    assert "No activity matches" in page or "Ninguna actividad coincide" in page


def test_export_follows_the_filters_in_csv_and_xlsx(staff_client):
    LocationFactory(
        activity__title_es='=HYPERLINK("x") en Tibú',
        municipality=Municipality.objects.get(code="54810"),
    )
    ActivityFactory(title_es="Otra")
    response = staff_client.get(
        reverse("portfolio:export", args=["csv"]), {"municipality": "54810"}
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["id", "iati_identifier", "level", "title_es"]
    assert len(rows) == 2
    assert rows[1][3].startswith("'=")  # formulas are neutralised
    assert rows[1][11] == "Tibú"
    xlsx = staff_client.get(reverse("portfolio:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 3
    assert staff_client.get(reverse("portfolio:export", args=["pdf"])).status_code == 404


def test_viewers_read_the_list_but_see_no_create_button(viewer_client):
    ActivityFactory(title_es="Visible")
    page = viewer_client.get(reverse("portfolio:list")).content.decode()
    assert "Visible" in page
    assert reverse("portfolio:create") not in page
    assert viewer_client.get(reverse("portfolio:create")).status_code == 403


def test_people_without_a_role_get_no_staff_pages(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x-long-password-1")
    client.force_login(user)
    assert client.get(reverse("portfolio:list")).status_code == 403


def test_the_dashboard_counts_by_stage_municipality_and_partner(staff_client):
    tibu = Municipality.objects.get(code="54810")
    for _ in range(3):
        LocationFactory(municipality=tibu, activity__stage="execution")
    ParticipationFactory(organisation__acronym="OIM", activity__stage="idea")
    response = staff_client.get(reverse("portfolio:dashboard"))
    data = response.context["data"]
    assert data["total"] == 4
    assert {r["stage"]: r["n"] for r in data["by_stage"]} == {"execution": 3, "idea": 1}
    assert data["by_municipality"][0]["municipality__name"] == "Tibú"
    assert data["by_partner"][0]["organisation__acronym"] == "OIM"


def test_the_whole_portfolio_is_counted_at_most_once_a_minute_and_says_when(
    staff_client, viewer_client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    LocationFactory(activity__stage="execution")
    first = staff_client.get(reverse("portfolio:dashboard"))
    assert "Cifras contadas a las" in first.content.decode()
    ActivityFactory(stage="idea")  # counted at the next minute, not now
    with CaptureQueriesContext(connection) as later:
        again = viewer_client.get(reverse("portfolio:dashboard"))  # another reader, same totals
    assert again.context["data"]["total"] == 1
    assert not any("GROUP BY" in q["sql"] for q in later.captured_queries)
    # A filter is always counted afresh.
    assert (
        staff_client.get(reverse("portfolio:dashboard"), {"stage": "idea"}).context["data"]["total"]
        == 1
    )


def test_a_filtered_dashboard_counts_only_the_matching_activities(staff_client):
    tibu, ocana = Municipality.objects.get(code="54810"), Municipality.objects.get(code="54498")
    for _ in range(2):
        SectorFactory(activity=LocationFactory(municipality=tibu).activity, sector_id="14030")
    SectorFactory(activity=LocationFactory(municipality=ocana).activity, sector_id="12220")
    data = staff_client.get(reverse("portfolio:dashboard"), {"municipality": "54810"}).context[
        "data"
    ]
    assert data["total"] == 2
    assert [(r["municipality__name"], r["n"]) for r in data["by_municipality"]] == [("Tibú", 2)]
    assert [(r["sector_id"], r["n"]) for r in data["by_sector"]] == [("14030", 2)]


def test_search_ignores_accents_and_case(staff_client):
    ActivityFactory(title_es="Atención en Cúcuta", title_en="")
    ActivityFactory(title_es="Agua en Ocaña", title_en="")
    assert titles(staff_client.get(reverse("portfolio:list"), {"q": "CUCUTA"})) == [
        "Atención en Cúcuta"
    ]
    assert titles(staff_client.get(reverse("portfolio:list"), {"q": "ocana agua"})) == [
        "Agua en Ocaña"
    ]


def test_editing_a_title_keeps_search_current(staff_client):
    activity = ActivityFactory(title_es="Antes")
    activity.title_es = "Después en Tibú"
    activity.save(update_fields=["title_es"])
    assert titles(staff_client.get(reverse("portfolio:list"), {"q": "tibu"})) == ["Después en Tibú"]


def test_staff_filter_drafts_from_published(staff_client):
    ActivityFactory(title_es="Publicada", is_public=True)
    ActivityFactory(title_es="Borrador", is_public=False)
    assert titles(staff_client.get(reverse("portfolio:list"), {"public": "no"})) == ["Borrador"]
    assert titles(staff_client.get(reverse("portfolio:list"), {"public": "yes"})) == ["Publicada"]
    assert len(titles(staff_client.get(reverse("portfolio:list")))) == 2


def test_a_partner_added_to_an_activity_is_in_the_filter_at_once_though_the_filters_are_kept(
    staff_client,
):
    """The filter form's HTML is kept between requests; a new partner must not wait for it."""
    url = reverse("portfolio:list")
    first = staff_client.get(url).content.decode()
    assert staff_client.get(url).content.decode().count("<option") == first.count("<option")
    partner = ParticipationFactory(
        organisation__name="Fundación Nueva del Catatumbo", organisation__acronym=""
    ).organisation
    page = staff_client.get(url).content.decode()
    assert f'<option value="{partner.pk}">Fundación Nueva del Catatumbo</option>' in page
    chosen = staff_client.get(url, {"organisation": partner.pk}).content.decode()
    assert f'<option value="{partner.pk}" selected>Fundación Nueva del Catatumbo</option>' in chosen


def test_a_search_lists_every_match_across_pages_with_its_partners_and_places(
    staff_client, settings
):
    settings.PUENTE_PAGE_SIZE = 2
    tibu = Municipality.objects.get(code="54810")
    for n in range(3):
        LocationFactory(municipality=tibu, activity__title_es=f"Agua {n} en Tibú")
    ParticipationFactory(activity__title_es="Agua 9 en Ocaña", organisation__acronym="NRC")
    url = reverse("portfolio:list")
    first = staff_client.get(url, {"q": "agua", "sort": "title"})
    assert first.context["page"].paginator.count == 4
    assert titles(first) == ["Agua 0 en Tibú", "Agua 1 en Tibú"]
    assert "Tibú" in first.content.decode()
    second = staff_client.get(url, {"q": "agua", "sort": "title", "page": 2})
    assert titles(second) == ["Agua 2 en Tibú", "Agua 9 en Ocaña"]
    assert ">NRC</td>" in second.content.decode()
