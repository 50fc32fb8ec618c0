import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "SECRET_KEY and ALLOWED_HOSTS"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "kreativ.example.no"}, "SECRET_KEY"),
    ],
)
def test_production_without_required_settings_stops_with_one_sentence(env, missing):
    result = _manage("check", DEBUG="0", **env)

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Cannot start with DEBUG off: set {missing} in the environment "
        "(see the README's table of environment variables)."
    ]
    assert "Traceback" not in result.stderr


def test_production_with_required_settings_starts():
    result = _manage("check", DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="kreativ.example.no")

    assert result.returncode == 0, result.stderr


def test_bad_boolean_is_refused_with_its_name():
    result = _manage("check", DEBUG="kanskje")

    assert result.returncode != 0
    assert "DEBUG must be 1/0" in result.stderr
