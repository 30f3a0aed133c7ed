"""An event to register for, starting next week unless told otherwise; a registration form."""

from datetime import timedelta

import factory
from django.utils import timezone

from puente.events.models import Event, Kind
from puente.lib.antispam import issued_token


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_es = "Taller de formulación de proyectos"
    title_en = "Project design workshop"
    description_es = "Cómo presentar un proyecto a la cooperación internacional."
    description_en = "How to present a project to international cooperation."
    kind = Kind.WORKSHOP
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=3))
    venue = "Auditorio de la Gobernación"
    capacity = 2
    is_published = True


def registration_data(name: str, email: str, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": name,
        "email": email,
        "sex": "female",
        "age_group": "29-59",
        "nationality": "colombian",
        "consent": "on",
        "issued": issued_token(seconds_ago=30),
    }
    data.update(extra)
    return data
