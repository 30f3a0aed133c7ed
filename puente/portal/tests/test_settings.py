"""Production settings: refuse to start without a secret, and pass Django's deploy checks."""

import os
import subprocess
import sys


def run_check(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PUENTE_")}
    env.pop("SECRET_KEY", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own process
    env.update({"DJANGO_SETTINGS_MODULE": "puente.settings", **env_overrides})
    return subprocess.run(
        [sys.executable, "-m", "puente.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check({})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_check({"SECRET_KEY": "x" * 30 + "-a-long-random-production-secret-value"})
    assert result.returncode == 0, result.stdout + result.stderr
