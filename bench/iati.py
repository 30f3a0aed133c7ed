"""Benchmark: IATI import speed and memory, against a bare lxml pass and the PyPI tools.

    uv run --frozen --group bench python bench/iati.py [--copies 100] [--source FILE]

(the bench group adds iatikit and iatiflattener; the default source is ../shared/data/iati/CD.xml)

Builds a large file by repeating a real publisher's activities under new identifiers, in the
file's own IATI version and, through Puente's writer, in IATI 2.03 (iatiflattener reads only
2.x). Each measurement runs in its own process so that its peak memory is its own. Prints
seconds, activities per second, peak memory, and ratios measured in this one run.
"""

import argparse
import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / ".data" / "iati"
sys.path.insert(0, str(ROOT))


def scale(source: Path, target: Path, copies: int, keep=lambda activity: True) -> int:  # noqa: ANN001
    """Writes `copies` repetitions of every activity of `source` that `keep` accepts,
    identifiers made unique (also used by the killed-import fault test)."""
    root = etree.parse(str(source)).getroot()
    activities = [a for a in root.findall("iati-activity") if keep(a)]
    count = 0
    with etree.xmlfile(str(target), encoding="utf-8") as xml:
        xml.write_declaration()
        with xml.element("iati-activities", dict(root.attrib)):
            for k in range(copies):
                for activity in activities:
                    twin = copy.deepcopy(activity)
                    identifier = twin.find("iati-identifier")
                    identifier.text = f"{(identifier.text or '').strip()}-copy{k}"
                    xml.write(twin)
                    count += 1
    return count


def django_env(database_url: str | None, var_dir: str) -> dict[str, str]:
    env = {**os.environ, "PUENTE_TESTING": "1", "PUENTE_VAR_DIR": var_dir}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "puente.settings"
    import django

    django.setup()


# --- measurements, each run in a child process --------------------------------------------------


def measure_bare(path: Path) -> dict:
    # The fastest of three passes: the baseline every ratio divides by should not be a slow one.
    passes = []
    for _ in range(3):
        started, count = time.perf_counter(), 0
        for _, element in etree.iterparse(
            str(path), tag="iati-activity", resolve_entities=False, no_network=True
        ):
            count += 1
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
        passes.append(time.perf_counter() - started)
    return {"activities": count, "seconds": min(passes)}


def measure_reader(path: Path) -> dict:
    """Puente's reader alone (XML to dataclasses, fingerprints included): no database."""
    from puente.iati.reader import read_activities

    return {"activities": sum(1 for _ in read_activities(path))}


def measure_puente(path: Path, again: bool = False) -> dict:
    """One import into an empty portfolio; `again`: the same file a second time, timed alone
    (every activity unchanged, so recognised by its fingerprint and not mapped)."""
    setup_django()
    from django.core.management import call_command

    from puente.iati.models import ImportRun
    from puente.iati.services import run_import
    from puente.territory.services import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    if again:
        run_import(ImportRun.objects.create(source=str(path)))
    started = time.perf_counter()
    run = run_import(ImportRun.objects.create(source=str(path)))
    seconds = time.perf_counter() - started
    assert run.status == "done", run.message
    return {"activities": run.unchanged if again else run.created, "seconds": seconds}


def measure_iatikit(path: Path) -> dict:
    # Every field iatikit offers offline; `sector` needs codelists downloaded from the net.
    import iatikit

    count = 0
    for activity in iatikit.Dataset(str(path)).activities:
        for field in (
            "id",
            "title",
            "description",
            "location",
            "planned_start",
            "actual_start",
            "planned_end",
            "actual_end",
            "humanitarian",
        ):
            getattr(activity, field)
        count += 1
    return {"activities": count}


def measure_iatiflattener(path: Path) -> dict:
    # iatiflattener's own driver downloads codelists and exchange rates first (no network
    # here); its activity flattening runs offline on the parsed document, as the driver does.
    from iatiflattener import model

    doc = etree.parse(str(path))
    cache = model.ActivityCache()
    count = failed = 0
    for element in doc.xpath("//iati-activity"):
        try:
            activity = model.Activity(element, cache, {"en": {}}, ["en"], {})
            activity.generate()
            activity.as_csv_dict()
        except (AttributeError, KeyError, TypeError, ValueError):
            failed += 1  # it crashes, e.g. on an activity without <description>
            continue
        count += 1
    return {"activities": count, "failed": failed}


MEASURES = {
    "bare": measure_bare,
    "reader": measure_reader,
    "puente": measure_puente,
    "reimport": lambda path: measure_puente(path, again=True),
    "iatikit": measure_iatikit,
    "iatiflattener": measure_iatiflattener,
}


def child(kind: str, path: Path) -> None:
    started = time.perf_counter()
    result = MEASURES[kind](path)
    result.setdefault("seconds", time.perf_counter() - started)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run_child(kind: str, path: Path, database_url: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as var_dir:
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(path)],
            env=django_env(database_url, var_dir),
            capture_output=True,
            text=True,
            check=False,
        )
    if out.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def to_203(source: Path, target: Path) -> None:
    """The same real activities written by Puente as IATI 2.03 (import, then export)."""
    with tempfile.TemporaryDirectory() as var_dir:
        code = (
            f"import os,sys;sys.path.insert(0,{str(ROOT)!r});os.environ['DJANGO_SETTINGS_MODULE']='puente.settings';"
            "import django;django.setup();from django.core.management import call_command;"
            "call_command('migrate',verbosity=0);"
            "from puente.territory.services import load_reference_data;load_reference_data();"
            "from puente.iati.models import ImportRun;from puente.iati.services import run_import;"
            f"run_import(ImportRun.objects.create(source={str(source)!r}));"
            "from puente.iati.exporter import export_activities;from puente.iati.writer import write_activities;"
            "from puente.portfolio.models import Activity;from django.utils import timezone;"
            f"write_activities(export_activities(Activity.objects.all()),open({str(target)!r},'wb'),timezone.now())"
        )
        subprocess.run([sys.executable, "-c", code], env=django_env(None, var_dir), check=True)


def postgres_url() -> str | None:
    url = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/puente_bench")
    name = url.rsplit("/", 1)[1]
    try:
        subprocess.run(
            [
                "psql",
                url.rsplit("/", 1)[0] + "/postgres",
                "-q",
                "-c",
                f"DROP DATABASE IF EXISTS {name}",
                "-c",
                f"CREATE DATABASE {name}",
            ],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return url


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument(
        "--source", type=Path, default=ROOT.parent / "shared" / "data" / "iati" / "CD.xml"
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return

    DATA.mkdir(parents=True, exist_ok=True)
    original = DATA / f"{args.source.stem}-{args.copies}x.xml"
    small = DATA / f"{args.source.stem}-{args.copies // 2}x.xml"
    as_203 = DATA / f"{args.source.stem}-2.03.xml"
    big_203 = DATA / f"{args.source.stem}-2.03-{args.copies}x.xml"
    n = scale(args.source, original, args.copies)
    scale(args.source, small, args.copies // 2)
    to_203(args.source, as_203)
    scale(as_203, big_203, args.copies)
    print(
        f"files: {original.name} ({n:,} activities, {original.stat().st_size / 2**20:.0f} MB), "
        f"{big_203.name} ({big_203.stat().st_size / 2**20:.0f} MB)\n"
    )

    pg = postgres_url()
    rows = []
    for label, kind, path, db in [
        ("bare lxml iterparse, 2.03", "bare", big_203, None),
        ("Puente reader alone, 2.03", "reader", big_203, None),
        ("Puente import -> SQLite, 2.03", "puente", big_203, None),
        ("Puente import -> PostgreSQL, 2.03", "puente", big_203, pg),
        ("Puente re-import, unchanged -> SQLite, 2.03", "reimport", big_203, None),
        ("Puente re-import, unchanged -> PostgreSQL, 2.03", "reimport", big_203, pg),
        ("iatikit, every field, 2.03", "iatikit", big_203, None),
        ("iatiflattener, activities, 2.03", "iatiflattener", big_203, None),
        ("bare lxml iterparse, original", "bare", original, None),
        ("Puente import -> SQLite, original", "puente", original, None),
        ("bare lxml iterparse, half the file", "bare", small, None),
        ("Puente import -> SQLite, half the file", "puente", small, None),
        ("iatikit, every field, original", "iatikit", original, None),
    ]:
        if "PostgreSQL" in label and pg is None:
            rows.append((label, None))
            continue
        rows.append((label, run_child(kind, path, db)))

    bare = {r[0].split(", ")[1]: r[1]["seconds"] for r in rows if r[0].startswith("bare") and r[1]}
    print(f"{'measurement':48} {'seconds':>8} {'act/s':>8} {'peak MB':>8} {'x bare':>7}")
    for label, result in rows:
        if result is None:
            print(f"{label:48} {'(PostgreSQL not reachable)':>34}")
            continue
        version = label.split(", ")[1]
        base = bare.get(version) or bare["2.03"]
        crashed = f"  ({result['failed']} activities crashed it)" if result.get("failed") else ""
        print(
            f"{label:48} {result['seconds']:8.2f} {result['activities'] / result['seconds']:8.0f} "
            f"{result['peak_mb']:8.0f} {result['seconds'] / base:7.1f}{crashed}"
        )
    seconds = {label: r["seconds"] for label, r in rows if r}
    puente = seconds["Puente import -> SQLite, 2.03"]
    print(
        f"\nPuente (SQLite) / iatikit on 2.03: {puente / seconds['iatikit, every field, 2.03']:.1f}x; "
        f"/ iatiflattener: {puente / seconds['iatiflattener, activities, 2.03']:.1f}x"
    )


if __name__ == "__main__":
    main()
