"""The accounts tests use the shared personas (tests/conftest.py) plus an unconfirmed account."""

import pytest
from django.test import Client

from tests.factories import PASSWORD, make_unconfirmed

__all__ = ["PASSWORD", "logged_in"]


@pytest.fixture
def unconfirmed(db):
    return make_unconfirmed("ubekreftet")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
