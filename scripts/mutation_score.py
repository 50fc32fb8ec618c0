"""Mutation score per module, from the results `mutmut run` left in mutants/.

`make mutants` runs mutmut on the mutants named by --patterns (the modules where a
bug costs most, see [tool.mutmut] in pyproject.toml) and then this script, which
prints for each module how many mutants the tests killed and lists the survivors.
Look at a survivor with `.venv/bin/mutmut show NAME`.

    python scripts/mutation_score.py --patterns   # the mutant names to run
    python scripts/mutation_score.py              # the score table and survivors
"""

import fnmatch
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

# Module (as reported) → mutmut mutant-name patterns. Methods are named
# module.xǁClassǁmethod__mutmut_N, functions module.x_function__mutmut_N.
MODULES = {
    "events/services.py": ["events.services.*"],
    "events/emails.py": ["events.emails.*"],
    "events/links.py": ["events.links.*"],
    "page cache (AnonymousPageCacheMiddleware)": [
        "portal.middleware.xǁAnonymousPageCacheMiddlewareǁ*",
    ],
    "actors/search.py": ["actors.search.*"],
    "facets (actors/filters.py, portal/facets.py)": ["actors.filters.*", "portal.facets.*"],
    "actors/images.py": ["actors.images.*"],
    "visibility QuerySets": [
        f"{queryset}ǁ{method}__mutmut_*"
        for queryset, methods in (
            ("actors.querysets.xǁActorQuerySet", ("published", "visible_to", "owned_by")),
            (
                "events.querysets.xǁEventQuerySet",
                ("published", "visible_to", "upcoming", "past", "listed"),
            ),
            (
                "events.querysets.xǁRegistrationQuerySet",
                ("active", "public_participants", "waiting_in_order", "of_member"),
            ),
        )
        for method in methods
    ],
}
# mutmut's exit codes (mutmut.stats.status_by_exit_code)
KILLED = {1, 3}
TIMEOUT = {-24, 24, 36, 152, 255}
SURVIVED = {0}
NO_TESTS = {5, 33}


def results() -> dict[str, int | None]:
    found: dict[str, int | None] = {}
    for meta in Path("mutants").glob("**/*.py.meta"):
        found.update(json.loads(meta.read_text())["exit_code_by_key"])
    return found


def module_of(name: str) -> str | None:
    for module, patterns in MODULES.items():
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            return module
    return None


def main() -> int:
    if "--patterns" in sys.argv:
        print(" ".join(f"'{p}'" for patterns in MODULES.values() for p in patterns))
        return 0
    by_module: dict[str, Counter] = {module: Counter() for module in MODULES}
    survivors: dict[str, list[str]] = {module: [] for module in MODULES}
    for name, code in sorted(results().items()):
        module = module_of(name)
        if module is None:
            continue
        if code in KILLED:
            by_module[module]["killed"] += 1
        elif code in TIMEOUT:
            by_module[module]["timeout"] += 1
        elif code in SURVIVED or code in NO_TESTS:
            by_module[module]["survived" if code in SURVIVED else "no tests"] += 1
            survivors[module].append(name)
        elif code is None:
            by_module[module]["not run"] += 1
        else:
            by_module[module]["suspicious"] += 1
            survivors[module].append(name)
    print(f"Mutation score, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (killed + timeout / run)")
    print(
        f"{'module':44} {'killed':>6} {'timeout':>7} {'survived':>8} {'no tests':>8} {'score':>6}"
    )
    below = False
    for module, counts in by_module.items():
        run = sum(counts.values()) - counts["not run"]
        caught = counts["killed"] + counts["timeout"]
        score = f"{100 * caught / run:.0f} %" if run else "–"
        below |= bool(run) and caught / run < 0.9
        print(
            f"{module:44} {counts['killed']:>6} {counts['timeout']:>7} "
            f"{counts['survived']:>8} {counts['no tests']:>8} {score:>6}"
            + (f"  ({counts['not run']} not run)" if counts["not run"] else "")
        )
    for module, names in survivors.items():
        if names:
            print(f"\nSurvivors in {module}:")
            for name in names:
                print(f"  {name}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
