"""What is not published stays out of every public page, feed and file.

Each test puts a published and an unpublished item side by side, so it fails both
when the unpublished one leaks and when the page shows nothing at all.
"""

import pytest

from actors.models import Actor
from events.models import Event
from tests.factories import make_actor, make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Actor.Status.DRAFT, Actor.Status.PENDING, Actor.Status.HIDDEN])
def test_home_page_lists_no_unpublished_actor(client, status):
    make_actor("Synlig Scene")
    make_actor("Skjult Studio", status=status)

    page = client.get("/").content.decode()

    assert "Synlig Scene" in page
    assert "Skjult Studio" not in page


def test_home_page_lists_no_draft_event(client):
    make_event(title="Åpent nettverksmøte")
    make_event(title="Hemmelig utkast", status=Event.Status.DRAFT)

    page = client.get("/").content.decode()

    assert "Åpent nettverksmøte" in page
    assert "Hemmelig utkast" not in page


def test_rss_feed_lists_no_draft_event(client):
    make_event(title="Åpent nettverksmøte")
    make_event(title="Hemmelig utkast", status=Event.Status.DRAFT)

    feed = client.get("/arrangementer/feed/").content.decode()

    assert "Åpent nettverksmøte" in feed
    assert "Hemmelig utkast" not in feed


def test_calendar_file_of_a_draft_is_not_served_to_someone_who_knows_its_address(client):
    published = make_event(title="Åpent nettverksmøte")
    draft = make_event(title="Hemmelig utkast", status=Event.Status.DRAFT)

    assert client.get(f"{published.get_absolute_url()}kalender.ics").status_code == 200
    assert client.get(f"{draft.get_absolute_url()}kalender.ics").status_code == 404


def test_only_coordinators_preview_a_draft_event(visitor, member_client, coordinator_client):
    draft = make_event(title="Hemmelig utkast", status=Event.Status.DRAFT)

    assert visitor.get(draft.get_absolute_url()).status_code == 404
    assert member_client.get(draft.get_absolute_url()).status_code == 404
    preview = coordinator_client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "Hemmelig utkast" in preview.content.decode()
