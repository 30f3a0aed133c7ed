"""Headers and markup that keep the browser on our side: a strict Content-Security-Policy with
no inline script anywhere, frames refused, a referrer policy, and HSTS in production."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.test import Client

from .world import build_world, url_for, url_names

pytestmark = pytest.mark.django_db

# An inline script or handler would need 'unsafe-inline' (or a nonce) to run under our policy.
# (A <script type="application/json"> is data the browser never runs.)
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I
)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def csp(response) -> dict[str, str]:  # noqa: ANN001
    policy = response["Content-Security-Policy"]
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )


def test_every_page_is_served_under_a_strict_policy_and_holds_no_inline_script(staff_client):
    world = build_world()
    checked = []
    for client in (Client(), staff_client):
        for name, route in url_names():
            response = client.get(url_for(name, route, world))
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            policy = csp(response)
            for directive in ("script-src", "style-src", "default-src"):
                assert (
                    "'unsafe-inline'" not in policy[directive]
                    and "'unsafe-eval'" not in policy[directive]
                ), name
            assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
            assert response["X-Frame-Options"] == "DENY"
            assert response["Referrer-Policy"] == "same-origin"
            assert response["X-Content-Type-Options"] == "nosniff"
            html = response.content.decode()
            for pattern in (INLINE_SCRIPT, HANDLER_ATTRIBUTE, JAVASCRIPT_URL):
                found = pattern.search(html)
                assert found is None, f"{name}: {found.group(0)[:120] if found else ''}"
            checked.append(name)
    assert len(checked) > 100  # the public site and the workspace, not a handful of pages


def test_production_sends_hsts_and_secure_cookies_over_https(tmp_path):
    """The real production settings (no debug, no test mode), asked through Django's own stack."""
    code = (
        "import json, django; django.setup(); from django.test import Client; "
        "r = Client().get('/staff/login/', secure=True, HTTP_HOST='127.0.0.1'); "
        "plain = Client().get('/es/', HTTP_HOST='127.0.0.1'); "
        "print(json.dumps({'status': r.status_code, 'hsts': r.get('Strict-Transport-Security'), "
        "'cookie': r.cookies['csrftoken'].output() if 'csrftoken' in r.cookies else '', "
        "'plain': plain.status_code, 'to': plain.get('Location')}))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PUENTE_", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="puente.settings", SECRET_KEY="p" * 50,
               STATIC_ROOT=str(tmp_path / "static"), PUENTE_VAR_DIR=str(tmp_path))  # fmt: skip
    # As in a deployment: hashed, compressed static files first.
    subprocess.run([sys.executable, "-m", "puente.cli", "collectstatic", "--noinput", "-v0"],
                   env=env, check=True, timeout=300)  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "Secure" in seen["cookie"] and "HttpOnly" in seen["cookie"]
    assert (seen["plain"], seen["to"]) == (301, "https://127.0.0.1/es/")
