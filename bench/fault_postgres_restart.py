"""Faults: PostgreSQL restarting under load, and a dead mail server during a registration.

    python bench/fault_postgres_restart.py [--down 6] [--seconds 30]

Runs its own throwaway PostgreSQL cluster on a free loopback port (never the shared
one), migrates and seeds it, and starts gunicorn with the production settings on
127.0.0.1. Then:

1. PostgreSQL restart under load: four clients request pages for `--seconds`
   seconds; PostgreSQL is stopped for `--down` seconds in the middle and started
   again. The portal must answer 200 before the stop, errors only while the
   database is down (plus a second or two to notice it is back), and 200 again
   afterwards without being restarted.
2. Dead mail server: the SMTP port points at nothing; a visitor registers for an
   event through the real form. The registration must be saved and its
   confirmation kept as a failed e-mail; once a mail server listens,
   `manage.py retry_unsent_mail` delivers it.

Prints a timeline and a verdict, exits 1 if either fault is handled wrongly.
All traffic stays on 127.0.0.1 and every loop is bounded in time.
"""

import argparse
import collections
import contextlib
import getpass
import os
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

# Run as a script (python bench/…): the repository root must be importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import free_port, get, manage, production_env, start_gunicorn, stop


def log(message: str) -> None:
    print(f"[fault] {message}", flush=True)


class PrivatePostgres:
    """A PostgreSQL cluster of our own in a temporary folder, so restarting it
    disturbs nobody else's tests."""

    def __init__(self, folder: Path, port: int):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        initdb = shutil.which("initdb")
        if not bins and not initdb:
            sys.exit("PostgreSQL's server programs are missing (apt-get install postgresql).")
        self.bin = bins[-1] if bins else Path(str(initdb)).parent
        self.data = folder / "data"
        self.port = port
        self.log_file = folder / "postgres.log"
        # initdb refuses to run as root: run the cluster as the postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(folder, "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data}"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.log_file), "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"


class SmtpSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP to accept messages and keep them in memory."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int):
        self.messages: list[str] = []
        super().__init__(("127.0.0.1", port), SmtpHandler)


class SmtpHandler(socketserver.StreamRequestHandler):
    server: SmtpSink

    def handle(self) -> None:
        self.wfile.write(b"220 sink ESMTP\r\n")
        while line := self.rfile.readline():
            command = line.decode("latin-1").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.wfile.write(b"250 sink\r\n")
            elif command == "DATA":
                self.wfile.write(b"354 go on\r\n")
                body = []
                while (data := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    body.append(data.decode("utf-8", "replace"))
                self.server.messages.append("".join(body))
                self.wfile.write(b"250 queued\r\n")
            elif command == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def restart_under_load(base: str, pg: PrivatePostgres, paths: list[str], seconds: int, down: int):
    """Return {second: Counter(status)} and the seconds at which PG stopped and started."""
    outcomes: list[tuple[float, str]] = []
    started = time.monotonic()
    deadline = started + seconds

    def client(offset: int) -> None:
        n = offset
        while time.monotonic() < deadline:
            path = paths[n % len(paths)]
            n += 1
            try:
                status = str(get(base + path, timeout=10).status)
            except OSError as error:
                status = type(error).__name__
            outcomes.append((time.monotonic() - started, status))

    clients = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for thread in clients:
        thread.start()
    time.sleep(seconds / 3)
    stopped_at = time.monotonic() - started
    pg.stop()
    log(f"PostgreSQL stopped at {stopped_at:.1f} s")
    time.sleep(down)
    pg.start()
    started_at = time.monotonic() - started
    log(f"PostgreSQL started again at {started_at:.1f} s")
    for thread in clients:
        thread.join()
    timeline: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    for at, status in outcomes:
        timeline[int(at)][status] += 1
    return timeline, outcomes, stopped_at, started_at


def _find(pattern: str, text: str, flags: int = 0) -> str:
    """The first group of `pattern` in the page; stop with a clear message if it is missing."""
    found = re.search(pattern, text, flags)
    if found is None:
        sys.exit(f"the registration page has no match for {pattern!r}")
    return found.group(1)


def register_with_dead_mail(base: str, env: dict, database_url: str, smtp_port: int) -> list[str]:
    """Register through the form while nothing listens on the SMTP port; return problems."""
    import psycopg

    problems = []
    listing = get(base + "/arrangementer/").text
    slugs = [
        s
        for s in dict.fromkeys(re.findall(r'href="/arrangementer/([a-z0-9-]+)/"', listing))
        if s not in ("feed", "avmelding")
    ]
    for slug in slugs:
        status, page, headers = get(f"{base}/arrangementer/{slug}/")
        if status == 200 and 'name="consent"' in page:
            break
    else:
        return ["no event with open registration found"]
    # The CSRF cookie is Secure in production: carry it by hand over loopback HTTP.
    cookie = _find(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    token = _find(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    municipality = _find(r'name="municipality"[^>]*>.*?<option value="(\d+)"', page, re.S)
    email = f"fault-{int(time.time())}@example.no"
    form = {
        "csrfmiddlewaretoken": token,
        "name": "Feil Test",
        "email": email,
        "municipality": municipality,
        "consent": "on",
    }
    request = urllib.request.Request(
        f"{base}/arrangementer/{slug}/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Cookie": f"csrftoken={cookie}", "Referer": f"{base}/arrangementer/{slug}/"},
    )
    try:
        response = urllib.request.build_opener(NoRedirect).open(request, timeout=30)
        status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    log(f"registration POST with the mail server down answered {status}")
    if status != 302:
        problems.append(f"registration answered {status}, not a redirect")

    time.sleep(1)  # the confirmation is sent after the transaction commits
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM events_registration WHERE email = %s", [email]
        ).fetchone()
        saved = row[0] if row else 0
        mails = conn.execute(
            'SELECT status, attempts FROM events_outgoingemail WHERE "to" = %s', [email]
        ).fetchall()
    log(f"saved registrations: {saved}; recorded e-mails (status, attempts): {mails}")
    if saved != 1:
        problems.append("the registration was not saved")
    if not mails:
        problems.append("the confirmation e-mail was not recorded")

    sink = SmtpSink(smtp_port)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    try:
        result = manage("retry_unsent_mail", env=env, check=False)
        log(f"retry_unsent_mail with a mail server listening: {result.stdout.strip()}")
    finally:
        sink.shutdown()
        sink.server_close()
    delivered = [m for m in sink.messages if email in m]
    log(f"messages to {email} received by the mail server: {len(delivered)}")
    if len(delivered) != 1:
        problems.append(f"{len(delivered)} confirmations delivered after the retry, not 1")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="length of the load")
    parser.add_argument("--down", type=int, default=6, help="seconds PostgreSQL is down")
    parser.add_argument("--recovery", type=float, default=3.0, help="seconds allowed to recover")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="fault-pg-"))
    pg = PrivatePostgres(folder, free_port())
    smtp_port = free_port()  # nothing listens here until the second part
    gunicorn = None
    try:
        log(f"private PostgreSQL on 127.0.0.1:{pg.port} (as {getpass.getuser()})")
        pg.init()
        pg.start()
        env = production_env(
            folder,
            DATABASE_URL=pg.url,
            DB_CONNECT_TIMEOUT="2",
            # Every request must reach the database: the page cache would hide the
            # outage from anonymous visitors (which is good, but not what is tested).
            PAGE_CACHE_SECONDS="0",
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(smtp_port),
            EMAIL_TIMEOUT="3",
            LOG_LEVEL="ERROR",
            GUNICORN_ACCESS_LOG="",
        )
        for step in (["migrate", "--noinput"], ["seed_demo"], ["collectstatic", "--noinput"]):
            manage(*step, env=env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = start_gunicorn({**env, "GUNICORN_WORKERS": "2"}, port, folder / "gunicorn.log")
        listing = get(base + "/aktorer/").text
        profile = re.search(r'href="(/aktorer/[a-z0-9-]+/)"', listing)
        paths = ["/", "/aktorer/", *([profile.group(1)] if profile else [])]

        log(f"part 1: {args.seconds} s of load on {paths}, PostgreSQL down for {args.down} s")
        timeline, outcomes, stopped_at, started_at = restart_under_load(
            base, pg, paths, args.seconds, args.down
        )
        for second in sorted(timeline):
            marks = " ".join(f"{status}×{n}" for status, n in sorted(timeline[second].items()))
            flag = " <- down" if stopped_at <= second + 1 and second < started_at else ""
            print(f"  {second:3d} s  {marks}{flag}")
        bad_before = [s for at, s in outcomes if at < stopped_at and s != "200"]
        bad_after = [s for at, s in outcomes if at > started_at + args.recovery and s != "200"]
        failing = [at for at, s in outcomes if s != "200"]
        last_error = max(failing) if failing else None
        down_errors = collections.Counter(s for at, s in outcomes if s != "200")
        problems = []
        if bad_before:
            problems.append(f"{len(bad_before)} errors before PostgreSQL stopped")
        if bad_after:
            problems.append(
                f"{len(bad_after)} errors more than {args.recovery} s after PostgreSQL came back"
            )
        if not failing:
            problems.append("no errors at all while PostgreSQL was down (was it really down?)")
        ok_after = sum(1 for at, s in outcomes if at > started_at and s == "200")
        log(
            f"errors while down: {dict(down_errors)}; last error at "
            f"{last_error:.1f} s (PostgreSQL back at {started_at:.1f} s); "
            f"{ok_after} successful answers after it came back"
            if failing
            else "no errors"
        )

        log("part 2: a registration while the mail server is down")
        problems += register_with_dead_mail(base, env, pg.url, smtp_port)
    finally:
        if gunicorn is not None:
            stop(gunicorn)
        with contextlib.suppress(subprocess.CalledProcessError):
            pg.stop()
        shutil.rmtree(folder, ignore_errors=True)

    if problems:
        log("FAILED: " + "; ".join(problems))
        sys.exit(1)
    log(
        "PASSED: errors only while PostgreSQL was down, recovered by itself; "
        "the registration survived a dead mail server and its e-mail was delivered later"
    )


if __name__ == "__main__":
    main()
