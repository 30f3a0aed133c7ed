"""Benchmark: Puente in production form under a mixed load, against a trivial view.

    scripts/uvrun python bench/load.py [--activities 100000] [--seconds 20] [--clients 1,2,4,8]

Fills a PostgreSQL database with N demo activities (DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/puente_bench_load; created when missing and kept for the next
run), collects the static files, and starts gunicorn with 2 workers and the production settings
(no debug, no test mode; Redis as the shared cache when it answers). Load generator processes on
loopback then send, for a bounded time at each concurrency, a mix of public pages, API calls and
staff work (reads, and saving an activity through its edit form), interleaved with rounds of the
trivial view (/healthz: the whole middleware stack, no query) at the same concurrency. Prints
throughput, p50/p95/p99 latency and errors per concurrency and per kind of request, each as a
ratio to the trivial view measured in the same run.
"""

import argparse
import html.parser
import http.client
import multiprocessing
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/puente_bench_load"
STAFF_PASSWORD = "load test staff password 54"  # noqa: S105 (a scratch database's bench user)

# (kind, weight): what a working day looks like, roughly: the public reads, partners and staff
# read the workspace, and staff save now and then.
MIX = [
    ("home", 15),
    ("public list", 15),  # a filter and a page: most are cache misses
    ("public activity", 20),
    ("map data (API)", 10),
    ("API activities", 15),
    ("staff dashboard", 5),
    ("staff list", 15),
    ("staff save", 5),  # the edit form, then the save: each save forgets the kept public pages
]
KINDS = [k for k, _w in MIX] + ["staff edit form"]  # the save's first request, timed apart
MUNICIPALITIES = ["54001", "54810", "54498", "54874", "54518", "54405", "54261", "54206"]


class FormReader(html.parser.HTMLParser):
    """The fields of the activity edit form as a browser would send them back."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._selected: str | None = None
        self._first: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        a = dict(attrs)
        name = a.get("name")
        if tag == "form":
            self.fields = []
            self.forms.append(self.fields)
        elif tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((name, a.get("value") or "on"))
            else:
                self.fields.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select, self._selected, self._first = name, None, None
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            self._first = value if self._first is None else self._first
            if "selected" in a:
                self._selected = value
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select:
            self.fields.append((self._select, self._selected or ""))
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._text))
            self._textarea = None


class Browser:
    """One client: a connection per request (as gunicorn's sync workers want), cookies kept."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: list | None = None) -> tuple[int, str, dict]:  # type: ignore[type-arg]
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Accept-Language": "es", "Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, text, dict(response.getheaders())

    def sign_in(self, username: str) -> None:
        _status, page, _h = self.request("GET", "/staff/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        form = [
            ("csrfmiddlewaretoken", token),
            ("username", username),
            ("password", STAFF_PASSWORD),
        ]
        status, _page, _h = self.request("POST", "/staff/login/", form)
        assert status == 302, f"signing in as {username} failed: {status}"


def timed(kind: str, send) -> tuple[str, float, bool]:  # noqa: ANN001
    t0 = time.perf_counter()
    try:
        ok = send()
    except (OSError, http.client.HTTPException, ValueError):
        ok = False
    return kind, time.perf_counter() - t0, ok


def one_request(browser: Browser, kind: str, rng: random.Random, ids: list[int], own: int) -> bool:
    """Sends one request of `kind`; True when the answer is the one a user expects."""
    if kind == "home":
        return browser.request("GET", "/es/")[0] == 200
    if kind == "public list":
        query = urllib.parse.urlencode(
            {"municipality": rng.choice(MUNICIPALITIES), "page": rng.randint(1, 20)}
        )
        return browser.request("GET", f"/es/cooperacion/proyectos/?{query}")[0] == 200
    if kind == "public activity":
        return browser.request("GET", f"/es/cooperacion/proyectos/{rng.choice(ids)}/")[0] == 200
    if kind == "map data (API)":
        return browser.request("GET", "/api/map/municipalities")[0] == 200
    if kind == "API activities":
        query = urllib.parse.urlencode({"municipality": rng.choice(MUNICIPALITIES), "limit": 25,
                                        "offset": 25 * rng.randint(0, 40)})  # fmt: skip
        return browser.request("GET", f"/api/activities?{query}")[0] == 200
    if kind == "staff dashboard":
        return browser.staff.request("GET", "/staff/portfolio/")[0] == 200  # type: ignore[attr-defined]
    if kind == "staff list":
        query = urllib.parse.urlencode({"q": rng.choice(["salud", "agua", "educación", "Cúcuta", ""]),
                                        "page": rng.randint(1, 10)})  # fmt: skip
        return browser.staff.request("GET", f"/staff/portfolio/activities/?{query}")[0] == 200  # type: ignore[attr-defined]
    raise ValueError(kind)


def staff_save(browser: Browser, rng: random.Random, own: int) -> list[tuple[str, float, bool]]:
    """Opens the edit form of this client's own activity, changes the title and saves: two
    requests, timed apart."""
    staff = browser.staff  # type: ignore[attr-defined]
    url = f"/staff/portfolio/activities/{own}/edit/"
    got: dict[str, str] = {}

    def open_form() -> bool:
        status, got["page"], _h = staff.request("GET", url)
        return status == 200

    def save() -> bool:
        reader = FormReader()
        reader.feed(got["page"])
        (form,) = [f for f in reader.forms if any(k == "revision" for k, _v in f)]
        fields = [(k, f"Actividad de carga {rng.randint(1, 10**6)}" if k == "title_es" else v)
                  for k, v in form]  # fmt: skip
        return staff.request("POST", url, fields)[0] == 302

    first = timed("staff edit form", open_form)
    return [first, timed("staff save", save)] if first[2] else [first]


def client_loop(
    port: int,
    kinds: list[str],
    seconds: float,
    seed: int,
    ids: list[int],
    own: int,
    username: str,
    queue,
) -> None:  # noqa: ANN001
    rng = random.Random(seed)
    browser = Browser(port)
    browser.staff = Browser(port)  # type: ignore[attr-defined]
    if any(k.startswith("staff") for k in kinds):
        browser.staff.sign_in(username)  # type: ignore[attr-defined]
    weights = [w for k, w in MIX if k in kinds] if kinds != ["trivial"] else [1]
    samples: list[tuple[str, float, bool]] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        kind = rng.choices(kinds, weights)[0]
        if kind == "trivial":
            samples.append(timed(kind, lambda: browser.request("GET", "/healthz")[0] == 200))
        elif kind == "staff save":
            samples += staff_save(browser, rng, own)
        else:
            samples.append(timed(kind, lambda: one_request(browser, kind, rng, ids, own)))  # noqa: B023
    queue.put(samples)


def drive(
    port: int,
    kinds: list[str],
    clients: int,
    seconds: float,
    ids: list[int],
    owned: list[int],
    round_no: int,
) -> list:  # type: ignore[type-arg]
    queue: multiprocessing.Queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=client_loop, args=(
            port, kinds, seconds, round_no * 100 + c, ids, owned[c], f"carga{c}", queue))
        for c in range(clients)
    ]  # fmt: skip
    for w in workers:
        w.start()
    samples = []
    for _ in workers:
        samples += queue.get()
    for w in workers:
        w.join()
    return samples


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) >= 2 else (values or [0])[0]


def prepare(activities: int, clients: int) -> tuple[list[int], list[int]]:
    """The database: migrated, filled, a staff account per client, an activity for each to edit."""
    from bench.benchdata import fill

    fill(activities)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from puente.accounts.roles import Role
    from puente.portfolio.models import Activity

    group, _ = Group.objects.get_or_create(name=Role.STAFF.value)
    for c in range(clients):
        user, _ = get_user_model().objects.get_or_create(username=f"carga{c}")
        user.set_password(STAFF_PASSWORD)
        user.save()
        user.groups.add(group)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh planner statistics after the fill, as autovacuum makes
    public = list(
        Activity.objects.filter(is_public=True).order_by("?").values_list("pk", flat=True)[:2000]
    )
    owned = list(Activity.objects.order_by("pk").values_list("pk", flat=True)[:clients])
    return public, owned


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_url() -> str | None:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return "redis://127.0.0.1:6379/9"
    except OSError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20.0, help="of mixed load per concurrency")
    parser.add_argument(
        "--clients", default="1,2,4,8", help="concurrencies to try, comma-separated"
    )
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    concurrency = [int(c) for c in args.clients.split(",")]

    url = os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    if not url.startswith("postgres"):
        sys.exit("bench/load.py runs on PostgreSQL: set DATABASE_URL to a scratch database.")
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    scratch = tempfile.mkdtemp(prefix="puente-load-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUENTE_", "DJANGO_"))}
    env.update(DATABASE_URL=url, SECRET_KEY="load-bench-" + "k" * 50, PUENTE_PLAIN_HTTP="1",
               ALLOWED_HOSTS="127.0.0.1", STATIC_ROOT=f"{scratch}/static", PUENTE_VAR_DIR=scratch,
               MEDIA_ROOT=f"{scratch}/media", DJANGO_SETTINGS_MODULE="puente.settings")  # fmt: skip
    cache = redis_url()
    if cache:
        env["REDIS_URL"] = cache
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections

    public, owned = prepare(args.activities, max(concurrency))
    from puente.portfolio.models import Activity

    total = Activity.objects.count()
    connections.close_all()
    subprocess.run([sys.executable, "-m", "puente.cli", "collectstatic", "--noinput", "-v0"],
                   env=env, check=True, cwd=ROOT)  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "puente.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning", "--timeout", "60"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    kinds = [k for k, _w in MIX]
    table = []
    try:
        for _ in range(150):
            try:
                if Browser(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("gunicorn did not answer /healthz")
        drive(port, kinds, 2, 3, public, owned, 0)  # warm the workers and the caches
        for clients in concurrency:
            mixed: list = []
            trivial: list = []
            for r in range(args.rounds):  # interleaved: noise hits both alike
                trivial += drive(
                    port, ["trivial"], clients, args.seconds / args.rounds / 2, public, owned, r + 1
                )
                mixed += drive(
                    port, kinds, clients, args.seconds / args.rounds, public, owned, r + 1
                )
            table.append((clients, mixed, trivial))
    finally:
        server.terminate()
        server.wait()

    print(f"\n{total:,} activities on PostgreSQL; gunicorn, 2 workers, production settings; "
          f"cache: {'Redis' if cache else 'per-process memory'}; {args.seconds:g} s of mixed load "
          f"per concurrency in {args.rounds} rounds, trivial rounds in between")  # fmt: skip
    print(f"{'clients':>7} {'req/s':>7} {'x trivial':>9} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
          f"{'x trivial p95':>13} {'errors':>6}")  # fmt: skip
    for clients, mixed, trivial in table:
        mixed_seconds, trivial_seconds = args.seconds, args.seconds / 2
        latencies = [s[1] for s in mixed]
        base = [s[1] for s in trivial]
        rps, base_rps = len(mixed) / mixed_seconds, len(trivial) / trivial_seconds
        errors = sum(not s[2] for s in mixed) + sum(not s[2] for s in trivial)
        print(f"{clients:7d} {rps:7.0f} {rps / base_rps:9.2f} {percentile(latencies, 50) * 1000:7.1f} "
              f"{percentile(latencies, 95) * 1000:7.1f} {percentile(latencies, 99) * 1000:7.1f} "
              f"{percentile(latencies, 95) / percentile(base, 95):13.1f} {errors:6d}")  # fmt: skip
    clients, mixed, _trivial = max(table, key=lambda row: row[0])
    print(f"\nby kind at {clients} clients:")
    print(f"{'kind':18} {'share':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}")
    for kind in KINDS:
        values = [s[1] for s in mixed if s[0] == kind]
        if values:
            print(f"{kind:18} {len(values) / len(mixed):6.0%} {percentile(values, 50) * 1000:7.1f} "
                  f"{percentile(values, 95) * 1000:7.1f} {percentile(values, 99) * 1000:7.1f} "
                  f"{sum(not s[2] for s in mixed if s[0] == kind):6d}")  # fmt: skip
    sustained = [
        c for c, m, _t in table if percentile([s[1] for s in m], 95) < 0.2 and all(s[2] for s in m)
    ]
    print(
        f"\nhighest concurrency with p95 under 200 ms and no error: {max(sustained) if sustained else 'none'}"
    )


if __name__ == "__main__":
    main()
