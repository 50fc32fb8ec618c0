"""Server time of the directory (5,000 actors) and Samarbeidstorget (2,000 opportunities),
on SQLite and on PostgreSQL.

    python bench/server_time.py [--iterations 200] [--only sqlite|postgres]

For each database it builds a fresh one (a temporary SQLite file; the PostgreSQL
database `bench_actors`, dropped and created again), migrates it and runs
`manage.py seed_demo --actors 5000 --opportunities 2000`. Then a child process with the production
settings (DEBUG=0, the anonymous page cache off) requests each page in-process
with Django's test Client: a warm-up, then many timed requests. It reports the
median and 95th percentile of the time from request to rendered response (no
network, no gunicorn: bench/load.py measures those) and the number of SQL queries
per page. The table goes to stdout and to bench/results/server_time.md.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

# Run as a script (python bench/server_time.py): the repository root must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import ROOT, log, manage, production_env, recreate_database

RESULTS = ROOT / "bench" / "results" / "server_time.md"
# BENCH_POSTGRES_URL: another database name, for a second checkout benchmarking at once.
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench_actors"
)
OPPORTUNITIES = 2000
AIM_P95_MS = 50.0
WARM_UP = 20
SETTLE = (
    "from django.db import connection; connection.cursor().execute("
    "'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE')"
)

PAGES = [
    ("Directory, unfiltered", "/aktorer/"),
    ("Directory, two filters", "/aktorer/?kommune=eidsvoll&bransje=musikk"),
    ("Directory, search", "/aktorer/?q=konsert"),
    ("Directory, search and filters", "/aktorer/?q=designer&kommune=ullensaker&samarbeid=ja"),
    # A typo: corrected against the lexicon of indexed words (actors/typos.py).
    ("Directory, search with a typo", "/aktorer/?q=konsart"),
    ("Profile page", "/aktorer/nes-keramikk/"),
    ("Directory, has open opportunities", "/aktorer/?muligheter=ja&kommune=nes"),
    ("Opportunities, unfiltered", "/samarbeid/"),
    ("Opportunities, three filters", "/samarbeid/?type=open_call&bransje=musikk&kommune=nes"),
    ("Opportunities, search and page 2", "/samarbeid/?q=konsert&side=2"),
    ("Opportunity page", "/samarbeid/lokale-band-til-sommerscenen-pa-nannestad-kulturhus/"),
    ("Opportunities feed, filtered", "/samarbeid/feed/?kommune=eidsvoll"),
]


def base_env(tmp: Path, database_url: str) -> dict[str, str]:
    # In-process requests with Django's test Client, whose host is "testserver".
    return production_env(
        tmp,
        ALLOWED_HOSTS="testserver",
        PAGE_CACHE_SECONDS="0",
        REDIS_URL="",
        DATABASE_URL=database_url,
    )


def build(env: dict[str, str]) -> float:
    manage("migrate", "--noinput", env=env)
    manage("seed_demo", env=env)
    started = time.monotonic()
    output = manage(
        "seed_demo", "--actors", "5000", "--opportunities", str(OPPORTUNITIES), env=env
    ).stdout
    seconds = time.monotonic() - started
    log(output.strip().splitlines()[0] if output.strip() else "seeded")
    # Settle the fresh tables first, so autovacuum does not run during the measurement.
    manage("shell", "-c", SETTLE, env=env)
    return seconds


def measure_in_child(env: dict[str, str], iterations: int) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", "--iterations", str(iterations)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"the measuring child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def child(iterations: int) -> None:
    """Runs with the database in DATABASE_URL; prints one line of JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from actors.models import Actor
    from opportunities.models import Opportunity

    client = Client()
    pages: dict[str, dict] = {}
    results = {
        "actors": Actor.objects.published().count(),
        "opportunities": Opportunity.objects.open().count(),
        "pages": pages,
    }
    for label, url in PAGES:
        for _ in range(WARM_UP):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        executed: list[str] = []

        def count(execute, sql, params, many, context, executed=executed):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        found = re.search(r'id="result-count"[^>]*>\s*<strong>(\d+)</strong>', response.text)
        timings = []
        for _ in range(iterations):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        pages[label] = {
            "url": url,
            "median": statistics.median(timings),
            "p95": timings[int(len(timings) * 0.95) - 1],
            "queries": len(executed),
            "results": int(found.group(1)) if found else None,
        }
    print(json.dumps(results))


def table(measured: dict[str, dict], seed_seconds: dict[str, float], iterations: int) -> str:
    backends = list(measured)
    head = (
        "| Page | "
        + " | ".join(f"{b} median (ms) | {b} p95 (ms)" for b in backends)
        + " | SQL queries | Results |"
    )
    rule = "|" + "---|" * (2 + 2 * len(backends) + 1)
    lines = [head, rule]
    for label, url in PAGES:
        cells = []
        for backend in backends:
            page = measured[backend]["pages"][label]
            cells += [f"{page['median']:.1f}", f"{page['p95']:.1f}"]
        queries = "/".join(str(measured[b]["pages"][label]["queries"]) for b in backends)
        found = "/".join(str(measured[b]["pages"][label]["results"] or "–") for b in backends)
        lines.append(f"| {label} (`{url}`) | " + " | ".join(cells) + f" | {queries} | {found} |")
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    seeds = ", ".join(f"{b}: {s:.1f} s" for b, s in seed_seconds.items())
    actors = ", ".join(f"{b}: {m['actors']}" for b, m in measured.items())
    opportunities = ", ".join(f"{b}: {m['opportunities']}" for b, m in measured.items())
    pg = measured.get("PostgreSQL")
    verdict = ""
    if pg:
        worst = max(page["p95"] for page in pg["pages"].values())
        verdict = (
            f"\nAim: 95th percentile under {AIM_P95_MS:.0f} ms on PostgreSQL. "
            f"Worst p95 here: {worst:.1f} ms ({'met' if worst < AIM_P95_MS else 'NOT met'}).\n"
        )
    return (
        "# Server time of the directory and Samarbeidstorget\n\n"
        f"Measured {now} by `bench/server_time.py` on {os.cpu_count()} cores: "
        f"{iterations} timed requests per page after {WARM_UP} warm-up requests, in-process "
        "with Django's test Client and the production settings (DEBUG=0, page cache off). "
        "Time is from request to rendered response: no network, no WSGI server.\n\n"
        f"Published actors: {actors}. Open opportunities (of {OPPORTUNITIES} synthetic and "
        f"the demo board): {opportunities}. `seed_demo --actors 5000 "
        f"--opportunities {OPPORTUNITIES}` took {seeds}. "
        "SQL queries are counted for one request (SQLite/PostgreSQL).\n\n"
        + "\n".join(lines)
        + "\n"
        + verdict
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.iterations)
        return

    measured: dict[str, dict] = {}
    seed_seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-actors-") as tmp_name:
        tmp = Path(tmp_name)
        backends = []
        if args.only in (None, "sqlite"):
            backends.append(("SQLite", f"sqlite:///{tmp / 'bench.sqlite3'}"))
        if args.only in (None, "postgres"):
            backends.append(("PostgreSQL", POSTGRES_URL))
        for name, url in backends:
            env = base_env(tmp, url)
            log(f"{name}: building the database with 5,000 actors, 2,000 opportunities")
            if name == "PostgreSQL":
                recreate_database(url)
            seed_seconds[name] = build(env)
            manage("collectstatic", "--noinput", env=env)
            log(f"{name}: measuring {len(PAGES)} pages × {args.iterations} requests")
            measured[name] = measure_in_child(env, args.iterations)
    report = table(measured, seed_seconds, args.iterations)
    report += (
        f"\nLoad average (1, 5, 15 min) at the end: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}. The machine is shared; a "
        "p95 far above its median is usually another process taking the CPU.\n"
    )
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    log(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
