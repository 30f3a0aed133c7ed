"""Benchmark: the activity form's page with rows in place (empty rows and the row "Add a row"
copies) against the old single empty row, timed side by side in one run.

    scripts/uvrun python bench/activity_form.py [--organisations 2000] [--repeat 15]

Every partner is an option in every participation row, so the page grows with the directory;
the figures are the page's median time and its size for each variant, and their ratio.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchdata import staff_client, use_bench_database  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    use_bench_database(0)
    import django

    django.setup()
    from django.core.management import call_command

    from puente.directory.models import Organisation
    from puente.portfolio import forms
    from puente.territory.services import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    missing = args.organisations - Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(name=f"Socio de prueba {i:05d}", acronym=f"SP{i:05d}") for i in range(missing)
    )
    client = staff_client()
    url = "/staff/portfolio/activities/new/"
    today = list(forms.INLINES)

    def with_extra(extra: int, template: bool) -> list:  # type: ignore[type-arg]
        made = []
        for prefix, title, cls in today:
            attrs: dict = {"extra": extra}  # type: ignore[type-arg]
            if not template:  # the page as it was: no row for "Add a row" to copy
                attrs["empty_form"] = property(lambda self: None)
            made.append((prefix, title, type(cls.__name__, (cls,), attrs)))
        return made

    variants = {
        f"rows in place ({today[0][2].extra} empty + template)": today,
        "rows in place (2 empty + template)": with_extra(2, True),
        "rows in place (1 empty + template)": with_extra(1, True),
        "one empty row (before)": with_extra(1, False),
    }
    timings: dict[str, list[float]] = {name: [] for name in variants}
    sizes: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, inlines in variants.items():  # interleaved: machine noise hits both alike
            forms.INLINES[:] = inlines
            t0 = time.perf_counter()
            response = client.get(url)
            timings[name].append(time.perf_counter() - t0)
            sizes[name] = len(response.content)
    forms.INLINES[:] = today
    print(f"\n{Organisation.objects.count():,} organisations, {args.repeat} rounds, medians:")
    base = statistics.median(timings["one empty row (before)"])
    for name, values in timings.items():
        median = statistics.median(values)
        print(
            f"{name:38} {median * 1000:8.1f} ms {median / base:6.2f}x {sizes[name] / 1e6:6.2f} MB"
        )


if __name__ == "__main__":
    main()
