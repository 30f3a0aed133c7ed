"""Demo border data (marked as demo): obstacles in every state, a meeting with commitments, studies."""

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from puente.territory.geography import NORTE_DE_SANTANDER
from puente.territory.models import Department, Municipality

from .models import BinationalMeeting, Commitment, Obstacle, ObstacleUpdate, Status, Study

DEMO_OBSTACLES = [
    (
        "Carga pesada sin paso nocturno por Tienditas",
        "transport",
        ["tienditas"],
        "San José de Cúcuta",
        Status.ANALYSIS,
        True,
    ),
    (
        "Doble cobro de peajes a vehículos que regresan",
        "tax",
        ["santander"],
        "San José de Cúcuta",
        Status.PROPOSED,
        True,
    ),
    (
        "Falta de intérpretes y registros de salud compartidos",
        "health",
        ["simon-bolivar"],
        "Villa del Rosario",
        Status.REPORTED,
        False,
    ),
    (
        "Homologación de títulos de bachillerato venezolanos",
        "education",
        [],
        "Villa del Rosario",
        Status.IN_PROGRESS,
        True,
    ),
    (
        "Cierre del puente Unión en temporada de lluvias",
        "infrastructure",
        ["union"],
        "Puerto Santander",
        Status.RESOLVED,
        True,
    ),
]


def create_demo_border(by: User | None) -> int:
    if Obstacle.objects.filter(is_demo=True).exists():
        return 0
    towns = {m.name: m for m in Municipality.objects.of_department(NORTE_DE_SANTANDER)}
    obstacles = []
    for title, category, crossings, town, status, public in DEMO_OBSTACLES:
        obstacle = Obstacle.objects.create(
            title=f"[DEMO] {title}", category=category, crossings=crossings, status=status,
            description="Obstáculo de demostración para mostrar el registro.",
            affected="Población de la zona de frontera", responsible="Entidades nacionales y binacionales",
            measure="Medida de demostración" if status != Status.REPORTED else "",
            is_public=public, public_summary_es="Resumen público de demostración." if public else "",
            reported_by=by, is_demo=True,
        )  # fmt: skip
        if town in towns:
            obstacle.municipalities.add(towns[town])
        ObstacleUpdate.objects.create(
            obstacle=obstacle, to_status=Status.REPORTED, note="Reportado.", by=by
        )
        if status != Status.REPORTED:
            ObstacleUpdate.objects.create(
                obstacle=obstacle,
                from_status=Status.REPORTED,
                to_status=status,
                note="Avance de demostración.",
                by=by,
            )
        obstacles.append(obstacle)
    today = timezone.localdate()
    meeting = BinationalMeeting.objects.create(
        title="[DEMO] Mesa binacional de movilidad y comercio", held_on=today - timedelta(days=20),
        place="San Antonio del Táchira", agenda="Horarios de los pasos, carga pesada, peajes.",
        agreements="Revisar horarios de carga y el cobro de peajes al regreso.",
        venezuelan_participants="Gobernación del Táchira, alcaldía de Bolívar",
        colombian_participants="Secretaría de Fronteras, DIAN, Migración Colombia",
    )  # fmt: skip
    meeting.counterparts.set(Department.objects.filter(code__in=["VE-S"]))
    meeting.obstacles.set(obstacles[:2])
    Commitment.objects.create(meeting=meeting, side="CO", description="Propuesta de horario extendido para carga",
                              responsible="DIAN seccional Cúcuta", due_on=today - timedelta(days=2))  # fmt: skip
    Commitment.objects.create(meeting=meeting, side="VE", description="Concepto sobre el cobro de peajes",
                              responsible="Gobernación del Táchira", due_on=today + timedelta(days=25))  # fmt: skip
    Study.objects.create(title="[DEMO] Dinámicas del comercio binacional en el área metropolitana de Cúcuta",
                         authors="Secretaría de Fronteras", year=today.year - 1, kind="study", is_public=True,
                         summary="Estudio de demostración sobre comercio, empleo informal y pasos de frontera.",
                         keywords="comercio, aduanas, empleo", url="https://example.org/estudio-demo")  # fmt: skip
    return len(obstacles)
