"""Backups restore: dump a populated PostgreSQL database with `pg_dump -Fc`, restore it
into an empty one with `pg_restore`, and find every row again; the same for SQLite's
online backup (docs/operations.md)."""

import os
import shutil
import sqlite3
import subprocess

import pytest
from django.db import connection

from tests.factories import make_actor, make_staff, make_user

# Every row of a table as one digest, so "the same data" means the same contents.
DIGEST = "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {} t"


def _pg(*args: str, database: str) -> subprocess.CompletedProcess:
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    command = [
        *args,
        "--host",
        db.get("HOST") or "127.0.0.1",
        "--port",
        str(db.get("PORT") or 5432),
        "--username",
        db.get("USER") or "postgres",
        "--dbname",
        database,
    ]
    return subprocess.run(command, env=env, capture_output=True, timeout=300, check=True)


def _tables_and_digests(database: str) -> dict[str, tuple[int, str]]:
    listing = _pg(
        "psql",
        "-tA",
        "-c",
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
        database=database,
    )
    digests = {}
    for table in listing.stdout.decode().split():
        out = _pg("psql", "-tA", "-c", DIGEST.format(f'"{table}"'), database=database)
        count, digest = out.stdout.decode().strip().split("|")
        digests[table] = (int(count), digest)
    return digests


@pytest.fixture
def restore_target(on_postgres):
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("needs the PostgreSQL client tools (apt-get install postgresql-client)")
    name = connection.settings_dict["NAME"] + "_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_dump_restores_into_an_empty_database_with_the_same_data(restore_target, tmp_path):
    make_staff("koordinator")
    make_user("medlem", first_name="Åse", last_name="Ødegård")
    for number in range(5):
        make_actor(f"Kunstner {number} på Jessheim", municipality="nes")
    source = connection.settings_dict["NAME"]
    dump = tmp_path / "portal.dump"

    _pg("pg_dump", "--format=custom", "--no-owner", "--file", str(dump), database=source)
    _pg("pg_restore", "--no-owner", "--exit-on-error", str(dump), database=restore_target)

    before = _tables_and_digests(source)
    after = _tables_and_digests(restore_target)
    assert after == before
    assert before["auth_user"][0] == 2
    assert before["actors_actor"][0] == 5
    assert before["django_migrations"][0] > 0


@pytest.mark.django_db(transaction=True)
def test_sqlite_online_backup_has_the_same_data(tmp_path):
    # The documented SQLite backup: the online backup API copies a consistent
    # snapshot while the portal keeps the database open.
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    make_staff("koordinator")
    for number in range(3):
        make_actor(f"Keramiker {number} i Hurdal", municipality="hurdal")
    copy = tmp_path / "portal-backup.sqlite3"

    connection.ensure_connection()
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)

    def digest(conn, table: str) -> tuple[int, list]:
        rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
        return len(rows), rows

    # Read it back with the same type converters Django's connection uses.
    with sqlite3.connect(
        copy, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES
    ) as restored:
        tables = [
            name
            for (name,) in restored.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        assert "actors_actor" in tables
        live = connection.connection
        for table in tables:
            assert digest(restored, table) == digest(live, table), table
        assert digest(restored, "actors_actor")[0] == 3
