"""Response schemas of the API."""

from datetime import date

from ninja import Schema


class MunicipalityOut(Schema):
    code: str
    name: str
    department: str
    border_zone: bool
    latitude: float | None
    longitude: float | None


class OrganisationOut(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    iati_identifier: str | None
    country: str | None
    website: str


class ParticipationOut(Schema):
    organisation_id: int
    organisation: str
    role: str


class ActivityOut(Schema):
    id: int
    iati_identifier: str | None
    level: str
    title_es: str
    title_en: str
    stage: str
    iati_status: str
    planned_start: date | None
    planned_end: date | None
    humanitarian: bool
    is_public: bool
    municipalities: list[str]
    sectors: list[str]
    participations: list[ParticipationOut]
