"""Writing to an actor through the portal without seeing its e-mail address."""

import pytest
from django.core import mail
from django.urls import reverse

from actors.models import Actor, ContactMessage
from actors.services import sent_messages
from portal.client_address import client_address
from tests.factories import make_actor, make_member
from tests.profiles.conftest import logged_in


def contact_url(actor: Actor) -> str:
    return reverse("actors:contact", args=[actor.slug])


def message(**overrides) -> dict:
    data = {
        "name": "Berit Bestiller",
        "email": "berit@kulturhus.example.no",
        "subject": "Konsert i mars?",
        "body": "Hei! Har dere en ledig dato i mars?",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("persona", ["owner", "other_member", "visitor", "coordinator"])
def test_anyone_may_open_the_contact_form(clients, own_actor, persona):
    response = clients[persona].get(contact_url(own_actor))
    assert response.status_code == 200
    # The actor's own addresses are never on the page.
    page = response.content.decode()
    assert "profil@example.no" not in page
    if persona != "owner":  # the owner's own address is prefilled as the sender
        assert own_actor.owner.email not in page


def test_profiles_without_an_address_or_unpublished_have_no_contact_form(clients, owner_user):
    nowhere = make_actor("Uten Adresse")
    pending = make_actor("Ventende", owner=owner_user, status=Actor.Status.PENDING)
    assert clients["visitor"].get(contact_url(nowhere)).status_code == 404
    assert clients["owner"].get(contact_url(pending)).status_code == 404


def test_message_goes_to_the_owner_with_the_sender_as_reply_to_and_a_copy_back(
    clients, own_actor, owner_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = clients["visitor"].post(contact_url(own_actor), message())
    assert response.status_code == 302
    to_actor, copy = mail.outbox
    assert to_actor.to == [owner_user.email]
    assert to_actor.reply_to == ["berit@kulturhus.example.no"]
    assert "Har dere en ledig dato i mars?" in to_actor.body
    assert copy.to == ["berit@kulturhus.example.no"]
    assert owner_user.email not in copy.body + copy.subject + str(copy.reply_to)
    assert "profil@example.no" not in copy.body
    stored = ContactMessage.objects.get()
    assert stored.actor == own_actor and stored.sender_user is None


def test_an_unowned_profile_gets_the_message_at_its_own_address(
    clients, django_capture_on_commit_callbacks
):
    actor = make_actor("Eierløs", email="eierlos@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        clients["visitor"].post(contact_url(actor), message())
    assert mail.outbox[0].to == ["eierlos@example.no"]


def test_visitors_are_limited_per_hour_and_what_they_typed_is_kept(settings, clients, own_actor):
    settings.CONTACT_LIMIT_VISITOR = 2
    client = clients["visitor"]
    for n in range(2):
        assert client.post(contact_url(own_actor), message(subject=f"Nr {n}")).status_code == 302
    refused = client.post(contact_url(own_actor), message(body="Tredje gang, samme spørsmål."))
    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Du har sendt 2 meldinger den siste timen" in page
    assert "Tredje gang, samme spørsmål." in page
    assert ContactMessage.objects.count() == 2


def test_the_limit_counts_the_address_even_with_a_new_email(settings, clients, own_actor):
    settings.CONTACT_LIMIT_VISITOR = 1
    client = clients["visitor"]
    assert client.post(contact_url(own_actor), message()).status_code == 302
    second = client.post(contact_url(own_actor), message(email="ny@example.no"))
    assert second.status_code == 429


def test_members_have_a_higher_limit(settings, clients, own_actor):
    settings.CONTACT_LIMIT_VISITOR = 1
    settings.CONTACT_LIMIT_MEMBER = 2
    member = make_member("skriver")
    client = logged_in(member)
    data = message(email=member.email)
    assert client.post(contact_url(own_actor), data).status_code == 302
    assert client.post(contact_url(own_actor), data).status_code == 302
    assert client.post(contact_url(own_actor), data).status_code == 429


def test_honeypot_sends_nothing_and_stores_nothing(
    clients, own_actor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = clients["visitor"].post(contact_url(own_actor), message(website="http://spam"))
    assert response.status_code == 302
    assert mail.outbox == [] and not ContactMessage.objects.exists()


def test_line_breaks_in_the_subject_are_refused(clients, own_actor):
    response = clients["visitor"].post(
        contact_url(own_actor), message(subject="Hei\r\nBcc: x@y.no")
    )
    assert response.status_code == 400
    assert "Skriv den på én linje" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_members_sent_messages_are_listed_for_their_data_export(clients, own_actor):
    member = make_member("eksport")
    logged_in(member).post(contact_url(own_actor), message(email=member.email))
    clients["visitor"].post(contact_url(own_actor), message(email="annen@example.no"))
    [sent] = sent_messages(member)
    assert sent["to"] == "Eiers Ensemble" and sent["subject"] == "Konsert i mars?"


def test_client_address_behind_the_proxy_is_the_one_the_proxy_added(rf, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    forged_then_real = "6.6.6.6, 203.0.113.7"
    proxied = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forged_then_real)
    assert client_address(proxied) == "203.0.113.7"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    direct = rf.get("/", REMOTE_ADDR="198.51.100.2", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(direct) == "198.51.100.2"


def test_data_export_lists_sent_messages_and_deletion_removes_them(clients, own_actor):
    from accounts.personal_data import collect, erase

    member = make_member("sletter")
    logged_in(member).post(contact_url(own_actor), message(email=member.email))
    assert collect(member)["messages_sent"][0]["subject"] == "Konsert i mars?"
    erase(member)
    assert not ContactMessage.objects.exists()
