"""The directory search's relevance set: realistic queries against the demo data, each
with the profile that must be among the first three results.

    python bench/relevance.py [--only sqlite|postgres]

For each database it builds a fresh one (a temporary SQLite file; the PostgreSQL
database `bench_relevance`, when PostgreSQL runs on 127.0.0.1), migrates it, runs
`seed_demo`, and asks the directory's own filter (actors.filters.ActorFilter, as
/aktorer/?q=… does, partial matches included when nothing matches every word) for
each query. It prints the score (queries whose profile is in the top three) and the
mean reciprocal rank, and writes bench/results/relevance.md.
tests/actors/test_relevance.py runs the same set in `make test`, on both databases.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "relevance.md"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/bench_relevance"

# (query, the name of the profile that must be in the top three, what it tests)
QUERIES: list[tuple[str, str, str]] = [
    ("jazz", "Jessheim Jazzklubb", "one word, inside a compound in the pitch"),
    ("jazz Jessheim", "Jessheim Jazzklubb", "word and postal place (the search hint)"),
    ("kammerkor", "Kløfta Kammerkor", "word in the name"),
    ("kor", "Kløfta Kammerkor", "short word"),
    ("illustratør", "Ingrid Bakken Illustrasjon", "word in the pitch"),
    ("illustrator", "Ingrid Bakken Illustrasjon", "typed without ø"),
    ("grafisk designer", "Studio Form & Flate", "two words"),
    ("designere", "Studio Form & Flate", "plural"),
    ("barneteater", "Hurdal Barneteater", "compound in the name"),
    ("teater for barn", "Hurdal Barneteater", "words with a stop word"),
    ("somverkstedet", "Sømverkstedet på Kløfta", "name without ø"),
    ("keramikk", "Nes Keramikk", "name"),
    ("keramiker", "Nes Keramikk", "another form"),
    ("KERAMIKK", "Nes Keramikk", "upper case"),
    ("kermaikk", "Nes Keramikk", "typo: swapped letters"),
    ("keramikk Aarnes", "Nes Keramikk", "place typed with aa"),
    ("dokumentar", "Romerike Filmverksted", "word in the pitch"),
    ("spillstudio", "Pikselstua", "compound in the pitch"),
    ("bokhandel", "Eidsvoll Bokcafé", "word in the pitch"),
    ("skrivekurs", "Hanne Lie", "word in the pitch"),
    ("trykkeriet", "Trykkeriet Maura", "definite form"),
    ("trykkerier", "Trykkeriet Maura", "plural"),
    ("arkitekter", "Arkitektkontoret Tun", "plural, compound name"),
    ("reklamebyrå", "Reklamehuset Råholt", "word in the pitch"),
    ("museum Hurdal", "Hurdal Verk Museum", "word and municipality"),
    ("kulturhus Nannestad", "Nannestad Kulturhus", "word and municipality"),
    ("konserter Årnes", "Årnes Kulturscene", "plural and postal place"),
    ("lysfestival", "Festivalen Glomma Lys", "compound in the pitch"),
    ("visefestival", "Hurdal Visefestival", "compound in the name"),
    ("kulturskole", "Kulturskolen i Gjerdrum", "indefinite of a definite name"),
    ("viseduo", "Marius og Maja Duo", "word in the pitch"),
    ("fotograf", "Solveig Nygård Foto", "word in the pitch"),
    ("fotgraf", "Solveig Nygård Foto", "typo: a missing letter"),
    ("ballett", "Romerike Danseskole", "word in the pitch"),
    ("dnaseskole", "Romerike Danseskole", "typo: swapped letters"),
    ("podkast", "Lydloftet", "inside a compound"),
    ("lokalradio", "Radio Øvre Romerike", "word in the pitch"),
    ("lokalavis", "Avisa Hurdalingen", "word in the pitch"),
    ("glassblaaser", "Glassblåser Eirik Strand", "å typed as aa"),
    ("glasblåser", "Glassblåser Eirik Strand", "typo: a missing double letter"),
    ("mobeldesigner", "Designer Amira Haugen", "ø left out"),
    ("mlaer", "Maleren Knut Dahl", "typo: swapped letters in a short word"),
    ("maler Eidsvoll", "Maleren Knut Dahl", "word and municipality"),
    ("akvarel", "Maleren Knut Dahl", "typo: a missing letter"),
    ("kunstforeninng", "Mjøsblikk Kunstforening", "typo: a doubled letter"),
    ("kammerkoor", "Kløfta Kammerkor", "typo: an extra letter"),
    ("bygdetun", "Eidsvoll Bygdetun", "name"),
    ("Eidsvoll verk", "Eidsvoll Bygdetun", "a two-word postal place alone"),
    ("galleri Råholt", "Galleri Råholt", "name with a place in it"),
    ("jazz Eidsvoll", "Jessheim Jazzklubb", "nothing in Eidsvoll: partial matches"),
]


def top_three(query: str) -> list[str]:
    """The first three names the directory shows for this search (Django set up)."""
    from actors.filters import ActorFilter
    from actors.models import Actor

    actor_filter = ActorFilter({"q": query}, queryset=Actor.objects.published())
    names = [actor.name for actor in actor_filter.qs[:3]]
    return names or [actor.name for actor in actor_filter.partial_matches(3)]


def evaluate() -> dict:
    """Run the set against the configured database (Django set up)."""
    rows = []
    for query, expected, what in QUERIES:
        names = top_three(query)
        rank = names.index(expected) + 1 if expected in names else None
        rows.append(
            {"query": query, "expected": expected, "what": what, "rank": rank, "top": names}
        )
    hits = sum(1 for row in rows if row["rank"])
    mrr = sum(1 / row["rank"] for row in rows if row["rank"]) / len(rows)
    return {"hits": hits, "total": len(rows), "mrr": mrr, "rows": rows}


def _build(env: dict[str, str]) -> None:
    for args in (["migrate", "--noinput"], ["seed_demo"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if result.returncode:
            sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def _recreate_postgres() -> bool:
    try:
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3
        ) as conn:
            conn.execute('DROP DATABASE IF EXISTS "bench_relevance" WITH (FORCE)')
            conn.execute('CREATE DATABASE "bench_relevance"')
        return True
    except Exception as error:  # no PostgreSQL here: SQLite only
        print(f"[relevance] PostgreSQL skipped: {error}", flush=True)
        return False


def run(database: str, tmp: Path) -> dict | None:
    url = f"sqlite:///{tmp / 'relevance.sqlite3'}" if database == "sqlite" else POSTGRES_URL
    if database == "postgres" and not _recreate_postgres():
        return None
    env = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(tmp / "media"), "DEBUG": "1"}
    _build(env)
    result = subprocess.run(
        [sys.executable, __file__, "--evaluate"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"evaluation failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def markdown(results: dict[str, dict]) -> str:
    lines = [f"# Search relevance {datetime.now(UTC):%Y-%m-%d %H:%M UTC}", ""]
    lines.append("Queries against the demo data whose profile must be in the top three.")
    for database, r in results.items():
        lines += [
            "",
            f"## {database}: {r['hits']}/{r['total']} in the top three, "
            f"mean reciprocal rank {r['mrr']:.2f}",
            "",
            "| Query | Must find | Tests | Rank | Top three |",
            "| --- | --- | --- | ---: | --- |",
        ]
        for row in r["rows"]:
            lines.append(
                f"| {row['query']} | {row['expected']} | {row['what']} | {row['rank'] or '–'} | "
                f"{'; '.join(row['top'])} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--evaluate", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.evaluate:
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
        import django

        django.setup()
        print(json.dumps(evaluate()))
        return
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-relevance-") as tmp:
        for database in [args.only] if args.only else ["sqlite", "postgres"]:
            r = run(database, Path(tmp))
            if r:
                results[database] = r
                print(
                    f"[relevance] {database}: {r['hits']}/{r['total']} in the top three, "
                    f"MRR {r['mrr']:.2f}",
                    flush=True,
                )
                for row in r["rows"]:
                    if not row["rank"]:
                        print(f"[relevance]   missed «{row['query']}»: {row['top']}", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(markdown(results))


if __name__ == "__main__":
    main()
