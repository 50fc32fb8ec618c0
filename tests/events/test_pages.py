"""Event list, event page, feeds, home page: content, filters and query counts."""

import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from events.models import Event, Registration
from tests.factories import (
    make_event,
    make_registration,
    make_venue,
    municipality,
    oslo,
)

pytestmark = pytest.mark.django_db


def _many(n_events: int, n_registrations: int) -> Event:
    events = [make_event(capacity=50) for _ in range(n_events)]
    for _ in range(n_registrations):
        make_registration(events[0], show_name=True)
    return events[0]


@pytest.mark.parametrize(("n_events", "n_registrations"), [(3, 0), (30, 40)])
def test_event_list_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, n_events, n_registrations
):
    _many(n_events, n_registrations)

    # years for the filter, count, page of events, municipalities for the filter
    with django_assert_num_queries(4):
        response = client.get("/arrangementer/")

    assert response.status_code == 200


@pytest.mark.parametrize(("n_events", "n_registrations"), [(3, 0), (30, 40)])
def test_event_page_runs_a_constant_number_of_queries(
    client, django_assert_num_queries, n_events, n_registrations
):
    event = _many(n_events, n_registrations)

    # event with counts, speakers (a visitor's page has no form: it is a step of its own)
    with django_assert_num_queries(2):
        client.get(event.get_absolute_url())


@pytest.mark.parametrize("n_registrations", [0, 40])
def test_event_page_for_member_runs_a_constant_number_of_queries(
    member_client, django_assert_num_queries, n_registrations
):
    event = _many(3, n_registrations)

    # session, user with its confirmed address (is the user a member?), event, actor
    # profile for the prefill, participants, speakers, municipalities
    with django_assert_num_queries(7):
        member_client.get(event.get_absolute_url())


def test_cards_show_norwegian_date_place_and_seats(client):
    venue = make_venue()
    event = make_event(
        title="Sosialt treff",
        venue=venue,
        starts_at=oslo(2099, 6, 4, 18),
        ends_at=oslo(2099, 6, 4, 22),
        capacity=14,
    )
    make_registration(event)
    make_registration(event)
    full = make_event(title="Fullt kurs", capacity=1)
    make_registration(full)

    page = client.get("/arrangementer/").content.decode()

    assert "torsdag 4. juni 2099 kl. 18.00–22.00" in page
    assert "Tunet bar" in page
    assert "12 ledige plasser" in page
    assert "Fullt – venteliste" in page


def test_english_visitor_gets_english_date(english):
    make_event(starts_at=oslo(2099, 6, 4, 18), ends_at=oslo(2099, 6, 4, 22))

    page = english.get("/arrangementer/").content.decode()

    assert "Thursday 4 June 2099, 18:00–22:00" in page


def test_list_shows_upcoming_by_default_and_past_by_year(client):
    make_event(title="Kommende treff")
    make_event(title="Møte i 2023", starts_at=oslo(2023, 11, 20, 11), status="published")
    make_event(title="Møte i 2024", starts_at=oslo(2024, 1, 23, 11))
    make_event(title="Hemmelig utkast", status=Event.Status.DRAFT)

    upcoming = client.get("/arrangementer/").content.decode()
    past_2024 = client.get("/arrangementer/?vis=tidligere&ar=2024").content.decode()

    assert "Kommende treff" in upcoming and "Møte i 2023" not in upcoming
    assert "Hemmelig utkast" not in upcoming
    assert "Møte i 2024" in past_2024 and "Møte i 2023" not in past_2024
    assert "Kommende treff" not in past_2024


def test_list_filters_by_kind_and_municipality(client):

    make_event(
        title="Kurs i Nes",
        kind=Event.Kind.COURSE,
        municipality=municipality("nes"),
    )
    make_event(title="Møte i Ullensaker")

    by_kind = client.get("/arrangementer/?type=course").content.decode()
    by_place = client.get("/arrangementer/?kommune=ullensaker").content.decode()
    bad = client.get("/arrangementer/?type=tull&kommune=finnes-ikke")

    assert "Kurs i Nes" in by_kind and "Møte i Ullensaker" not in by_kind
    assert "Møte i Ullensaker" in by_place and "Kurs i Nes" not in by_place
    assert bad.status_code == 200


def test_list_refuses_post(client):
    assert client.post("/arrangementer/").status_code == 405


def test_event_page_has_venue_link_json_ld_and_open_graph(client):
    venue = make_venue()
    event = make_event(title="Treff </script>", venue=venue, place_name="")

    page = client.get(event.get_absolute_url()).content.decode()

    assert f'href="{venue.get_absolute_url()}"' in page
    assert "Storgata 1, 2050 Jessheim" in page
    assert '<meta property="og:title"' in page
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Event"
    assert data["name"] == "Treff </script>"
    assert data["location"]["name"] == "Tunet bar"


def test_event_json_ld_escapes_markup_characters(client):
    """Built in events/structured_data.py: <, > and & never reach the page raw."""
    event = make_event(title="<b>Rock & rull</b>", summary="Kom >> hit </script><script>")

    page = client.get(event.get_absolute_url()).content.decode()

    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert not any(char in raw for char in "<>&")
    data = json.loads(raw)
    assert (data["name"], data["description"]) == (event.title, event.summary)


def test_participant_list_shows_opt_in_names_to_members_only(visitor, member_client, event):
    make_registration(event, name="Synlig Person", show_name=True)
    make_registration(event, name="Skjult Person", show_name=False)
    make_registration(event, name="Avmeldt Person", show_name=True, status="cancelled")

    anonymous = visitor.get(event.get_absolute_url()).content.decode()
    member = member_client.get(event.get_absolute_url()).content.decode()

    assert "Synlig Person" not in anonymous
    assert "Synlig Person" in member
    assert "Skjult Person" not in member
    assert "Avmeldt Person" not in member


def test_home_page_shows_next_three_events(client, django_assert_max_num_queries):
    for days in (1, 2, 3, 4):
        make_event(title=f"Om {days} dager", starts_at=timezone.now() + timedelta(days=days))

    page = client.get("/").content.decode()

    assert "Om 1 dager" in page and "Om 3 dager" in page
    assert "Om 4 dager" not in page


def test_calendar_feed_parses_and_keeps_oslo_time_in_winter_and_summer(client):
    now = timezone.localtime()
    winter = make_event(
        title="Vintermøte",
        starts_at=oslo(now.year + 1, 1, 23, 11),
        ends_at=oslo(now.year + 1, 1, 23, 14),
    )
    summer = make_event(
        title="Sommertreff",
        starts_at=oslo(now.year + 1, 6, 6, 18),
        ends_at=oslo(now.year + 1, 6, 6, 22),
    )
    make_event(title="Utkast", status=Event.Status.DRAFT)

    response = client.get("/arrangementer/kalender.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {e["summary"]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Vintermøte", "Sommertreff"}
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Oslo"
    win_start = events["Vintermøte"].decoded("dtstart")
    sum_start = events["Sommertreff"].decoded("dtstart")
    assert win_start == winter.starts_at and sum_start == summer.starts_at
    assert (win_start.hour, win_start.utcoffset()) == (11, timedelta(hours=1))
    assert (sum_start.hour, sum_start.utcoffset()) == (18, timedelta(hours=2))


def test_single_event_ics_is_an_attachment(client, event):
    response = client.get(f"/arrangementer/{event.slug}/kalender.ics")

    assert "attachment" in response["Content-Disposition"]
    [vevent] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert vevent["summary"] == event.title


def test_rss_feed_lists_upcoming_events(client, event):
    response = client.get("/arrangementer/feed/")

    assert response.status_code == 200
    assert event.title in response.content.decode()
    assert "<rss" in response.content.decode()


def test_sitemap_lists_published_events(client, event):
    draft = make_event(status=Event.Status.DRAFT)

    page = client.get("/sitemap.xml").content.decode()

    assert event.get_absolute_url() in page
    assert draft.get_absolute_url() not in page


def test_seats_left_count_ignores_waiting_and_cancelled(event):
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)
    make_registration(event, status=Registration.Status.CANCELLED)

    annotated = Event.objects.with_counts().get(pk=event.pk)

    assert annotated.seats_left == event.capacity - 1
    assert (annotated.confirmed_count, annotated.waiting_count, annotated.cancelled_count) == (
        1,
        1,
        1,
    )
