"""/min-side/ for each persona; cancelling from it; the settings forms."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import MemberSettings
from events.models import Registration
from events.services import register
from tests.accounts.conftest import logged_in
from tests.factories import municipality

pytestmark = pytest.mark.django_db


def _event(**fields):
    from tests.factories import make_event

    return make_event(**fields)


@pytest.fixture
def upcoming(db):
    return _event(title="Nettverksmøte i Jessheim")


def _register(event, email, user=None):
    return register(
        event=event, name="Mona Medlem", email=email, consent=True, user=user,
        municipality=municipality(),
    )  # fmt: skip


def test_a_visitor_is_sent_to_the_login(client):
    response = client.get("/min-side/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_the_member_sees_their_registrations_by_account_and_by_confirmed_address(member, upcoming):
    _register(upcoming, member.email.upper())  # made before logging in, other letter case

    page = logged_in(member).get("/min-side/").content.decode()

    assert "Nettverksmøte i Jessheim" in page
    assert "Min side" in page


def test_a_registration_made_while_logged_in_is_shown_whatever_address_it_went_to(member, upcoming):
    # The member has a confirmed address, but signed up with their work address.
    _register(upcoming, "mona@jobben.no", user=member)

    page = logged_in(member).get("/min-side/").content.decode()

    assert "Nettverksmøte i Jessheim" in page


def test_another_members_registration_is_not_shown_nor_cancellable(member, other_member, upcoming):
    theirs = _register(upcoming, other_member.email, user=other_member)
    client = logged_in(member)

    assert "Nettverksmøte i Jessheim" not in client.get("/min-side/").content.decode()
    assert client.post(f"/min-side/pameldinger/{theirs.pk}/avmeld/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Registration.Status.CONFIRMED


def test_an_unconfirmed_account_does_not_get_registrations_by_address(unconfirmed, upcoming):
    _register(upcoming, unconfirmed.email)  # anyone could type that address

    page = logged_in(unconfirmed).get("/min-side/").content.decode()

    assert "Nettverksmøte i Jessheim" not in page
    assert "ikke bekreftet e-postadressen" in page


def test_the_member_cancels_an_upcoming_registration_through_the_service(member, upcoming):
    mine = _register(upcoming, member.email, user=member)

    response = logged_in(member).post(f"/min-side/pameldinger/{mine.pk}/avmeld/")

    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CANCELLED
    assert mine.cancelled_at is not None


def test_cancelling_needs_a_post(member, upcoming):
    mine = _register(upcoming, member.email, user=member)

    assert logged_in(member).get(f"/min-side/pameldinger/{mine.pk}/avmeld/").status_code == 405


def test_past_events_are_listed_apart_and_cannot_be_cancelled(member):
    start = timezone.now() - timedelta(days=30)
    past = _event(title="Fjorårets konferanse")
    mine = _register(past, member.email, user=member)
    past.starts_at, past.ends_at = start, start + timedelta(hours=2)
    past.save()

    client = logged_in(member)
    assert "Fjorårets konferanse" in client.get("/min-side/").content.decode()
    client.post(f"/min-side/pameldinger/{mine.pk}/avmeld/")
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED


def test_newsletter_and_language_choices_are_saved(member):
    logged_in(member).post("/min-side/innstillinger/", {"newsletter": "on", "language": "en"})

    chosen = MemberSettings.objects.get(user=member)
    assert chosen.newsletter and chosen.language == "en"
    assert list(MemberSettings.objects.newsletter_subscribers()) == [chosen]


def test_the_name_is_saved(member):
    logged_in(member).post("/min-side/innstillinger/", {"first_name": "Mari", "last_name": "Ny"})

    member.refresh_from_db()
    assert member.get_full_name() == "Mari Ny"


def test_a_coordinator_has_a_page_of_their_own(coordinator):
    assert logged_in(coordinator).get("/min-side/").status_code == 200


@pytest.mark.parametrize("path", ["/min-side/", "/min-side/mine-data/", "/min-side/slett-kontoen/"])
def test_every_page_of_my_page_for_every_persona(client, unconfirmed, member, coordinator, path):
    to_login = client.get(path)
    assert to_login.status_code == 302
    assert to_login["Location"].startswith("/konto/login/?next=")

    for user in (unconfirmed, member, coordinator):
        assert logged_in(user).get(path).status_code == 200


def test_a_visitor_cannot_cancel_or_change_settings(client, member, upcoming):
    mine = _register(upcoming, member.email, user=member)

    assert client.post(f"/min-side/pameldinger/{mine.pk}/avmeld/").status_code == 302
    assert client.post("/min-side/innstillinger/", {"first_name": "X"}).status_code == 302
    mine.refresh_from_db()
    assert mine.status == Registration.Status.CONFIRMED


def test_a_coordinator_cannot_cancel_a_members_registration_from_their_own_page(
    coordinator, member, upcoming
):
    mine = _register(upcoming, member.email, user=member)

    assert (
        logged_in(coordinator).post(f"/min-side/pameldinger/{mine.pk}/avmeld/").status_code == 404
    )
