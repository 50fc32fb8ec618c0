"""What the benchmark and fault scripts share: ports, manage.py, gunicorn, HTTP, databases.

bench/load.py, bench/server_time.py and bench/fault_postgres_restart.py each start
the portal the way production runs it and talk to it over loopback HTTP. They do it
through these functions, so a change in how the portal is started (a setting, the
gunicorn config, the readiness URL) is made once. Everything here talks to
127.0.0.1 only, and every wait is bounded in time.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
READY_SECONDS = 60


def log(message: str, tag: str = "bench") -> None:
    print(f"[{tag}] {message}", flush=True)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(folder: Path, **overrides: str) -> dict[str, str]:
    """The environment of a production-like portal whose files live in `folder`.

    DEBUG off, a throwaway secret key, static and media files in `folder`; only
    SECURE_SSL_REDIRECT is off, so plain HTTP works on loopback.
    """
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        LOG_LEVEL="WARNING",
    )
    env.update(overrides)
    return env


def manage(
    *args: str, env: dict[str, str], check: bool = True, timeout: float = 1800
) -> subprocess.CompletedProcess[str]:
    """Run `manage.py args` with `env`; with `check`, stop the script if it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


class Response(NamedTuple):
    status: int
    text: str
    headers: Message  # .get_all("Set-Cookie") gives every cookie


def get(url: str, timeout: float = 10, headers: dict[str, str] | None = None) -> Response:
    """GET `url`; an HTTP error status is an answer too (connection errors raise OSError)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read().decode("utf-8", "replace")
            return Response(response.status, body, response.headers)
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        return Response(error.code, body, error.headers)


def start_gunicorn(env: dict[str, str], port: int, log_file: Path) -> subprocess.Popen[bytes]:
    """gunicorn with the portal's production config on 127.0.0.1:`port`, once /readyz is 200.

    It runs in a session of its own, so `stop` ends the master and its workers.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--config",
            "python:portal.gunicorn_conf",
        ],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log_file.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start; see {log_file}")
        try:
            if get(f"http://127.0.0.1:{port}/readyz", timeout=2).status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    stop(process)
    sys.exit(f"gunicorn did not become ready in {READY_SECONDS} s; see {log_file}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn (master and workers): TERM, then KILL after 30 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def admin_connection(database_url: str) -> Any:
    """An autocommit connection to the `postgres` database of the server in `database_url`."""
    import psycopg

    parts = urlsplit(database_url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname="postgres",
        autocommit=True,
    )


def recreate_database(database_url: str) -> None:
    """Drop and create the PostgreSQL database named in `database_url` (a benchmark's own)."""
    name = urlsplit(database_url).path.lstrip("/")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        sys.exit(f"Refusing an odd database name: {name!r}")
    with admin_connection(database_url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
