"""The Nu Html Checker (vnu.jar, the W3C's HTML checker) for the pages the browser tests visit.

One checker server is started per test session (Java starts once) on a free port and
is sent each page's HTML as the server sent it. The jar comes from the npm package
`vnu-jar` (installed by `make test` into .venv/vnu) or from $VNU_JAR; Java from
Debian's `default-jre-headless`. Without them the check is skipped, unless
REQUIRE_BROWSER=1, which makes it fail like the browser tests.
"""

import atexit
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JAR = ROOT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

_server: dict = {}


def _jar() -> Path | None:
    candidate = Path(os.environ.get("VNU_JAR") or DEFAULT_JAR)
    return candidate if candidate.is_file() else None


def _unavailable(message: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start() -> str:
    jar, java = _jar(), shutil.which("java")
    if jar is None or java is None:
        _unavailable(
            "No Nu Html Checker: run `make test` (npm installs vnu-jar into .venv/vnu) and "
            "`apt-get install default-jre-headless`, or set VNU_JAR."
        )
    port = _free_port()
    process = subprocess.Popen(
        [java, "-Xss1024k", "-cp", str(jar), "nu.validator.servlet.Main", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "VNU_BIND_ADDRESS": "127.0.0.1"},
    )
    atexit.register(process.terminate)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(240):  # Java starts slowly on a busy machine
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process.poll() is not None:
                pytest.fail("The Nu Html Checker stopped at start-up.")
            time.sleep(0.5)
    pytest.fail("The Nu Html Checker did not start within two minutes.")


def html_errors(html: str) -> list[str]:
    """The checker's errors (not warnings) for one document, as readable lines."""
    if "url" not in _server:
        _server["url"] = _start()
    request = urllib.request.Request(
        _server["url"] + "?out=json",
        data=html.encode("utf-8"),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        messages = json.load(response)["messages"]
    return [
        f"line {m.get('lastLine', '?')}: {m.get('message')} «{m.get('extract', '').strip()}»"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def assert_valid_html(page) -> None:
    """Check the HTML the server sent for the page's current address (not the live DOM)."""
    response = page.request.get(page.url)
    if "text/html" not in response.headers.get("content-type", ""):
        return
    errors = html_errors(response.text())
    assert errors == [], f"Nu Html Checker: {len(errors)} error(s) on {page.url}:\n" + "\n".join(
        errors
    )
