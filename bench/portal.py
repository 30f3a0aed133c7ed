"""Benchmark: the public portal under load (home, activity list, map) against a trivial view.

    uv run --frozen --group bench python bench/portal.py [--activities 100000] [--seconds 6]

Serves Puente with gunicorn on a free local port, over the same database as
bench/portfolio.py (bench/.data/, or DATABASE_URL), then drives it with a load generator of
`--clients` processes, one URL at a time, in interleaved rounds so that machine noise hits every
URL alike. Prints requests per second and p95 latency, each as a ratio to the trivial view
(/healthz: the whole middleware stack, no query), and the weight of the home page on a first
visit (HTML plus every stylesheet, script and image it links).
"""

import argparse
import http.client
import multiprocessing
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.benchdata import fill, use_bench_database  # noqa: E402

URLS = {
    "trivial view (/healthz)": "/healthz",
    "home page": "/es/",
    "public activity list": "/es/cooperacion/proyectos/",
    "map data (API)": "/api/map/municipalities",
    # The map page draws its own SVG map: geometry, shading and the figures of 40 municipalities.
    "map page": "/es/cooperacion/mapa/",
    "map page, people, Tibú chosen": "/es/cooperacion/mapa/?figure=people&municipio=54810",
    # A different page of the list on every request: nothing is kept, every request renders.
    "list, every request a miss": "/es/cooperacion/proyectos/?page={n}",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Accept-Language": "es"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def client_loop(port: int, path: str, seconds: float, queue) -> None:  # noqa: ANN001
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        # {n}: a page number no other request of the run asks for (pages run out at 4,000).
        status, _ = fetch(port, path.format(n=random.randint(2, 4000)))
        latencies.append(time.perf_counter() - t0)
        errors += status != 200
    queue.put((latencies, errors))


def load(port: int, path: str, seconds: float, clients: int) -> tuple[int, list[float], int]:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(target=client_loop, args=(port, path, seconds, queue))
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    latencies: list[float] = []
    errors = 0
    for _ in workers:
        got, failed = queue.get()
        latencies += got
        errors += failed
    for worker in workers:
        worker.join()
    return len(latencies), latencies, errors


def page_weight(port: int, path: str) -> tuple[int, int, int]:
    """Bytes of the page and of every asset it links, uncompressed (a first visit, no cache)."""
    _, html = fetch(port, path)
    assets = set(re.findall(rb'<(?:link|script|img)[^>]+(?:href|src)="(/[^"]+)"', html))
    asset_bytes = 0
    for asset in assets:
        status, body = fetch(port, asset.decode().replace("&amp;", "&"))
        asset_bytes += len(body) if status == 200 else 0
    return len(html), asset_bytes, len(assets)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=6.0, help="per URL, over all rounds")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    args = parser.parse_args()

    use_bench_database(args.activities)
    import django

    django.setup()
    from django.db import connections

    from puente.portfolio.models import Activity

    fill(args.activities)
    activities = Activity.objects.count()
    connections.close_all()

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "puente.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(args.workers), "--log-level", "warning"],
        cwd=ROOT, env=os.environ.copy(),
    )  # fmt: skip
    try:
        for _ in range(100):
            if server.poll() is not None:
                sys.exit("gunicorn did not start: run with `uv run --frozen --group bench`")
            try:
                if fetch(port, "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit(f"gunicorn answers nothing on port {port} after 20 s")
        for path in URLS.values():  # every URL answers, and each worker has warmed up
            for _ in range(args.workers * 2):
                status, _ = fetch(port, path.format(n=1))
                assert status == 200, (path, status)
        results: dict[str, list] = {name: [0, [], 0] for name in URLS}
        for _ in range(args.rounds):
            for name, path in URLS.items():
                count, latencies, errors = load(
                    port, path, args.seconds / args.rounds, args.clients
                )
                results[name][0] += count
                results[name][1] += latencies
                results[name][2] += errors
        html, asset_bytes, assets = page_weight(port, "/es/")
        map_html, map_asset_bytes, map_assets = page_weight(port, "/es/cooperacion/mapa/")
    finally:
        server.terminate()
        server.wait()

    seconds = args.seconds
    base_rps = results["trivial view (/healthz)"][0] / seconds
    base_p95 = statistics.quantiles(results["trivial view (/healthz)"][1], n=20)[-1]
    print(
        f"\n{activities:,} activities; gunicorn {args.workers} workers; "
        f"{args.clients} client processes; {seconds:g} s per URL in {args.rounds} rounds"
    )
    print(
        f"{'URL':32} {'req/s':>8} {'x trivial':>10} {'p95 ms':>8} {'x trivial':>10} {'errors':>7}"
    )
    for name, (count, latencies, errors) in results.items():
        rps, p95 = count / seconds, statistics.quantiles(latencies, n=20)[-1]
        print(
            f"{name:32} {rps:8.0f} {rps / base_rps:10.2f} {p95 * 1000:8.1f} "
            f"{p95 / base_p95:10.1f} {errors:7d}"
        )
    total = html + asset_bytes
    print(
        f"\nhome page weight, first visit: {total / 1024:.1f} KB "
        f"(HTML {html / 1024:.1f} KB + {assets} assets {asset_bytes / 1024:.1f} KB; target < 300 KB)"
    )
    map_total = map_html + map_asset_bytes
    print(
        f"map page weight, first visit, geometry included: {map_total / 1024:.1f} KB "
        f"(HTML {map_html / 1024:.1f} KB + {map_assets} assets {map_asset_bytes / 1024:.1f} KB; "
        "target < 400 KB)"
    )


if __name__ == "__main__":
    main()
