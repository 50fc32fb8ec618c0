"""Server time of the coordinators' statistics page, on SQLite and on PostgreSQL.

    python bench/statistics_time.py [--iterations 30] [--only sqlite|postgres]

Builds a fresh database (a temporary SQLite file; the PostgreSQL database
`bench_statistics`, dropped and created again), migrates it and runs
`manage.py seed_demo --actors 5000 --events 200 --registrations 5000`, then marks
four in five registrations as attended so the participant figures have rows. A
child process with the production settings (DEBUG=0) logs a coordinator in and
requests the page for the last 400 days (the synthetic events' past half) with
Django's test Client: a few warm-up requests, then timed ones. It reports the
median and 95th percentile from request to rendered response and the number of
SQL queries. The table goes to stdout and to bench/results/statistics_time.md.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "statistics_time.md"
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/bench_statistics"
WARM_UP = 3
ATTEND = "UPDATE events_registration SET attended = TRUE WHERE id % 5 <> 0"


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def run(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def base_env(tmp: Path, database_url: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "PAGE_CACHE_SECONDS": "0",
        "REDIS_URL": "",
        "REQUIRE_2FA_FOR_STAFF": "0",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "WARNING",
    }


def build(env: dict[str, str]) -> None:
    python = sys.executable
    run(python, "manage.py", "migrate", "--noinput", env=env)
    run(python, "manage.py", "collectstatic", "--noinput", env=env)
    run(python, "manage.py", "seed_demo", env=env)
    args = ["--actors", "5000", "--events", "200", "--registrations", "5000"]
    run(python, "manage.py", "seed_demo", *args, env=env)
    settle = (
        "from django.db import connection; c = connection.cursor(); "
        f"c.execute({ATTEND!r}); "
        "c.execute('VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE')"
    )
    run(python, "manage.py", "shell", "-c", settle, env=env)


def child(iterations: int) -> None:
    """Runs with the database in DATABASE_URL; prints one line of JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from actors.models import Actor
    from events.models import Event, Registration
    from stats.figures import compute
    from stats.period import Period

    today = timezone.localdate()
    first = today - timedelta(days=400)
    url = f"/koordinator/statistikk/?fra={first}&til={today}"
    held = compute(Period(first, today))["event_totals"]["events"]
    user = get_user_model().objects.create_user("bench-koordinator", is_staff=True)
    client = Client()
    client.force_login(user)
    for _ in range(WARM_UP):
        assert client.get(url).status_code == 200
    executed: list[str] = []
    with connection.execute_wrapper(lambda ex, sql, *a: executed.append(sql) or ex(sql, *a)):
        assert client.get(url).status_code == 200
    timings = []
    for _ in range(iterations):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(
        json.dumps(
            {
                "actors": Actor.objects.published().count(),
                "events": Event.objects.count(),
                "registrations": Registration.objects.count(),
                "held": held,
                "median": statistics.median(timings),
                "p95": timings[max(int(len(timings) * 0.95) - 1, 0)],
                "queries": len(executed),
            }
        )
    )


def report(measured: dict[str, dict], iterations: int) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "| Database | Actors | Events | Registrations | Events held in period | "
        "Median (ms) | p95 (ms) | SQL queries |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for backend, m in measured.items():
        lines.append(
            f"| {backend} | {m['actors']} | {m['events']} | {m['registrations']} | {m['held']} | "
            f"{m['median']:.1f} | {m['p95']:.1f} | {m['queries']} |"
        )
    return (
        "# Server time of the statistics page\n\n"
        f"Measured {now} by `bench/statistics_time.py` on {os.cpu_count()} cores: "
        f"{iterations} timed requests after {WARM_UP} warm-up requests, in-process with "
        "Django's test Client and the production settings (DEBUG=0), logged in as a "
        "coordinator, period the last 400 days. SQL queries include the session and user.\n\n"
        + "\n".join(lines)
        + "\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.iterations)
        return
    measured: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        targets = []
        if args.only != "postgres":
            targets.append(("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"))
        if args.only != "sqlite":
            targets.append(("PostgreSQL", POSTGRES_URL))
        for backend, url in targets:
            if backend == "PostgreSQL":
                import psycopg

                with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
                    conn.execute("DROP DATABASE IF EXISTS bench_statistics WITH (FORCE)")
                    conn.execute("CREATE DATABASE bench_statistics")
            env = base_env(Path(tmp), url)
            log(f"{backend}: building 5,000 actors, 200 events, 5,000 registrations")
            build(env)
            output = run(
                sys.executable, __file__, "--child", "--iterations", str(args.iterations), env=env
            )
            measured[backend] = json.loads(output.strip().splitlines()[-1])
            log(f"{backend}: {measured[backend]}")
    text = report(measured, args.iterations)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
