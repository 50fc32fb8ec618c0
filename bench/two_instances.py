"""Two app instances, one PostgreSQL, one Redis: a change is seen at once by both.

    python bench/two_instances.py   (after bench/load.py has built `bench_load`)

Starts two gunicorn instances with the production settings on the benchmark
database and the Redis at 127.0.0.1:6379 (a key prefix of its own, nothing
flushed), then, with the anonymous page cache (30 s) and the shared fragments on:
1. a visitor loads an event page from instance B (now in the page cache) and a
   member loads the directory from both (now in the fragment cache);
2. a visitor registers for the event through instance A (the registration step,
   with its CSRF token);
3. the event page from B must show one seat fewer on the very next request;
4. an actor is renamed (by a third process, as a coordinator's admin edit would);
   the member's directory from A and from B, and a visitor's, must show the new name.
Prints each check and writes bench/results/two-instances.md; exits 1 if one fails.
"""

import http.cookiejar
import os
import re
import sys
import tempfile
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.load import (
    DEFAULT_DATABASE_URL,
    MEMBER_SCRIPT,
    ROOT,
    free_port,
    manage,
    redis_reachable,
    start_gunicorn,
    stop,
)

RESULT = ROOT / "bench" / "results" / "two-instances.md"


def opener(cookie: str = ""):
    jar = http.cookiejar.CookieJar()
    o = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    o.jar = jar
    if cookie:
        o.addheaders = [("Cookie", cookie)]
    return o


def cookies_of(o) -> str:
    """The jar's cookies as a header: the production settings mark them Secure, which
    urllib will not send over the plain HTTP of 127.0.0.1."""
    return "; ".join(f"{c.name}={c.value}" for c in o.jar)


def fetch(o, url: str, data: dict | None = None, referer: str = "") -> str:
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    request = urllib.request.Request(url, data=body)
    if referer:
        request.add_header("Referer", referer)
    with o.open(request, timeout=20) as response:
        return response.read().decode()


def seats(html: str) -> str:
    match = re.search(r"(\d+) ledige? plass", html)
    return match.group(1) if match else "?"


def main() -> None:
    if not redis_reachable():
        sys.exit("needs Redis at 127.0.0.1:6379")
    tmp = Path(tempfile.mkdtemp(prefix="bench-two-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_WORKERS": "2",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": f"bench-two-{os.getpid()}",
        "PAGE_CACHE_SECONDS": "30",
    }
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", env=env)
    cookie = manage("shell", "-c", MEMBER_SCRIPT, env=env).stdout.strip().splitlines()[-1]
    ports = free_port(), free_port()
    a_url, b_url = (f"http://127.0.0.1:{p}" for p in ports)
    a = start_gunicorn(env, ports[0], tmp / "a.log")
    b = start_gunicorn(env, ports[1], tmp / "b.log")
    checks: list[tuple[str, bool, str]] = []
    try:
        visitor, member = opener(), opener(cookie)
        events = fetch(visitor, b_url + "/arrangementer/")
        slug = next(
            s
            for s in re.findall(r'href="/arrangementer/([a-z0-9-]+)/"', events)
            if s not in ("feed", "avmelding")
            and "ledig" in fetch(visitor, f"{b_url}/arrangementer/{s}/")
        )
        event_path = f"/arrangementer/{slug}/"
        before = seats(fetch(opener(), b_url + event_path))
        fetch(opener(), b_url + event_path)  # served from the page cache now
        for base in (a_url, b_url):
            fetch(member, base + "/aktorer/?q=keramikk")

        registrant = opener()
        step = fetch(registrant, a_url + event_path + "pamelding/")
        registrant.addheaders = [("Cookie", cookies_of(registrant))]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', step).group(1)
        municipality = re.search(r'<option value="(\d+)"', step).group(1)
        fetch(
            registrant,
            a_url + event_path + "pamelding/",
            {
                "csrfmiddlewaretoken": token,
                "name": "To Instanser",
                "email": f"to-instanser-{os.getpid()}@example.no",
                "municipality": municipality,
                "consent": "on",
            },
            referer=a_url + event_path + "pamelding/",
        )
        after = seats(fetch(opener(), b_url + event_path))
        checks.append(
            (
                "a registration through A shows at once on B's cached event page",
                before != "?" and after != "?" and int(after) == int(before) - 1,
                f"seats left {before} → {after}",
            )
        )

        new_name = f"Nes Keramikk {os.getpid()}"
        manage(
            "shell",
            "-c",
            "from actors.models import Actor; a = Actor.objects.get(slug='nes-keramikk'); "
            f"a.name = {new_name!r}; a.save()",
            env=env,
        )
        for label, base, who in (
            ("member via A", a_url, member),
            ("member via B", b_url, member),
            ("visitor via B", b_url, opener()),
        ):
            html = fetch(who, base + "/aktorer/?q=keramikk")
            checks.append((f"a renamed actor shows at once: {label}", new_name in html, ""))
    finally:
        stop(a)
        stop(b)
    lines = [
        f"# Two instances, one PostgreSQL, one Redis ({datetime.now(UTC):%Y-%m-%d %H:%M UTC})",
        "",
    ]
    for name, ok, detail in checks:
        line = f"- {'ok' if ok else 'FAILED'}: {name}{f' ({detail})' if detail else ''}"
        print(line, flush=True)
        lines.append(line)
    RESULT.write_text("\n".join(lines) + "\n")
    sys.exit(0 if checks and all(ok for _n, ok, _d in checks) else 1)


if __name__ == "__main__":
    main()
