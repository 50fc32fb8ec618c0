"""The coordinators' statistics page: every figure counted by hand, access, downloads."""

import io
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from actors.models import Actor, Municipality
from events import demo
from events.models import Event, Registration
from stats import figures
from stats.period import Period
from tests.factories import (
    make_actor,
    make_coordinator,
    make_event,
    make_member,
    make_registration,
    municipality,
    oslo,
)

pytestmark = pytest.mark.django_db

URL = "/koordinator/statistikk/"
REAL_MEETINGS = {  # the four real meetings of 2023–24 in the demo data, and their registrations
    "nettverksmote-business-jessheim-2023-11-20": 38,
    "nettverksmote-galleri-jessheim-2024-01-23": 42,
    "nettverksmote-wergelandshaugen-2024-04-04": 35,
    "sosialt-treff-tunet-bar-2024-06-06": 45,
}


def period(first: str, last: str) -> Period:
    from datetime import date

    return Period(date.fromisoformat(first), date.fromisoformat(last))


def table(tables, slug):
    return next(t for t in tables if t.slug == slug)


@pytest.fixture
def demo_events(db):
    demo.seed(stdout=io.StringIO())
    return {e.slug: e for e in Event.objects.filter(slug__in=REAL_MEETINGS)}


# --- Access -----------------------------------------------------------------------------


def test_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_members_are_refused(member_client):
    assert member_client.get(URL).status_code == 403
    assert member_client.get(URL, {"tabell": "aktorer-kommune"}).status_code == 403


def test_coordinators_see_it_and_the_admin_links_to_it(coordinator_client):
    assert coordinator_client.get(URL).status_code == 200
    assert f'href="{URL}"' in coordinator_client.get("/admin/").content.decode()


# --- Events: the four real meetings, counted by hand --------------------------------------


def hand_count(event: Event) -> dict:
    """The figures of one event, counted row by row in Python (no aggregates)."""
    rows = list(event.registrations.select_related("municipality"))
    confirmed = [r for r in rows if r.status == Registration.Status.CONFIRMED]
    came = [r for r in rows if r.attended and r.status != Registration.Status.CANCELLED]
    known = [r for r in came if r.municipality_id]
    return {
        "confirmed": len(confirmed),
        "attended": len(came),
        "no_show": round(100 * (len(confirmed) - len(came)) / len(confirmed), 1),
        "municipalities": len({r.municipality_id for r in known}),
        "outside_host": round(
            100 * sum(r.municipality_id != event.municipality_id for r in known) / len(known), 1
        ),
        "outside_region": round(
            100 * sum(not r.municipality.in_region for r in known) / len(known), 1
        ),
        "by_municipality": Counter(r.municipality.name for r in known),
    }


def test_events_held_in_a_year_are_the_real_meetings_of_that_year(demo_events):
    tables = figures.compute(period("2024-01-01", "2024-12-31"))

    titles = [row[0] for row in table(tables["events"], "arrangementer").rows]
    assert titles == [
        "Nettverksmøte på Galleri Jessheim",
        "Nettverksmøte på Wergelandshaugen Kulturdestinasjon",
        "Sosialt nettverkstreff på Tunet bar",
    ]
    assert tables["event_totals"]["events"] == 3
    assert tables["event_totals"]["confirmed"] == 42 + 35 + 45


def test_every_event_figure_matches_the_hand_count(demo_events):
    tables = figures.compute(period("2023-01-01", "2024-12-31"))
    rows = {row[0]: row for row in table(tables["events"], "arrangementer").rows}

    assert len(rows) == 4
    for slug, registrations in REAL_MEETINGS.items():
        event = demo_events[slug]
        counted = hand_count(event)
        row = rows[event.title]
        assert counted["confirmed"] == registrations  # everyone got a seat
        assert row[1] == counted["attended"]
        assert row[3] == event.municipality.name
        assert (row[4], row[5]) == (registrations, 0)
        assert row[6] == counted["no_show"]
        assert row[7] == counted["municipalities"] == 6
        assert row[8] == counted["outside_host"]
        assert row[9] == counted["outside_region"] == 0.0


def test_participants_by_home_municipality_match_the_hand_count(demo_events):
    tables = figures.compute(period("2023-01-01", "2024-12-31"))
    overall = dict(table(tables["events"], "deltakere-kommune").rows)
    matrix = table(tables["events"], "deltakere-kommune-arrangement")

    expected = Counter()
    for event in demo_events.values():
        expected.update(hand_count(event)["by_municipality"])
    assert overall == {m.name: expected[m.name] for m in Municipality.objects.all()}
    assert (
        sum(overall.values())
        == figures.compute(period("2023-01-01", "2024-12-31"))["event_totals"]["attended"]
    )
    galleri = demo_events["nettverksmote-galleri-jessheim-2024-01-23"]
    column = matrix.header.index(galleri.title)
    per_row = {row[0]: row[column] for row in matrix.rows}
    assert per_row == {
        m.name: hand_count(galleri)["by_municipality"][m.name] for m in Municipality.objects.all()
    }
    assert all(row[-1] == overall[row[0]] for row in matrix.rows)


def test_totals_over_all_four_meetings(demo_events):
    totals = figures.compute(period("2023-01-01", "2024-12-31"))["event_totals"]
    counts = [hand_count(e) for e in demo_events.values()]

    attended = sum(c["attended"] for c in counts)
    assert totals["attended"] == attended
    assert totals["confirmed"] == 160
    assert totals["no_show"] == round(100 * (160 - attended) / 160, 1)


def test_share_from_outside_the_host_and_the_region():
    host = municipality("nes")
    outside = Municipality.objects.create(
        name="Lillestrøm", slug="lillestrom", number="3205", in_region=False
    )
    event = make_event(
        municipality=host,
        status=Event.Status.PUBLISHED,
        starts_at=oslo(2024, 3, 1, 18),
    )
    for place in [host, municipality("ullensaker"), municipality("ullensaker"), outside]:
        make_registration(event, municipality=place, attended=True)
    make_registration(event, municipality=None, attended=True)  # unknown: not in the shares
    make_registration(event, municipality=outside, attended=False)  # did not come

    row = table(figures.compute(period("2024-01-01", "2024-12-31"))["events"], "arrangementer")
    (values,) = row.rows
    assert values[1] == 5  # attended
    assert values[4] == 6  # confirmed
    assert values[6] == round(100 * 1 / 6, 1)  # no-show
    assert values[7] == 3  # Nes, Ullensaker, Lillestrøm
    assert values[8] == 75.0  # 3 of the 4 with a known municipality
    assert values[9] == 25.0  # Lillestrøm


def test_cancelled_drafts_and_coming_events_are_not_held():
    for status in (Event.Status.CANCELLED, Event.Status.DRAFT):
        make_event(status=status, starts_at=oslo(2024, 3, 1, 18))
    make_event(status=Event.Status.PUBLISHED, starts_at=timezone.now() + timedelta(days=3))

    year = timezone.localdate().year
    for first, last in [("2024-01-01", "2024-12-31"), (f"{year}-01-01", f"{year + 1}-12-31")]:
        assert figures.compute(period(first, last))["event_totals"]["events"] == 0


# --- Actors ------------------------------------------------------------------------------


@pytest.fixture
def directory():
    make_actor(
        "A", municipality="ullensaker", sectors=["musikk", "design"], open_for_collaboration=True
    )
    make_actor("B", municipality="ullensaker", sectors=["musikk"], kind=Actor.Kind.COMPANY)
    make_actor("C", municipality="nes", sectors=["design"], kind=Actor.Kind.COMPANY)
    old = make_actor(
        "D",
        municipality="eidsvoll",
        sectors=["musikk"],
        open_for_collaboration=True,
        owner=make_member("eier-d"),
    )
    make_actor("Utkast", municipality="nes", status=Actor.Status.DRAFT)  # never counted
    Actor.objects.filter(pk=old.pk).update(
        updated_at=timezone.now() - timedelta(days=400),
        published_at=oslo(2024, 5, 2, 12),
    )


def test_actor_figures_are_counted_by_hand(directory):
    tables = figures.compute(period("2024-01-01", "2024-12-31"))["actors"]

    assert table(tables, "aktorer-nokkeltall").rows == [
        ["Publiserte aktører", 4, 100.0],
        ["Åpne for samarbeid", 2, 50.0],
        ["Ikke oppdatert eller bekreftet", 1, 25.0],
    ]
    by_municipality = dict(table(tables, "aktorer-kommune").rows)
    assert (by_municipality["Ullensaker"], by_municipality["Nes"]) == (2, 1)
    assert (by_municipality["Eidsvoll"], by_municipality["Hurdal"]) == (1, 0)
    by_sector = dict(table(tables, "aktorer-bransje").rows)
    assert (by_sector["Musikk"], by_sector["Design"]) == (3, 2)
    by_kind = dict(table(tables, "aktorer-type").rows)
    assert (by_kind["Kunstner eller frilanser"], by_kind["Bedrift"]) == (2, 2)
    assert table(tables, "nye-profiler").rows == [
        ["1. kvartal 2024", 0],
        ["2. kvartal 2024", 1],  # D; A–C were published now, not in 2024
        ["3. kvartal 2024", 0],
        ["4. kvartal 2024", 0],
    ]


def test_new_profiles_this_year_count_the_ones_published_now(directory):
    year = timezone.localdate().year
    rows = table(
        figures.compute(period(f"{year}-01-01", f"{year}-12-31"))["actors"], "nye-profiler"
    ).rows

    assert sum(n for _quarter, n in rows) == 3


# --- A fixed number of queries --------------------------------------------------------------


def _many_actors(n: int) -> None:
    place = municipality("ullensaker")
    actors = Actor.objects.bulk_create(
        Actor(
            name=f"Masse {i}",
            slug=f"masse-{n}-{i}",
            kind=Actor.Kind.ARTIST,
            municipality=place,
            pitch="Tekst.",
            status=Actor.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        for i in range(n)
    )
    through = Actor.sectors.through
    sector = Actor.sectors.field.related_model.objects.first()
    through.objects.bulk_create(through(actor=a, sector=sector) for a in actors)


def _answered_opportunities(n: int) -> None:
    from opportunities.models import Answer
    from tests.factories import make_opportunity

    # Profiles in draft, so the actor figures above stay as they are.
    poster, responder = (make_actor(status=Actor.Status.DRAFT) for _ in range(2))
    for _ in range(n):
        opportunity = make_opportunity(poster)
        Answer.objects.create(opportunity=opportunity, actor=responder, message="Ja!")


def test_the_page_runs_the_same_queries_for_10_and_1000_actors(
    coordinator_client, django_assert_max_num_queries
):
    year = timezone.localdate().year
    _many_actors(10)
    make_registration(
        make_event(status=Event.Status.PUBLISHED, starts_at=oslo(year, 1, 2, 12)), attended=True
    )
    _answered_opportunities(1)
    coordinator_client.get(URL)  # sessions and the like warmed up
    with django_assert_max_num_queries(30) as few:
        coordinator_client.get(URL)

    _many_actors(990)
    for _ in range(5):
        event = make_event(status=Event.Status.PUBLISHED, starts_at=oslo(year, 1, 3, 12))
        for _ in range(4):
            make_registration(event, attended=True)
    _answered_opportunities(20)  # Samarbeidstorget's figures: one query whatever the number
    with django_assert_max_num_queries(30) as many:
        response = coordinator_client.get(URL)

    assert response.context["sections"]["actors"][0][0].rows[0][1] == 1000
    assert len(few.captured_queries) == len(many.captured_queries)


# --- Page, charts and downloads ------------------------------------------------------------


def test_each_figure_has_a_chart_with_title_and_description_and_a_table(
    coordinator_client, demo_events
):
    html = coordinator_client.get(URL, {"ar": 2024}).content.decode()

    assert "Statistikk for nettverket: 2024" in html
    for slug in ["aktorer-kommune", "aktorer-bransje", "arrangementer", "deltakere-kommune"]:
        assert f'aria-labelledby="chart-{slug}-title chart-{slug}-desc"' in html
        assert f'<title id="chart-{slug}-title">' in html
        assert f'<desc id="chart-{slug}-desc">' in html
        assert f'<caption id="caption-{slug}">' in html
        assert f"tabell={slug}&amp;format=xlsx" in html
    assert "Samarbeidstorget" in html


def test_stale_profiles_are_the_ones_the_admin_filter_and_the_reminders_count(
    coordinator_client,
):
    long_ago = timezone.now() - timedelta(days=400)
    owner = make_member("eier")
    stale = make_actor("Glemt", owner=owner)
    confirmed = make_actor("Bekreftet nylig", owner=owner)
    unowned = make_actor("Uten eier")  # nobody to remind: not stale
    Actor.objects.filter(pk__in=[stale.pk, confirmed.pk, unowned.pk]).update(updated_at=long_ago)
    Actor.objects.filter(pk=confirmed.pk).update(confirmed_at=timezone.now() - timedelta(days=20))

    tables = figures.compute(period("2024-01-01", "2024-12-31"))["actors"]
    admin_list = coordinator_client.get("/admin/actors/actor/", {"utdatert": "ja"})

    counted = {row[0]: row[1] for row in table(tables, "aktorer-nokkeltall").rows}
    assert counted["Ikke oppdatert eller bekreftet"] == 1
    assert [a.name for a in admin_list.context["cl"].result_list] == ["Glemt"]
    assert list(Actor.objects.stale()) == [stale]


def test_csv_and_xlsx_downloads_hold_the_table(coordinator_client, demo_events):
    query = {"fra": "2024-01-01", "til": "2024-12-31", "tabell": "arrangementer"}

    csv = coordinator_client.get(URL, {**query, "format": "csv"})
    xlsx = coordinator_client.get(URL, {**query, "format": "xlsx"})

    assert (
        csv["Content-Disposition"] == 'attachment; filename="arrangementer-20240101-20241231.csv"'
    )
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Arrangement;Møtt;Dato;Vertskommune;Påmeldt")
    assert len(lines) == 4
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A2"].value == "Nettverksmøte på Galleri Jessheim"
    assert sheet["E2"].value == 42
    assert coordinator_client.get(URL, {"tabell": "finnes-ikke"}).status_code == 404
    assert coordinator_client.get(URL, {**query, "format": "pdf"}).status_code == 404


def test_a_half_period_is_explained_in_norwegian_and_this_year_is_shown(coordinator_client):
    response = coordinator_client.get(URL, {"fra": "2024-01-01"})

    assert "Fyll ut både fra og til, eller velg et år." in response.content.decode()
    assert response.context["period"].first.year == timezone.localdate().year
    backwards = coordinator_client.get(URL, {"fra": "2024-05-01", "til": "2024-04-01"})
    assert "Til-datoen må være samme dag som eller etter fra-datoen." in backwards.content.decode()


def test_walk_ins_count_as_participants_but_not_as_no_shows(coordinator_client):
    event = make_event(
        municipality=municipality("ullensaker"),
        status=Event.Status.PUBLISHED,
        starts_at=oslo(2024, 9, 1, 18),
    )
    came = make_registration(event, municipality=municipality("ullensaker"))
    make_registration(event, municipality=municipality("ullensaker"))  # does not come
    coordinator_client.post(f"/arrangementer/{event.slug}/innsjekk/", {"registration": came.pk})
    coordinator_client.post(
        f"/arrangementer/{event.slug}/innsjekk/",
        {"name": "Dora Dørgjest", "email": "", "municipality": municipality("nes").pk},
    )

    computed = figures.compute(period("2024-01-01", "2024-12-31"))
    (row,) = table(computed["events"], "arrangementer").rows
    assert row[1] == 2  # attended: the one who came and the walk-in
    assert row[4] == 2  # confirmed beforehand
    assert row[6] == 50.0  # no-show: one of the two registered
    assert row[7] == 2  # Ullensaker and Nes
    assert row[8] == 50.0  # the walk-in from Nes
    assert row[10] == 1  # walk-ins
    assert dict(table(computed["events"], "deltakere-kommune").rows)["Nes"] == 1


def test_csv_percentages_have_the_decimal_mark_a_spreadsheet_in_that_language_reads(
    coordinator_client, english, directory
):
    query = {"fra": "2024-01-01", "til": "2024-12-31", "tabell": "aktorer-nokkeltall"}
    english.force_login(make_coordinator("koordinator-en"))

    norwegian = coordinator_client.get(URL, {**query, "format": "csv"}).content.decode("utf-8-sig")
    in_english = english.get(URL, {**query, "format": "csv"}).content.decode("utf-8-sig")

    assert "Åpne for samarbeid;2;50,0" in norwegian.splitlines()
    assert "Open for collaboration;2;50.0" in in_english.splitlines()
