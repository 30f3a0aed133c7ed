"""With PostgreSQL out of reach, Puente answers a clear 503 (no traceback) and recovers by itself
when the database is back; pages already kept for the public go on being served meanwhile."""

import http.cookiejar
import re
import urllib.error
import urllib.request

import pytest

from .conftest import POSTGRES, add_staff_member, served
from .proxy import Relay

pytestmark = pytest.mark.faults


def fetch(
    opener: urllib.request.OpenerDirector, url: str, data: bytes | None = None
) -> tuple[int, str, dict]:  # type: ignore[type-arg]
    try:
        with opener.open(url, data=data, timeout=30) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def signed_in(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _status, page, _headers = fetch(opener, f"{base}/staff/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = f"csrfmiddlewaretoken={token}&username=ana.ops&password=correct+horse+battery+staple"
    status, _page, _headers = fetch(opener, f"{base}/staff/login/", form.encode())
    assert status == 200  # followed to the workspace
    return opener


def test_a_stopped_database_gives_a_clear_503_and_pages_come_back(postgres_database) -> None:  # noqa: ANN001
    host_port = POSTGRES.rsplit("@", 1)[1]
    host, port = host_port.split(":")
    relay = Relay((host, int(port)))
    relay.start()
    through_relay = postgres_database.replace(host_port, f"127.0.0.1:{relay.port}")
    add_staff_member(postgres_database, "ana.ops", "correct horse battery staple")
    anonymous = urllib.request.build_opener()
    # One worker: the page kept before the outage lives in that worker's memory.
    with served(through_relay, workers=1) as base:
        staff = signed_in(base)
        assert fetch(anonymous, f"{base}/es/")[0] == 200
        assert fetch(staff, f"{base}/staff/portfolio/")[0] == 200

        relay.stop()
        status, page, headers = fetch(anonymous, f"{base}/es/cooperacion/proyectos/?q=sin-cache")
        assert status == 503
        assert "Puente no está disponible por un momento" in page
        assert "Traceback" not in page and "OperationalError" not in page
        assert headers["Retry-After"] == "30"
        status, page, _headers = fetch(staff, f"{base}/staff/portfolio/")
        assert status == 503 and "Puente no está disponible por un momento" in page
        # A page kept for the public before the outage is still served from the cache.
        assert fetch(anonymous, f"{base}/es/")[0] == 200

        relay.start()
        assert fetch(anonymous, f"{base}/es/cooperacion/proyectos/?q=sin-cache")[0] == 200
        assert fetch(staff, f"{base}/staff/portfolio/")[0] == 200
    relay.stop()
