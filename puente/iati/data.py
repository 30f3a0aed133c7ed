"""Plain dataclasses for one IATI activity, as the reader produces them (no Django here)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(slots=True)
class Narrative:
    text: str
    lang: str  # the narrative's xml:lang, or the activity's default language


@dataclass(slots=True)
class OrgRef:
    ref: str = ""
    type: str = ""
    names: list[Narrative] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.names[0].text if self.names else ""


@dataclass(slots=True)
class Participant:
    org: OrgRef
    role: str  # IATI OrganisationRole code


@dataclass(slots=True)
class SectorShare:
    code: str
    vocabulary: str = "1"
    percentage: Decimal | None = None
    names: list[Narrative] = field(default_factory=list)


@dataclass(slots=True)
class CountryShare:
    code: str
    percentage: Decimal | None = None


@dataclass(slots=True)
class RegionShare:
    code: str
    vocabulary: str = "1"
    percentage: Decimal | None = None


@dataclass(slots=True)
class Marker:
    """A policy marker, humanitarian scope or tag."""

    code: str
    vocabulary: str = ""
    value: str = ""  # significance for policy markers, type for humanitarian scopes
    names: list[Narrative] = field(default_factory=list)


@dataclass(slots=True)
class AdminCode:
    code: str
    vocabulary: str = ""
    level: str = ""


@dataclass(slots=True)
class Place:
    ref: str = ""
    names: list[Narrative] = field(default_factory=list)
    administratives: list[AdminCode] = field(default_factory=list)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    line: int = 0


@dataclass(slots=True)
class Money:
    amount: Decimal
    currency: str
    value_date: date | None


@dataclass(slots=True)
class Budget:
    kind: str  # 1 original, 2 revised
    status: str
    period_start: date
    period_end: date
    value: Money


@dataclass(slots=True)
class PlannedDisbursement:
    kind: str
    period_start: date
    period_end: date | None
    value: Money
    provider: OrgRef | None = None
    receiver: OrgRef | None = None


@dataclass(slots=True)
class Transaction:
    kind: str  # IATI TransactionType code
    date: date
    value: Money
    ref: str = ""
    description: str = ""
    provider: OrgRef | None = None
    receiver: OrgRef | None = None


@dataclass(slots=True)
class Dimension:
    name: str
    value: str
    amount: Decimal | None = None


@dataclass(slots=True)
class Period:
    start: date
    end: date
    target: Decimal | None = None
    actual: Decimal | None = None
    target_comment: str = ""
    actual_comment: str = ""
    target_dimensions: list[Dimension] = field(default_factory=list)
    actual_dimensions: list[Dimension] = field(default_factory=list)


@dataclass(slots=True)
class Indicator:
    title: str
    measure: str = "1"
    ascending: bool = True
    baseline_year: int | None = None
    baseline_value: Decimal | None = None
    baseline_comment: str = ""
    periods: list[Period] = field(default_factory=list)


@dataclass(slots=True)
class Result:
    kind: str
    title: str
    description: str = ""
    indicators: list[Indicator] = field(default_factory=list)


@dataclass(slots=True)
class DocumentLink:
    url: str
    format: str = ""
    title: str = ""
    categories: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Related:
    ref: str
    type: str


@dataclass(slots=True)
class Activity:
    """One activity as published, with the line where it starts in its file."""

    identifier: str
    line: int = 0
    # A hash of the activity's XML as published: the same activity re-imported is skipped.
    fingerprint: str = ""
    published: bytes = b""  # the activity's canonical XML, as published (c14n)
    version: str = ""
    default_lang: str = "en"
    default_currency: str = ""
    last_updated: datetime | None = None
    hierarchy: str = ""
    humanitarian: bool = False
    reporting_org: OrgRef | None = None
    titles: list[Narrative] = field(default_factory=list)
    descriptions: dict[str, list[Narrative]] = field(default_factory=dict)  # by type code
    status: str = ""
    planned_start: date | None = None
    actual_start: date | None = None
    planned_end: date | None = None
    actual_end: date | None = None
    participants: list[Participant] = field(default_factory=list)
    sectors: list[SectorShare] = field(default_factory=list)
    countries: list[CountryShare] = field(default_factory=list)
    regions: list[RegionShare] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    policy_markers: list[Marker] = field(default_factory=list)
    humanitarian_scopes: list[Marker] = field(default_factory=list)
    tags: list[Marker] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    planned_disbursements: list[PlannedDisbursement] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    documents: list[DocumentLink] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    # Optional elements that could not be read and were left out, with line and reason.
    warnings: list[str] = field(default_factory=list)
