"""Possible duplicates of an actor, found before it is saved.

Three signs, each enough on its own: the same organisation number, the same e-mail
address, or a very similar name in the same municipality ("Nes keramikk" and
"Nes Keramikk AS"). The admin's form warns with a link to the existing profile and
lets the coordinator save anyway; the members' profile form (actors/profile_forms.py)
and the spreadsheet import (actors/imports.py) call find_duplicates() the same way.

One query: the candidates sharing the number, the address or the municipality.
Names are compared in Python with rapidfuzz on folded names without company
suffixes, which is fast for the few thousand profiles of a municipality.
"""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from actors.models import Actor
from portal.text import fold

SIMILAR_NAME = 88  # rapidfuzz ratio (0–100) from which two names count as "very similar"
_SUFFIXES = re.compile(r"\b(as|asa|ans|da|sa|enk|nuf|ba)\b")
_SPACE = re.compile(r"[^\w]+")

SAME_ORG_NUMBER = _("samme organisasjonsnummer")
SAME_EMAIL = _("samme e-postadresse")
SIMILAR_NAME_SAME_PLACE = _("nesten samme navn i samme kommune")


@dataclass(frozen=True)
class Duplicate:
    actor: Actor
    reason: str


def comparable_name(name: str) -> str:
    """Folded, company suffixes and punctuation removed: "Nes Keramikk AS" → "nes keramikk"."""
    folded = _SPACE.sub(" ", fold(name or "").casefold())
    return " ".join(_SUFFIXES.sub(" ", folded).split())


def find_duplicates(
    *,
    name: str,
    municipality=None,
    org_number: str = "",
    email: str = "",
    exclude_pk: int | None = None,
) -> list[Duplicate]:
    """Existing actors that may be the same as this one, each with the first reason found."""
    signs = Q()
    if org_number:
        signs |= Q(org_number=org_number)
    if email:
        signs |= Q(email__iexact=email)
    if municipality is not None and name:
        signs |= Q(municipality=municipality)
    if not signs:
        return []
    candidates = Actor.objects.filter(signs).only(
        "pk", "name", "slug", "org_number", "email", "municipality_id", "status"
    )
    if exclude_pk is not None:
        candidates = candidates.exclude(pk=exclude_pk)
    wanted = comparable_name(name)
    municipality_id = getattr(municipality, "pk", municipality)
    found = []
    for actor in candidates.order_by("name", "pk"):
        if org_number and actor.org_number == org_number:
            found.append(Duplicate(actor, str(SAME_ORG_NUMBER)))
        elif email and actor.email.casefold() == email.casefold():
            found.append(Duplicate(actor, str(SAME_EMAIL)))
        elif (
            actor.municipality_id == municipality_id
            and wanted
            and fuzz.ratio(wanted, comparable_name(actor.name)) >= SIMILAR_NAME
        ):
            found.append(Duplicate(actor, str(SIMILAR_NAME_SAME_PLACE)))
    return found
