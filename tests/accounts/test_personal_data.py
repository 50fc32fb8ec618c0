"""Last ned mine data, Slett kontoen min, and the daily apply_retention (frozen time)."""

import io
import json
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from accounts.models import MemberSettings
from actors.models import Actor
from events.models import OutgoingEmail, Registration
from events.services import register
from tests.accounts.conftest import PASSWORD, logged_in
from tests.factories import make_actor, municipality

pytestmark = pytest.mark.django_db


def _event(**fields):
    from tests.factories import make_event

    return make_event(**fields)


def _register(event, user, **extra):
    return register(
        event=event, name="Mona Medlem", email=user.email, consent=True, user=user,
        phone="+4741234567", municipality=municipality("nes"), diets=["vegan"],
        diet_other="Allergisk mot sesam", **extra,
    )  # fmt: skip


def test_the_download_holds_account_profiles_registrations_and_emails(member):
    make_actor("Monas Musikk", owner=member)
    _register(_event(title="Vårtreff"), member)

    response = logged_in(member).get("/min-side/mine-data/")

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["account"]["email_addresses"][0]["confirmed"] is True
    assert [p["name"] for p in data["profiles"]] == ["Monas Musikk"]
    assert data["registrations"][0]["event"] == "Vårtreff"
    assert data["registrations"][0]["diet_other"] == "Allergisk mot sesam"
    assert data["emails_received"][0]["to"] == member.email


def test_the_download_has_nothing_of_another_member(member, other_member):
    make_actor("Andres Atelier", owner=other_member)
    _register(_event(), other_member)

    data = json.loads(logged_in(member).get("/min-side/mine-data/").content)

    assert data["profiles"] == [] and data["registrations"] == []
    assert other_member.email not in json.dumps(data)


def test_a_visitor_cannot_download_or_delete(client):
    assert client.get("/min-side/mine-data/").status_code == 302
    assert client.get("/min-side/slett-kontoen/").status_code == 302


def test_deleting_asks_for_the_password_and_a_tick(member):
    client = logged_in(member)

    response = client.post("/min-side/slett-kontoen/", {"password": "feil", "confirm": "on"})

    assert response.status_code == 200
    assert "Passordet stemmer ikke." in response.content.decode()
    assert get_user_model().objects.filter(pk=member.pk).exists()


def _all_text_in_database() -> str:
    """Every text value in every table, to search for what should be gone."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            chunks.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(chunks)


def test_deleting_leaves_nothing_personal_while_statistics_still_count(member):
    event = _event(title="Høstkonferansen")
    mine = _register(event, member)
    profile = make_actor("Monas Musikk", owner=member)
    MemberSettings.objects.create(user=member, newsletter=True)
    # An e-mail to the address that belongs to no registration (typed in capitals).
    OutgoingEmail.objects.create(
        kind="other", to=member.email.upper(), subject="Til Mona Medlem", body_text="Hei"
    )
    assert member.email in _all_text_in_database()

    response = logged_in(member).post(
        "/min-side/slett-kontoen/",
        {"password": PASSWORD, "confirm": "on", "profiles": "unpublish"},
    )

    assert response.status_code == 302
    everything = _all_text_in_database()
    for personal in (member.email, "Mona Medlem", "+4741234567", "Allergisk mot sesam"):
        assert personal.lower() not in everything.lower()
    assert not OutgoingEmail.objects.filter(to__iexact=member.email).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED  # still a seat, still counted
    assert mine.municipality.slug == "nes" and mine.anonymised_at is not None
    assert event.registrations.filter(status="confirmed").count() == 1
    profile.refresh_from_db()
    assert profile.owner is None and profile.status == Actor.Status.HIDDEN


def test_profiles_can_be_handed_to_the_coordinators(member):
    profile = make_actor("Monas Musikk", owner=member)

    logged_in(member).post(
        "/min-side/slett-kontoen/",
        {"password": PASSWORD, "confirm": "on", "profiles": "hand_over"},
    )

    profile.refresh_from_db()
    assert profile.owner is None and profile.status == Actor.Status.PUBLISHED


# --- apply_retention ------------------------------------------------------------------


def _run() -> str:
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    return out.getvalue()


def test_dietary_needs_go_once_the_event_is_over_not_before(member):
    event = _event()
    mine = _register(event, member)

    _run()
    mine.refresh_from_db()
    assert mine.diets == ["vegan"]

    with time_machine.travel(event.ends_at + timedelta(minutes=1)):
        assert "kosthold og merknader er fjernet: 1" in _run()
        assert "kosthold og merknader er fjernet: 0" in _run()  # idempotent
    mine.refresh_from_db()
    assert mine.diets == [] and mine.diet_other == ""
    assert mine.name == "Mona Medlem"  # the rest stays until the period is over


def test_registrations_are_anonymised_after_the_promised_months(member, settings):
    event = _event()
    mine = _register(event, member)
    months = settings.RETENTION["registration_anonymised_after_months"]

    with time_machine.travel(event.ends_at + timedelta(days=30 * months - 10)):
        assert "anonymisert: 0" in _run()
    with time_machine.travel(event.ends_at + timedelta(days=31 * months + 1)):
        assert "anonymisert: 1" in _run()
        assert "anonymisert: 0" in _run()
    mine.refresh_from_db()
    assert mine.email.endswith("@example.invalid") and mine.name != "Mona Medlem"
    assert mine.status == Registration.Status.CONFIRMED


def test_owned_profiles_left_alone_too_long_are_hidden(member, settings):
    months = settings.RETENTION["profile_hidden_after_months"]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        stale = make_actor("Glemt profil", owner=member)
        kept = make_actor("Bekreftet profil", owner=member)
        unowned = make_actor("Koordinatorenes profil")

    with time_machine.travel(start + timedelta(days=31 * months - 40), tick=False):
        kept.confirmed_at = timezone.now()
        Actor.objects.filter(pk=kept.pk).update(confirmed_at=timezone.now())
    with time_machine.travel(start + timedelta(days=31 * months + 1)):
        assert "ikke er bekreftet på lenge: 1" in _run()
        assert "ikke er bekreftet på lenge: 0" in _run()

    for actor, status in [(stale, "hidden"), (kept, "published"), (unowned, "published")]:
        actor.refresh_from_db()
        assert actor.status == status


def test_the_privacy_statement_promises_the_periods_the_command_applies(client, settings):
    settings.RETENTION = {**settings.RETENTION, "registration_anonymised_after_months": 7}
    page = client.get("/personvern/").content.decode()
    english = client.get("/personvern/", HTTP_COOKIE="django_language=en").content.decode()

    assert "7 måneder etter\n    arrangementet" in page
    assert f"{settings.RETENTION['profile_hidden_after_months']} måneder" in page
    assert "7 months after the\n    event" in english


def test_accounts_never_confirmed_are_deleted_after_the_promised_days(
    unconfirmed, member, coordinator, settings
):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=coordinator).update(verified=False)
    days = settings.RETENTION["unconfirmed_account_deleted_after_days"]

    with time_machine.travel(unconfirmed.date_joined + timedelta(days=days - 1)):
        assert "aldri ble bekreftet: 0" in _run()
    with time_machine.travel(unconfirmed.date_joined + timedelta(days=days + 1)):
        assert "aldri ble bekreftet: 1" in _run()
        assert "aldri ble bekreftet: 0" in _run()

    users = get_user_model().objects
    assert not users.filter(pk=unconfirmed.pk).exists()
    assert users.filter(pk__in=[member.pk, coordinator.pk]).count() == 2


def test_the_statement_promises_the_unconfirmed_account_period(client, settings):
    settings.RETENTION = {**settings.RETENTION, "unconfirmed_account_deleted_after_days": 9}

    assert "etter\n    9 dager" in client.get("/personvern/").content.decode()
