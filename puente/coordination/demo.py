"""Demo 5W reports of several partners in every state, and needs of border communities with gaps."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from puente.directory.models import Organisation
from puente.territory.models import Municipality, TargetPopulation

from . import services
from .models import Need, Report, ReportingPeriod, Service
from .spreadsheet import RowInput

# (partner's acronym, what it does, DAC purpose code, municipalities, population)
WORK = [
    ("ACNUR", "Orientación jurídica y documentación", "15160", ["54001", "54874"], "migrants"),
    ("NRC", "Educación flexible para niñez migrante", "11220", ["54001", "54810"], "children"),
    ("OIM", "Atención primaria en salud en ruta", "12220", ["54874", "54405"], "migrants"),
    ("PMA", "Transferencias para alimentación", "52010", ["54810", "54250"], "families"),
]
# How each partner's last two months stand: the older one, then the latest.
STATES = {
    "ACNUR": ("approved", "submitted"),
    "NRC": ("approved", "returned"),
    "OIM": ("approved", "draft"),
    "PMA": ("approved", "approved"),
}
# (municipality, service, population, people affected, people excluded, severity, community)
NEEDS = [
    ("54810", "Salud", "migrants", 4200, 1800, 4, "Campo Dos"),
    ("54810", "Educación", "children", 2600, 900, 3, "La Gabarra"),
    ("54001", "Documentación y regularización", "migrants", 9000, 5200, 4, "La Parada"),
    ("54874", "Agua y saneamiento", "families", 1500, 600, 3, "La Parada (Villa del Rosario)"),
    ("54250", "Alimentación", "families", 800, 350, 2, "Casco urbano"),
    ("54405", "Protección", "women-heads", 700, 200, 3, "Casco urbano"),
]


@transaction.atomic  # all of it or none: a half-made demo would never be completed later
def create_demo_coordination(staff: User | None) -> int:
    """Reports of four partners for the last two months and six needs; once, on an empty 5W."""
    if staff is None or Report.objects.exists() or Need.objects.exists():
        return 0
    chance = random.Random(54)
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    months = [ReportingPeriod.month_of(last_month.replace(day=1) - datetime.timedelta(days=1)),
              ReportingPeriod.month_of(last_month)]  # fmt: skip
    made = 0
    for acronym, activity, sector, places, population in WORK:
        partner = Organisation.objects.filter(acronym=acronym).first()
        if partner is None:
            continue
        for period, state in zip(months, STATES[acronym], strict=True):
            report = services.open_report(partner, period, staff)
            rows = [_row(n, activity, sector, code, population, chance)
                    for n, code in enumerate(places, start=2)]  # fmt: skip
            services.replace_rows(report, rows, staff)
            _bring_to(report, state, staff)
            made += 1
    for code, service, population, affected, excluded, severity, community in NEEDS:
        Need.objects.create(
            municipality=Municipality.objects.get(code=code),
            community=community,
            service=Service.objects.get(name_es=service),
            population=TargetPopulation.objects.get(code=population),
            people_affected=affected,
            people_excluded=excluded,
            severity=severity,
            source="DEMO · Mesa de coordinación",
            evidence_date=last_month,
        )
    return made


def _row(line: int, activity: str, sector: str, code: str, population: str,
         chance: random.Random) -> RowInput:  # fmt: skip
    women, men = chance.randint(40, 400), chance.randint(30, 350)
    young = (women + men) // 3
    return RowInput(
        line=line,
        activity_name=f"{activity} (DEMO)",
        sector=sector,
        municipality_id=Municipality.objects.get(code=code).pk,
        locality="",
        population=population,
        nationality=chance.choice(["venezuelan", "venezuelan", "colombian", "returnee"]),
        counts={
            "targeted": (women + men) * 5 // 4,
            "female": women,
            "male": men,
            "other_sex": 0,
            "age_0_17": young,
            "age_18_59": women + men - young,
            "age_60_plus": 0,
        },
        amount=Decimal(chance.randint(20, 300) * 1_000_000),
        currency="COP",
    )


def _bring_to(report: Report, state: str, staff: User) -> None:
    if state == "draft":
        return
    services.submit(report, staff)
    if state == "returned":
        services.return_report(report, staff, "Faltan las cifras por grupo de edad en Tibú (DEMO).")
    elif state == "approved":
        services.approve(report, staff)
