"""Demo events (marked as demo): past ones with attendance, upcoming ones open for registration."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from puente.lib.workdays import BOGOTA
from puente.portfolio.models import AgeGroup, Nationality, Sex
from puente.territory.geography import NORTE_DE_SANTANDER
from puente.territory.models import Municipality, TargetPopulation

from .models import Event, Kind, Registration

DEMO_EVENTS = [
    (
        Kind.SEMINAR,
        "Seminario: el Sistema Nacional de Cooperación Internacional en la frontera",
        "Seminar: the national cooperation system on the border",
        "San José de Cúcuta",
        "Auditorio de la Gobernación",
        80,
    ),
    (
        Kind.TRAINING,
        "Capacitación en formulación de proyectos para organizaciones de mujeres",
        "Project design training for women's organisations",
        "Tibú",
        "Casa de la Cultura",
        30,
    ),
    (
        Kind.WORKSHOP,
        "Taller de rutas de atención para población migrante",
        "Workshop on service routes for migrants",
        "Villa del Rosario",
        "Centro de Atención al Migrante",
        40,
    ),
    (
        Kind.ASSISTANCE,
        "Asistencia técnica a alcaldías en proyectos de cooperación",
        "Technical assistance to municipalities on cooperation projects",
        "Ocaña",
        "Alcaldía de Ocaña",
        25,
    ),
    (
        Kind.BINATIONAL,
        "Mesa binacional de salud con el estado Táchira",
        "Binational health round table with Táchira state",
        "San José de Cúcuta",
        "Sede de la Secretaría",
        20,
    ),
    (
        Kind.PROMOTION,
        "Feria de turismo de la Ruta Libertadora",
        "Liberator Route tourism fair",
        "Pamplona",
        "Parque Águeda Gallardo",
        None,
    ),
]
NAMES = [
    "Luz Adriana Peña",
    "Jorge Enrique Carvajal",
    "Marelvis Colmenares",
    "Andrés Felipe Jaimes",
    "Yuleidy Parada",
    "Oscar Iván Contreras",
    "Nelly Esperanza Ortega",
    "Wilmer Duarte",
]


def create_demo_events(seed: int = 54) -> int:
    if Event.objects.filter(is_demo=True).exists():
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    towns = {m.name: m for m in Municipality.objects.of_department(NORTE_DE_SANTANDER)}
    populations = list(TargetPopulation.objects.all())
    for n, (kind, title_es, title_en, town, venue, capacity) in enumerate(DEMO_EVENTS * 2):
        offset = (n - len(DEMO_EVENTS)) * 12 + rng.randint(-3, 3)  # half past, half upcoming
        start = datetime.combine(today + timedelta(days=offset), time(8 + n % 4 * 2, 0), BOGOTA)
        event = Event.objects.create(
            title_es=f"[DEMO] {title_es}", title_en=f"[DEMO] {title_en}",
            description_es="Evento de demostración generado para mostrar el módulo de eventos.",
            description_en="A demonstration event generated to show the events module.",
            kind=kind, starts_at=start, ends_at=start + timedelta(hours=3),
            municipality=towns.get(town), venue=venue, capacity=capacity,
            audience="Organizaciones sociales, alcaldías y socios de cooperación",
            is_published=True, is_demo=True,
        )  # fmt: skip
        past = offset < 0
        for k in range(rng.randint(4, 12)):
            Registration.objects.create(
                event=event, name=rng.choice(NAMES), email=f"demo{n}-{k}@example.org", consent=True,
                population=rng.choice(populations) if populations else None,
                sex=rng.choice([Sex.FEMALE, Sex.FEMALE, Sex.MALE]),
                age_group=rng.choice([AgeGroup.YOUTH, AgeGroup.ADULTHOOD, AgeGroup.OLDER]),
                nationality=rng.choice([Nationality.COLOMBIAN, Nationality.VENEZUELAN]),
                attended=past and rng.random() < 0.8,
            )  # fmt: skip
    return Event.objects.filter(is_demo=True).count()
