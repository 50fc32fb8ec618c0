"""One search for SQLite and PostgreSQL (actors/search.py).

Adds the normalised name and short texts beside the whole document, fills them and
the lexicon of words for typos (words as written now, Norwegian letters kept), and
drops what only PostgreSQL's former full-text search used: the tsvector and its
index, and the trigram index on the lexicon (typos are matched in Python now). On
PostgreSQL a trigram index on the document serves the substring search.
"""

from django.db import migrations, models

TEXT_INDEX = "actors_actor_search_text_trgm"


def drop_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS actors_actor_search_vector_gin")
        schema_editor.execute("DROP INDEX IF EXISTS actors_searchword_word_trgm")


def add_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TEXT_INDEX} ON actors_actor "
            "USING gin (search_text gin_trgm_ops)"
        )


def drop_text_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TEXT_INDEX}")


def fill(apps, schema_editor):
    from actors.search import index_fields, lexicon_words

    Actor = apps.get_model("actors", "Actor")
    SearchWord = apps.get_model("actors", "SearchWord")
    labels = dict(
        artist="Kunstner eller frilanser",
        company="Bedrift",
        organisation="Organisasjon eller forening",
        venue="Scene eller kulturhus",
        festival="Festival",
        gallery="Galleri",
        public_buyer="Offentlig innkjøper",
    )
    words: set[str] = set()
    actors = list(Actor.objects.select_related("municipality").prefetch_related("sectors"))
    for actor in actors:
        actor.get_kind_display = lambda actor=actor: labels.get(actor.kind, "")
        sectors = [s.name for s in actor.sectors.all()]
        for name, value in index_fields(actor, sectors, actor.municipality.name).items():
            setattr(actor, name, value)
        words |= lexicon_words(actor, sectors, actor.municipality.name)
    Actor.objects.bulk_update(actors, ["search_name", "search_title", "search_text"], 500)
    SearchWord.objects.bulk_create(
        [SearchWord(word=w) for w in sorted(words) if len(w) <= 64],
        ignore_conflicts=True,
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("actors", "0009_text_validators")]

    operations = [
        migrations.RunPython(drop_postgres_indexes, migrations.RunPython.noop),
        migrations.RemoveField(model_name="actor", name="search_vector"),
        migrations.AddField(
            model_name="actor",
            name="search_name",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="actor",
            name="search_title",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(add_text_index, drop_text_index),
    ]
