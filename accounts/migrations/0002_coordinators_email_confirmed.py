"""Coordinators who existed before member accounts keep logging in.

With e-mail confirmation mandatory, an account without a confirmed address cannot
log in. The coordinators' addresses were entered by an administrator, so they are
marked confirmed here, once; new coordinators confirm theirs at their first login.
"""

from django.conf import settings
from django.db import migrations


def confirm_coordinators(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    EmailAddress = apps.get_model("account", "EmailAddress")
    for user in User.objects.filter(is_staff=True, is_active=True).exclude(email=""):
        email = user.email.strip().lower()
        if EmailAddress.objects.filter(email__iexact=email).exclude(user=user).exists():
            continue  # someone else's address: leave it for the coordinators to sort out
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_member_settings"),
        ("account", "0009_emailaddress_unique_primary_email"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(confirm_coordinators, migrations.RunPython.noop)]
