"""Open data: the public datasets in CSV (with an HXL hashtag row), XLSX and JSON (Ley 1712)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from puente.directory.models import Organisation
from puente.lib.tabular import FORMATS, table_response
from puente.portal.models import Function, Office, TeamMember
from puente.portal.selectors import public_partners, public_resources
from puente.portfolio.models import Activity, IndicatorPeriod
from puente.portfolio.selectors import activities_per_municipality
from puente.territory.models import Sector

LICENCE = "CC BY 4.0"


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: StrOrPromise
    description: StrOrPromise
    columns: list[tuple[str, str]]  # (column, HXL hashtag)
    rows: Callable[[], Iterator[list[object]]]

    @property
    def header(self) -> list[str]:
        return [c for c, _tag in self.columns]

    @property
    def hashtags(self) -> list[str]:
        return [tag for _c, tag in self.columns]


def _activities() -> Iterator[list[object]]:
    qs = (
        Activity.objects.public()
        .order_by("pk")
        .prefetch_related("participations__organisation", "sectors", "locations__municipality")
    )
    for a in qs.iterator(chunk_size=1000):
        places = [loc.municipality for loc in a.locations.all() if loc.municipality]
        yield [
            a.pk,
            a.iati_identifier or "",
            a.title_es,
            a.title_en,
            a.stage,
            a.planned_start.isoformat() if a.planned_start else "",
            a.planned_end.isoformat() if a.planned_end else "",
            "; ".join(p.organisation.name for p in a.participations.all()),
            "; ".join(s.sector_id for s in a.sectors.all()),
            "; ".join(m.code for m in places),
            "; ".join(m.name for m in places),
            "yes" if a.humanitarian else "no",
        ]


# Sex categories as staff and publishers write them, for HXL's +f and +m columns.
# ("niños" is left out: in Spanish it usually means children of either sex.)
FEMALE = {"f", "female", "femenino", "mujer", "mujeres", "women", "woman"}
MALE = {"m", "male", "masculino", "hombre", "hombres", "men", "man"}


def _results() -> Iterator[list[object]]:
    """One row per indicator period of a public activity, with its sex split where recorded."""
    periods = (
        IndicatorPeriod.objects.filter(indicator__result__activity__in=Activity.objects.public())
        .select_related("indicator__result__activity", "indicator__shared")
        .prefetch_related("disaggregations")
        .order_by("indicator__result__activity_id", "indicator_id", "period_start", "pk")
    )
    for period in periods.iterator(chunk_size=1000):
        indicator = period.indicator
        activity = indicator.result.activity
        by_sex: dict[tuple[str, str], Decimal] = {}
        for part in period.disaggregations.all():
            category = part.category.strip().casefold()
            sex = "f" if category in FEMALE else "m" if category in MALE else ""
            if part.dimension == "sex" and sex:
                key = (part.side, sex)
                by_sex[key] = by_sex.get(key, Decimal(0)) + part.value
        yield [
            activity.pk, activity.iati_identifier or "", activity.title_es, indicator.title,
            indicator.shared.name_es if indicator.shared else "",
            indicator.unit or (indicator.shared.unit if indicator.shared else ""),
            indicator.measure, period.period_start.isoformat(), period.period_end.isoformat(),
            period.target, period.actual,
            *(by_sex.get((side, sex)) for sex in ("f", "m") for side in ("target", "actual")),
        ]  # fmt: skip


def _partners() -> Iterator[list[object]]:
    for o in public_partners().order_by("name"):
        yield [o.name, o.acronym, o.kind, o.country_id or "", o.website, o.public_activities]  # type: ignore[attr-defined]


def _municipalities() -> Iterator[list[object]]:
    for m, n in activities_per_municipality(Activity.objects.public()):
        yield [m.code, m.name, "yes" if m.border_zone else "no", n]


def _resources() -> Iterator[list[object]]:
    figures = public_resources()
    funders = Organisation.objects.in_bulk([k for k, _a in figures.by_source if k])
    sectors = Sector.objects.in_bulk([k for k, _a in figures.by_sector if k])
    # Every source and sector (no top ten here): each dimension adds up to the published total,
    # and what has no funder or sector is a row of its own, named as such.
    cent = Decimal("0.01")
    for key, pesos in figures.by_source:
        # A funder merged since the figures were kept is named by its number, not a 500.
        funder = funders.get(key) if key else None
        name = funder.name if funder else (f"#{key}" if key else str(_("No funder named")))
        yield ["source", key or "", name, pesos.quantize(cent)]
    for code, pesos in figures.by_sector:
        sector = sectors.get(code) if code else None
        name = sector.name_es if sector else (code or str(_("No sector given")))
        yield ["sector", code or "", name, pesos.quantize(cent)]
    for year, pesos in figures.by_year:
        yield ["year", year, year, pesos.quantize(cent)]


def _functions() -> Iterator[list[object]]:
    for f in Function.objects.all():
        yield [f.number, f.theme, f.text_es, f.text_en]


def _directory() -> Iterator[list[object]]:
    office = Office.objects.first()
    if office:
        phone = office.phones + (f" ext. {office.extension}" if office.extension else "")
        yield [office.name, "", office.email, phone, f"{office.address}, {office.city}"]
        yield [office.secretary_name, "Secretario de Despacho", office.email, phone, ""]
    for member in TeamMember.objects.filter(is_published=True):
        yield [member.name, member.position_es, member.email, member.extension, ""]


DATASETS = {
    d.slug: d
    for d in [
        Dataset(
            "activities",
            _("Cooperation activities"),
            _("Every public cooperation activity: who, what, where, when."),
            [("id", "#activity+id"), ("iati_identifier", "#activity+code"), ("title_es", "#activity+name+i_es"),
             ("title_en", "#activity+name+i_en"), ("stage", "#status"), ("start", "#date+start"),
             ("end", "#date+end"), ("organisations", "#org+name"), ("sectors", "#sector+code"),
             ("municipality_codes", "#adm2+code"), ("municipalities", "#adm2+name"),
             ("humanitarian", "#indicator+humanitarian")],
            _activities,
        ),
        Dataset(
            "results",
            _("Results of the cooperation activities"),
            _("Each indicator of the public activities, period by period: target and actual, and "
              "by sex where recorded. Measure codes are IATI's (1 unit, 2 percentage)."),
            [("activity_id", "#activity+id"), ("iati_identifier", "#activity+code"),
             ("activity", "#activity+name"), ("indicator", "#indicator+name"),
             ("shared_indicator", "#indicator+name+shared"), ("unit", "#indicator+unit"),
             ("measure", "#indicator+type+code"), ("period_start", "#date+start"),
             ("period_end", "#date+end"), ("target", "#targeted"), ("actual", "#reached"),
             ("target_female", "#targeted+f"), ("actual_female", "#reached+f"),
             ("target_male", "#targeted+m"), ("actual_male", "#reached+m")],
            _results,
        ),
        Dataset(
            "partners",
            _("Cooperation partners"),
            _("The organisations with public activities in the department."),
            [("name", "#org+name"), ("acronym", "#org+acronym"), ("type", "#org+type"),
             ("country", "#country+code"), ("website", "#meta+url"), ("public_activities", "#indicator+activities+num")],
            _partners,
        ),
        Dataset(
            "municipalities",
            _("Activities by municipality"),
            _("How many public activities reach each municipality of Norte de Santander."),
            [("divipola", "#adm2+code"), ("municipality", "#adm2+name"), ("border", "#geo+border"),
             ("public_activities", "#indicator+activities+num")],
            _municipalities,
        ),
        Dataset(
            "resources",
            _("Resources for cooperation"),
            _("Budgets of the public activities in pesos, by source of funding, by DAC sector category and by year."),
            [("dimension", "#meta+dimension"), ("code", "#meta+code"), ("name", "#meta+name"),
             ("pesos", "#value+cop")],
            _resources,
        ),
        Dataset(
            "functions",
            _("Functions of the Secretariat"),
            _("What the Secretariat is in charge of, numbered, with the theme each belongs to."),
            [("number", "#meta+id"), ("theme", "#sector+theme"), ("text_es", "#description+i_es"),
             ("text_en", "#description+i_en")],
            _functions,
        ),
        Dataset(
            "directory",
            _("Directory of the Secretariat"),
            _("The office, the Secretary and the team: how to reach them."),
            [("name", "#contact+name"), ("position", "#contact+position"), ("email", "#contact+email"),
             ("phone", "#contact+phone"), ("address", "#loc+address")],
            _directory,
        ),
    ]
}  # fmt: skip


def last_updated() -> datetime:
    return Activity.objects.public().aggregate(last=Max("updated_at"))["last"] or timezone.now()


def catalogue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/opendata.html",
        {
            "datasets": DATASETS.values(),
            "formats": FORMATS,
            "licence": LICENCE,
            "updated": last_updated(),
        },
    )


def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse | StreamingHttpResponse:
    dataset = DATASETS.get(slug)
    if dataset is None or fmt not in FORMATS:
        raise Http404
    hxl = [dataset.hashtags] if fmt in ("csv", "xlsx") else []
    return table_response(slug, fmt, dataset.header, dataset.rows(), extra_header_rows=hxl)
