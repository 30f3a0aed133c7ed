"""The activity page says what would make the department's IATI record invalid, in Spanish."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from puente.iati.checks import check_activity
from puente.iati.tests.factories import keep_record
from puente.iati.validator import ERROR
from puente.portfolio.tests.factories import ActivityFactory, SectorFactory

from .test_export import full_activity

pytestmark = pytest.mark.django_db


def test_a_sound_activity_is_said_valid(staff_client):
    activity = full_activity()
    assert [p for p in check_activity(activity) if p.severity == ERROR] == []
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert "El registro IATI de esta actividad es válido" in page


def test_each_problem_is_said_in_spanish_with_the_rule_and_the_part_it_concerns(staff_client):
    activity = full_activity()
    activity.planned_start, activity.planned_end = date(2026, 5, 1), date(2026, 1, 1)
    activity.save()
    SectorFactory(activity=activity, sector_id="11220", percentage=Decimal("60"))
    rules = {p.rule for p in check_activity(activity)}
    assert {"11.1.2", "2.1.2"} <= rules
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert "2 cosas harían inválido el registro IATI de esta actividad" in page
    assert "El inicio previsto debe ir antes del fin previsto." in page
    assert "Los porcentajes de los sectores deben sumar 100 %." in page
    # The IATI wording stays at hand, in English, marked as such.
    assert '<p lang="en">The planned start date of the activity must be before' in page


def test_a_record_the_schema_refuses_names_what_is_missing_in_the_language_shown():
    bare = ActivityFactory(description_es="", description_en="")
    with translation.override("en"):
        said = {p.rule: p for p in check_activity(bare)}
    assert said["6.2.2"].message == "Give at least one sector."
    (schema,) = [p for p in said.values() if p.rule.startswith("schema")]
    assert schema.message == (
        "Something is missing before “IATI status”: IATI expects “description”."
    )
    assert schema.part == "IATI status"


def test_imported_activities_are_their_publishers_records_and_are_not_checked(staff_client):
    activity = ActivityFactory()
    keep_record(activity)
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk])).content.decode()
    assert "iati-check-h" not in page


def test_a_control_character_pasted_into_a_title_does_not_break_the_page(staff_client):
    activity = full_activity()
    activity.title_es = "Agua\x0bpotable en Tibú"
    activity.save()
    page = staff_client.get(reverse("portfolio:detail", args=[activity.pk]))
    assert page.status_code == 200
    assert "El registro IATI de esta actividad es válido" in page.content.decode()
