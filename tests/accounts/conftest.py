"""The accounts tests use the shared personas (tests/conftest.py) plus an unconfirmed account."""

import pytest

from tests.factories import PASSWORD, logged_in, make_unconfirmed

__all__ = ["PASSWORD", "logged_in"]


@pytest.fixture
def unconfirmed(db):
    return make_unconfirmed("ubekreftet")
