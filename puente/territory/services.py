"""Loads the reference data (geography, codelists, populations); safe to run again."""

from django.db import models, transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

from . import codelists
from .geography import (
    COLOMBIAN_DEPARTMENTS,
    NORTE_DE_SANTANDER,
    NORTE_DE_SANTANDER_MUNICIPALITIES,
    TARGET_POPULATIONS,
    VENEZUELAN_STATES,
)
from .models import (
    CodelistItem,
    Country,
    Currency,
    Department,
    Municipality,
    Sector,
    TargetPopulation,
)
from .sector_names import NAMES, WITHDRAWN
from .shapes import features
from .svgmap import base_map


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    """Creates or updates every reference row; returns counts by kind."""
    for code in codelists.countries():
        Country.objects.update_or_create(
            code=code.code, defaults={"name_en": code.name_en, "name_es": code.name_es}
        )
    for code in codelists.currencies():
        Currency.objects.update_or_create(
            code=code.code, defaults={"name_en": code.name_en, "name_es": code.name_es}
        )
    for codelist, codes in codelists.iati_codelists().items():
        for code in codes:
            CodelistItem.objects.update_or_create(
                codelist=codelist, code=code.code, defaults={"name_en": code.name_en}
            )
    _load_sectors()
    _load_geography()
    load_boundaries()
    base_map.cache_clear()  # the map is drawn again from the boundaries just loaded
    for order, (slug, name_es, name_en) in enumerate(TARGET_POPULATIONS):
        TargetPopulation.objects.update_or_create(
            code=slug, defaults={"name_es": name_es, "name_en": name_en, "order": order}
        )
    return {
        "countries": Country.objects.count(),
        "currencies": Currency.objects.count(),
        "codelist items": CodelistItem.objects.count(),
        "sectors": Sector.objects.count(),
        "municipalities": Municipality.objects.count(),
        "target populations": TargetPopulation.objects.count(),
    }


def _load_sectors() -> None:
    """Categories before their purpose codes; Spanish names from the project's catalogue."""
    for code, english in sorted(NAMES.items(), key=lambda item: (len(item[0]), item[0])):
        with translation.override("es"):
            spanish = gettext(english)
        Sector.objects.update_or_create(
            code=code,
            defaults={
                "name_en": english,
                "name_es": spanish,
                "category_id": code[:3] if len(code) == 5 else None,
                "withdrawn": code in WITHDRAWN,
            },
        )


def load_boundaries(
    department: type[models.Model] = Department, municipality: type[models.Model] = Municipality
) -> None:
    """DANE's polygons onto the departments and municipalities (territory/boundaries); the
    models are given by migration 0004, which runs it on historical models."""
    for model, name in (
        (department, "departments.geojson"),
        (municipality, "norte-de-santander-municipalities.geojson"),
    ):
        shapes = {f["properties"]["code"]: f["geometry"] for f in features(name)}
        rows = list(model._default_manager.filter(code__in=shapes))
        for row in rows:
            row.boundary = shapes[row.code]  # type: ignore[attr-defined]
        model._default_manager.bulk_update(rows, ["boundary"])


def _load_geography() -> None:
    colombia = Country.objects.get(code="CO")
    venezuela = Country.objects.get(code="VE")
    for code, name in COLOMBIAN_DEPARTMENTS:
        Department.objects.update_or_create(code=code, defaults={"name": name, "country": colombia})
    norte = Department.objects.get(code=NORTE_DE_SANTANDER)
    for code, name, lat, lon, border in NORTE_DE_SANTANDER_MUNICIPALITIES:
        Municipality.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "department": norte,
                "latitude": lat,
                "longitude": lon,
                "border_zone": border,
            },
        )
    for iso, (state_name, municipalities) in VENEZUELAN_STATES.items():
        state, _ = Department.objects.update_or_create(
            code=iso, defaults={"name": state_name, "country": venezuela}
        )
        for name, v_lat, v_lon, v_border in municipalities:
            Municipality.objects.update_or_create(
                code=f"{iso}-{slugify(name)}",
                defaults={
                    "name": name,
                    "department": state,
                    "latitude": v_lat,
                    "longitude": v_lon,
                    "border_zone": v_border,
                },
            )
