"""Demo PQRSD requests (marked as demo): a few months of filings in every state and light."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from puente.lib.workdays import BOGOTA, add_working_days

from . import deadlines
from .models import Channel, Kind, Request, Status, Step, Subject, hash_code

DEMO_REQUESTS = [
    (
        Kind.INFORMATION,
        Subject.TOURIST,
        "Requisitos para cruzar a Venezuela con un menor de edad",
        "Viajo con mi hija de 8 años desde Cúcuta hacia San Antonio del Táchira. ¿Qué documentos y permisos necesito para el cruce por el puente Simón Bolívar?",
    ),
    (
        Kind.PETITION,
        Subject.MIGRATION,
        "Orientación sobre el Permiso por Protección Temporal",
        "Soy venezolano y vivo en Villa del Rosario desde 2022. Solicito orientación sobre cómo renovar el PPT y dónde puedo recibir ayuda.",
    ),
    (
        Kind.CONSULTATION,
        Subject.COOPERATION,
        "Convocatorias de cooperación para asociaciones de mujeres",
        "Nuestra asociación de mujeres productoras de Tibú quiere saber qué convocatorias de cooperación internacional están abiertas y cómo presentar un proyecto.",
    ),
    (
        Kind.COMPLAINT,
        Subject.SERVICE,
        "Demora en la atención en la oficina",
        "El día de ayer esperé más de dos horas para ser atendido en la oficina de la Secretaría sin recibir información.",
    ),
    (
        Kind.SUGGESTION,
        Subject.TOURIST,
        "Punto de información turística en el terminal",
        "Sugiero instalar un punto de información turística bilingüe en el terminal de transporte de Cúcuta para los viajeros en tránsito.",
    ),
    (
        Kind.INFORMATION,
        Subject.INFORMATION,
        "Proyectos de cooperación en El Tarra",
        "Solicito la lista de proyectos de cooperación internacional que se ejecutan en el municipio de El Tarra, con sus montos y socios.",
    ),
    (
        Kind.CLAIM,
        Subject.OTHER,
        "Certificado de participación en taller",
        "Participé en el taller de formulación de proyectos de marzo y no he recibido el certificado prometido.",
    ),
    (
        Kind.REPORT,
        Subject.MIGRATION,
        "Cobros indebidos en trochas",
        "Informo que en el sector de La Parada se están cobrando sumas de dinero a migrantes por supuestos trámites ante la Secretaría.",
    ),
    (
        Kind.INFORMATION,
        Subject.TOURIST,
        "Horarios del paso fronterizo de Puerto Santander",
        "Necesito conocer los horarios habilitados del paso fronterizo de Puerto Santander para vehículos particulares.",
    ),
    (
        Kind.PETITION,
        Subject.COOPERATION,
        "Apoyo a comedor comunitario en Los Patios",
        "Pedimos apoyo para gestionar recursos de cooperación para el comedor comunitario del barrio La Sabana, que atiende a 120 niños.",
    ),
]
NAMES = [
    "María Fernanda Rojas",
    "José Gregorio Pérez",
    "Luz Marina Contreras",
    "Carlos Andrés Duarte",
    "Yenny Carolina Gómez",
    "Pedro Antonio Villamizar",
]
ANSWER = "Respuesta de demostración: la Secretaría revisó su solicitud y le informa los pasos a seguir. Puede acercarse a la oficina en horario de atención para más detalles."


def create_demo_requests(official: User | None, count: int = 30, seed: int = 54) -> int:
    """Requests filed over the last ~90 days: most answered, some late, some still open."""
    if Request.objects.filter(is_demo=True).exists():
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    made = 0
    for n in range(count):
        kind, subject, title, description = DEMO_REQUESTS[n % len(DEMO_REQUESTS)]
        days_ago = rng.randint(1, 90)
        filed_at = datetime.combine(
            today - timedelta(days=days_ago), time(rng.randint(7, 20), rng.randint(0, 59)), BOGOTA
        )
        received = deadlines.received_on(filed_at)
        due = deadlines.due_on(received, kind)
        anonymous = n % 7 == 3
        request = Request.objects.create(
            filing_number=f"PQRSD-{filed_at.year}-D{n + 1:04d}",
            tracking_code_hash=hash_code(f"DEMO-{n}"),
            kind=kind,
            subject=subject,
            title=f"[DEMO] {title}",
            description=description,
            channel=Channel.EMAIL if not anonymous else Channel.OFFICE,
            anonymous=anonymous,
            name="" if anonymous else rng.choice(NAMES),
            email="" if anonymous else f"demo{n}@example.org",
            consent=not anonymous,
            filed_at=filed_at,
            received_on=received,
            due_on=due,
            original_due_on=due,
            is_demo=True,
        )
        Step.objects.create(request=request, action=Step.Action.FILED, at=filed_at)
        answer_day = add_working_days(received, rng.randint(2, request.term_days + 4))
        if answer_day < today and n % 5 != 4:
            request.assigned_to = official
            request.answer = ANSWER
            request.answered_at = datetime.combine(answer_day, time(10, 30), BOGOTA)
            request.status = Status.ANSWERED
            request.save()
            Step.objects.create(
                request=request,
                action=Step.Action.ANSWERED,
                at=request.answered_at,
                by=official,
                text=ANSWER,
            )
        elif n % 3 == 0 and official is not None:
            request.assigned_to = official
            request.status = Status.IN_PROGRESS
            request.save()
            Step.objects.create(
                request=request,
                action=Step.Action.ASSIGNED,
                at=filed_at + timedelta(days=1),
                by=official,
            )
        made += 1
    return made
