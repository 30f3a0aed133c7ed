"""The obstacles register: reported to resolved with a history; only what staff publish is public."""

import pytest
from django.test import Client

from puente.border import services
from puente.border.models import Obstacle, Status

pytestmark = pytest.mark.django_db
NEW = "/staff/border/obstacles/new/"


def _report(staff_client: Client, **extra: object) -> Obstacle:
    data = {
        "title": "Carga pesada sin paso nocturno por el puente Tienditas",
        "category": "transport",
        "description": "Los camiones de carga solo pueden cruzar de 6 a 18 horas.",
        "crossings": ["tienditas"],
        "affected": "Transportadores y exportadores de Cúcuta",
        "responsible": "DIAN, Migración Colombia y el Ministerio de Transporte",
    }
    data.update(extra)
    response = staff_client.post(NEW, data)
    assert response.status_code == 302, response.context["form"].errors
    return Obstacle.objects.latest("pk")


def test_an_obstacle_goes_from_reported_to_resolved_and_each_step_is_kept(
    staff_client: Client, staff_user
) -> None:
    obstacle = _report(staff_client)
    url = f"/staff/border/obstacles/{obstacle.pk}/"
    assert (
        staff_client.post(
            url, {"to_status": "analysis", "note": "Mesa técnica con la DIAN"}
        ).status_code
        == 302
    )
    refused = staff_client.post(url, {"to_status": "resolved", "note": "Listo"})
    assert refused.status_code == 400
    assert "Indique qué medida lo resolvió" in refused.content.decode()
    Obstacle.objects.filter(pk=obstacle.pk).update(measure="Horario extendido 24 horas para carga")
    staff_client.post(url, {"to_status": "proposed", "note": "Propuesta al Gobernador"})
    staff_client.post(url, {"to_status": "resolved", "note": "Resolución conjunta DIAN-SENIAT"})
    obstacle.refresh_from_db()
    assert obstacle.status == Status.RESOLVED
    trail = list(obstacle.updates.values_list("from_status", "to_status", "by__username"))
    assert trail == [
        ("", "reported", "ana.staff"),
        ("reported", "analysis", "ana.staff"),
        ("analysis", "proposed", "ana.staff"),
        ("proposed", "resolved", "ana.staff"),
    ]
    page = staff_client.get(url).content.decode()
    assert "Resolución conjunta DIAN-SENIAT" in page and "Mesa técnica con la DIAN" in page


def test_publishing_needs_a_public_summary_and_the_public_sees_no_internal_notes(
    staff_client: Client, client: Client
) -> None:
    refused = staff_client.post(
        NEW, {"title": "X", "category": "customs", "description": "d", "is_public": "on"}
    )
    assert refused.status_code == 400
    assert "Escriba el resumen que leerá el público" in refused.content.decode()
    hidden = _report(staff_client, title="Obstáculo interno")
    shown = _report(staff_client, title="Cobro doble de peajes", is_public="on",
                    public_summary_es="Los vehículos pagan peaje dos veces al volver.")  # fmt: skip
    services.change_status(
        shown, "analysis", "Nota interna: llamar al concesionario", shown.reported_by
    )
    listing = client.get("/es/frontera/obstaculos/").content.decode()
    assert "Cobro doble de peajes" in listing and "Obstáculo interno" not in listing
    detail = client.get(f"/es/frontera/obstaculos/{shown.pk}/").content.decode()
    assert "pagan peaje dos veces" in detail and "En análisis" in detail
    assert "llamar al concesionario" not in detail
    assert client.get(f"/es/frontera/obstaculos/{hidden.pk}/").status_code == 404


def test_the_register_filters_and_exports(staff_client: Client) -> None:
    _report(staff_client)
    _report(staff_client, title="Falta de intérpretes en salud", category="health")
    found = (
        staff_client.get("/staff/border/obstacles/", {"category": "health"})
        .context["page"]
        .object_list
    )
    assert [o.title for o in found] == ["Falta de intérpretes en salud"]
    csv = b"".join(
        staff_client.get("/staff/border/obstacles/", {"format": "csv"}).streaming_content
    ).decode()
    assert "Tienditas" in csv and "Falta de intérpretes" in csv


def test_only_the_secretariat_keeps_the_register(viewer_client: Client) -> None:
    assert viewer_client.get("/staff/border/obstacles/").status_code == 403
