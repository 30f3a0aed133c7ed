"""Staff pages: write an event, mark attendance by hand or from the signed list, figures, data."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from puente.events import services
from puente.events.models import Event, Registration

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def _people(event: Event, *emails: str) -> list[Registration]:
    return [
        Registration.objects.create(event=event, name=e.split("@")[0].title(), email=e, consent=True,
                                    sex="female" if n % 2 else "male", age_group="18-28")
        for n, e in enumerate(emails)
    ]  # fmt: skip


def test_staff_create_an_event_and_a_wrong_one_is_refused_whole(
    staff_client: Client, staff_user
) -> None:
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "title_es": "Seminario de cooperación", "kind": "seminar",
        "description_es": "Encuentro con el Sistema Nacional de Cooperación.",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "materials-TOTAL_FORMS": "0", "materials-INITIAL_FORMS": "0",
    }  # fmt: skip
    refused = staff_client.post("/staff/events/new/", data)
    assert refused.status_code == 400
    errors = refused.context["form"].errors
    assert "El evento no puede terminar antes de empezar." in errors["ends_at"]
    assert "Indique dónde se realiza" in errors["venue"][0]
    assert not Event.objects.exists()
    data.update(
        ends_at=(start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        online_url="https://meet.example/x",
    )
    assert staff_client.post("/staff/events/new/", data).status_code == 302
    event = Event.objects.get()
    assert event.history.first().history_user == staff_user


def test_attendance_ticked_by_hand_is_saved_and_attributed(
    staff_client: Client, staff_user
) -> None:
    event = EventFactory()
    ana, beto = _people(event, "ana@x.org", "beto@x.org")
    url = f"/staff/events/{event.pk}/"
    assert staff_client.post(url, {"attendance": "1", "attended": [str(ana.pk)]}).status_code == 302
    ana.refresh_from_db(), beto.refresh_from_db()
    assert ana.attended and not beto.attended
    assert ana.history.first().history_user == staff_user


def test_the_signed_list_marks_who_came_and_names_the_rows_it_could_not_match(
    staff_client: Client,
) -> None:
    event = EventFactory()
    _people(event, "ana@x.org", "beto@x.org")
    # Excel in Spanish saves CSV with semicolons and Windows-1252.
    sheet = "Nombre;Correo;Firma\nAna;ANA@x.org;✓\nDesconocida;nadie@x.org;✓\n;;\n".replace(
        "✓", "x"
    ).encode("cp1252")
    response = staff_client.post(
        f"/staff/events/{event.pk}/", {"list": "1", "file": SimpleUploadedFile("lista.csv", sheet)}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 marcados como presentes" in page and "fila 3: nadie@x.org no está inscrito" in page
    assert list(event.registrations.filter(attended=True).values_list("email", flat=True)) == [
        "ana@x.org"
    ]


def test_a_list_without_an_email_column_changes_nothing(staff_client: Client) -> None:
    event = EventFactory()
    _people(event, "ana@x.org")
    sheet = SimpleUploadedFile("lista.csv", b"nombre,documento\nAna,123\n")
    response = staff_client.post(f"/staff/events/{event.pk}/", {"list": "1", "file": sheet})
    assert response.status_code == 400
    assert "necesita una columna llamada «email»" in response.content.decode()
    assert "nombre, documento" in response.content.decode()
    assert not event.registrations.filter(attended=True).exists()


def test_registrations_export_and_figures_by_group(staff_client: Client) -> None:
    event = EventFactory()
    ana, beto, _carla = _people(event, "ana@x.org", "beto@x.org", "carla@x.org")
    Registration.objects.filter(pk__in=[ana.pk, beto.pk]).update(attended=True)
    csv = b"".join(
        staff_client.get(f"/staff/events/{event.pk}/", {"format": "csv"}).streaming_content
    ).decode()
    assert "ana@x.org" in csv and "Asistió" in csv
    today = timezone.localdate()
    figures = staff_client.get(
        "/staff/events/figures/",
        {"start": today.isoformat(), "end": (today + timedelta(days=30)).isoformat()},
    ).context["data"]
    assert figures["total"] == 2 and figures["events"] == 1
    assert sorted(n for _label, n in figures["by_sex"]) == [1, 1]
    assert figures["by_age"] == [("18–28 años", 2)]


def test_a_person_can_have_their_data_exported_and_erased(staff_client: Client, staff_user) -> None:
    event = EventFactory()
    (ana,) = _people(event, "ana@x.org")
    export = staff_client.get(
        "/staff/events/personal-data/", {"email": "ANA@x.org", "format": "json"}
    )
    records = json.loads(export.content)["registrations"]
    assert records[0]["name"] == "Ana" and records[0]["event"] == event.title_es
    assert (
        staff_client.post(
            "/staff/events/personal-data/", {"email": "ana@x.org", "erase": "1"}
        ).status_code
        == 302
    )
    ana.refresh_from_db()
    assert (ana.email, ana.erased, ana.sex) == ("", True, "male")  # the counts stay
    assert services.registrations_of("ana@x.org") == []


def test_only_the_secretariat_sees_registrations(viewer_client: Client, client: Client) -> None:
    event = EventFactory()
    assert viewer_client.get(f"/staff/events/{event.pk}/").status_code == 403
    assert client.get(f"/staff/events/{event.pk}/").status_code == 302


def test_deleting_asks_first(staff_client: Client) -> None:
    event = EventFactory()
    _people(event, "ana@x.org")
    assert "1 inscripción" in staff_client.get(f"/staff/events/{event.pk}/delete/").content.decode()
    assert Event.objects.exists()
    assert staff_client.post(f"/staff/events/{event.pk}/delete/").status_code == 302
    assert not Event.objects.exists()
