"""What a confirmed account adds, for a visitor, an unconfirmed account and a member:
members-only contact details, the "Hvem kommer" list, a prefilled registration form,
and the header's links."""

import pytest

from actors.models import Visibility
from portal.permissions import has_confirmed_email, is_member
from tests.accounts.conftest import logged_in
from tests.factories import make_actor, make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def personas(client, unconfirmed, member):
    return {"visitor": client, "unconfirmed": logged_in(unconfirmed), "member": logged_in(member)}


def test_member_means_a_confirmed_address_and_coordinators_count(unconfirmed, member, coordinator):
    assert not is_member(unconfirmed) and not has_confirmed_email(unconfirmed)
    assert is_member(member) and has_confirmed_email(member)
    assert is_member(coordinator)


@pytest.mark.parametrize(
    "persona, sees_phone, sees_line",
    [("visitor", False, True), ("unconfirmed", False, True), ("member", True, False)],
)
def test_members_only_contact_details(personas, persona, sees_phone, sees_line):
    actor = make_actor(
        "Skjult Telefon AS", phone="+4741234567", phone_visibility=Visibility.MEMBERS
    )

    page = personas[persona].get(actor.get_absolute_url()).content.decode()

    assert ("tel:+4741234567" in page) is sees_phone
    assert ("bare synlige for medlemmer" in page) is sees_line


@pytest.mark.parametrize(
    "persona, sees_name, link",
    [
        ("visitor", False, "/konto/login/?next="),
        ("unconfirmed", False, "/konto/email/"),
        ("member", True, None),
    ],
)
def test_who_is_coming(personas, persona, sees_name, link):
    event = make_event()
    make_registration(event, name="Synlig Deltaker", show_name=True)

    page = personas[persona].get(event.get_absolute_url()).content.decode()

    assert ("Synlig Deltaker" in page) is sees_name
    assert "Hvem kommer" in page
    if link:
        assert link in page


@pytest.mark.parametrize(
    "persona, prefilled", [("visitor", False), ("unconfirmed", False), ("member", True)]
)
def test_registration_is_prefilled_from_the_account(personas, persona, prefilled):
    event = make_event()

    page = personas[persona].get(event.get_absolute_url()).content.decode()

    assert ('value="medlem@example.no"' in page) is prefilled


@pytest.mark.parametrize(
    "persona, shows, hides",
    [
        ("visitor", ["Logg inn", "Bli med"], ["Min side", "Logg ut"]),
        ("member", ["Min side", "Logg ut"], ["Bli med"]),
    ],
)
def test_the_header(personas, persona, shows, hides):
    page = personas[persona].get("/").content.decode()
    header = page.split("</header>")[0]

    for text in shows:
        assert text in header
    for text in hides:
        assert text not in header


def test_logging_out_is_a_post(member_client):
    header = member_client.get("/").content.decode().split("</header>")[0]

    assert 'action="/konto/logout/"' in header and 'method="post"' in header
    member_client.post("/konto/logout/")
    assert "_auth_user_id" not in member_client.session


def test_other_municipality_is_offered_last_and_counts_outside_the_region(client):
    from actors.models import Municipality

    event = make_event()
    # The registration form is a step of its own for visitors (events:register).
    page = client.get(f"{event.get_absolute_url()}pamelding/").content.decode()
    choices = page.split('name="municipality"')[1].split("</select>")[0]

    assert choices.rstrip().endswith("Annen kommune</option>")
    other = Municipality.objects.get(slug=Municipality.OTHER_SLUG)
    make_registration(event, municipality=other)
    assert event.registrations.filter(municipality__in_region=False).count() == 1
    assert other not in Municipality.objects.places()
