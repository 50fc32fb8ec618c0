"""Re-index the actors whose address is for members only: their postal place was in the
search document, so visitors found them by it (issue 9, defect 7)."""

from django.db import migrations

LABELS = dict(
    artist="Kunstner eller frilanser",
    company="Bedrift",
    organisation="Organisasjon eller forening",
    venue="Scene eller kulturhus",
    festival="Festival",
    gallery="Galleri",
    public_buyer="Offentlig innkjøper",
)


def reindex(apps, schema_editor):
    from actors.search import index_fields

    Actor = apps.get_model("actors", "Actor")
    actors = list(
        Actor.objects.exclude(address_visibility="public")
        .exclude(postal_place="")
        .select_related("municipality")
        .prefetch_related("sectors")
    )
    for actor in actors:
        actor.get_kind_display = lambda actor=actor: LABELS.get(actor.kind, "")
        sectors = [s.name for s in actor.sectors.all()]
        for name, value in index_fields(actor, sectors, actor.municipality.name).items():
            setattr(actor, name, value)
    Actor.objects.bulk_update(actors, ["search_name", "search_title", "search_text"], 500)


class Migration(migrations.Migration):
    dependencies = [("actors", "0015_change_history")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
