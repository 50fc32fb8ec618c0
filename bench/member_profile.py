"""Where a logged-in member's request spends its time, in-process (cProfile).

    python bench/member_profile.py [--requests 300] [--top 12]

Runs against the load benchmark's PostgreSQL database (`bench_load`, built by
bench/load.py; BENCH_DATABASE_URL to change it) and Redis at 127.0.0.1:6379 with the
production settings (DEBUG=0, page cache 30 s), as the member bench/load.py logs in.
For each page of the member pass it prints the milliseconds per request (wall and
CPU), the queries of one request, and the functions with the most own time, and
writes the same to bench/results/member-profile-<date>.md.

In-process figures leave out gunicorn and the HTTP client; run on a quiet machine
(no tests or mutation runs beside it), or the waits on sockets grow with the load.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import ROOT, log, manage, production_env
from bench.load import DEFAULT_DATABASE_URL, MEMBER_SCRIPT

PAGES = {
    "home": "/",
    "directory": "/aktorer/",
    "directory, two filters": "/aktorer/?kommune=ullensaker&bransje=musikk",
    "directory, search": "/aktorer/?q=musikk",
    "profile": None,  # the first profile the directory links
    "event": None,  # the next published event
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    env = production_env(
        tmp,
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        REDIS_URL="redis://127.0.0.1:6379/0",
        CACHE_KEY_PREFIX=f"bench-profile-{os.getpid()}",
        PAGE_CACHE_SECONDS="30",
    )
    manage("shell", "-c", MEMBER_SCRIPT, env=env)  # the member exists (cookie unused)
    manage("collectstatic", "--noinput", env=env)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from actors.models import Actor
    from events.models import Event

    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="bench-medlem"))
    pages = dict(PAGES)
    pages["profile"] = Actor.objects.published().order_by("name").first().get_absolute_url()
    pages["event"] = Event.objects.published().upcoming().first().get_absolute_url()

    lines = [
        f"# Member request profile {datetime.now(UTC):%Y-%m-%d %H:%M UTC}",
        "",
        f"- In-process (django.test.Client), production settings, PostgreSQL `bench_load`, "
        f"Redis; {args.requests} requests per page after a warm-up; load average "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "- Wall and CPU are per request; the functions are those with the most own time.",
        "",
    ]
    for name, path in pages.items():
        for _ in range(20):
            assert client.get(path).status_code == 200, path
        with CaptureQueriesContext(connections["default"]) as captured:
            client.get(path)
        # Read now: the next request empties the connection's log these are read from.
        queries = [query["sql"] for query in captured.captured_queries]
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.requests):
            client.get(path)
        wall = (time.perf_counter() - wall) / args.requests * 1000
        cpu = (time.process_time() - cpu) / args.requests * 1000
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            client.get(path)
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats("tottime")
        stats.print_stats(args.top)
        table = [line for line in out.getvalue().splitlines() if line.strip()][-args.top - 1 :]
        log(f"{name:24} {wall:6.2f} ms wall  {cpu:6.2f} ms CPU  {len(queries)} queries")
        lines += [
            f"## {name} (`{path}`)",
            "",
            f"{wall:.2f} ms wall, {cpu:.2f} ms CPU per request; {len(queries)} queries: "
            + "; ".join(sql[:70] + "…" for sql in queries),
            "",
            "```",
            *[line.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "") for line in table],
            "```",
            "",
        ]
    path = ROOT / "bench" / "results" / f"member-profile-{datetime.now(UTC):%Y-%m-%d}.md"
    path.write_text("\n".join(lines))
    log(f"results in {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
