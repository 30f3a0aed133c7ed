"""Benchmark: the portfolio spreadsheet's upload (issue 19's target: 5,000 rows within 20 s on
SQLite), beside a bare openpyxl read of the same file, timed in one run.

    scripts/uvrun python bench/portfolio_upload.py [--rows 5000]

Builds a template with N new projects (sector, two municipalities, two partners, a year's
budget each), then times: openpyxl alone streaming the sheet; the whole upload (every cell
checked, rows matched, activities and their parts written with their history); the same file
again (every row found unchanged); the portfolio downloaded as the template and sent back with
every row's title and budget edited. A fresh SQLite database under bench/.data/upload each run,
unless DATABASE_URL is set.
"""

import argparse
import io
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        data = ROOT / "bench" / ".data" / "upload"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        os.environ["PUENTE_VAR_DIR"] = str(data)
    os.environ.setdefault("PUENTE_TESTING", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "puente.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation
    from openpyxl import load_workbook

    from puente.directory.demo import create_demo_organisations
    from puente.portfolio import upload
    from puente.portfolio.models import Activity
    from puente.portfolio.spreadsheet import COLUMNS, DATA_SHEET, build_template, read_upload
    from puente.territory.services import load_reference_data

    translation.activate("es")
    call_command("migrate", verbosity=0)
    load_reference_data()
    create_demo_organisations()
    Activity.objects.filter(title_es__startswith="Carga ").delete()
    user, _ = get_user_model().objects.get_or_create(username="bench-upload")
    vocabulary = upload.vocabulary()
    sectors = vocabulary.sector_labels
    places = vocabulary.municipality_names
    partners = vocabulary.organisation_names
    rows = [
        {
            "title_es": f"Carga {n:05d} · proyecto de prueba",
            "stage": "En ejecución",
            "planned_start": "01/02/2026",
            "planned_end": "31/12/2027",
            "currency": "COP",
            "budget_year": 2026,
            "budget": 1_000_000 + n,
            "sector": sectors[n % len(sectors)],
            "municipalities": f"{places[n % len(places)]}; {places[(n + 7) % len(places)]}",
            "organisation_1": partners[n % len(partners)],
            "role_1": "Ejecutora",
            "organisation_2": partners[(n + 3) % len(partners)],
            "role_2": "Financiadora",
            "is_public": "No",
        }
        for n in range(args.rows)
    ]
    book = load_workbook(io.BytesIO(build_template(vocabulary)))
    for row in rows:
        book[DATA_SHEET].append([row.get(c.key) for c in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()

    started = time.perf_counter()
    bare = load_workbook(io.BytesIO(data), read_only=True)
    cells = sum(1 for _row in bare[DATA_SHEET].iter_rows(values_only=True))
    bare.close()
    bare_seconds = time.perf_counter() - started

    def whole_upload() -> tuple[float, object]:
        started = time.perf_counter()
        parsed = read_upload(data, upload.vocabulary())
        planned = upload.plan(parsed.rows, current_stages=True)  # an existing portfolio, loaded
        assert not parsed.errors and not planned.errors, (parsed.errors + planned.errors)[:3]
        outcome = upload.apply(planned, user, "bench.xlsx")
        return time.perf_counter() - started, outcome

    first, created = whole_upload()
    second, again = whole_upload()
    # The portfolio as the template holds it, every row's title and budget changed.
    sent_back = upload.activity_cells(Activity.objects.filter(title_es__startswith="Carga "))
    for row in sent_back:
        row["title_es"] += " (revisado)"
        row["budget"] = (row.get("budget") or 0) + 1
        row["budget_year"] = row.get("budget_year") or 2026
    edited = build_template(vocabulary, sent_back)
    started = time.perf_counter()
    parsed = read_upload(edited, upload.vocabulary())
    planned = upload.plan(parsed.rows)
    assert not parsed.errors and not planned.errors, (parsed.errors + planned.errors)[:3]
    changed = upload.apply(planned, user, "bench-revisado.xlsx")
    third = time.perf_counter() - started
    assert len(changed.updated) == args.rows, len(changed.updated)
    assert len(created.created) == args.rows, len(created.created)  # type: ignore[attr-defined]
    assert again.unchanged == args.rows, again.unchanged  # type: ignore[attr-defined]
    print(f"{args.rows:,} rows ({cells - 1:,} read by openpyxl); {connection.vendor}")
    print(f"{'measurement':44} {'s':>8} {'x openpyxl':>11}")
    for label, seconds in [
        ("openpyxl alone, streaming the sheet", bare_seconds),
        ("upload: checked, matched, written + history", first),
        ("the same file again (all unchanged)", second),
        ("the portfolio back with every row edited", third),
    ]:
        print(f"{label:44} {seconds:8.2f} {seconds / bare_seconds:11.1f}")
    slowest = max(first, third)
    print(f"target: an upload within 20 s: {'met' if slowest <= 20 else 'NOT met'}")


if __name__ == "__main__":
    main()
