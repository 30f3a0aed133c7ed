"""With REDIS_URL set (several app servers), the cache really is Redis: kept pages and the page
generation are shared, so one server's write is seen by all at once."""

import os
import socket
import subprocess
import sys

import pytest


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_two_processes_share_the_page_generation_through_redis():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUENTE_", "DJANGO_"))}
    env.update(PUENTE_TESTING="1", DJANGO_SETTINGS_MODULE="puente.settings",
               REDIS_URL="redis://127.0.0.1:6379/15")  # fmt: skip

    def run(code: str) -> str:
        out = subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code],  # noqa: S603
                             env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
        assert out.returncode == 0, out.stderr[-2000:]
        return out.stdout.strip().splitlines()[-1]

    written = run(
        "from puente.portal.pagecache import new_generation, GENERATION_KEY; "
        "from django.core.cache import cache; new_generation(); print(cache.get(GENERATION_KEY))"
    )
    seen = run(
        "from puente.portal.pagecache import GENERATION_KEY; from django.core.cache import cache; "
        "from django.core.cache import caches; print(type(caches['default']).__name__, cache.get(GENERATION_KEY))"
    )
    assert seen == f"RedisCache {written}"
