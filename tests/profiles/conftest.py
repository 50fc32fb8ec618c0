"""The people the members' profile pages must tell apart, as logged-in test clients.

- `owner`: a member who owns `own_actor`;
- `other_member`: a member who owns nothing here;
- `unconfirmed`: an account whose e-mail is not confirmed (not a member);
- `visitor`: no account;
- `coordinator`: staff, with an e-mail address so they are told about new profiles.
"""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client

from portal.permissions import is_member
from tests.factories import logged_in, make_actor, make_member, make_staff, make_user


def make_unconfirmed_user(username: str):
    """An account that has signed up but not confirmed its e-mail (django-allauth)."""
    user = make_user(username)
    if "allauth.account" in settings.INSTALLED_APPS:
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


@pytest.fixture
def owner_user(db):
    return make_member("eier", first_name="Eva", last_name="Eier")


@pytest.fixture
def own_actor(owner_user):
    return make_actor("Eiers Ensemble", owner=owner_user, email="profil@example.no")


@pytest.fixture
def coordinator_user(db):
    return make_staff("koordinator", email="koordinator@example.no")


@pytest.fixture
def clients(db, owner_user, coordinator_user) -> dict[str, Client]:
    unconfirmed = make_unconfirmed_user("ubekreftet")
    return {
        "owner": logged_in(owner_user),
        "other_member": logged_in(make_member("annen")),
        "unconfirmed": logged_in(unconfirmed) if not is_member(unconfirmed) else None,
        "visitor": Client(),
        "coordinator": logged_in(coordinator_user),
    }


def client_for(clients: dict, persona: str) -> Client:
    client = clients[persona]
    if client is None:
        pytest.skip("no unconfirmed accounts until the accounts app confirms e-mail addresses")
    return client


def assert_login_redirect(response) -> None:
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
