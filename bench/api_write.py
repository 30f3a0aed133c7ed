"""Benchmark: a partner's system writing 5,000 5W rows through the API, beside the same rows
uploaded as the spreadsheet and beside a bare INSERT of them, timed side by side.

    scripts/uvrun python bench/coordination.py --api-write 5000 [--repeat 5]

Run from bench/coordination.py. SQLite under bench/.data/ unless DATABASE_URL is set (then that
database is migrated: point it at a scratch one). Requests go through Django's test client in this
process, so the figures are Puente's work (checks, queries), not a network.
"""

from bench.five_w_bench import bench_partner, side_by_side


def run(rows: int, repeat: int) -> None:
    partner = bench_partner("coordination-api")
    from django.db import connection, transaction
    from django.test import Client

    from puente.accounts import tokens
    from puente.coordination import services
    from puente.coordination.models import ReportRow, category_code
    from puente.coordination.selectors import vocabulary
    from puente.coordination.spreadsheet import read_upload
    from puente.coordination.tests.factories import filled_template
    from puente.territory.models import Municipality

    user, report, places, population = (
        partner.user, partner.report, partner.places, partner.population
    )  # fmt: skip
    _token, secret = tokens.create(user, "bench", 1)

    records = [
        {"activity_name": f"Actividad {n}", "sector": "12220", "municipality": places[n % len(places)],
         "population": population.name_es, "nationality": "Venezolana", "targeted": 100 + n % 50,
         "female": 40, "male": 40, "other_sex": 0, "age_0_17": 30, "age_18_59": 40, "age_60_plus": 10,
         "amount": 1000, "currency": "COP"}
        for n in range(rows)
    ]  # fmt: skip
    template_rows = [dict(r, sector=next(label for label in vocabulary().sector_labels
                                         if label.startswith("122 "))) for r in records]  # fmt: skip
    workbook = filled_template(template_rows)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    url = f"/api/coordination/reports/{report.pk}/rows"

    def through_api() -> None:
        response = api.put(url, {"rows": records}, content_type="application/json")
        assert response.status_code == 200, response.content[:500]

    def as_spreadsheet() -> None:
        parsed = read_upload(workbook, vocabulary())
        assert not parsed.errors, parsed.errors[:3]
        services.replace_rows(report, parsed.rows, user, "bench.xlsx", workbook)

    ids = {m.code: m.pk for m in Municipality.objects.filter(department__code="54")}
    columns = ["report_id", "line", "activity_name", "sector_id", "category_id", "municipality_id",
               "locality", "population_id", "nationality", "targeted", "female", "male",
               "other_sex", "age_0_17", "age_18_59", "age_60_plus", "reached", "amount",
               "currency_id", "to_confirm", "revision"]  # fmt: skip
    values = [
        (report.pk, n + 1, r["activity_name"], "12220", category_code("12220"),
         ids[r["municipality"]], "", population.pk, "venezuelan", r["targeted"], 40, 40, 0, 30, 40,
         10, 80, 1000, "COP", False, 0)
        for n, r in enumerate(records)
    ]  # fmt: skip
    insert = (f"INSERT INTO coordination_reportrow ({', '.join(columns)}) "
              f"VALUES ({', '.join(['%s'] * len(columns))})")  # fmt: skip

    def bare_insert() -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM coordination_reportrow WHERE report_id = %s", [report.pk])
            cursor.executemany(insert, values)

    sides = {"API PUT (checks + write)": through_api, "spreadsheet upload (read + write)":
             as_spreadsheet, "bare INSERT of the same rows": bare_insert}  # fmt: skip
    for side in sides.values():  # warm, and each must leave exactly the rows
        side()
        assert ReportRow.objects.filter(report=report).count() == rows
    side_by_side(sides, repeat, "bare INSERT of the same rows", rows)
