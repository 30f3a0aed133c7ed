"""One of everything, and a user in every role, for the authorization matrix."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver

from puente.accounts.roles import Role
from puente.agreements.tests.factories import AgreementFactory, ProposalFactory, make_proposer
from puente.directory.tests.factories import OrganisationFactory
from puente.iati.tests.factories import keep_record
from puente.portfolio.models import OrganisationRole, SharedIndicator
from puente.portfolio.tests.factories import ParticipationFactory
from puente.tests.world import make_user

MISSING = 999_999  # a sub-object that does not exist: the guard must answer before the lookup


@dataclass
class World:
    users: dict[str, User | None]
    ids: dict[str, Any]


def url_names() -> list[tuple[str, str]]:
    """Every named URL of the project as (name, route), Django's own admin left out."""

    def walk(patterns: list, namespace: str = "", prefix: str = "") -> Any:  # type: ignore[type-arg]
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue
                inner = namespace + (f"{p.namespace}:" if p.namespace else "")
                yield from walk(p.url_patterns, inner, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and p.name:
                yield namespace + p.name, prefix + str(p.pattern)

    return sorted(set(walk(get_resolver().url_patterns)))


def build_world() -> World:
    from puente.agreements.models import Concept, Decision
    from puente.coordination.models import Need, Report, ReportingPeriod, Service
    from puente.events.tests.factories import EventFactory
    from puente.funding.models import Application, Call, Source
    from puente.portal.models import Album, Announcement, ContactMessage
    from puente.requests.tests.factories import filed
    from puente.territory.models import Municipality, TargetPopulation

    org_a, org_b = OrganisationFactory(name="Socio A"), OrganisationFactory(name="Socio B")
    # Organisation A's activities: one not yet published (the staff pages are checked on it),
    # one public (the public page is).
    activity = ParticipationFactory(
        organisation=org_a, role=OrganisationRole.IMPLEMENTING, activity__is_public=False
    ).activity
    public_activity = ParticipationFactory(
        organisation=org_a, role=OrganisationRole.IMPLEMENTING, activity__is_public=True
    ).activity
    # An activity of organisation A imported from another publisher: its IATI record pages.
    imported = ParticipationFactory(
        organisation=org_a, role=OrganisationRole.IMPLEMENTING, activity__is_public=False
    ).activity
    keep_record(imported)
    proposer, office = make_proposer("oficina.matriz")
    proposal = ProposalFactory(organisation=office, submitted_by=proposer)
    Concept.objects.create(proposal=proposal, decision=Decision.VIABLE, summary="x")
    announcement = Announcement(title_es="Aviso", summary_es="Resumen", is_published=True)
    announcement.save()
    album = Album.objects.create(title_es="Álbum", is_published=True)
    source = Source.objects.create(name="Fuente", kind="bilateral")
    call = Call.objects.create(source=source, title="Convocatoria", opens_on="2026-01-01",
                               closes_on="2026-12-31")  # fmt: skip
    request, _code = filed()
    event = EventFactory()
    users: dict[str, User | None] = {
        "anonymous": None,
        "viewer": make_user("m.viewer", Role.VIEWER),
        "reporter A": make_user("m.reporter.a", Role.REPORTER, organisation=org_a),
        "reporter B": make_user("m.reporter.b", Role.REPORTER, organisation=org_b),
        "proposer": proposer,
        "staff": make_user("m.staff", Role.STAFF),
        "administrator": make_user("m.admin", Role.ADMINISTRATOR),
    }
    from puente.border.models import BinationalMeeting, Obstacle, Study
    from puente.iati.models import ImportRun

    ids = {
        "activity": activity.pk, "imported_activity": imported.pk, "public_activity": public_activity.pk, "organisation": org_a.pk, "proposal": proposal.pk,
        "announcement": announcement.pk, "album": album.pk, "call": call.pk,
        "source": source.pk, "request": request.pk, "event": event.pk,
        "agreement": AgreementFactory().pk,
        "application": Application.objects.create(proposal=proposal, call=call, amount_requested=1).pk,
        "message": ContactMessage.objects.create(name="n", email="e@example.org", subject="s", message="m").pk,
        "need": Need.objects.create(
            municipality=Municipality.objects.first(), service=Service.objects.first(),
            population=TargetPopulation.objects.first(), people_affected=1, severity=1,
            source="x", evidence_date="2026-01-01").pk,
        "run": ImportRun.objects.create(source="x.xml", label="x.xml").pk,
        "shared_indicator": SharedIndicator.objects.create(name_es="Personas", unit="personas").pk,
        "obstacle": Obstacle.objects.first().pk if Obstacle.objects.exists() else MISSING,
        "meeting": BinationalMeeting.objects.first().pk if BinationalMeeting.objects.exists() else MISSING,
        "study": Study.objects.first().pk if Study.objects.exists() else MISSING,
        "report": Report.objects.create(organisation=org_a, period=ReportingPeriod.month_of(
            datetime.date(2026, 1, 1))).pk,
    }  # fmt: skip
    return World(users, ids)


_ARGS: dict[str, Any] = {"fmt": "csv", "slug": "x", "size": "thumb", "language": "en",
                         "year": 2026, "month": 1, "token": "x", "step": "note", "uidb64": "x"}  # fmt: skip
_SUB_OBJECTS = ("row_id", "result_id", "indicator_id", "period_id", "document_id", "attachment_id", "photo_id",
                "material_id")  # fmt: skip
# Which object a URL's pk names, by the start of its name (the first match wins).
_OBJECTS = [
    ("portfolio:shared-indicator", "shared_indicator"),
    ("portfolio:", "activity"),
    ("iati:record", "imported_activity"),
    ("directory:", "organisation"),
    ("iati:", "run"),
    ("content:announcement", "announcement"),
    ("content:album", "album"),
    ("content:message", "message"),
    ("pqrsd-staff:", "request"),
    ("events-staff:", "event"),
    ("border-staff:obstacle", "obstacle"),
    ("border-staff:meeting", "meeting"),
    ("border-staff:study", "study"),
    ("agreements:", "agreement"),
    ("concepts:", "proposal"),
    ("funding:call", "call"),
    ("funding:apply", "call"),
    ("funding:application", "application"),
    ("funding:source", "source"),
    ("funding:proposal", "proposal"),
    ("coordination:report", "report"),
    ("coordination:row", "report"),
    ("coordination:", "need"),
    ("portal:announcement", "announcement"),
    ("portal:album", "album"),
    ("portal:photo", "album"),
    ("portal:activity", "public_activity"),
    ("events:", "event"),
    ("border:obstacle", "obstacle"),
    ("border:study", "study"),
]


def url_for(name: str, route: str, world: World) -> str:
    """The URL with real objects where the route names one, a missing id for sub-objects."""
    from django.urls import reverse
    from django.utils import translation

    def has(key: str) -> bool:
        # A bare <key> is django-ninja's path parameter (its type checked by the API).
        return f"<{key}>" in route or any(
            f"<{kind}:{key}>" in route for kind in ("int", "str", "slug")
        )

    kwargs: dict[str, Any] = {key: value for key, value in _ARGS.items() if has(key)}
    owner = next((obj for prefix, obj in _OBJECTS if name.startswith(prefix)), None)
    if has("pk"):
        kwargs["pk"] = world.ids.get(owner, MISSING) if owner else MISSING
    if has("call_pk"):
        kwargs["call_pk"] = world.ids["call"]
        if has("pk"):
            kwargs["pk"] = world.ids["application"]
    kwargs.update({key: MISSING for key in _SUB_OBJECTS if has(key)})
    with translation.override("es"):
        return reverse(name, kwargs=kwargs)
