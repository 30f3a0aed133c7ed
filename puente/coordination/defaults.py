"""The services the seed page names (health, education, recreation, employment) and a few more."""

from typing import Any

SERVICES = [
    ("Salud", "Health", "121, 122, 123"),
    ("Educación", "Education", "111, 112, 113, 114"),
    ("Recreación y deporte", "Recreation and sport", "160"),
    ("Empleo", "Employment", "160, 250"),
    ("Agua y saneamiento", "Water and sanitation", "140"),
    ("Alimentación", "Food", "311, 520"),
    ("Protección", "Protection", "151, 152"),
    ("Documentación y regularización", "Documents and legal status", "151"),
]


def ensure_default_services(service_model: Any = None) -> None:
    """Creates the missing services (a migration passes its historical model)."""
    if service_model is None:
        from .models import Service as service_model
    for order, (es, en, codes) in enumerate(SERVICES, start=1):
        service_model.objects.get_or_create(
            name_es=es, defaults={"name_en": en, "dac_categories": codes, "order": order}
        )
