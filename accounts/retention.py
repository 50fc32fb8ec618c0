"""What `manage.py apply_retention` does each day: the privacy statement's periods, kept.

The periods come from settings.RETENTION, which the privacy statement also reads,
so the text and the code cannot say different things. Each rule is one UPDATE over
the rows that are due and skips rows already done, so a second run (or a run after
a missed day) does exactly what is still due and nothing more.
"""

import calendar
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils import timezone

from actors.models import Actor
from events.models import Registration
from events.services import anonymise_registrations, remove_dietary_needs_after_events


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the 30th…)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def stale_profiles(*, now: datetime, months: int):
    """Profiles with an owner that nobody has confirmed or changed for `months` months."""
    return Actor.objects.not_confirmed_since(months_before(now, months))


def never_confirmed_accounts(*, now: datetime, days: int):
    """Sign-ups older than `days` with no confirmed address; coordinators are never touched."""
    from allauth.account.models import EmailAddress

    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return (
        get_user_model()
        .objects.filter(
            date_joined__lt=now - timedelta(days=days), is_staff=False, is_superuser=False
        )
        .exclude(Exists(confirmed))
    )


def _delete_never_confirmed(*, now: datetime, days: int) -> int:
    from accounts import services

    accounts = list(never_confirmed_accounts(now=now, days=days))
    for user in accounts:
        services.delete_account(user=user, hand_over_profiles=False)
    return len(accounts)


def apply_retention(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    periods = settings.RETENTION
    ended_long_ago = Registration.objects.filter(
        event__ends_at__lt=months_before(now, periods["registration_anonymised_after_months"])
    )
    return {
        "dietary_needs_removed": remove_dietary_needs_after_events(now=now),
        "registrations_anonymised": anonymise_registrations(registrations=ended_long_ago),
        "profiles_hidden": stale_profiles(now=now, months=periods["profile_hidden_after_months"])
        .filter(status=Actor.Status.PUBLISHED)
        .hide(),
        "unconfirmed_accounts_deleted": _delete_never_confirmed(
            now=now, days=periods["unconfirmed_account_deleted_after_days"]
        ),
    }
