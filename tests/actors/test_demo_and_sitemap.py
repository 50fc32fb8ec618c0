"""Demo data (`seed_demo`), the sitemap and the home page's newest actors."""

import io

import pytest
from django.core.management import call_command

from actors import demo
from actors.models import Actor, Municipality, Sector
from tests.factories import make_actor

pytestmark = pytest.mark.django_db


def test_seed_demo_covers_every_municipality_sector_and_kind_and_runs_twice():
    # One test, because drawing the demo pictures takes seconds.
    out = io.StringIO()
    call_command("seed_demo", "--actors", "50", stdout=out)
    count = Actor.objects.count()
    demo.seed(stdout=out)

    assert count == Actor.objects.count() >= 40 + 50
    actors = Actor.objects.published().exclude(slug__startswith="syntetisk-")
    assert actors.count() >= 40
    assert set(actors.values_list("municipality__slug", flat=True)) == set(
        Municipality.objects.places().values_list("slug", flat=True)
    )
    assert set(actors.values_list("sectors__slug", flat=True)) == set(
        Sector.objects.values_list("slug", flat=True)
    )
    assert set(actors.values_list("kind", flat=True)) == set(Actor.Kind.values)
    venues = Actor.objects.in_bulk(
        [
            "business-jessheim",
            "galleri-jessheim",
            "wergelandshaugen-kulturdestinasjon",
            "tunet-bar",
        ],
        field_name="slug",
    )
    assert len(venues) == 4
    assert venues["wergelandshaugen-kulturdestinasjon"].municipality.slug == "eidsvoll"
    assert venues["galleri-jessheim"].kind == Actor.Kind.GALLERY
    assert actors.filter(images__isnull=False).distinct().count() >= 40
    assert all(actor.search_text for actor in actors)

    synthetic = Actor.objects.filter(slug__startswith="syntetisk-")
    assert synthetic.count() == 50
    assert not synthetic.filter(sectors__isnull=True).exists()
    assert not synthetic.filter(search_text="").exists()
    assert "50 syntetiske aktører" in out.getvalue()


def test_sitemap_lists_published_profiles_only(client):
    published = make_actor("Synlig")
    draft = make_actor("Utkast", status=Actor.Status.DRAFT)

    xml = client.get("/sitemap.xml").content.decode()

    assert published.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml


def test_home_page_shows_newest_actors_and_searches_the_directory(client):
    make_actor("Eldst")
    make_actor("Nyest")

    html = client.get("/").content.decode()

    assert "Nyest" in html and "Eldst" in html
    assert html.index("Nyest") < html.index("Eldst")
    assert 'action="/aktorer/"' in html and 'name="q"' in html
