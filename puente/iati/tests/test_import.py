"""Importing into the portfolio: every element lands, re-imports are idempotent, staff edits
survive, scopes filter, and a bad activity does not stop the file."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from puente.iati.elements import READERS
from puente.iati.models import ActivitySource, ImportRun
from puente.iati.services import run_import
from puente.portfolio.models import Activity, Classification, Document, SdgGoal
from puente.portfolio.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "files"
CUCUTA = FILES / "cucuta-2.03.xml"


def do_import(source: Path | str, **scope) -> ImportRun:
    return run_import(ImportRun.objects.create(source=str(source), **scope))


def test_every_mapped_element_lands_in_the_portfolio():
    run = do_import(CUCUTA)
    assert (run.status, run.read, run.created, run.skipped) == ("done", 3, 2, 1)
    a = Activity.objects.get(iati_identifier="XM-DAC-47066-CO-CUC-001")
    assert (a.title_es, a.title_en) == (
        "Atención a caminantes en Cúcuta",
        "Assistance to walkers in Cúcuta",
    )
    assert a.texts.get(kind="title").lang == "fr"
    assert a.texts.get(kind="description").description_type == "3"
    # Unpublished until staff review it (test_review.py).
    assert (a.stage, a.iati_status, a.humanitarian, a.is_public) == ("execution", "2", True, False)
    assert a.reporting_org.iati_identifier == "XM-DAC-47066"
    assert sorted((p.organisation.name, p.role) for p in a.participations.all()) == [
        ("Fundación Caminos de Frontera", "4"),
        ("Organización Internacional para las Migraciones", "4"),
        ("USAID", "1"),
    ]
    assert sorted((s.sector_id, s.percentage) for s in a.sectors.all()) == [
        ("14030", Decimal("30")),
        ("72010", Decimal("70")),
    ]
    kinds = sorted(a.classifications.values_list("kind", "code"))
    assert kinds == [
        ("humanitarian-scope", "FL-2026-000123-COL"),
        ("policy-marker", "7"),
        ("region", "489"),
        ("sector", "Shelter"),
        ("tag", "migrantes"),
    ]
    assert a.gender_marker == "1"
    assert a.recipient_countries.get().country_id == "CO"
    assert a.budgets.get().amount == Decimal("750000.50")
    assert a.planned_disbursements.get().provider.iati_identifier == "US-GOV-1"
    assert sorted((t.kind, t.amount) for t in a.transactions.all()) == [
        ("11", Decimal("750000.50")),
        ("4", Decimal("-1250.25")),
    ]
    period = a.results.get().indicators.get().periods.get()
    assert (period.target, period.actual, period.progress) == (
        Decimal("5000"),
        Decimal("3100"),
        Decimal("62.0"),
    )
    assert sorted(period.disaggregations.values_list("side", "name", "category")) == [
        ("actual", "nacionalidad", "venezolana"),
        ("target", "sexo", "hombres"),
        ("target", "sexo", "mujeres"),
    ]
    assert a.documents.get().url == "https://example.org/oim/caminantes.pdf"
    assert a.relations.get().ref == "XM-DAC-47066-CO-PLAN"
    assert a.source.publisher_ref == "XM-DAC-47066"
    assert Activity.objects.filter(search_text__contains="caminantes en cucuta").get() == a


def test_places_are_matched_with_their_method_and_the_rest_listed():
    run = do_import(CUCUTA)
    a = Activity.objects.get(iati_identifier="XM-DAC-47066-CO-CUC-001")
    found = {
        (loc.source_ref, loc.municipality.name if loc.municipality else None, loc.match_method)
        for loc in a.locations.all()
    }
    assert found == {
        ("CUC-1", "Cúcuta", "code"),
        ("VDR-1", "Villa del Rosario", "name"),
        ("TIB-1", "Tibú", "inside"),  # its point lies in Tibú's polygon
        ("LOST-1", None, "none"),
    }
    assert [p["name"] for p in run.unmatched_places] == ["Campamento sin nombre conocido"]


def test_the_bad_activity_is_reported_with_line_element_and_reason():
    run = do_import(CUCUTA)
    (problem,) = [p for p in run.problems if p["identifier"] == "XM-DAC-47066-CO-BAD"]
    assert (problem["line"], problem["element"]) == (91, "value")
    assert "mucho dinero" in problem["message"]
    assert not Activity.objects.filter(iati_identifier="XM-DAC-47066-CO-BAD").exists()


def test_importing_the_same_file_again_changes_nothing():
    do_import(CUCUTA)
    before = sorted(Activity.objects.values_list("id", "updated_at"))
    again = do_import(CUCUTA)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert sorted(Activity.objects.values_list("id", "updated_at")) == before
    # The counts a watcher reads from the database say the same.
    stored = ImportRun.objects.get(pk=again.pk)
    assert (stored.read, stored.unchanged, stored.skipped) == (3, 2, 1)


def test_an_unchanged_activity_is_recognised_by_its_fingerprint_without_being_read(monkeypatch):
    do_import(CUCUTA)
    read = []
    monkeypatch.setitem(READERS, "title", lambda element, activity: read.append(element))
    again = do_import(CUCUTA)
    assert again.unchanged == 2
    assert len(read) == 1  # only the bad activity, never stored, is read again


def test_a_newer_file_updates_and_staff_edits_survive(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    do_import(CUCUTA)
    a = Activity.objects.get(iati_identifier="XM-DAC-47066-CO-CUC-001")
    a.stage, a.is_public = "closing", False
    a.save()
    SdgGoal.objects.create(activity=a, goal=10, target="10.7")
    Document.objects.create(activity=a, title="Acta interna", file="documents/acta.pdf")
    newer = tmp_path / "newer.xml"
    newer.write_text(
        CUCUTA.read_text(encoding="utf-8")
        .replace("2026-10-01T12:00:00Z", "2026-11-01T12:00:00Z")
        .replace("750000.50", "800000.00")
        .replace("Atención a caminantes en Cúcuta", "Atención ampliada a caminantes en Cúcuta"),
        encoding="utf-8",
    )
    run = do_import(newer)
    assert (run.updated, run.unchanged) == (1, 1)  # the Peruvian activity did not change
    a.refresh_from_db()
    assert a.title_es == "Atención ampliada a caminantes en Cúcuta"
    assert a.budgets.get().amount == Decimal("800000.00")
    assert (a.stage, a.is_public) == ("closing", False)
    assert a.sdg_goals.get().target == "10.7"
    assert set(a.documents.values_list("title", flat=True)) == {
        "Acta interna",
        "Informe trimestral",
    }
    assert a.transactions.count() == 2 and a.locations.count() == 4  # replaced, not doubled


def test_an_older_file_does_not_overwrite_a_newer_import(tmp_path):
    newer = tmp_path / "newer.xml"
    newer.write_text(
        CUCUTA.read_text(encoding="utf-8")
        .replace("2026-10-01T12:00:00Z", "2026-11-01T12:00:00Z")
        .replace("Atención a caminantes", "Versión nueva"),
        encoding="utf-8",
    )
    do_import(newer)
    run = do_import(CUCUTA)
    assert run.updated == 0
    assert Activity.objects.get(iati_identifier="XM-DAC-47066-CO-CUC-001").title_es.startswith(
        "Versión nueva"
    )


def test_a_secretariat_activity_with_the_same_identifier_is_not_overwritten():
    ActivityFactory(iati_identifier="XM-DAC-47066-CO-CUC-001", title_es="Nuestra versión")
    run = do_import(CUCUTA)
    assert (
        Activity.objects.get(iati_identifier="XM-DAC-47066-CO-CUC-001").title_es
        == "Nuestra versión"
    )
    assert any("not overwritten" in p["message"] for p in run.problems)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ({"scope": "all"}, {"XM-DAC-47066-CO-CUC-001", "XI-IATI-EC_INTPA-PE-001"}),
        ({"scope": "country", "country": "CO"}, {"XM-DAC-47066-CO-CUC-001"}),
        ({"scope": "country", "country": "PE"}, {"XI-IATI-EC_INTPA-PE-001"}),
        ({"scope": "department", "department": "54"}, {"XM-DAC-47066-CO-CUC-001"}),
    ],
)
def test_scopes_keep_only_the_activities_asked_for(scope, expected):
    run = do_import(CUCUTA, **scope)
    assert set(Activity.objects.values_list("iati_identifier", flat=True)) == expected
    assert run.read == run.created + run.filtered_out + run.skipped


def test_a_folder_imports_every_xml_file_and_records_each_file(tmp_path):
    shutil.copy(CUCUTA, tmp_path / "a.xml")
    (tmp_path / "notes.txt").write_text("not xml")
    run = do_import(tmp_path)
    assert run.created == 2
    assert set(ActivitySource.objects.values_list("source", flat=True)) == {str(tmp_path / "a.xml")}


def test_a_refused_file_fails_the_run_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities/>')
    run = do_import(bad)
    assert run.status == "failed" and "DOCTYPE" in run.message
    assert not Activity.objects.exists()


def test_the_command_line_imports_and_reports(capsys):
    call_command("iati", "import", str(CUCUTA), "--department", "54")
    out = capsys.readouterr().out
    assert "1 created" in out and "1 outside the scope" in out and "1 skipped" in out
    assert "line 91, XM-DAC-47066-CO-BAD" in out
    assert Classification.objects.filter(kind="tag").count() == 1


def test_a_language_tag_longer_than_its_column_is_cut_not_fatal(tmp_path):
    # Found by the fuzzing test on PostgreSQL: an 11-character xml:lang stopped the whole run.
    odd = tmp_path / "odd-lang.xml"
    odd.write_text(
        CUCUTA.read_text(encoding="utf-8").replace(
            'xml:lang="fr"', 'xml:lang="fr-x-frontera-norte"'
        ),
        encoding="utf-8",
    )
    run = do_import(odd)
    assert (run.status, run.created) == ("done", 2)
    text = Activity.objects.get(iati_identifier="XM-DAC-47066-CO-CUC-001").texts.get(kind="title")
    assert text.lang == "fr-x-front"


def test_partners_of_an_import_are_in_the_activity_filters_at_once(staff_client):
    from django.urls import reverse

    from puente.directory.tests.factories import OrganisationFactory

    known = OrganisationFactory(name="Agencia de los Estados Unidos", iati_identifier="US-GOV-1")
    url = reverse("portfolio:list")
    staff_client.get(url)  # the filter lists are kept from here on
    do_import(CUCUTA)
    form = staff_client.get(url).context["form"]
    labels = {label for _value, label in form.fields["organisation"].choices}
    assert known.short_name in labels
    # One the import created waits for review first (test_review.py).
    assert "Fundación Caminos de Frontera" not in labels


def test_a_repeated_identifier_keeps_the_first_and_stays_put_on_every_import(tmp_path):
    twice = tmp_path / "twice.xml"
    activity = (
        "<iati-activity><iati-identifier>XM-TEST-D-1</iati-identifier>"
        '<reporting-org ref="XM-TEST" type="10"><narrative>Test</narrative></reporting-org>'
        "<title><narrative>{}</narrative></title></iati-activity>"
    )
    twice.write_text(
        '<iati-activities version="2.03">'
        + activity.format("Primera")
        + activity.format("Segunda")
        + "</iati-activities>",
        encoding="utf-8",
    )
    runs = [do_import(twice) for _ in range(3)]
    assert [(r.created, r.updated, r.unchanged, r.skipped) for r in runs] == [
        (1, 0, 0, 1),
        (0, 0, 1, 1),
        (0, 0, 1, 1),
    ]
    assert Activity.objects.get(iati_identifier="XM-TEST-D-1").title_en == "Primera"
    assert all("appears twice" in r.problems[0]["message"] for r in runs)


def test_a_file_that_declares_no_version_is_not_rewritten_on_the_next_import(tmp_path):
    bare = tmp_path / "bare.xml"
    bare.write_text(
        CUCUTA.read_text(encoding="utf-8").replace('version="2.03"', ""), encoding="utf-8"
    )
    do_import(bare)
    again = do_import(bare)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
