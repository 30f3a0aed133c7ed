"""Generated demo portfolio: realistic activities across Norte de Santander, marked as demo."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Model
from simple_history.utils import bulk_create_with_history

from puente.directory.models import Organisation, OrganisationKind
from puente.territory.models import Municipality, TargetPopulation

from .lifecycle import IATI_STATUS_OF_STAGE, Stage
from .models import (
    Activity,
    ActivitySector,
    AgeGroup,
    Beneficiaries,
    Budget,
    Disaggregation,
    ExchangeRate,
    Indicator,
    IndicatorPeriod,
    Level,
    Location,
    Measure,
    Nationality,
    OrganisationRole,
    Participation,
    Result,
    Sex,
    SharedIndicator,
    Transaction,
)

# (sector, Spanish title pattern, English title pattern, populations)
THEMES: list[tuple[str, str, str, list[str]]] = [
    ("12220", "Atención primaria en salud para población migrante en {m}", "Primary health care for migrants in {m}", ["migrants", "returnees"]),
    ("13020", "Salud sexual y reproductiva para mujeres en {m}", "Sexual and reproductive health for women in {m}", ["women-heads", "migrants"]),
    ("11220", "Acceso a la escuela de niñas y niños venezolanos en {m}", "School access for Venezuelan children in {m}", ["children", "migrants"]),
    ("11231", "Habilidades para la vida de jóvenes en {m}", "Life skills for young people in {m}", ["youth"]),
    ("15160", "Protección y derechos humanos en la frontera de {m}", "Protection and human rights on the border at {m}", ["displaced", "migrants"]),
    ("15190", "Orientación a caminantes y migración segura en {m}", "Guidance for walkers and safe migration in {m}", ["migrants", "returnees"]),
    ("72010", "Albergue y asistencia humanitaria en {m}", "Shelter and humanitarian assistance in {m}", ["displaced", "migrants", "families"]),
    ("52010", "Asistencia alimentaria a familias vulnerables de {m}", "Food assistance for vulnerable families in {m}", ["families", "migrants"]),
    ("14030", "Agua potable y saneamiento básico en {m}", "Drinking water and basic sanitation in {m}", ["families", "indigenous"]),
    ("16020", "Empleo y emprendimiento para población en reintegración en {m}", "Jobs and enterprise for people in reintegration in {m}", ["reintegration", "youth"]),
    ("15220", "Construcción de paz y convivencia en {m}", "Peacebuilding and coexistence in {m}", ["reintegration", "ethnic-groups"]),
    ("31120", "Desarrollo agrícola y sustitución de cultivos en {m}", "Agricultural development and crop substitution in {m}", ["families", "afro"]),
    ("16010", "Protección social de personas mayores en {m}", "Social protection for older adults in {m}", ["older-adults", "disability"]),
    ("33110", "Facilitación del comercio binacional en {m}", "Binational trade facilitation in {m}", ["families"]),
    ("74020", "Gestión del riesgo de desastres en {m}", "Disaster risk management in {m}", ["families", "indigenous"]),
]  # fmt: skip

CURRENCY_OF_FUNDER = {"US": "USD", "DE": "EUR", "CH": "CHF", "NO": "USD", "IT": "EUR"}
RATES = [
    ("USD", date(2022, 1, 1), "3981.16"),
    ("USD", date(2023, 1, 1), "4810.20"),
    ("USD", date(2024, 1, 1), "3822.05"),
    ("USD", date(2025, 1, 1), "4409.15"),
    ("USD", date(2026, 1, 1), "4102.30"),
    ("EUR", date(2022, 1, 1), "4524.12"),
    ("EUR", date(2023, 1, 1), "5130.33"),
    ("EUR", date(2024, 1, 1), "4222.17"),
    ("EUR", date(2025, 1, 1), "4570.88"),
    ("EUR", date(2026, 1, 1), "4790.10"),
    ("CHF", date(2022, 1, 1), "4356.04"),
    ("CHF", date(2024, 1, 1), "4541.60"),
    ("CHF", date(2026, 1, 1), "5150.75"),
]
STAGE_WEIGHTS = [
    (Stage.IDEA, 6),
    (Stage.FORMULATION, 8),
    (Stage.TECHNICAL_CONCEPT, 5),
    (Stage.NEGOTIATION, 5),
    (Stage.APPROVED, 6),
    (Stage.EXECUTION, 40),
    (Stage.CLOSING, 8),
    (Stage.CLOSED, 18),
    (Stage.CANCELLED, 4),
]


def create_exchange_rates() -> None:
    for currency, valid_from, rate in RATES:
        ExchangeRate.objects.get_or_create(
            currency_id=currency, valid_from=valid_from, defaults={"cop_per_unit": Decimal(rate)}
        )


@transaction.atomic
def generate_activities(count: int, seed: int = 54, batch: int = 2000) -> int:
    """Creates `count` demo activities with partners, sectors, places, people and money."""
    rng = random.Random(seed)
    orgs = list(Organisation.objects.all())
    funders = [
        o for o in orgs if o.kind in (OrganisationKind.MULTILATERAL, OrganisationKind.BILATERAL)
    ]
    implementers = [o for o in orgs if o not in funders] + funders[:6]
    municipalities = list(Municipality.objects.of_department("54"))
    # Cúcuta and the metropolitan area carry most of the response: weight them.
    weights = [8 if m.border_zone else 2 for m in municipalities]
    populations = {p.code: p for p in TargetPopulation.objects.all()}
    stages, stage_w = zip(*STAGE_WEIGHTS, strict=True)
    made = 0
    while made < count:
        n = min(batch, count - made)
        plans = []
        for _ in range(n):
            sector, title_es, title_en, pops = rng.choice(THEMES)
            place = rng.choices(municipalities, weights)[0]
            stage = rng.choices(stages, stage_w)[0]
            start = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 4 * 365))
            end = start + timedelta(days=rng.choice([180, 365, 540, 730, 1095]))
            funder = rng.choice(funders)
            activity = Activity(
                title_es=title_es.format(m=place.name),
                title_en=title_en.format(m=place.name),
                description_es="Actividad de demostración generada para probar Puente.",
                description_en="Demo activity generated to try Puente out.",
                level=Level.PROJECT,
                stage=stage,
                iati_status=IATI_STATUS_OF_STAGE[stage],
                planned_start=start,
                planned_end=end,
                actual_start=start
                if stage in (Stage.EXECUTION, Stage.CLOSING, Stage.CLOSED)
                else None,
                actual_end=end if stage == Stage.CLOSED else None,
                humanitarian=sector in ("72010", "52010", "15190"),
                gender_marker=rng.choice(["", "0", "1", "2"]),
                is_public=stage not in (Stage.IDEA, Stage.FORMULATION) and rng.random() < 0.85,
                is_demo=True,
            )
            currency = CURRENCY_OF_FUNDER.get(funder.country_id or "", "USD")
            amount = Decimal(rng.randrange(40, 3000) * 1000)
            plans.append(
                (activity, sector, place, pops, funder, rng.choice(implementers), currency, amount)
            )
        for plan in plans:
            plan[0].refresh_search_text()  # bulk_create skips save()
        # With their creation in the history, as any activity has: a later change then reads
        # as a change from something (a demo activity edited showed "changed" and no values).
        bulk_create_with_history([p[0] for p in plans], Activity, batch_size=500)
        _create_parts(plans, populations, rng)
        made += n
    return made


def _create_parts(plans: list, populations: dict, rng: random.Random) -> None:  # type: ignore[type-arg]
    participations, sectors, locations, people, budgets, transactions = [], [], [], [], [], []
    for activity, sector, place, pops, funder, implementer, currency, amount in plans:
        participations.append(
            Participation(activity=activity, organisation=funder, role=OrganisationRole.FUNDING)
        )
        if implementer.pk != funder.pk:
            participations.append(
                Participation(
                    activity=activity, organisation=implementer, role=OrganisationRole.IMPLEMENTING
                )
            )
        sectors.append(
            ActivitySector(activity=activity, sector_id=sector, percentage=Decimal("100"))
        )
        locations.append(Location(activity=activity, municipality=place))
        for code in pops:
            for sex in (Sex.FEMALE, Sex.MALE):
                people.append(
                    Beneficiaries(
                        activity=activity,
                        population=populations[code],
                        sex=sex,
                        age_group=rng.choice(
                            [AgeGroup.CHILDHOOD, AgeGroup.YOUTH, AgeGroup.ADULTHOOD]
                        ),
                        nationality=rng.choice(
                            [Nationality.VENEZUELAN, Nationality.COLOMBIAN, Nationality.RETURNEE]
                        ),
                        count=rng.randrange(20, 2500),
                    )
                )
        start = activity.planned_start
        budgets.append(
            Budget(
                activity=activity,
                period_start=start,
                period_end=start + timedelta(days=364),
                amount=amount,
                currency_id=currency,
            )
        )
        if activity.stage in (Stage.EXECUTION, Stage.CLOSING, Stage.CLOSED):
            transactions.append(
                Transaction(
                    activity=activity,
                    kind="2",
                    date=start,
                    amount=amount,
                    currency_id=currency,
                    provider=funder,
                    receiver=implementer,
                )
            )
            spent = (amount * Decimal(rng.randrange(20, 100)) / 100).quantize(Decimal("1"))
            transactions.append(
                Transaction(
                    activity=activity,
                    kind="3",
                    date=start + timedelta(days=30),
                    amount=spent,
                    currency_id=currency,
                    provider=funder,
                    receiver=implementer,
                )
            )
    groups: list[tuple[type[Model], list]] = [  # type: ignore[type-arg]
        (Participation, participations),
        (ActivitySector, sectors),
        (Location, locations),
        (Beneficiaries, people),
        (Budget, budgets),
        (Transaction, transactions),
    ]
    for model, rows in groups:
        bulk_create_with_history(rows, model, batch_size=1000)


# The plan and programmes above the demo projects, each programme taking the projects of its
# sectors that started under the plan: (Spanish title, English title, sectors).
PLAN_TITLES = (
    "DEMO · Plan de Desarrollo Departamental 2024–2027: frontera y cooperación",
    "DEMO · Departmental Development Plan 2024–2027: border and cooperation",
)
PROGRAMMES: list[tuple[str, str, set[str]]] = [
    ("DEMO · Salud, protección y atención humanitaria a población migrante",
     "DEMO · Health, protection and humanitarian assistance for migrants",
     {"12220", "13020", "15160", "15190", "72010", "52010"}),
    ("DEMO · Educación y oportunidades para la juventud de frontera",
     "DEMO · Education and opportunities for border youth",
     {"11220", "11231", "16020"}),
    ("DEMO · Desarrollo económico, paz e integración fronteriza",
     "DEMO · Economic development, peace and border integration",
     {"14030", "15220", "31120", "16010", "33110", "74020"}),
]  # fmt: skip
PLAN_START, PLAN_END = date(2024, 1, 1), date(2027, 12, 31)


@transaction.atomic
def create_demo_plans() -> int:
    """The demo plan with its three programmes; demo projects started under the plan join the
    programme of their sector. Returns the number of projects placed (0 when already done)."""
    if Activity.objects.filter(is_demo=True, level=Level.PLAN).exists():
        return 0
    common = {
        "stage": Stage.EXECUTION, "iati_status": IATI_STATUS_OF_STAGE[Stage.EXECUTION],
        "planned_start": PLAN_START, "planned_end": PLAN_END, "actual_start": PLAN_START,
        "is_public": True, "is_demo": True,
    }  # fmt: skip
    plan = Activity.objects.create(
        level=Level.PLAN, title_es=PLAN_TITLES[0], title_en=PLAN_TITLES[1],
        description_es="Plan de demostración generado para probar Puente.",
        description_en="Demo plan generated to try Puente out.", **common,
    )  # fmt: skip
    placed = 0
    projects = Activity.objects.filter(
        is_demo=True, level=Level.PROJECT, parent=None, planned_start__gte=PLAN_START
    )
    for title_es, title_en, sectors in PROGRAMMES:
        programme = Activity.objects.create(
            level=Level.PROGRAMME, parent=plan, title_es=title_es, title_en=title_en,
            description_es="Programa de demostración generado para probar Puente.",
            description_en="Demo programme generated to try Puente out.", **common,
        )  # fmt: skip
        placed += projects.filter(sectors__sector_id__in=sectors).update(parent=programme)
    _create_demo_results(plan)
    return placed


# (Spanish name, English name, unit, measure, the programme's title start, target range)
SHARED = [
    ("Personas atendidas u orientadas", "People assisted or guided", "personas", Measure.UNIT,
     "DEMO · Salud", (200, 1500)),
    ("Jóvenes que terminan una formación", "Young people who complete a training", "personas",
     Measure.UNIT, "DEMO · Educación", (40, 300)),
    ("Hogares con agua potable", "Households with drinking water", "%", Measure.PERCENTAGE,
     "DEMO · Desarrollo", (60, 95)),
]  # fmt: skip


def _create_demo_results(plan: Activity, per_programme: int = 8) -> None:
    """Shared indicators, and a result measuring one in a few projects of each programme,
    with yearly targets and actuals split by sex, so that the programmes' sums show."""
    rng = random.Random(19)
    for name_es, name_en, unit, measure, programme_title, (low, high) in SHARED:
        shared = SharedIndicator.objects.create(
            name_es=name_es, name_en=name_en, unit=unit, measure=measure
        )
        programme = Activity.objects.filter(parent=plan, title_es__startswith=programme_title)
        projects = Activity.objects.filter(parent__in=programme).order_by("pk")[:per_programme]
        for project in projects:
            result = Result.objects.create(
                activity=project, kind=Result.Kind.OUTCOME, title=name_es
            )
            indicator = Indicator.objects.create(
                result=result, title=name_es, shared=shared, measure=measure,
                baseline_year=2023, baseline_value=Decimal(low // 2),
            )  # fmt: skip
            for year in (2024, 2025, 2026):
                target = Decimal(rng.randrange(low, high))
                actual = (
                    None
                    if year == 2026
                    else (target * rng.randrange(55, 110) / 100).quantize(Decimal("1"))
                )
                period = IndicatorPeriod.objects.create(
                    indicator=indicator, period_start=date(year, 1, 1),
                    period_end=date(year, 12, 31), target=target, actual=actual,
                )  # fmt: skip
                if measure == Measure.PERCENTAGE:
                    continue  # a share is not split into parts that add up
                women = (target * Decimal("0.55")).quantize(Decimal("1"))
                rows = [("target", "Mujeres", women), ("target", "Hombres", target - women)]
                if actual is not None:
                    share = (actual * Decimal("0.55")).quantize(Decimal("1"))
                    rows += [("actual", "Mujeres", share), ("actual", "Hombres", actual - share)]
                Disaggregation.objects.bulk_create(
                    Disaggregation(period=period, side=side, dimension="sex", category=c, value=v)
                    for side, c, v in rows
                )
