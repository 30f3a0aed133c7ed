"""Benchmark: a device sending 500 rows queued while offline, one request each as offline-rows.js
does, beside the same rows saved one by one through the row form (the connected path) and beside
the same rows written by the API in one request, timed side by side.

    scripts/uvrun python bench/coordination.py --sync 500 [--repeat 5]

Run from bench/coordination.py. SQLite under bench/.data/ unless DATABASE_URL is set (then that
database is migrated: point it at a scratch one). Requests go through Django's test client in this
process, so the figures are Puente's work (checks, locks, history), not a network.
"""

import itertools
import json

from bench.five_w_bench import bench_partner, side_by_side


def run(rows: int, repeat: int) -> None:
    partner = bench_partner("coordination-sync")
    from django.test import Client

    from puente.accounts import tokens
    from puente.coordination.models import ReportRow
    from puente.territory.models import Municipality

    report = partner.report
    ids = dict(Municipality.objects.filter(department__code="54").values_list("code", "pk"))
    fields = [
        {"activity_name": f"Actividad {n}", "sector": "12220",
         "municipality": str(ids[partner.places[n % len(partner.places)]]), "locality": "",
         "population": str(partner.population.pk), "nationality": "venezuelan",
         "targeted": str(100 + n % 50), "female": "40", "male": "40", "other_sex": "0",
         "age_0_17": "30", "age_18_59": "40", "age_60_plus": "10", "amount": "1000",
         "currency": "COP"}
        for n in range(rows)
    ]  # fmt: skip
    device = Client()
    device.force_login(partner.user)
    _token, secret = tokens.create(partner.user, "bench", 1)
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    keys = itertools.count()

    def empty() -> None:
        ReportRow.objects.filter(report=report).delete()

    def queue_sync() -> None:
        empty()
        url = f"/staff/coordination/reports/{report.pk}/rows/sync/"
        for row in fields:
            body = json.dumps({"key": f"bench-key-{next(keys):012d}", "fields": row})
            response = device.post(url, body, content_type="application/json")
            assert response.status_code == 201, response.content[:300]

    def row_form() -> None:
        empty()
        url = f"/staff/coordination/reports/{report.pk}/rows/new/"
        for row in fields:
            response = device.post(url, row)
            assert response.status_code == 302, response.content[:300]

    records = [dict(r, municipality=partner.places[n % len(partner.places)],
                    population=partner.population.name_es, nationality="Venezolana")
               for n, r in enumerate(fields)]  # fmt: skip

    def api_bulk() -> None:
        url = f"/api/coordination/reports/{report.pk}/rows"
        response = api.put(url, {"rows": records}, content_type="application/json")
        assert response.status_code == 200, response.content[:300]

    sides = {"queued rows sent one by one (sync)": queue_sync,
             "row form posted one by one": row_form, "API PUT of all the rows": api_bulk}  # fmt: skip
    for side in sides.values():  # warm, and each must leave exactly the rows
        side()
        assert ReportRow.objects.filter(report=report).count() == rows
    side_by_side(sides, repeat, "row form posted one by one", rows)
