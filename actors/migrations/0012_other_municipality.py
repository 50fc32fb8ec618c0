"""'Annen kommune': the registration form's choice for people from outside the region.

Events such as the Romerike conference are for the whole of Romerike and beyond.
It is a municipality row with in_region off, so every statistic that splits by
in_region counts these participants as outside Øvre Romerike. Number 0000 is no
real municipality's number.
"""

from django.db import migrations

NAME, SLUG, NUMBER = "Annen kommune", "annen-kommune", "0000"


def create(apps, schema_editor):
    Municipality = apps.get_model("actors", "Municipality")
    Municipality.objects.get_or_create(
        slug=SLUG, defaults={"name": NAME, "number": NUMBER, "in_region": False}
    )


def remove(apps, schema_editor):
    apps.get_model("actors", "Municipality").objects.filter(
        slug=SLUG, actors__isnull=True, registrations__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("actors", "0011_actor_confirmed_at")]

    operations = [migrations.RunPython(create, remove)]
