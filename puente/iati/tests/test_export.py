"""Export: the department's public activities as IATI 2.03 that validates, and a round trip."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from puente.iati.exporter import export_activities, own_public_activities
from puente.iati.models import ImportRun
from puente.iati.services import run_import
from puente.iati.validator import validate
from puente.iati.writer import write_activities
from puente.portfolio.models import (
    Activity,
    Disaggregation,
    Indicator,
    IndicatorPeriod,
    Result,
    Transaction,
)
from puente.portfolio.tests.factories import (
    ActivityFactory,
    BudgetFactory,
    LocationFactory,
    ParticipationFactory,
    SectorFactory,
)

pytestmark = pytest.mark.django_db
FIXED = date(2026, 11, 1)


def full_activity() -> Activity:
    activity = ActivityFactory(
        title_es="Agua potable en Tibú",
        title_en="Drinking water in Tibú",
        description_es="Acueducto veredal.",
        iati_status="2",
        stage="execution",
        gender_marker="1",
        is_public=True,
    )
    SectorFactory(activity=activity, sector_id="14030")
    LocationFactory(activity=activity)
    BudgetFactory(activity=activity, amount=Decimal("120000.00"))
    funder = ParticipationFactory(
        activity=activity, role="1", organisation__iati_identifier="CH-4"
    ).organisation
    Transaction.objects.create(
        activity=activity,
        kind="3",
        date=date(2026, 2, 1),
        amount=Decimal("5000.25"),
        currency_id="USD",
        provider=funder,
    )
    indicator = Indicator.objects.create(
        result=Result.objects.create(activity=activity, title="Familias con agua"),
        title="Hogares conectados",
        baseline_year=2025,
        baseline_value=Decimal("0"),
    )
    period = IndicatorPeriod.objects.create(
        indicator=indicator,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        target=Decimal("300"),
        actual=Decimal("120"),
    )
    Disaggregation.objects.create(
        period=period, side="actual", dimension="sex", category="female", value=Decimal("70")
    )
    return activity


def export_xml(qs) -> bytes:
    out = io.BytesIO()
    from datetime import UTC, datetime

    write_activities(export_activities(qs), out, datetime(2026, 11, 24, tzinfo=UTC))
    return out.getvalue()


def test_the_export_validates_against_the_iati_2_03_schema_and_codelists(tmp_path):
    full_activity()
    ActivityFactory(is_public=False, title_es="Borrador")
    path = tmp_path / "export.xml"
    path.write_bytes(export_xml(own_public_activities()))
    assert validate(path) == []
    text = path.read_text(encoding="utf-8")
    assert "Agua potable en Tibú" in text and "Borrador" not in text
    assert 'code="14030"' in text and 'value="70.0000"' in text


def test_a_round_trip_gives_the_same_xml():
    full_activity()
    first = export_xml(own_public_activities())
    path = Path(__file__).parent / ".roundtrip.xml"
    path.write_bytes(first)
    try:
        Activity.objects.all().delete()
        run = run_import(ImportRun.objects.create(source=str(path)))
        assert (run.status, run.created) == ("done", 1)
        second = export_xml(Activity.objects.all())
    finally:
        path.unlink()
    assert second.decode() == first.decode()


def test_validate_reports_errors_with_lines_and_counts(tmp_path, capsys):
    full_activity()
    good = tmp_path / "good.xml"
    good.write_bytes(export_xml(own_public_activities()))
    bad = tmp_path / "bad.xml"
    bad.write_text(
        '<?xml version="1.0"?>\n<iati-activities version="2.03">\n<iati-activity>\n'
        '<iati-identifier>X-1</iati-identifier>\n<activity-status code="9"/>\n'
        "</iati-activity>\n</iati-activities>\n"
    )
    with pytest.raises(SystemExit) as exit_code:
        call_command("iati", "validate", str(good), str(bad))
    assert exit_code.value.code == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{good}: valid"
    assert lines[1].startswith(f"{bad}: ") and lines[1].endswith(" errors")
    assert any(line.strip().startswith("line 5:") and "“9”" in line for line in lines[2:])


def test_one_error_is_said_in_the_singular(tmp_path, capsys):
    full_activity()
    bad = tmp_path / "one.xml"
    bad.write_bytes(
        export_xml(own_public_activities()).replace(
            b"<iati-activities ", b'<iati-activities foo="1" '
        )
    )
    full = validate(bad)
    with pytest.raises(SystemExit):
        call_command("iati", "validate", str(bad))
    out = capsys.readouterr().out
    assert len(full) == 1 and out.splitlines()[0] == f"{bad}: 1 error"


def test_the_export_command_writes_a_valid_file(tmp_path, capsys):
    full_activity()
    target = tmp_path / "out.xml"
    call_command("iati", "export", "--output", str(target))
    assert validate(target) == []
    assert "1 activities" in capsys.readouterr().out


def test_the_public_urls_serve_valid_activity_and_organisation_files(client, tmp_path):
    full_activity()
    for url, name in (("/iati/activities.xml", "a.xml"), ("/iati/organisation.xml", "o.xml")):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith(
            "application/xml"
        )
        (tmp_path / name).write_bytes(response.content)
        assert validate(tmp_path / name) == []
    assert b"Agua potable en Tib" in (tmp_path / "a.xml").read_bytes()


def test_a_title_in_a_third_language_only_is_kept_once(tmp_path):
    path = tmp_path / "fr.xml"
    path.write_text(
        '<iati-activities version="2.03"><iati-activity xml:lang="fr"><iati-identifier>FR-1</iati-identifier>'
        '<title><narrative>Eau potable</narrative><narrative xml:lang="pt">Água</narrative></title>'
        "</iati-activity></iati-activities>"
    )
    run_import(ImportRun.objects.create(source=str(path)))
    activity = Activity.objects.get(iati_identifier="FR-1")
    assert activity.title == "Eau potable"
    assert list(activity.texts.values_list("lang", "text")) == [("pt", "Água")]


def test_with_nothing_public_there_is_no_invalid_empty_file(client, tmp_path):
    ActivityFactory(is_public=False)
    response = client.get("/iati/activities.xml")
    assert response.status_code == 404
    assert (
        "no public activity" in response.content.decode().lower()
        or "ninguna actividad" in response.content.decode().lower()
    )
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No public activity"):
        call_command("iati", "export", "--output", str(tmp_path / "x.xml"))
    assert not (tmp_path / "x.xml").exists()


def test_demo_activities_are_published_only_under_the_placeholder_publisher(client, settings):
    ActivityFactory(is_public=True, is_demo=True, title_es="Demostración en Tibú")
    settings.PUENTE_IATI_ORG_REF = "CO-DEMO-54"
    assert "Demostración en Tibú" in client.get("/iati/activities.xml").content.decode()
    settings.PUENTE_IATI_ORG_REF = "CO-NIT-800103927"
    assert not own_public_activities().exists()


def test_unpublished_imported_activities_stay_out_of_the_public_file(client, tmp_path):
    ActivityFactory(is_public=True, title_es="Agua potable en Tibú")
    call_command("iati", "import", str(Path(__file__).parent / "files" / "cucuta-2.03.xml"))
    body = client.get("/iati/activities.xml").content.decode()
    assert "Agua potable en Tibú" in body and "XM-DAC-47066-CO-CUC-001" not in body


def test_a_country_is_said_from_the_places_when_staff_named_none():
    from puente.territory.models import Municipality

    in_cucuta = ActivityFactory(is_public=True)
    LocationFactory(activity=in_cucuta, municipality=Municipality.objects.get(code="54001"))
    across = ActivityFactory(is_public=True)
    venezuelan = Municipality.objects.filter(department__country_id="VE").first()
    LocationFactory(activity=across, municipality=venezuelan)
    both = ActivityFactory(is_public=True)
    LocationFactory(activity=both, municipality=Municipality.objects.get(code="54001"))
    LocationFactory(activity=both, municipality=venezuelan)
    written = [[c.code for c in a.countries] for a in export_activities(own_public_activities())]
    assert written == [["CO"], ["VE"], []]  # in the order the activities were made
