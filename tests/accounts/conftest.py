"""Personas for the accounts tests: a confirmed member, an unconfirmed account, a coordinator."""

import pytest
from django.test import Client

from tests.factories import confirm_email, make_staff, make_user

PASSWORD = "passord-for-test"


@pytest.fixture
def member(db):
    return confirm_email(make_user("medlem", first_name="Mona", last_name="Medlem"))


@pytest.fixture
def other_member(db):
    return confirm_email(make_user("annet-medlem", first_name="Ola", last_name="Annen"))


@pytest.fixture
def unconfirmed(db):
    return confirm_email(make_user("ubekreftet"), verified=False)


@pytest.fixture
def coordinator(db):
    return confirm_email(make_staff("koordinator", first_name="Kari"))


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def member_client(member):
    return logged_in(member)
