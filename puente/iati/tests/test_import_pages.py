"""Staff start imports from the browser (upload or address), follow them and read the report."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from puente.iati.models import ImportRun
from puente.portfolio.models import Activity
from puente.tests.local_server import serving

pytestmark = pytest.mark.django_db
CUCUTA = Path(__file__).parent / "files" / "cucuta-2.03.xml"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name: str = "oim.xml", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, content if content is not None else CUCUTA.read_bytes(), "text/xml"
    )


def test_staff_upload_a_file_and_read_the_report(staff_client, tmp_path):
    response = staff_client.post(reverse("iati:imports"), {"file": upload(), "scope": "department"})
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("iati:run", args=[run.pk])
    assert (run.status, run.label, run.created, run.filtered_out, run.skipped) == (
        "done",
        "oim.xml",
        1,
        1,
        1,
    )
    assert Path(run.source).parent == tmp_path / "imports" and "oim" not in run.source
    page = staff_client.get(response["Location"]).content.decode()
    assert "Terminada" in page and "XM-DAC-47066-CO-BAD" in page and "mucho dinero" in page
    assert "Campamento sin nombre conocido" in page
    assert 'http-equiv="refresh"' not in page  # a finished run stops refreshing
    assert Activity.objects.filter(iati_identifier="XM-DAC-47066-CO-CUC-001").exists()


def test_a_file_that_is_not_xml_is_refused_before_anything_runs(staff_client):
    response = staff_client.post(
        reverse("iati:imports"), {"file": upload("x.xml", b"PK\x03\x04zip"), "scope": "all"}
    )
    assert response.status_code == 400
    assert "no es un archivo XML" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_file_and_an_address_at_once_is_refused(staff_client):
    response = staff_client.post(
        reverse("iati:imports"),
        {"file": upload(), "url": "https://example.org/a.xml", "scope": "all"},
    )
    assert response.status_code == 400
    assert not ImportRun.objects.exists()


def test_an_import_by_address_downloads_the_file(staff_client, settings):
    settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]  # the test server stands for a public one

    with serving(CUCUTA.read_bytes()) as port:
        url = f"http://127.0.0.1:{port}/activities.xml"
        staff_client.post(reverse("iati:imports"), {"url": url, "scope": "all"})
    run = ImportRun.objects.get()
    assert (run.status, run.source, run.created) == ("done", url, 2)


def test_a_failed_download_is_reported_not_crashed(staff_client, settings):
    settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    staff_client.post(
        reverse("iati:imports"), {"url": "http://127.0.0.1:9/none.xml", "scope": "all"}
    )
    run = ImportRun.objects.get()
    assert run.status == "failed" and run.message


def test_an_import_from_an_internal_address_fails_saying_why(staff_client):
    staff_client.post(
        reverse("iati:imports"), {"url": "http://169.254.169.254/latest/", "scope": "all"}
    )
    run = ImportRun.objects.get()
    assert run.status == "failed"
    assert "link-local" in run.message and "PUENTE_FETCH_ALLOWED_HOSTS" in run.message


def test_only_the_secretariat_imports(viewer_client, client):
    assert viewer_client.get(reverse("iati:imports")).status_code == 403
    assert (
        viewer_client.post(reverse("iati:imports"), {"file": upload(), "scope": "all"}).status_code
        == 403
    )
    assert client.get(reverse("iati:imports")).status_code == 302
    assert not ImportRun.objects.exists()


def test_a_run_silent_for_too_long_is_shown_as_interrupted(staff_client):
    import datetime

    from django.utils import timezone

    from puente.iati.models import STALE_AFTER

    now = timezone.now()
    dead = ImportRun.objects.create(source="x.xml", status="running", heartbeat_at=now - STALE_AFTER - datetime.timedelta(seconds=1))  # fmt: skip
    alive = ImportRun.objects.create(source="y.xml", status="running", heartbeat_at=now)
    page = staff_client.get(reverse("iati:run", args=[dead.pk])).content.decode()
    assert "Interrumpida" in page and "Importe de nuevo el mismo archivo" in page
    assert 'http-equiv="refresh"' not in page  # nothing left to wait for
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert (dead.status, dead.finished_at) == ("interrupted", dead.heartbeat_at)
    assert alive.status == "running"
