"""Reference data: the department's 40 municipalities, the Venezuelan side, codelists."""

import okfn_iati.enums as iati
import pytest
from django.db.models import F

from puente.portfolio.lifecycle import IatiStatus
from puente.portfolio.models import Measure, OrganisationRole, TransactionKind
from puente.territory.models import CodelistItem, Country, Currency, Municipality, Sector
from puente.territory.services import load_reference_data

pytestmark = pytest.mark.django_db


def test_norte_de_santander_has_its_40_municipalities_with_divipola_codes():
    municipalities = Municipality.objects.of_department("54")
    assert municipalities.count() == 40
    assert all(m.code.startswith("54") and len(m.code) == 5 for m in municipalities)
    cucuta = municipalities.get(code="54001")
    assert cucuta.name == "Cúcuta"
    assert cucuta.border_zone
    assert 7 < float(cucuta.latitude) < 9 and -74 < float(cucuta.longitude) < -72
    assert not municipalities.get(name="Pamplona").border_zone


def test_every_municipality_of_the_department_has_its_polygon_around_its_seat():
    from shapely.geometry import Point, shape

    from puente.territory.models import Department

    for m in Municipality.objects.of_department("54"):
        polygon = shape(m.boundary)
        assert polygon.is_valid and polygon.area > 0, m.name
        # The seat lies in its own municipality (or within a kilometre of it, on the simplified line).
        assert polygon.distance(Point(float(m.longitude), float(m.latitude))) < 0.01, m.name
    assert Department.objects.filter(country="CO").exclude(boundary={}).count() == 33


def test_the_venezuelan_neighbours_are_there_to_locate_binational_work():
    states = {m.department.name for m in Municipality.objects.filter(department__country="VE")}
    assert states == {"Táchira", "Zulia", "Apure"}
    ureña = Municipality.objects.get(name="Pedro María Ureña")
    assert ureña.department.code == "VE-S" and ureña.border_zone


def test_loading_twice_changes_nothing():
    before = Municipality.objects.count(), CodelistItem.objects.count(), Sector.objects.count()
    load_reference_data()
    after = Municipality.objects.count(), CodelistItem.objects.count(), Sector.objects.count()
    assert before == after


def test_countries_and_currencies_carry_spanish_names():
    assert Country.objects.get(code="VE").name_es == "Venezuela, República Bolivariana de"
    assert Currency.objects.get(code="USD").name_es == "Dólar estadounidense"


def test_sectors_have_five_digit_codes_under_three_digit_categories():
    health = Sector.objects.get(code="12220")
    assert health.category_id == "122"
    assert health.name_en == "Basic health care"
    assert Sector.objects.filter(category__isnull=True).count() > 30


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (OrganisationRole, iati.OrganisationRole),
        (TransactionKind, iati.TransactionType),
        (IatiStatus, iati.ActivityStatus),
        (Measure, iati.IndicatorMeasure),
    ],
)
def test_the_codes_puente_uses_are_codes_of_the_iati_codelists(ours, theirs):
    official = {str(member.value) for member in theirs}
    assert {choice.value for choice in ours} <= official


def test_withdrawn_dac_codes_are_kept_but_marked():
    withdrawn = Sector.objects.get(code="11321")
    assert withdrawn.withdrawn and withdrawn.category_id == "113"
    assert not Sector.objects.get(code="11220").withdrawn
    assert Sector.objects.filter(code__regex=r"^\d{3}(\d{2})?$").count() == Sector.objects.count()


def test_every_sector_and_category_has_its_name_in_spanish_and_english():
    basic = Sector.objects.get(code="112")
    assert (basic.name_es, basic.name_en) == ("Educación básica", "Basic Education")
    assert Sector.objects.get(code="11220").name_es == "Educación primaria"
    assert Sector.objects.count() == 369
    untranslated = Sector.objects.filter(name_es=F("name_en")).values_list("code", flat=True)
    assert list(untranslated) == []
    assert not Sector.objects.filter(name_es__startswith="CAD").exists()


def test_a_sector_reads_in_the_language_of_the_page():
    from django.utils import translation

    primary = Sector.objects.get(code="11220")
    with translation.override("es"):
        assert str(primary) == "11220 Educación primaria"
    with translation.override("en"):
        assert str(primary) == "11220 Primary education"
    assert Sector.objects.get(code="15137").withdrawn is False
    assert Sector.objects.get(code="23070").withdrawn is True  # withdrawn from the codelist
