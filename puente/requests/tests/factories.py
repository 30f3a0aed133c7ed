"""Shared helpers for the PQRSD tests: a valid public form and requests filed at a given time."""

from datetime import datetime

from puente.lib.antispam import issued_token
from puente.lib.workdays import BOGOTA
from puente.requests import services
from puente.requests.models import Channel, Kind, Request, Subject


def form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": Kind.INFORMATION,
        "subject": Subject.TOURIST,
        "title": "Requisitos para cruzar la frontera",
        "description": "¿Qué documentos necesito para cruzar el puente Simón Bolívar con mi hija?",
        "name": "María Rojas",
        "email": "maria@example.org",
        "channel": Channel.EMAIL,
        "consent": "on",
        "website": "",
        "issued": issued_token(seconds_ago=30),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def filed(
    at: datetime | None = None,
    kind: str = Kind.PETITION,
    email: str = "",
    language: str = "es",
    title: str = "Solicitud de prueba",
) -> tuple[Request, str]:
    request = Request(
        kind=kind,
        subject=Subject.OTHER,
        title=title,
        description="Una descripción suficientemente larga para la prueba.",
        channel=Channel.EMAIL if email else Channel.OFFICE,
        name="Pedro Pérez",
        email=email,
        consent=True,
    )
    return services.file_request(request, [], language, now=at)


def bogota(*args: int) -> datetime:
    return datetime(*args, tzinfo=BOGOTA)  # type: ignore[misc]
