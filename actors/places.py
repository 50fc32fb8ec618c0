"""Place names of Øvre Romerike and the municipality each belongs to.

Used where a place typed by a person must become a municipality: the directory's
search box ("jazz Kløfta" means jazz actors in Ullensaker) and spreadsheet imports
(a "Kommune", "Poststed" or "Postnummer" column). Plain tables, so a missing village
or postal code is one line to add.

Names are compared folded (see `fold`): case, accents, æ/ø/å and their spellings
on a keyboard without them ("Aarnes", "Kloefta", "Arnes") do not matter.
"""

import re
from dataclasses import dataclass

from portal.text import fold as fold_letters

# municipality slug → the place names and postal places in it (the municipality's
# own name is added below). Villages, postal places and well-known localities.
PLACES: dict[str, tuple[str, ...]] = {
    "ullensaker": (
        "Jessheim",
        "Kløfta",
        "Gardermoen",
        "Nordkisa",
        "Mogreina",
        "Algarheim",
        "Hovin",
        "Sessvollmoen",
    ),
    "eidsvoll": (
        "Eidsvoll verk",
        "Råholt",
        "Dal",
        "Bøn",
        "Vilberg",
        "Feiring",
        "Minnesund",
        "Eidsvoll stasjon",
    ),
    "nannestad": (
        "Maura",
        "Holter",
        "Teigebyen",
        "Åsgreina",
        "Eltonåsen",
        "Preståsen",
        "Bjørke",
    ),
    "gjerdrum": ("Ask", "Heni", "Gjerdrumsmoen", "Kulsrud"),
    "hurdal": ("Hurdal verk", "Rustad", "Hurdal sentrum", "Gjøding"),
    "nes": (
        "Årnes",
        "Skogbygda",
        "Hvam",
        "Sand",
        "Vormsund",
        "Fenstad",
        "Auli",
        "Oppaker",
        "Rånåsfoss",
        "Brårud",
    ),
}
MUNICIPALITY_NAMES = {
    "ullensaker": "Ullensaker",
    "eidsvoll": "Eidsvoll",
    "nannestad": "Nannestad",
    "gjerdrum": "Gjerdrum",
    "hurdal": "Hurdal",
    "nes": "Nes",
}
# municipality slug → its postal codes (Posten's register; post-box codes included).
POSTAL_CODES: dict[str, tuple[str, ...]] = {
    "ullensaker": (
        "2040", "2041", "2050", "2051", "2052", "2053", "2054", "2055", "2056", "2057",
        "2058", "2060", "2061", "2066", "2067", "2068", "2069",
    ),
    "eidsvoll": ("2070", "2071", "2072", "2073", "2074", "2076", "2080", "2081", "2092", "2093"),
    "nannestad": ("2030", "2031", "2032", "2033", "2034"),
    "gjerdrum": ("2022", "2024"),
    "hurdal": ("2090", "2091"),
    "nes": ("2150", "2151", "2160", "2161", "2162", "2163", "2164", "2165", "2166", "2170"),
}  # fmt: skip
_POSTAL_INDEX = {code: slug for slug, codes in POSTAL_CODES.items() for code in codes}

# Longest place names have two words ("Eidsvoll verk").
MAX_PLACE_WORDS = 2

# How Norwegian letters are typed without them: "aa" for å, "oe" for ø.
_KEYBOARD = (("aa", "a"), ("oe", "o"))
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Case, accents and Norwegian letters folded away: "Kløfta", "KLOEFTA" → "klofta"."""
    text = fold_letters(text)
    for typed, letter in _KEYBOARD:
        text = text.replace(typed, letter)
    return text


def _index() -> dict[str, tuple[str, str]]:
    """Folded place name → (municipality slug, the name as written)."""
    index: dict[str, tuple[str, str]] = {}
    for slug, names in PLACES.items():
        for name in (MUNICIPALITY_NAMES[slug], *names):
            index[" ".join(_WORD.findall(fold(name)))] = (slug, name)
    return index


_INDEX = _index()


def municipality_of(place: str) -> str | None:
    """The municipality slug of a place or postal place, or None: "Eidsvoll Verk" → "eidsvoll"."""
    found = _INDEX.get(" ".join(_WORD.findall(fold(place))))
    return found[0] if found else None


def municipality_of_postal_code(code: str) -> str | None:
    """The municipality slug of a postal code in the region, or None: "2050" → "ullensaker"."""
    return _POSTAL_INDEX.get((code or "").strip())


@dataclass(frozen=True)
class Place:
    name: str  # as written in the table: "Eidsvoll verk"
    municipality: str  # slug
    words: tuple[int, ...]  # positions of the query words it covers

    @property
    def municipality_name(self) -> str:
        return MUNICIPALITY_NAMES[self.municipality]


def find_places(words: list[str]) -> list[Place]:
    """The places among a query's words, longest names first, each word used once.

    `words` are the query's words in order; ["jazz", "eidsvoll", "verk"] gives
    [Place("Eidsvoll verk", "eidsvoll", (1, 2))].
    """
    folded = [fold(word) for word in words]
    used: set[int] = set()
    places: list[Place] = []
    for size in range(MAX_PLACE_WORDS, 0, -1):
        for start in range(len(words) - size + 1):
            span = tuple(range(start, start + size))
            if used.intersection(span):
                continue
            found = _INDEX.get(" ".join(folded[i] for i in span))
            if found:
                places.append(Place(found[1], found[0], span))
                used.update(span)
    return sorted(places, key=lambda place: place.words)
