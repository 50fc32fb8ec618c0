"""One spelling of an e-mail address for everything that compares them.

Django and allauth compare addresses lower-cased, but Unicode has many spellings
that look alike or mean the same (a full-width `ｋ`, the Kelvin sign `K`). NFKC
folds those into one form and casefold() makes case comparisons total, so a login
counter, a duplicate check or a lookup keyed on `normalise_email()` cannot be
dodged by respelling the same address. The rule itself is
`portal.validators.normalise_email`, shared with registrations and contact messages.
"""

from portal.validators import normalise_email

__all__ = ["display_name", "normalise_email"]


def display_name(user) -> str:
    """How allauth names the member in messages: their name, else their address.

    The user name is generated from the address and means nothing to them.
    """
    return user.get_full_name() or user.email
