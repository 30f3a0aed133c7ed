"""The read API: municipalities, organisations and activities, with filters and pagination."""

from collections.abc import Callable
from typing import Annotated, Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, NinjaAPI, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import StringConstraints

from puente.directory.models import Organisation
from puente.portfolio.models import Activity
from puente.portfolio.selectors import (
    ActivityFilter,
    activities_per_municipality,
    filter_activities,
    public_activities_per_municipality,
    visible_activities,
)
from puente.territory.models import Municipality

from .schemas import ActivityOut, MunicipalityOut, OrganisationOut

# What the API answers to parameters it cannot read (django-ninja's own shape), declared on
# every operation so that clients, and schemathesis, know a 422 is part of the contract.
VALIDATION_ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "loc", "msg"],
                "properties": {
                    "type": {"type": "string"},
                    "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
                    "msg": {"type": "string"},
                },
            },
        }
    },
}


DETAIL = {"type": "object", "required": ["detail"], "properties": {"detail": {"type": "string"}}}


class PuenteAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["ValidationError"] = (
            VALIDATION_ERROR
        )
        for operations in schema["paths"].values():
            for operation in operations.values():
                if "requestBody" in operation:
                    operation["responses"].setdefault(400, {
                        "description": "The body is not JSON.",
                        "content": {"application/json": {"schema": DETAIL}},
                    })  # fmt: skip
                if operation.get("security"):
                    # Token operations: no live token, or too many calls (django-ninja's bodies).
                    for status, text in ((401, "No live API token."), (429, "Too many calls.")):
                        operation["responses"].setdefault(status, {
                            "description": text,
                            "content": {"application/json": {"schema": DETAIL}},
                        })  # fmt: skip
                operation["responses"].setdefault(
                    422,
                    {
                        "description": "A parameter could not be read (which, and why).",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ValidationError"}
                            }
                        },
                    },
                )
        return schema


api = PuenteAPI(
    title="Puente API",
    version="1",
    description="Cooperation in Norte de Santander: reference data, partners and activities.",
    urls_namespace="api",
)


class Pages(LimitOffsetPagination):
    """limit/offset paging with bounds: a page of at most 500 rows, an offset a database can
    take (an unbounded one overflowed SQLite's integers: a 500 schemathesis found)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=1_000_000_000)


# A filter's text: short, and without NUL characters (PostgreSQL refuses them in any query).
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]


class ActivityQuery(Schema):
    q: Text = ""
    stage: Text = ""
    level: Text = ""
    sector: Text = ""
    municipality: Text = ""
    organisation: int | None = Field(None, ge=1, le=2**62)
    population: Text = ""
    year: int | None = Field(None, ge=1900, le=2100)
    sort: Text = "-updated"


class ShapedPage:
    """Lets the paginator count and slice the queryset first, then shapes only the page's rows."""

    def __init__(
        self,
        qs: QuerySet[Any],
        shape: Callable[[Any], dict],
        prefetch: tuple[str, ...] = (),  # type: ignore[type-arg]
    ) -> None:
        self.qs, self.shape, self.prefetch = qs, shape, prefetch

    def count(self) -> int:
        return self.qs.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[dict]:
        rows = self.qs[window]
        if self.prefetch:
            rows = rows.prefetch_related(*self.prefetch)
        return [self.shape(row) for row in rows]


@api.get("/municipalities", response=list[MunicipalityOut], tags=["reference"])
@paginate(Pages)
def municipalities(request: HttpRequest, department: Text | None = None) -> ShapedPage:
    """Municipalities, optionally of one department (DIVIPOLA code, e.g. 54) or state (VE-S)."""
    qs = Municipality.objects.select_related("department").order_by("code")
    if department:
        qs = qs.filter(department__code=department)
    return ShapedPage(qs, _municipality_out)


def _municipality_out(m: Municipality) -> dict:
    return {
        "code": m.code,
        "name": m.name,
        "department": m.department.code,
        "border_zone": m.border_zone,
        "latitude": float(m.latitude) if m.latitude is not None else None,
        "longitude": float(m.longitude) if m.longitude is not None else None,
    }


@api.get("/organisations", response=list[OrganisationOut], tags=["directory"])
@paginate(Pages)
def organisations(request: HttpRequest, q: Text = "", kind: Text = "") -> ShapedPage:
    # Those an import created wait for review before anyone outside sees them.
    qs = Organisation.objects.filter(reviewed=True).order_by("name", "id")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(acronym__icontains=q))
    if kind:
        qs = qs.filter(kind=kind)
    return ShapedPage(qs, _organisation_out)


def _organisation_out(o: Organisation) -> dict:
    return {
        "id": o.id,
        "name": o.name,
        "acronym": o.acronym,
        "kind": o.kind,
        "iati_identifier": o.iati_identifier,
        "country": o.country_id,
        "website": o.website,
    }


@api.get("/activities", response=list[ActivityOut], tags=["portfolio"])
@paginate(Pages)
def activities(request: HttpRequest, filters: Query[ActivityQuery]) -> ShapedPage:
    """Public activities for everyone; the whole portfolio for signed-in staff."""
    qs = filter_activities(visible_activities(request.user), ActivityFilter(**filters.dict()))
    return ShapedPage(
        qs, _activity_out, ("participations__organisation", "locations__municipality", "sectors")
    )


def _activity_out(a: Activity) -> dict:
    return {
        "id": a.pk,
        "iati_identifier": a.iati_identifier,
        "level": a.level,
        "title_es": a.title_es,
        "title_en": a.title_en,
        "stage": a.stage,
        "iati_status": a.iati_status,
        "planned_start": a.planned_start,
        "planned_end": a.planned_end,
        "humanitarian": a.humanitarian,
        "is_public": a.is_public,
        "municipalities": sorted(
            {loc.municipality.code for loc in a.locations.all() if loc.municipality}
        ),
        "sectors": [s.sector_id for s in a.sectors.all()],
        "participations": [
            {
                "organisation_id": p.organisation_id,
                "organisation": p.organisation.short_name,
                "role": p.role,
            }
            for p in a.participations.all()
        ],
    }


class MunicipalityCount(Schema):
    code: str
    name: str
    latitude: float | None
    longitude: float | None
    activities: int


@api.get("/map/municipalities", response=list[MunicipalityCount], tags=["portfolio"])
def map_municipalities(request: HttpRequest, filters: Query[ActivityQuery]) -> list[dict[str, Any]]:
    """Activities per municipality of Norte de Santander (public ones to the public)."""
    wanted = ActivityFilter(**filters.dict())
    if request.user.is_authenticated:
        # Signed-in users may see activities the public does not: counted for them alone.
        rows = activities_per_municipality(
            filter_activities(visible_activities(request.user), wanted)
        )
    else:
        rows = public_activities_per_municipality(wanted)
    return [
        {
            "code": m.code,
            "name": m.name,
            "latitude": float(m.latitude) if m.latitude is not None else None,
            "longitude": float(m.longitude) if m.longitude is not None else None,
            "activities": n,
        }
        for m, n in sorted(rows, key=lambda row: row[0].name)
    ]


# Imported last: the write routes of 5W reporting, mounted on the same API.
from .coordination import router as coordination_router  # noqa: E402

api.add_router("/coordination", coordination_router)
