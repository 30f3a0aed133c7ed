"""The needs register: what a community lacks, checked on entry, filtered, exported, matched to calls."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from puente.coordination.models import Need, Service, Severity
from puente.territory.models import Municipality, TargetPopulation

pytestmark = pytest.mark.django_db


def need_form(**extra) -> dict:
    data = {
        "municipality": Municipality.objects.get(code="54810").pk,  # Tibú
        "community": "Vereda Campo Dos",
        "service": Service.objects.get(name_es="Salud").pk,
        "population": TargetPopulation.objects.first().pk,
        "people_affected": "450",
        "people_excluded": "120",
        "severity": "3",
        "source": "Mesa municipal de salud",
        "evidence_date": (timezone.localdate() - timedelta(days=10)).isoformat(),
        "is_open": "on",
    }
    data.update(extra)
    return data


def test_staff_record_a_need_and_its_history_says_who(staff_client, staff_user):
    response = staff_client.post("/staff/coordination/needs/new/", need_form())
    assert response.status_code == 302
    need = Need.objects.get()
    assert (need.people_excluded, need.severity) == (120, Severity.SEVERE)
    page = staff_client.get(need.get_absolute_url()).content.decode()
    assert staff_user.username in page


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ({"people_excluded": "500"}, "Más personas excluidas que afectadas."),
        ({"evidence_date": (timezone.localdate() + timedelta(days=3)).isoformat()},
         "La evidencia no puede tener fecha futura."),
        ({"people_affected": "-4"}, "Asegúrese de que este valor es mayor o igual a 0."),
    ],
)  # fmt: skip
def test_impossible_figures_are_refused_and_nothing_is_saved(staff_client, extra, says):
    response = staff_client.post("/staff/coordination/needs/new/", need_form(**extra))
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Need.objects.exists()


def test_the_register_filters_and_exports(staff_client):
    staff_client.post("/staff/coordination/needs/new/", need_form())
    staff_client.post("/staff/coordination/needs/new/", need_form(
        service=Service.objects.get(name_es="Educación").pk, severity="1", is_open=""))  # fmt: skip
    page = staff_client.get("/staff/coordination/needs/").content.decode()
    assert "Vereda Campo Dos" in page and "1 necesidad" in page  # covered ones are hidden
    rows = list(csv.reader(io.StringIO(b"".join(staff_client.get(
        "/staff/coordination/needs/", {"covered": "on", "format": "csv"}).streaming_content).decode())))  # fmt: skip
    assert len(rows) == 3 and rows[1][1] == "54810"
    severe = staff_client.get("/staff/coordination/needs/", {"severity": "3", "covered": "on"})
    assert "1 necesidad" in severe.content.decode()


def test_a_call_shows_the_unmet_needs_it_could_address(staff_client):
    from puente.funding.models import Call, Source
    from puente.territory.models import Sector

    staff_client.post("/staff/coordination/needs/new/", need_form())  # health in Tibú
    staff_client.post("/staff/coordination/needs/new/", need_form(
        municipality=Municipality.objects.get(code="54498").pk, community="Ocaña centro"))  # fmt: skip
    today = timezone.localdate()
    source = Source.objects.create(name="Unión Europea", kind="multilateral")
    call = Call.objects.create(source=source, title="Salud rural", opens_on=today,
                               closes_on=today + timedelta(days=30))  # fmt: skip
    call.themes.set([Sector.objects.get(code="122")])
    call.municipalities.set(Municipality.objects.filter(code="54810"))
    page = staff_client.get(call.get_absolute_url()).content.decode()
    assert "Vereda Campo Dos" in page and "Ocaña centro" not in page
    water = Call.objects.create(source=source, title="Agua", opens_on=today,
                                closes_on=today + timedelta(days=30))  # fmt: skip
    water.themes.set([Sector.objects.get(code="140")])
    assert (
        "Ninguna necesidad sin atender"
        in staff_client.get(water.get_absolute_url()).content.decode()
    )


def test_only_the_office_reads_the_register(viewer_client, client):
    assert viewer_client.get("/staff/coordination/needs/").status_code == 200
    assert viewer_client.post("/staff/coordination/needs/new/", need_form()).status_code == 403
    assert client.get("/staff/coordination/needs/").status_code == 302
    assert not Need.objects.exists()
