"""Members post, edit, close and reopen their own opportunities, as one of their own
profiles; visitors are asked to log in, unconfirmed accounts to confirm, everyone
else gets a 404 for someone else's. Bad input is refused in Norwegian, next to the
field, with what was typed kept."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from actors.models import Actor
from opportunities.models import Answer, Opportunity
from tests.factories import make_actor, make_opportunity, make_unconfirmed, sector

pytestmark = pytest.mark.django_db

CREATE = "/samarbeid/ny/"


@pytest.fixture
def house(member):
    return make_actor("Jessheim kulturhus", owner=member, kind=Actor.Kind.VENUE)


@pytest.fixture
def own(house):
    return make_opportunity(house, title="Lokale band til sommerscenen")


@pytest.fixture
def other_client(other_member):
    client = Client()
    client.force_login(other_member)
    return client


@pytest.fixture
def unconfirmed_client():
    client = Client()
    client.force_login(make_unconfirmed())
    return client


def form_data(actor, **overrides) -> dict:
    data = {
        "actor": actor.pk,
        "kind": Opportunity.Kind.OPEN_CALL,
        "title": "Vi søker lokale band til sommerscenen",
        "description": "Tre kvelder i juni. Send lenke til musikken.",
        "sectors": [sector("musikk").pk],
        "municipality": "",
        "budget": "15 000 kr",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


# --- Posting ----------------------------------------------------------------------


def test_a_member_posts_as_one_of_their_profiles(member, member_client, house):
    response = member_client.post(CREATE, form_data(house))

    opportunity = Opportunity.objects.get()
    assert response.status_code == 302 and response.url == opportunity.get_absolute_url()
    assert opportunity.actor == house and opportunity.created_by == member
    assert opportunity.municipality is None  # the whole region
    assert list(opportunity.sectors.all()) == [sector("musikk")]
    assert opportunity.is_open
    assert "Muligheten er lagt ut" in member_client.get(response.url).content.decode()


def test_a_profile_still_waiting_for_approval_may_post_and_is_told_when_it_shows(
    member, member_client
):
    pending = make_actor(owner=member, status=Actor.Status.PENDING)

    response = member_client.post(CREATE, form_data(pending), follow=True)

    assert "vises for alle når profilen din er godkjent" in response.content.decode()
    assert not Opportunity.objects.open().exists()


def test_nobody_posts_in_the_name_of_someone_elses_profile(member_client, house, other_member):
    theirs = make_actor("Andres profil", owner=other_member)

    response = member_client.post(CREATE, form_data(theirs))

    assert response.status_code == 400
    assert "Velg en av dine egne profiler." in response.content.decode()
    assert not Opportunity.objects.exists()


def test_the_form_offers_only_the_members_own_profiles(member_client, house, other_member):
    make_actor("Andres profil", owner=other_member)

    html = member_client.get(CREATE).content.decode()

    assert "Jessheim kulturhus" in html and "Andres profil" not in html


def test_a_member_without_a_profile_is_guided_to_make_one(other_client):
    response = other_client.get(CREATE)

    assert response.status_code == 200
    assert "Du trenger en profil først" in response.content.decode()
    assert 'href="/aktorer/ny/"' in response.content.decode()
    assert other_client.post(CREATE, {"title": "x"}).status_code == 200
    assert not Opportunity.objects.exists()


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(CREATE)

    assert response.status_code == 302 and response.url.startswith("/konto/login/?next=")
    assert client.post(CREATE, {}).status_code == 302


def test_an_unconfirmed_account_gets_the_members_only_page(unconfirmed_client):
    response = unconfirmed_client.get(CREATE)

    assert response.status_code == 403
    assert "Bekreft e-postadressen din" in response.content.decode()


def test_a_coordinator_posts_like_a_member_with_their_own_profile(coordinator, coordinator_client):
    office = make_actor("Ullensaker kommune", owner=coordinator, kind=Actor.Kind.PUBLIC_BUYER)

    response = coordinator_client.post(CREATE, form_data(office))

    assert response.status_code == 302
    assert Opportunity.objects.get().actor == office


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_posting_refuses_other_methods(member_client, house, method):
    assert getattr(member_client, method)(CREATE).status_code == 405


# --- Bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Skriv en tittel."),
        ("title", "x" * 151, "150 eller færre tegn"),
        ("title", "Band\nsøkes", "Teksten inneholder et linjeskift"),
        ("title", "Band\u202esøkes", "et usynlig tegn (U+202E"),
        ("title", "\u200b\u200b", "et usynlig tegn (U+200B"),
        ("description", "x" * 4001, "4000 eller færre tegn"),
        ("description", "Tekst\x00med null", "Teksten inneholder et usynlig tegn (U+0000"),
        ("budget", "10 000\r\nkr", "Teksten inneholder et linjeskift"),
        ("budget", "x" * 201, "200 eller færre tegn"),
        ("sectors", [], "Velg minst én bransje."),
        ("kind", "alt", "Velg et gyldig valg"),
        ("deadline", "2020-01-01", "Fristen kan ikke være tilbake i tid."),
        ("deadline", "i morgen", "Skriv datoen som dd.mm.åååå"),
        ("municipality", "999999", "Velg et gyldig valg"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_what_was_typed_is_kept(
    member_client, house, field, value, message
):
    data = form_data(house, **{field: value})

    response = member_client.post(CREATE, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in response.context["form"].errors[field][0]
    assert 'class="field field--error"' in html and "Noe må rettes før muligheten" in html
    if field != "title":
        assert 'value="Vi søker lokale band til sommerscenen"' in html
    assert "Tre kvelder i juni." in html or field == "description"
    assert not Opportunity.objects.exists()


def test_the_deadline_may_be_today_or_up_to_a_year_ahead_but_no_more(member_client, house):
    today = timezone.localdate()
    too_far = member_client.post(
        CREATE, form_data(house, deadline=(today + timedelta(days=366)).isoformat())
    )
    assert "høyst ett år frem" in too_far.content.decode()
    for deadline in (today, today + timedelta(days=365)):
        response = member_client.post(CREATE, form_data(house, deadline=deadline.isoformat()))
        assert response.status_code == 302
    assert Opportunity.objects.count() == 2


def test_a_norwegian_date_is_understood(member_client, house):
    deadline = timezone.localdate() + timedelta(days=10)

    member_client.post(CREATE, form_data(house, deadline=deadline.strftime("%d.%m.%Y")))

    assert Opportunity.objects.get().deadline == deadline


def test_hostile_text_is_shown_as_text_on_the_list_the_page_and_the_feed(client, house):
    make_opportunity(
        house,
        title="<script>alert(1)</script> Band",
        description="<img src=x onerror=alert(1)> & mer",
        budget='"><b>fett</b>',
    )

    for url in ("/samarbeid/", Opportunity.objects.get().get_absolute_url(), "/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Band" in html
    feed = client.get("/samarbeid/feed/")
    assert feed.status_code == 200 and b"<script>" not in feed.content


# --- Editing ------------------------------------------------------------------------


def test_the_poster_edits_their_opportunity(member_client, own, house):
    url = f"/samarbeid/{own.slug}/endre/"
    assert 'value="Lokale band til sommerscenen"' in member_client.get(url).content.decode()

    response = member_client.post(url, form_data(house, title="Nå også kor"))

    own.refresh_from_db()
    assert response.status_code == 302 and own.title == "Nå også kor"


def test_an_edit_keeps_a_deadline_that_has_passed_unless_it_is_changed(member_client, house):
    passed = timezone.localdate() - timedelta(days=2)
    expired = make_opportunity(house, deadline=passed)
    url = f"/samarbeid/{expired.slug}/endre/"

    kept = member_client.post(url, form_data(house, deadline=passed.isoformat()))
    earlier = member_client.post(
        url, form_data(house, deadline=(passed - timedelta(days=1)).isoformat())
    )

    assert kept.status_code == 302
    assert earlier.status_code == 400


def test_others_get_a_404_for_someone_elses_opportunity(
    other_client, coordinator_client, unconfirmed_client, client, own, house
):
    for path in ("endre/", "lukk/", "gjenapne/"):
        url = f"/samarbeid/{own.slug}/{path}"
        assert other_client.post(url, form_data(house, title="Kapret")).status_code == 404
        # Coordinators change others' opportunities in the admin, not here.
        assert coordinator_client.post(url, form_data(house)).status_code == 404
        assert unconfirmed_client.post(url).status_code == 403
        assert client.post(url).status_code == 302
    assert other_client.get(f"/samarbeid/{own.slug}/endre/").status_code == 404
    own.refresh_from_db()
    assert own.title == "Lokale band til sommerscenen" and own.status == "open"


def test_a_poster_cannot_move_an_opportunity_to_someone_elses_profile(
    member_client, own, other_member
):
    theirs = make_actor("Andres profil", owner=other_member)

    response = member_client.post(f"/samarbeid/{own.slug}/endre/", form_data(theirs))

    assert response.status_code == 400
    own.refresh_from_db()
    assert own.actor.name == "Jessheim kulturhus"


# --- Closing and reopening ----------------------------------------------------------


def test_the_poster_closes_with_a_match_and_it_leaves_the_list(member_client, client, own):
    response = member_client.post(f"/samarbeid/{own.slug}/lukk/", {"filled": "on"})

    own.refresh_from_db()
    assert response.status_code == 302
    assert own.status == "closed" and own.filled and own.closed_at
    assert "Lokale band" not in client.get("/samarbeid/").content.decode()
    assert "den har fått treff" in client.get(own.get_absolute_url()).content.decode()


def test_the_poster_closes_without_a_match(member_client, own):
    member_client.post(f"/samarbeid/{own.slug}/lukk/")

    own.refresh_from_db()
    assert own.status == "closed" and not own.filled


def test_reopening_works_while_the_deadline_is_ahead(member_client, own):
    own.close(filled=True)

    member_client.post(f"/samarbeid/{own.slug}/gjenapne/")

    own.refresh_from_db()
    assert own.is_open and not own.filled


def test_reopening_after_the_deadline_asks_for_a_new_one(member_client, house):
    expired = make_opportunity(house, deadline=timezone.localdate() - timedelta(days=1))
    expired.close()

    response = member_client.post(f"/samarbeid/{expired.slug}/gjenapne/")

    expired.refresh_from_db()
    assert response.status_code == 302 and response.url == f"/samarbeid/{expired.slug}/endre/"
    assert expired.status == "closed"


@pytest.mark.parametrize("path", ["lukk/", "gjenapne/"])
def test_closing_and_reopening_take_only_post(member_client, own, path):
    assert member_client.get(f"/samarbeid/{own.slug}/{path}").status_code == 405


# --- Mine muligheter ----------------------------------------------------------------


def test_min_side_lists_the_posters_opportunities_with_their_answer_counts(
    member_client, own, other_member, house
):
    for n in range(2):
        Answer.objects.create(
            opportunity=own,
            actor=make_actor(owner=other_member),
            sender=other_member,
            message=f"Svar {n}",
        )
    closed = make_opportunity(house, title="Gammel utlysning")
    closed.close(filled=True)
    make_opportunity(title="Noen andres")

    html = member_client.get("/min-side/").content.decode()

    assert "Mine muligheter" in html
    assert "Lokale band til sommerscenen" in html and "2 svar" in html
    assert "Gammel utlysning" in html and "lukket, fikk treff" in html
    assert "Noen andres" not in html
    assert member_client.get("/samarbeid/mine/").status_code == 200


def test_min_side_guides_a_member_without_a_profile(other_client):
    html = other_client.get("/min-side/").content.decode()

    assert "trenger du en profil i aktøroversikten" in html
