"""The Samarbeidstorget part of seed_demo: a living board, written once."""

import io

import pytest
from django.core.management import call_command

from opportunities import demo
from opportunities.models import Answer, Opportunity

pytestmark = pytest.mark.django_db


def test_seed_demo_writes_a_living_varied_board_once_and_synthetic_ones_on_demand(client):
    # One test, because drawing the demo actors' pictures takes seconds.
    call_command("seed_demo", "--opportunities", "300", stdout=io.StringIO())
    count = Opportunity.objects.count()
    demo.seed(stdout=io.StringIO())
    assert Opportunity.objects.count() == count

    synthetic = Opportunity.objects.filter(slug__startswith="syntetisk-")
    assert synthetic.count() == 300 and synthetic.open().count() > 150
    board = Opportunity.objects.exclude(slug__startswith="syntetisk-")
    open_ = board.open()
    assert 14 <= board.count() <= 16
    assert 9 <= open_.count() < board.count()
    assert board.expired().count() >= 2
    assert board.filter(status="closed", filled=True).count() >= 1
    assert open_.filter(featured=True).count() == 1
    assert set(board.values_list("kind", flat=True)) == set(Opportunity.Kind.values)
    places = set(board.exclude(municipality=None).values_list("municipality__slug", flat=True))
    assert places == {"eidsvoll", "gjerdrum", "hurdal", "nannestad", "nes", "ullensaker"}
    assert board.filter(municipality=None).exists()
    assert Answer.objects.values("opportunity").distinct().count() >= 4
    assert board.filter(events__isnull=False).exists()

    html = client.get("/samarbeid/?q=sommerscenen").content.decode()
    assert "Lokale band til sommerscenen på Nannestad kulturhus" in html
    assert "Dansere til åpningen" not in client.get("/samarbeid/?q=dansere").content.decode()
    assert client.get("/samarbeid/dansere-til-apningen-av-jessheim-torg/").status_code == 200
