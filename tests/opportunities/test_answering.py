"""Answering an opportunity: members only, from their own published profiles, while it is open."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import MemberSettings
from actors.models import Actor
from events.models import OutgoingEmail
from opportunities.models import Answer, Opportunity
from tests.factories import make_actor, make_member, make_opportunity
from tests.opportunities.conftest import logged_in

pytestmark = pytest.mark.django_db

MESSAGE = "Hei! Vi er en kvartett fra Nes og spiller gjerne i parken i juni."


def answer_url(opportunity: Opportunity) -> str:
    return reverse("opportunities:answer", args=[opportunity.slug])


def answer_data(actor: Actor, **overrides) -> dict:
    data = {"actor": actor.pk, "message": MESSAGE, "website": ""}
    data.update(overrides)
    return data


# --- Who may answer -------------------------------------------------------------------


def test_a_member_gets_the_form_with_only_their_own_published_profiles(clients, call, band):
    make_actor("Mari solo", owner=band.owner, status=Actor.Status.PENDING)
    make_actor("Noen andres band")

    page = clients["musician"].get(answer_url(call))

    assert page.status_code == 200
    form = page.context["form"]
    assert [label for _pk, label in form.fields["actor"].choices] == ["Mari og bandet"]
    html = page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Mari solo" not in html and "Noen andres band" not in html


def test_visitors_are_asked_to_log_in(clients, call):
    response = clients["visitor"].get(answer_url(call))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unconfirmed_account_gets_the_members_only_page(clients, call):
    response = clients["unconfirmed"].get(answer_url(call))
    assert response.status_code == 403
    assert "Bekreft e-postadressen din" in response.content.decode()
    assert clients["unconfirmed"].post(answer_url(call), {"message": MESSAGE}).status_code == 403
    assert not Answer.objects.exists()


def test_the_poster_cannot_answer_their_own_opportunity_even_from_another_profile(
    clients, call, poster
):
    second = make_actor("Kulturhusets kafé", owner=poster)

    page = clients["poster"].get(answer_url(call))
    refused = clients["poster"].post(answer_url(call), answer_data(second))

    assert page.context["form"] is None
    assert "Dette er en mulighet du har lagt ut selv" in page.content.decode()
    assert refused.status_code == 400
    assert not Answer.objects.exists()


def test_a_coordinator_without_a_profile_is_told_to_make_one(clients, call):
    page = clients["coordinator"].get(answer_url(call))

    assert page.status_code == 200
    assert page.context["form"] is None
    assert "ingen publisert profil" in page.content.decode()


def test_wrong_method_is_refused(clients, call):
    assert clients["musician"].put(answer_url(call)).status_code == 405
    assert clients["musician"].delete(answer_url(call)).status_code == 405


def test_a_post_without_the_csrf_token_is_refused(musician, call, band):
    client = Client(enforce_csrf_checks=True)
    client.force_login(musician)
    assert client.post(answer_url(call), answer_data(band)).status_code == 403
    assert not Answer.objects.exists()


# --- Sending -------------------------------------------------------------------------


def test_the_answer_reaches_the_poster_with_reply_to_and_a_copy_goes_back(
    clients, call, band, poster, musician, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = clients["musician"].post(answer_url(call), answer_data(band))

    assert response.status_code == 302
    answer = Answer.objects.get()
    assert (answer.opportunity, answer.actor, answer.sender) == (call, band, musician)
    to_poster, copy = mail.outbox
    assert to_poster.to == [poster.email]
    assert to_poster.reply_to == [musician.email]
    assert "Mari og bandet" in to_poster.subject and call.title in to_poster.subject
    assert MESSAGE in to_poster.body
    assert f"/aktorer/{band.slug}/" in to_poster.body
    assert copy.to == [musician.email]
    assert MESSAGE in copy.body
    # The responder never sees the poster's address.
    assert poster.email not in copy.body + copy.subject + str(copy.reply_to)
    assert "post@kulturhus.example" not in copy.body


def test_each_reads_the_email_in_their_own_language(
    clients, call, band, poster, django_capture_on_commit_callbacks
):
    MemberSettings.objects.create(user=poster, language="en")
    clients["musician"].cookies["django_language"] = "nb"

    with django_capture_on_commit_callbacks(execute=True):
        clients["musician"].post(answer_url(call), answer_data(band))

    to_poster, copy = mail.outbox
    assert to_poster.subject.startswith("Answer to")
    assert "has answered" in to_poster.body
    assert copy.subject.startswith("Kopi av svaret ditt")


def test_a_second_answer_from_the_same_profile_is_refused_and_says_why(
    clients, call, band, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        clients["musician"].post(answer_url(call), answer_data(band))
        again = clients["musician"].post(
            answer_url(call), answer_data(band, message="Glemte å si at vi har eget lydanlegg.")
        )

    assert again.status_code == 400
    html = again.content.decode()
    assert "«Mari og bandet» har allerede svart på denne muligheten" in html
    assert "Glemte å si at vi har eget lydanlegg." in html  # what was typed is kept
    assert Answer.objects.count() == 1
    assert len(mail.outbox) == 2


def test_someone_elses_profile_or_a_look_alike_cannot_answer(clients, call, band, musician):
    # Another member's profile with the very same name as the musician's.
    look_alike = make_actor("Mari og bandet", owner=make_member("etterligner"))
    pending = make_actor("Mari venter", owner=musician, status=Actor.Status.PENDING)

    for actor in (look_alike, pending, call.actor):
        response = clients["musician"].post(answer_url(call), answer_data(actor))
        assert response.status_code == 400
        assert "Velg en av dine egne publiserte profiler" in response.content.decode()
    huge = clients["musician"].post(answer_url(call), {**answer_data(band), "actor": 2**70})
    assert huge.status_code == 400
    assert not Answer.objects.exists()


# --- Only while open -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (
            {"deadline": timezone.localdate() - timedelta(days=1)},
            "Fristen for denne muligheten er ute",
        ),
        ({"status": Opportunity.Status.CLOSED}, "ikke åpen for svar lenger"),
    ],
)
def test_expired_and_closed_opportunities_say_so_and_take_no_answer(
    clients, call, band, change, says
):
    Opportunity.objects.filter(pk=call.pk).update(**change)

    page = clients["musician"].get(answer_url(call))
    refused = clients["musician"].post(answer_url(call), answer_data(band))

    assert page.status_code == 200 and page.context["form"] is None
    assert says in page.content.decode()
    assert refused.status_code == 400
    assert not Answer.objects.exists()


def test_a_hidden_opportunity_is_gone_for_members_and_closed_for_coordinators(clients, call, band):
    Opportunity.objects.filter(pk=call.pk).update(hidden=True)

    assert clients["musician"].get(answer_url(call)).status_code == 404
    assert clients["musician"].post(answer_url(call), answer_data(band)).status_code == 404
    coordinator_page = clients["coordinator"].get(answer_url(call))
    assert "ikke åpen for svar lenger" in coordinator_page.content.decode()
    assert not Answer.objects.exists()


# --- Bad input and spam ----------------------------------------------------------------


def test_errors_are_in_norwegian_next_to_the_field_and_the_text_is_kept(clients, call, band):
    too_long = "Lang tekst. " * 300
    response = clients["musician"].post(answer_url(call), answer_data(band, message=too_long))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Meldingen er for lang: høyst 3000 tegn" in html
    assert "Lang tekst. Lang tekst." in html
    empty = clients["musician"].post(answer_url(call), answer_data(band, message="  "))
    assert "Skriv en melding." in empty.content.decode()
    assert not Answer.objects.exists()


@pytest.mark.parametrize("hidden", ["\x1b[31m", "\u202e", "\x00"])
def test_control_characters_in_the_message_are_refused(clients, call, band, hidden):
    response = clients["musician"].post(
        answer_url(call), answer_data(band, message=f"Hei {hidden}der")
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()


def test_a_name_with_a_line_break_cannot_add_a_header(
    clients, call, band, django_capture_on_commit_callbacks
):
    # Stored before the validators or through update(): the subject stays one line.
    Actor.objects.filter(pk=band.pk).update(name="Mari\r\nBcc: alle@example.com")

    with django_capture_on_commit_callbacks(execute=True):
        response = clients["musician"].post(answer_url(call), answer_data(band))

    assert response.status_code == 302
    to_poster = mail.outbox[0]
    assert "\n" not in to_poster.subject and "\r" not in to_poster.subject
    assert to_poster.bcc == []
    assert to_poster.message()["Bcc"] is None
    assert "Mari Bcc: alle@example.com" in to_poster.subject


def test_the_honeypot_sends_nothing_and_stores_nothing(clients, call, band):
    response = clients["musician"].post(
        answer_url(call), answer_data(band, website="http://spam.example")
    )
    assert response.status_code == 302
    assert not Answer.objects.exists()
    assert mail.outbox == []


def test_a_member_is_limited_per_hour_like_the_contact_form(settings, clients, band, musician):
    settings.CONTACT_LIMIT_MEMBER = 2
    calls = [make_opportunity(title=f"Utlysning {n}") for n in range(3)]
    # From a new address each time (a phone moving between networks): the account still counts.
    for n, opportunity in enumerate(calls[:2]):
        sent = clients["musician"].post(
            answer_url(opportunity), answer_data(band), REMOTE_ADDR=f"10.0.0.{n}"
        )
        assert sent.status_code == 302

    refused = clients["musician"].post(
        answer_url(calls[2]), answer_data(band), REMOTE_ADDR="10.0.0.9"
    )

    assert refused.status_code == 429
    assert "som er grensen" in refused.content.decode()
    assert MESSAGE in refused.content.decode()
    assert Answer.objects.count() == 2


def test_one_client_address_is_limited_across_accounts(settings, band):
    settings.CONTACT_LIMIT_MEMBER = 2
    calls = [make_opportunity(title=f"Utlysning {n}") for n in range(3)]
    others = []
    for n in range(3):
        member = make_member(f"nabo{n}")
        others.append((logged_in(member), make_actor(f"Nabo {n}", owner=member)))
    for (client, actor), opportunity in zip(others[:2], calls[:2], strict=True):
        assert client.post(answer_url(opportunity), answer_data(actor)).status_code == 302

    client, actor = others[2]
    assert client.post(answer_url(calls[2]), answer_data(actor)).status_code == 429
    assert Answer.objects.count() == 2


# --- The service's own guards (what the form cannot see) --------------------------------


def test_two_answers_at_once_from_one_profile_save_one_and_send_one(call, band, musician):
    """Both passed the form's check; the unique constraint lets one through."""
    from opportunities import answers

    send = {"opportunity": call, "actor": band, "user": musician, "address": "10.0.0.1"}
    answers.send_answer(**send, message="Først", language="nb")
    with pytest.raises(answers.AlreadyAnswered):
        answers.send_answer(**send, message="Samtidig", language="nb")

    assert list(Answer.objects.values_list("message", flat=True)) == ["Først"]
    assert OutgoingEmail.objects.filter(body_text__contains="Samtidig").count() == 0


def test_the_service_refuses_a_profile_that_is_not_the_members(call, musician):
    from opportunities import answers

    with pytest.raises(answers.CannotAnswer):
        answers.send_answer(
            opportunity=call, actor=make_actor("Fremmed"), user=musician, message="Hei",
            address="10.0.0.1", language="nb",
        )  # fmt: skip
    assert not Answer.objects.exists()
