"""PostgreSQL only: a trigram index on the lexicon of search words (typo matching).

On SQLite this does nothing (no typo matching there); see 0004 for why it is guarded.
"""

from django.db import migrations

INDEX = "actors_searchword_word_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON actors_searchword USING gin (word gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("actors", "0006_search_words")]

    operations = [migrations.RunPython(forwards, backwards)]
