"""Following Samarbeidstorget and the weekly digest: what matches, once a week, never twice."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import MemberSettings
from actors.models import Actor
from events.models import OutgoingEmail
from opportunities import digest
from opportunities.digest import matching, send_digests
from opportunities.links import unsubscribe_token, unsubscribe_url
from opportunities.models import DigestEntry, Following, Opportunity
from tests.factories import make_actor, make_member, make_opportunity, municipality, sector
from tests.opportunities.conftest import logged_in

pytestmark = pytest.mark.django_db

MONDAY = datetime(2026, 3, 2, 7, 0, tzinfo=ZoneInfo("Europe/Oslo"))
FOLLOW = reverse("opportunities:follow")


def follow(user, *, kinds=(), sectors=(), municipalities=(), **fields) -> Following:
    following = Following.objects.create(user=user, kinds=list(kinds), **fields)
    following.sectors.set([sector(s) for s in sectors])
    following.municipalities.set([municipality(m) for m in municipalities])
    return following


def digests() -> list[OutgoingEmail]:
    return list(OutgoingEmail.objects.filter(kind="opportunity_digest").order_by("pk"))


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


@pytest.fixture
def mari(clock):
    return make_member("mari", first_name="Mari")


# --- Matching ----------------------------------------------------------------------------


def test_only_new_open_opportunities_that_match_every_group_are_sent(clock, mari):
    old = make_opportunity(title="Lagt ut før hun fulgte", sectors=[sector("musikk")])
    clock.shift(timedelta(hours=1))
    follow(mari, kinds=["open_call", "gig"], sectors=["musikk"], municipalities=["nes"])
    clock.shift(timedelta(hours=1))
    in_nes = make_opportunity(title="Konsert i Nes", municipality=municipality("nes"))
    whole_region = make_opportunity(title="Hele regionen", municipality=None)
    any_sector = make_opportunity(title="Alle bransjer", municipality=None)
    any_sector.sectors.clear()
    make_opportunity(title="Feil kommune", municipality=municipality("hurdal"))
    make_opportunity(title="Feil bransje", sectors=[sector("design")], municipality=None)
    make_opportunity(title="Feil type", kind=Opportunity.Kind.SPACE, municipality=None)
    make_opportunity(title="Utløpt", municipality=None, deadline=MONDAY.date() - timedelta(days=1))
    make_opportunity(title="Lukket", municipality=None, status=Opportunity.Status.CLOSED)
    make_opportunity(title="Skjult", municipality=None, hidden=True)
    make_opportunity(
        make_actor("Upublisert", status=Actor.Status.PENDING), title="Upublisert profil"
    )
    make_opportunity(make_actor("Maris egen", owner=mari), title="Hennes egen", municipality=None)

    assert send_digests() == 1

    (email,) = digests()
    assert email.to == mari.email
    for title in (in_nes.title, whole_region.title, any_sector.title):
        assert title in email.body_text
    for title in ("Feil kommune", "Feil bransje", "Feil type", "Utløpt", "Lukket", "Skjult",
                  "Upublisert profil", "Hennes egen", old.title):  # fmt: skip
        assert title not in email.body_text
    assert set(DigestEntry.objects.values_list("opportunity__title", flat=True)) == {
        in_nes.title, whole_region.title, any_sector.title
    }  # fmt: skip


def test_nothing_matches_nothing_is_sent_and_the_week_is_not_used_up(clock, mari):
    follow(mari, sectors=["design"])
    clock.shift(timedelta(hours=1))
    make_opportunity(title="Musikk", sectors=[sector("musikk")])

    assert send_digests() == 0
    assert digests() == []
    clock.shift(timedelta(days=1))
    make_opportunity(title="Design", sectors=[sector("design")])
    assert send_digests() == 1  # the next day: no week to wait


def test_an_empty_follow_means_everything_and_switched_off_means_nothing(clock, mari):
    follow(mari)
    follow(make_member("av"), active=False)
    clock.shift(timedelta(hours=1))
    make_opportunity(title="Hva som helst")

    assert send_digests() == 1
    assert [e.to for e in digests()] == [mari.email]


def test_unconfirmed_and_inactive_accounts_get_no_digest(clock):
    from tests.factories import make_unconfirmed

    follow(make_unconfirmed("ubekreftet"))
    gone = make_member("borte")
    gone.is_active = False
    gone.save()
    follow(gone)
    clock.shift(timedelta(hours=1))
    make_opportunity()

    assert send_digests() == 0


# --- Once a week, never twice --------------------------------------------------------------


def test_at_most_one_digest_a_week_and_never_the_same_opportunity_twice(clock, mari):
    follow(mari)
    clock.shift(timedelta(hours=1))
    first = make_opportunity(title="Første uke")
    assert send_digests() == 1

    clock.shift(timedelta(days=3))
    second = make_opportunity(title="Andre uke")
    assert send_digests() == 0  # three days later: wait

    clock.shift(timedelta(days=4))  # seven days after the first
    assert send_digests() == 1
    latest = digests()[-1]
    assert second.title in latest.body_text
    assert first.title not in latest.body_text

    clock.shift(timedelta(days=8))
    assert send_digests() == 0  # nothing new: no e-mail
    assert len(digests()) == 2


def test_two_overlapping_runs_send_each_member_one_digest(clock):
    """The second run starts inside the first, when it has written its first e-mail."""
    members = [make_member(f"folger{n}") for n in range(3)]
    for member in members:
        follow(member)
    clock.shift(timedelta(hours=1))
    make_opportunity(title="Til alle")
    second_run: list[int] = []

    def start_second_run(sender, instance, created, **kwargs):
        if created and not second_run:
            second_run.append(-1)
            second_run[0] = send_digests()

    post_save.connect(start_second_run, sender=OutgoingEmail)
    try:
        first_run = send_digests()
    finally:
        post_save.disconnect(start_second_run, sender=OutgoingEmail)

    assert sorted(e.to for e in digests()) == sorted(m.email for m in members)
    assert first_run + second_run[0] == 3
    assert second_run[0] > 0  # the runs really overlapped
    assert DigestEntry.objects.count() == 3


def test_a_run_that_read_the_member_before_another_run_sent_sends_nothing(clock, mari):
    """On PostgreSQL two runs read the same rows before either commits: the week is
    claimed by a conditional UPDATE, so the slower run finds it taken."""
    following = follow(mari)
    clock.shift(timedelta(hours=1))
    make_opportunity(title="Til Mari")
    stale = Following.objects.get(pk=following.pk)
    found_by_slow_run = matching(stale)

    assert send_digests() == 1  # the faster run
    assert digest._send(stale, found_by_slow_run, now=timezone.now()) is False
    assert len(digests()) == 1 and DigestEntry.objects.count() == 1


def test_the_command_reports_how_many_it_sent(clock, mari, capsys):
    follow(mari)
    clock.shift(timedelta(hours=1))
    make_opportunity()
    call_command("send_opportunity_digest")
    assert "Oversikter lagt i kø: 1" in capsys.readouterr().out


# --- Language and unsubscribing ------------------------------------------------------------


def test_the_digest_is_in_the_members_language_and_has_the_unsubscribe_header(
    clock, mari, django_capture_on_commit_callbacks
):
    MemberSettings.objects.create(user=mari, language="en")
    following = follow(mari)
    norsk = make_member("norsk")
    follow(norsk)
    clock.shift(timedelta(hours=1))
    make_opportunity(title="Konsert i parken")

    with django_capture_on_commit_callbacks(execute=True):
        send_digests()

    english, norwegian = sorted(mail.outbox, key=lambda m: m.to[0] != mari.email)
    assert english.subject == "New opportunities on the collaboration marketplace"
    assert "Unsubscribe with one click" in english.body
    assert norwegian.subject == "Nye muligheter på Samarbeidstorget"
    assert "Meld deg av med ett klikk" in norwegian.body
    url = unsubscribe_url(following)
    assert url in english.body
    assert english.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent_header = english.message()["List-Unsubscribe"]  # as sent (long lines are folded)
    assert "".join(str(sent_header).split()) == f"<{url}>"


def test_the_unsubscribe_link_asks_first_then_a_post_unsubscribes(mari):
    following = follow(mari)
    url = reverse("opportunities:unsubscribe", args=[unsubscribe_token(following)])

    page = Client().get(url)
    assert page.status_code == 200
    assert "Ja, meld meg av" in page.content.decode()
    assert mari.email not in page.content.decode()
    following.refresh_from_db()
    assert following.active  # opening the link (a mail scanner) changes nothing

    done = Client().post(url)
    assert done.status_code == 200
    following.refresh_from_db()
    assert not following.active
    assert Client().put(url).status_code == 405


def test_one_click_unsubscribe_works_without_a_csrf_cookie(mari):
    """RFC 8058: the mail provider POSTs List-Unsubscribe=One-Click, with no cookies."""
    following = follow(mari)
    url = reverse("opportunities:unsubscribe", args=[unsubscribe_token(following)])

    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    following.refresh_from_db()
    assert not following.active


def test_a_tampered_or_foreign_token_is_refused(mari):
    following = follow(mari)
    other = follow(make_member("annen"))
    token = unsubscribe_token(following)
    _value, stamp, signature = token.split(":")
    forged = f"{other.pk}.{other.user_id}:{stamp}:{signature}"

    for bad in (forged, token[:-2] + "xx", "1.1", "ikke-en-lenke"):
        response = Client().post(reverse("opportunities:unsubscribe", args=[bad]))
        assert response.status_code == 400
        assert "Lenken er ikke gyldig" in response.content.decode()
    following.refresh_from_db()
    other.refresh_from_db()
    assert following.active and other.active


def test_a_link_for_a_deleted_account_says_so(mari):
    token = unsubscribe_token(follow(mari))
    mari.delete()

    response = Client().get(reverse("opportunities:unsubscribe", args=[token]))

    assert response.status_code == 400
    assert "Vi finner ikke abonnementet" in response.content.decode()


def test_switching_the_email_off_in_the_form_says_so(mari):
    follow(mari)
    response = logged_in(mari).post(FOLLOW, {}, follow=True)
    assert "Du får ingen e-post om muligheter." in response.content.decode()
    assert not Following.objects.get(user=mari).active


def test_an_old_link_says_it_is_too_old(clock, mari):
    following = follow(mari)
    token = unsubscribe_token(following)
    clock.shift(timedelta(days=401))

    response = Client().post(reverse("opportunities:unsubscribe", args=[token]))

    assert response.status_code == 400
    assert "Lenken er for gammel" in response.content.decode()


# --- The follow form -----------------------------------------------------------------------


def test_a_member_chooses_what_to_follow(mari, clock):
    client = logged_in(mari)
    page = client.get(FOLLOW)
    assert page.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()

    response = client.post(
        FOLLOW,
        {
            "active": "on",
            "kinds": ["open_call"],
            "sectors": [sector("musikk").pk],
            "municipalities": [municipality("nes").pk],
        },
    )

    assert response.status_code == 302
    following = Following.objects.get(user=mari)
    assert following.active and following.kinds == ["open_call"]
    assert list(following.sectors.all()) == [sector("musikk")]
    assert list(following.municipalities.all()) == [municipality("nes")]
    assert following.started_at == MONDAY
    assert MemberSettings.objects.get(user=mari).language == "nb"


def test_switching_the_email_on_again_starts_from_now(mari, clock):
    following = follow(mari, active=False)
    clock.shift(timedelta(days=30))

    logged_in(mari).post(FOLLOW, {"active": "on"})

    following.refresh_from_db()
    assert following.active
    assert following.started_at == timezone.now() > MONDAY


def test_bad_choices_are_refused_in_norwegian(mari):
    response = logged_in(mari).post(FOLLOW, {"active": "on", "kinds": ["spam"], "sectors": [2**70]})
    assert response.status_code == 400
    assert "Velg et gyldig valg" in response.content.decode()
    assert not Following.objects.exists()


def test_an_english_member_gets_english_digests_from_the_start(mari):
    english = logged_in(mari)
    english.cookies["django_language"] = "en"
    english.post(FOLLOW, {"active": "on"})
    assert MemberSettings.objects.get(user=mari).language == "en"


def test_visitors_log_in_and_unconfirmed_accounts_are_refused(db):
    from tests.factories import make_unconfirmed

    visitor = Client().get(FOLLOW)
    assert visitor.status_code == 302 and "/konto/login/" in visitor["Location"]
    assert logged_in(make_unconfirmed("u")).get(FOLLOW).status_code == 403
    assert logged_in(make_member("m")).delete(FOLLOW).status_code == 405
