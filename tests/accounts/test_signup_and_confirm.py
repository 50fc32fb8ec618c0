"""Sign-up with e-mail and password, confirmation by signed link, password rules."""

import re
from datetime import timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from portal.permissions import has_confirmed_email, is_member

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "blå-fiolin-på-taket-9"


def _sign_up(client, email="ny@example.no", password=GOOD_PASSWORD, **extra):
    return client.post(
        "/konto/signup/", {"email": email, "password1": password, "password2": password, **extra}
    )


def _link_from_last_mail() -> str:
    return re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)


def test_sign_up_creates_an_unconfirmed_account_and_sends_a_norwegian_link(client):
    response = _sign_up(client)

    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny@example.no")
    assert not has_confirmed_email(user)
    assert not is_member(user)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ny@example.no"]
    assert "Bekreft e-postadressen" in mail.outbox[0].subject
    assert _link_from_last_mail().startswith("http://127.0.0.1:8000/")


def test_an_english_visitor_gets_the_message_in_english(english):
    _sign_up(english)

    assert "Confirm your e-mail address" in mail.outbox[0].subject
    assert "confirm" in mail.outbox[0].body.lower()


def test_the_link_confirms_after_a_click_and_the_account_becomes_a_member(client):
    _sign_up(client)
    path = _link_from_last_mail().split("8000", 1)[1]

    page = client.get(path)
    assert page.status_code == 200
    assert not EmailAddress.objects.get(email="ny@example.no").verified  # GET changes nothing

    client.post(path)

    user = get_user_model().objects.get(email="ny@example.no")
    assert EmailAddress.objects.get(email="ny@example.no").verified
    assert is_member(user)


def test_a_tampered_link_is_refused(client):
    _sign_up(client)
    path = _link_from_last_mail().split("8000", 1)[1]
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]

    client.post(tampered)

    assert not EmailAddress.objects.get(email="ny@example.no").verified


def test_an_expired_link_is_refused(client):
    _sign_up(client)
    path = _link_from_last_mail().split("8000", 1)[1]

    with time_machine.travel(timezone.now() + timedelta(days=4)):
        client.post(path)

    assert not EmailAddress.objects.get(email="ny@example.no").verified


def test_an_unconfirmed_account_cannot_log_in_and_is_sent_a_new_link(client, unconfirmed):
    response = client.post(
        "/konto/login/", {"login": unconfirmed.email, "password": "passord-for-test"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert mail.outbox[-1].to == [unconfirmed.email]


@pytest.mark.parametrize(
    "password, message",
    [
        ("kort-9", "minst 12 tegn"),
        ("qwertyqwerty", "for vanlig"),
        ("123456789012345", "bare tall"),
        ("ny@example.no!!", "for likt"),
    ],
)
def test_weak_passwords_are_refused_in_norwegian(client, password, message):
    response = _sign_up(client, password=password)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(email="ny@example.no").exists()


def test_a_look_alike_spelling_of_a_taken_address_is_the_same_address(client):
    _sign_up(client, email="kari@example.no")
    client.post("/konto/logout/")

    _sign_up(client, email="ｋari@example.no")  # full-width k

    assert get_user_model().objects.filter(email__iexact="kari@example.no").count() == 1
    assert not get_user_model().objects.filter(email="ｋari@example.no").exists()


def test_the_honeypot_creates_no_account(client):
    _sign_up(client, nettsted="http://spam.example")

    assert not get_user_model().objects.exists()


def test_passwords_are_hashed_with_argon2_first():
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from portal import settings as project

    assert project.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert Argon2PasswordHasher().encode("x", "saltsaltsalt").startswith("argon2$argon2id$")


def test_an_address_longer_than_the_column_is_refused_with_a_message(client):
    long_address = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".no"  # valid, 311 characters

    response = _sign_up(client, email=long_address)

    assert response.status_code == 200
    assert "høyst 254 tegn" in response.content.decode()
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("language, subject", [("en", "New password at"), ("nb", "Nytt passord")])
def test_account_emails_go_in_the_recipients_language(client, member, language, subject):
    from accounts.models import MemberSettings

    MemberSettings.objects.create(user=member, language=language)

    client.post("/konto/password/reset/", {"email": member.email})  # from a Norwegian page

    assert mail.outbox[-1].subject.startswith(subject)
    assert "http://127.0.0.1:8000/konto/password/reset/key/" in mail.outbox[-1].body


def test_links_in_account_emails_come_from_site_url_not_the_host_header(client, member):
    client.post("/konto/password/reset/", {"email": member.email}, HTTP_HOST="127.0.0.1:6666")

    assert "6666" not in mail.outbox[-1].body


def test_a_changed_password_is_told_by_e_mail(member_client, member):
    member_client.post(
        "/konto/password/change/",
        {"oldpassword": "passord-for-test", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )

    member.refresh_from_db()
    assert member.check_password(GOOD_PASSWORD)
    assert mail.outbox[-1].to == [member.email]
