"""Write requirements.txt and requirements-dev.txt from a venv that installed ".[dev]".

Usage (see `make lock`): python scripts/lock.py /path/to/venv/bin/python
"""

import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs inside the lock venv: the names of the given requirements and all they pull in.
CLOSURE = """
import json, sys
from importlib.metadata import distribution
from packaging.requirements import Requirement
todo, seen = [Requirement(r) for r in json.loads(sys.argv[1])], set()
while todo:
    req = todo.pop()
    dist = distribution(req.name)
    name = dist.metadata["Name"]
    if name.lower() in seen:
        continue
    seen.add(name.lower())
    for sub in map(Requirement, dist.requires or []):
        extras = req.extras or {""}
        if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
            todo.append(sub)
print(json.dumps(sorted(seen)))
"""


def closure(python: str, requirements: list[str]) -> set[str]:
    out = subprocess.run(
        [python, "-c", CLOSURE, json.dumps(requirements)],
        check=True,
        capture_output=True,
        text=True,
    )
    return set(json.loads(out.stdout))


def main(python: str) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    frozen = subprocess.run(
        [python, "-m", "pip", "freeze"], check=True, capture_output=True, text=True
    ).stdout.split()
    pins = {line.split("==")[0].lower(): line for line in frozen if "==" in line}
    runtime = closure(python, project["dependencies"])
    dev = closure(python, project["optional-dependencies"]["dev"]) - runtime
    header = "# Pinned {}dependencies, resolved from pyproject.toml. Regenerate with: make lock\n"
    (ROOT / "requirements.txt").write_text(
        header.format("runtime ") + "".join(pins[n] + "\n" for n in sorted(runtime))
    )
    (ROOT / "requirements-dev.txt").write_text(
        header.format("development and test ")
        + "-r requirements.txt\n"
        + "".join(pins[n] + "\n" for n in sorted(dev))
    )


if __name__ == "__main__":
    main(sys.argv[1])
