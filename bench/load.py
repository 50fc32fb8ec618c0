"""Load benchmark: the portal's pages against the stack's own limit, through gunicorn.

    python bench/load.py [--duration 10] [--connections 8] [--reuse-db] [--label NAME]

1. Builds the PostgreSQL database `bench_load` (BENCH_DATABASE_URL to change it) with
   `seed_demo --actors 5000 --events 200 --registrations 5000`; `--reuse-db` keeps
   an existing one.
2. Starts gunicorn with the production settings (DEBUG=0, static files collected,
   JSON logs) on a free loopback port; only SECURE_SSL_REDIRECT is off so plain HTTP
   works on 127.0.0.1.
3. Drives each page with wrk (Debian's package) for a fixed time at a fixed number
   of connections after a short warm-up, and reads requests per second, the 50th,
   95th and 99th percentile latency and the errors (socket errors and non-2xx
   answers) from bench/report.lua.
4. Does this three times: every page rendered (PAGE_CACHE_SECONDS=0); with the
   anonymous page cache of the production settings (shared in Redis when one runs
   on 127.0.0.1:6379, as with several instances; `--no-redis` for per-process); and
   as a logged-in member (a session cookie sent with every request, so the page
   cache is bypassed and the shared fragments of portal/fragments.py do the work).
5. Writes Markdown tables to bench/results/load-<date>[-<label>].md, with each page
   beside the minimal page (a plain view through the same middleware, no database,
   no template): the ratio says how much of the stack's own limit a page reaches.

Every request goes to 127.0.0.1 only, and every wrk run is bounded in time.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

# Run as a script (python bench/load.py): the repository root must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import (
    ROOT,
    admin_connection,
    free_port,
    get,
    log,
    manage,
    production_env,
    recreate_database,
    start_gunicorn,
    stop,
)

RESULTS = ROOT / "bench" / "results"
LUA = ROOT / "bench" / "report.lua"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_load"
SEED = ["--actors", "5000", "--events", "200", "--registrations", "5000"]
AIM_P95_MS = 100.0
AIM_DIRECTORY_RATIO = 0.5
MINIMAL = "minimal page (robots.txt)"
# Issue 13: a logged-in member's pages, as ratios to the minimal page; p95 on this machine.
MEMBER_AIMS = {"directory": 0.25, "home": 0.3, "profile": 0.5}
MEMBER_AIM_P95_MS = 60.0
VISITOR_AIM_RATIO = 0.8
MEMBER_PASS = "Logged-in member (session cookie; page cache 30 s, shared fragments on)"
CACHED_PASS = "Anonymous page cache on (PAGE_CACHE_SECONDS=30, the production default)"
# A member for the member pass: logged in by its session cookie, made by force_login.
MEMBER_SCRIPT = """
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
user, _ = get_user_model().objects.get_or_create(
    username="bench-medlem", defaults={"email": "bench-medlem@example.no"})
EmailAddress.objects.update_or_create(
    user=user, email=user.email, defaults={"verified": True, "primary": True})
client = Client()
client.force_login(user)
print(settings.SESSION_COOKIE_NAME + "=" + client.cookies[settings.SESSION_COOKIE_NAME].value)
"""


def database_exists(database_url: str) -> bool:
    name = urlsplit(database_url).path.lstrip("/")
    with admin_connection(database_url) as conn:
        return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())


def build_database(database_url: str, env: dict[str, str], reuse: bool) -> str:
    """Migrate and seed; return a note on what data was loaded."""
    if reuse and database_exists(database_url):
        log("reusing the existing database")
        manage("migrate", "--noinput", env=env)
        return "reused from an earlier run"
    log(f"building {urlsplit(database_url).path.lstrip('/')} (this takes a few minutes)")
    recreate_database(database_url)
    manage("migrate", "--noinput", env=env)
    started = time.monotonic()
    manage("seed_demo", *SEED, env=env)
    return f"seed_demo {' '.join(SEED)} in {time.monotonic() - started:.0f} s"


def row_counts(database_url: str) -> dict[str, int]:
    import psycopg

    counts = {}
    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as conn:
        for label, table in (
            ("actors", "actors_actor"),
            ("events", "events_event"),
            ("registrations", "events_registration"),
        ):
            try:
                row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
                counts[label] = row[0] if row else 0
            except psycopg.errors.UndefinedTable:
                conn.rollback()
                counts[label] = 0
    return counts


def discover(base: str) -> dict[str, str]:
    """The pages to measure; the profile and event are the first ones linked."""
    pages = {
        MINIMAL: "/robots.txt",
        "health check (/healthz)": "/healthz",
        "home": "/",
        "directory": "/aktorer/",
        "directory, two filters": "/aktorer/?kommune=ullensaker&bransje=musikk",
        "directory, search": "/aktorer/?q=musikk",
    }
    html = get(base + "/aktorer/").text
    actor = re.search(r'href="/aktorer/([a-z0-9-]+)/"', html)
    if actor:
        pages["profile"] = f"/aktorer/{actor.group(1)}/"
    html = get(base + "/arrangementer/").text
    event = next(
        (
            slug
            for slug in re.findall(r'href="/arrangementer/([a-z0-9-]+)/"', html)
            if slug not in ("feed", "avmelding")
        ),
        None,
    )
    if event:
        pages["event"] = f"/arrangementer/{event}/"
    return pages


def wrk(url: str, *, connections: int, duration: int, threads: int, cookie: str = "") -> dict:
    command = [
        "wrk",
        *([f"--header=Cookie: {cookie}"] if cookie else []),
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=5s",
        "--latency",
        f"--script={LUA}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 30)
    line = next((ln for ln in output.stdout.splitlines() if ln.startswith("{")), None)
    if line is None:
        sys.exit(f"wrk printed no result for {url}:\n{output.stdout}\n{output.stderr}")
    raw = json.loads(line)
    errors = raw["non2xx"] + raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50": raw["p50_us"] / 1000,
        "p95": raw["p95_us"] / 1000,
        "p99": raw["p99_us"] / 1000,
        "max": raw["max_us"] / 1000,
        "errors": errors,
        "non2xx": raw["non2xx"],
    }


def table(results: dict[str, dict]) -> list[str]:
    minimal = results[MINIMAL]
    lines = [
        "| Page | URL | req/s | p50 ms | p95 ms | p99 ms | errors | req/s ratio |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | `{r['url']}` | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['p99']:.1f} | {r['errors']} | {r['rps'] / minimal['rps']:.2f} |"
        )
    return lines


def verdicts(results: dict[str, dict], title: str = "") -> list[str]:
    minimal = results[MINIMAL]
    lines = []
    for name, r in results.items():
        misses = []
        ratio = r["rps"] / minimal["rps"]
        if r["errors"]:
            misses.append(f"{r['errors']} errors")
        if title == MEMBER_PASS:
            aim = next((a for page, a in MEMBER_AIMS.items() if name.startswith(page)), None)
            if r["p95"] >= MEMBER_AIM_P95_MS:
                misses.append(f"p95 {r['p95']:.0f} ms (aim < {MEMBER_AIM_P95_MS:.0f})")
            if aim and ratio < aim:
                misses.append(f"ratio {ratio:.2f} (aim ≥ {aim})")
        elif title == CACHED_PASS:
            if name != MINIMAL and ratio < VISITOR_AIM_RATIO:
                misses.append(f"ratio {ratio:.2f} (aim ≥ {VISITOR_AIM_RATIO})")
        else:
            if r["p95"] >= AIM_P95_MS:
                misses.append(f"p95 {r['p95']:.0f} ms")
            if name.startswith("directory") and ratio < AIM_DIRECTORY_RATIO:
                misses.append(f"ratio {ratio:.2f}")
        lines.append(f"- {name}: {'met' if not misses else 'missed: ' + ', '.join(misses)}")
    return lines


def markdown(passes: dict[str, dict[str, dict]], context: dict) -> str:
    lines = [
        f"# Load benchmark {context['date']}",
        "",
        f"- Commit `{context['commit']}`; {context['cpus']} CPUs; load average before "
        f"{context['load_before']}, after {context['load_after']}.",
        f"- Data: {context['counts']['actors']} actors, {context['counts']['events']} events, "
        f"{context['counts']['registrations']} registrations ({context['data_note']}).",
        f"- gunicorn with the production settings (DEBUG=0, PostgreSQL, "
        f"{context['workers']} workers × {context['threads']} threads, access log off, cache: "
        f"{context['cache']}), on 127.0.0.1; wrk with {context['connections']} connections, "
        f"{context['threads_wrk']} threads, {context['duration']} s per page after a "
        f"{context['warmup']} s warm-up, on the same machine (wrk's own CPU use is part of "
        "the figures).",
        "- Ratio = the page's requests per second ÷ the minimal page's in the same pass "
        "(a plain view through the same middleware, no database, no template).",
        "- Aims: rendered pass (issue 5): zero errors; directory ≥ 0.5 × the minimal page; "
        "p95 < 100 ms. Member pass (issue 13): directory ≥ 0.25, home ≥ 0.3, profile ≥ 0.5, "
        "p95 < 60 ms. Cached pass (issue 13): every public page ≥ 0.8.",
    ]
    for title, results in passes.items():
        lines += ["", f"## {title}", "", *table(results), "", *verdicts(results, title)]
    if context.get("note"):
        lines += ["", context["note"]]
    return "\n".join(lines) + "\n"


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def measure(env: dict[str, str], args, log_file: Path, cookie: str = "") -> dict[str, dict]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_gunicorn(env, port, log_file)
    results: dict[str, dict] = {}
    try:
        for name, path in discover(base).items():
            status = get(base + path).status
            if status != 200:
                log(f"{name}: {path} answered {status}, measuring anyway")
            url = base + path
            load = {"connections": args.connections, "threads": args.threads, "cookie": cookie}
            wrk(url, duration=args.warmup, **load)
            result = wrk(url, duration=args.duration, **load)
            results[name] = {"url": path, **result}
            log(
                f"{name:28} {result['rps']:7.0f} req/s  p50 {result['p50']:6.1f}  "
                f"p95 {result['p95']:6.1f}  p99 {result['p99']:6.1f} ms  errors {result['errors']}"
            )
    finally:
        stop(process)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--reuse-db", action="store_true", help="keep an existing database")
    parser.add_argument(
        "--no-redis", action="store_true", help="per-process cache even if Redis runs"
    )
    parser.add_argument(
        "--pass",
        dest="passes",
        choices=["rendered", "cached", "member"],
        action="append",
        help="measure only this pass (default: both)",
    )
    parser.add_argument("--label", default="", help="suffix of the results file")
    parser.add_argument("--note", default="", help="a sentence added to the results file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = production_env(
        tmp,
        DATABASE_URL=database_url,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        GUNICORN_ACCESS_LOG="",
    )
    env.setdefault("GUNICORN_WORKERS", str((os.cpu_count() or 1) * 2 + 1))
    env.setdefault("GUNICORN_THREADS", "2")
    if not args.no_redis and redis_reachable():
        # As with several instances: one shared cache. Own key prefix, nothing flushed.
        env["REDIS_URL"] = "redis://127.0.0.1:6379/0"
        env["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}"
        cache_note = "Redis at 127.0.0.1:6379"
    else:
        env.pop("REDIS_URL", None)
        cache_note = "memory of each process (no Redis)"

    data_note = build_database(database_url, env, args.reuse_db)
    counts = row_counts(database_url)
    log(f"data: {counts} ({data_note})")
    manage("collectstatic", "--noinput", env=env)

    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    wanted = args.passes or ["rendered", "cached", "member"]
    passes: dict[str, dict[str, dict]] = {}
    if "rendered" in wanted:
        log("pass 1: every page rendered (PAGE_CACHE_SECONDS=0)")
        passes["Every page rendered (PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0)"] = measure(
            {**env, "PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"},
            args,
            tmp / "gunicorn-rendered.log",
        )
    if "cached" in wanted:
        log("pass 2: anonymous page cache on (PAGE_CACHE_SECONDS=30, the production default)")
        passes[CACHED_PASS] = measure(
            {**env, "PAGE_CACHE_SECONDS": "30"}, args, tmp / "gunicorn-cached.log"
        )
    if "member" in wanted:
        log("pass 3: a logged-in member (session cookie), production caches")
        cookie = manage("shell", "-c", MEMBER_SCRIPT, env=env).stdout.strip().splitlines()[-1]
        passes[MEMBER_PASS] = measure(
            {**env, "PAGE_CACHE_SECONDS": "30"}, args, tmp / "gunicorn-member.log", cookie
        )
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())

    now = datetime.now(UTC)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    context = {
        "date": now.strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or "unknown",
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": load_after,
        "counts": counts,
        "data_note": data_note,
        "workers": env["GUNICORN_WORKERS"],
        "threads": env["GUNICORN_THREADS"],
        "cache": cache_note,
        "connections": args.connections,
        "threads_wrk": args.threads,
        "duration": args.duration,
        "warmup": args.warmup,
        "note": args.note,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.label}" if args.label else ""
    path = RESULTS / f"load-{now:%Y-%m-%d}{suffix}.md"
    path.write_text(markdown(passes, context))
    log(f"results in {path.relative_to(ROOT)}")
    print(json.dumps(passes, indent=1))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
