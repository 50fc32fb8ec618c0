"""PostgreSQL only: the pg_trgm extension and a GIN index on the search vector.

On SQLite (the embedded default) these steps do nothing: actors/search.py uses a
plain fallback there. They are guarded by the connection's vendor instead of being
declared in Actor.Meta.indexes, because a GIN index cannot be created on SQLite.
"""

from django.db import migrations

INDEX = "actors_actor_search_vector_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON actors_actor USING gin (search_vector)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other apps may use it, and dropping it needs more rights.
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("actors", "0003_images_and_search")]

    operations = [migrations.RunPython(forwards, backwards)]
