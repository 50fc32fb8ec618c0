"""Samarbeidstorget on the statistics page: posted, answered, within two weeks, led to contact."""

from datetime import timedelta

import pytest

from opportunities.models import Answer, Opportunity
from stats import figures
from tests.factories import make_actor, make_opportunity, oslo
from tests.stats.test_statistics import URL, period, table

pytestmark = pytest.mark.django_db


def posted(on, **fields) -> Opportunity:
    opportunity = make_opportunity(**fields)
    Opportunity.objects.filter(pk=opportunity.pk).update(created_at=on)
    opportunity.refresh_from_db()
    return opportunity


def answer(opportunity: Opportunity, *, after_days: int, contacted: bool = False) -> Answer:
    made = Answer.objects.create(
        opportunity=opportunity, actor=make_actor(), message="Vi er interessert!"
    )
    Answer.objects.filter(pk=made.pk).update(
        created_at=opportunity.created_at + timedelta(days=after_days),
        contacted_at=opportunity.created_at + timedelta(days=after_days + 1) if contacted else None,
    )
    return made


@pytest.fixture
def spring(db):
    """Four opportunities posted in spring 2025, one before it and one hidden, by hand."""
    quick = posted(oslo(2025, 3, 1, 12), title="Raskt svar", kind="open_call")
    answer(quick, after_days=3, contacted=True)
    answer(quick, after_days=30)
    slow = posted(oslo(2025, 3, 10, 12), title="Sent svar", kind="open_call")
    answer(slow, after_days=20)
    filled = posted(oslo(2025, 4, 2, 12), title="Fikk treff", kind="gig")
    filled.close(filled=True)
    posted(oslo(2025, 5, 30, 12), title="Uten svar", kind="partner")
    before = posted(oslo(2025, 2, 27, 12), title="Før perioden", kind="open_call")
    answer(before, after_days=1, contacted=True)
    posted(oslo(2025, 4, 1, 12), title="Skjult", kind="gig", hidden=True)
    return period("2025-03-01", "2025-05-31")


def test_the_opportunity_figures_match_the_hand_count(spring):
    tables, totals = figures.opportunity_tables(spring)

    keys = table(tables, "samarbeid-nokkeltall")
    assert [row[1:] for row in keys.rows] == [[4, 100.0], [2, 50.0], [1, 25.0], [2, 50.0]]
    assert totals["contact_share"] == 50.0
    by_kind = {row[0]: row[1:] for row in table(tables, "samarbeid-type").rows}
    assert by_kind["Åpen utlysning eller oppdrag"] == [2, 2, 50.0, 50.0]
    assert by_kind["Betalt oppdrag eller jobb"] == [1, 0, 0.0, 100.0]
    assert by_kind["Søker samarbeidspartner"] == [1, 0, 0.0, 0.0]
    assert by_kind["Tilbyr noe"] == [0, 0, None, None]


def test_an_answer_on_the_fourteenth_day_counts_and_the_fifteenth_does_not(db):
    on_time = posted(oslo(2025, 3, 1, 12), title="Fjortende dag")
    answer(on_time, after_days=14)
    late = posted(oslo(2025, 3, 1, 12), title="Femtende dag")
    answer(late, after_days=15)

    _tables, totals = figures.opportunity_tables(period("2025-03-01", "2025-03-31"))

    assert (totals["answered"], totals["quick"]) == (2, 1)


def test_the_page_shows_chart_table_and_downloads(coordinator_client, spring):
    html = coordinator_client.get(URL, {"fra": "2025-03-01", "til": "2025-05-31"}).content.decode()

    for slug in ("samarbeid-nokkeltall", "samarbeid-type"):
        assert f'<title id="chart-{slug}-title">' in html
        assert f'<caption id="caption-{slug}">' in html
        assert f"tabell={slug}&amp;format=xlsx" in html
    assert "Førte til kontakt" in html
    csv = coordinator_client.get(
        URL, {"fra": "2025-03-01", "til": "2025-05-31", "tabell": "samarbeid-type", "format": "csv"}
    )
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Type;Lagt ut;Besvart;Besvart innen to uker (%);Førte til kontakt (%)"
    assert lines[1].startswith("Åpen utlysning eller oppdrag;2;2;50")
