"""Scratch databases for fault tests, which run Puente in other processes (and kill them).

Each test gets its own database copied from one migrated template with the reference data:
SQLite files on the SQLite run, PostgreSQL databases on the PostgreSQL run.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = os.environ.get("PUENTE_FAULT_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# One template per test process: two suites on one machine (a CI run beside a developer's)
# must not migrate the same database at once.
TEMPLATE = f"puente_fault_template_{os.getpid()}"


def child_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUENTE_", "DJANGO_"))}
    env.update(
        DATABASE_URL=database_url,
        PUENTE_TESTING="1",
        DJANGO_SETTINGS_MODULE="puente.settings",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


class CommandFailed(subprocess.CalledProcessError):
    def __str__(self) -> str:
        return f"{super().__str__()}\n{self.stderr[-3000:]}"


def puente(database_url: str, *args: str, **extra: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    """Runs a `puente` command in its own process; a failure carries what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "puente.cli", *args],
        env=child_env(database_url, **extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode:
        raise CommandFailed(done.returncode, done.args, done.stdout, done.stderr)
    return done


def add_staff_member(database_url: str, username: str, password: str) -> None:
    puente(database_url, "shell", "-c",
           "from django.contrib.auth.models import Group, User; "
           f"u = User.objects.create_user({username!r}, password={password!r}); "
           "u.groups.add(Group.objects.get_or_create(name='secretariat-staff')[0])")  # fmt: skip


def postgres_reachable() -> bool:
    import psycopg

    try:
        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        return False
    return True


def _admin(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    if not postgres_reachable():
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES}")
    _admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)", f"CREATE DATABASE {TEMPLATE}")
    url = f"{POSTGRES}/{TEMPLATE}"
    puente(url, "migrate", "--noinput", "-v0")
    puente(url, "load_reference")
    yield TEMPLATE
    _admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fault-template") / "puente.sqlite3"
    url = f"sqlite:///{path}"
    puente(url, "migrate", "--noinput", "-v0")
    puente(url, "load_reference")
    return path


@pytest.fixture
def postgres_database(postgres_template: str) -> Iterator[str]:
    name = f"puente_fault_{uuid.uuid4().hex[:10]}"
    _admin(f"CREATE DATABASE {name} TEMPLATE {postgres_template}")
    yield f"{POSTGRES}/{name}"
    _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def scratch_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database of this run's engine, migrated, with the reference data, for other processes."""
    if on_postgres():
        return request.getfixturevalue("postgres_database")
    path = tmp_path / "puente.sqlite3"
    shutil.copy(request.getfixturevalue("sqlite_template"), path)
    return f"sqlite:///{path}"


def query(database_url: str, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    """Reads the scratch database directly, as another program would (no Django here)."""
    if database_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=30) as connection:
            return connection.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as connection:  # commits on leaving
        cursor = connection.execute(sql)  # type: ignore[arg-type]
        return cursor.fetchall() if cursor.description else []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(database_url: str, workers: int = 2) -> Iterator[str]:
    """Puente under gunicorn, as in production; yields its address once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "puente.wsgi:application", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--graceful-timeout", "2", "--log-level", "warning"],
        env=child_env(database_url, SECRET_KEY="fault-tests-" + "x" * 40, PUENTE_PLAIN_HTTP="1"),
        cwd=ROOT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).close()  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not answer /healthz")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
