"""Search in the directory: one implementation for SQLite and PostgreSQL.

Each actor stores its search document as normalised words (case-folded, accents
removed, æ/ø/å spelled out) in three padded strings, so a word can be found whole
(" maler "), as the start of a word (" maler" in " maleren ") or anywhere (inside a
compound, "teater" in "barneteater"):
- `search_name`: the name;
- `search_title`: the short presentation, kind, sectors, municipality, postal place;
- `search_text`: all of it plus the long texts (what must match).
refresh_search_index() keeps them current; Actor.save() calls it, and receivers in
actors/signals.py call it when sectors change or a sector or municipality is renamed.

A query (see parse()) is read once:
- place names and postal places ("Jessheim", "Eidsvoll verk") become a
  municipality filter (actors/places.py);
- stop words ("og", "i") are dropped; each other word must match, less a common
  ending ("konserter" → "konsert");
- a word that no indexed word contains is a likely typo: it is corrected against
  the lexicon of indexed words (actors/typos.py, Damerau–Levenshtein), and the page
  says what it searched for instead.
Ranking (rank()): per word, a match in the name counts most, then the short
presentation, then the long texts; in each, a whole word above the start of a word
above a word inside another; corrected words count less.
"""

import re
from dataclasses import dataclass

from django.db.models import Case, Q, QuerySet, Value, When
from django.utils import translation

from actors import typos
from actors.places import Place, find_places, fold
from actors.typos import light_stem

MAX_TERMS = 8
# No Norwegian word is longer; a 480-letter "word" made each typo lookup ten times slower.
MAX_WORD_LENGTH = 40
SHORT = 3  # words this short only match the start of a word: "tv", "vr", "pc"
STOP_WORDS = frozenset(
    [
        "og",
        "i",
        "på",
        "for",
        "med",
        "til",
        "av",
        "en",
        "et",
        "ei",
        "den",
        "det",
        "de",
        "som",
        "er",
        "å",
        "fra",
        "om",
        "ved",
        "eller",
        "hos",
        "the",
        "and",
    ]
)
# Score of a word found whole, at the start of a word and inside a word, per field.
FIELD_WEIGHTS = (("search_name", 10.0), ("search_title", 5.0), ("search_text", 2.0))
FORM_FACTORS = (1.0, 0.8, 0.6)
CORRECTED_FACTOR = 0.5
PLACE_BONUS = 1.0

_WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Case-folded, accents removed, æ/ø/å spelled out ("aa"/"oe" typed for them too):
    "Kløfta Café" → "klofta cafe"; the same for the stored documents and the query."""
    return fold(text)


def terms(query: str) -> list[str]:
    """The words of a search, lower-case, each once, at most MAX_TERMS of them, each cut
    to MAX_WORD_LENGTH letters."""
    words = (word[:MAX_WORD_LENGTH] for word in _WORD.findall(query.casefold()))
    return list(dict.fromkeys(words))[:MAX_TERMS]


def _padded(*parts: str) -> str:
    words = dict.fromkeys(_WORD.findall(normalise(" ".join(p for p in parts if p))))
    return f" {' '.join(words)} " if words else ""


def _public_postal_place(actor) -> str:
    """One index serves everyone, so a members-only address stays out of it (a match
    would tell a visitor where the actor is)."""
    return actor.postal_place if actor.address_visibility == "public" else ""


def index_fields(actor, sector_names: list[str], municipality_name: str) -> dict[str, str]:
    """The three stored search strings of an actor (see the module docstring)."""
    with translation.override("nb"):
        kind = str(actor.get_kind_display())
    place = _public_postal_place(actor)
    title = [actor.pitch, kind, " ".join(sector_names), municipality_name, place]
    long_texts = [actor.description, actor.offers, actor.looking_for]
    return {
        "search_name": _padded(actor.name),
        "search_title": _padded(*title),
        "search_text": _padded(actor.name, *title, *long_texts),
    }


def lexicon_words(actor, sector_names: list[str], municipality_name: str) -> set[str]:
    """The words of an actor as written (case-folded, Norwegian letters kept), for typos."""
    parts = [actor.name, actor.pitch, " ".join(sector_names), municipality_name]
    parts += [_public_postal_place(actor), actor.description, actor.offers, actor.looking_for]
    return {w for w in _WORD.findall(" ".join(p for p in parts if p).casefold()) if len(w) > SHORT}


def refresh_search_index(queryset: QuerySet) -> None:
    """Recompute the stored search strings of these actors (a few queries, not one per actor)."""
    from actors.models import Actor

    actors = list(queryset.order_by().select_related("municipality").prefetch_related("sectors"))
    words: set[str] = set()
    for actor in actors:
        sectors = [s.name for s in actor.sectors.all()]
        for name, value in index_fields(actor, sectors, actor.municipality.name).items():
            setattr(actor, name, value)
        words |= lexicon_words(actor, sectors, actor.municipality.name)
    Actor.objects.bulk_update(
        actors, ["search_name", "search_title", "search_text"], batch_size=500
    )
    typos.add_words(words)


@dataclass(frozen=True)
class Term:
    """One word of a query as it is looked for."""

    typed: str
    # (normalised word, its stem, factor): the word itself, or the words it may be a typo of.
    forms: tuple[tuple[str, str, float], ...]
    corrected_to: str = ""  # the lexicon word shown in "Viser treff for «…»"

    @property
    def short(self) -> bool:
        return len(self.forms[0][0]) <= SHORT


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    places: tuple[Place, ...] = ()

    @property
    def municipalities(self) -> list[str]:
        return list(dict.fromkeys(place.municipality for place in self.places))

    @property
    def corrected(self) -> bool:
        return any(term.corrected_to for term in self.terms)

    @property
    def words_shown(self) -> str:
        """What was searched for, corrections applied: "maler"."""
        return " ".join(term.corrected_to or term.typed for term in self.terms)

    @property
    def parts(self) -> int:
        return len(self.terms) + len(self.places)


def parse(query: str) -> ParsedQuery:
    """Read a query once: places, stop words, typos (one lexicon lookup, cached)."""
    words = terms(query)
    found_places = find_places(words)
    in_places = {i for place in found_places for i in place.words}
    parsed_terms = []
    for i, word in enumerate(words):
        if i in in_places or (word in STOP_WORDS and len(words) > 1):
            continue
        parsed_terms.append(_term(word))
    return ParsedQuery(tuple(parsed_terms), tuple(found_places))


def _term(word: str) -> Term:
    exact = normalise(word)
    stem = light_stem(exact)
    if len(exact) <= SHORT or typos.is_known(stem):
        return Term(word, ((exact, stem, 1.0),))
    corrections = typos.corrections(word)
    if not corrections:
        return Term(word, ((exact, stem, 1.0),))
    forms = tuple(
        (normalise(c.word), normalise(c.word), CORRECTED_FACTOR if c.distance else 1.0)
        for c in corrections
    )
    # Only a real correction is announced, not "klofta" for "kloefta".
    shown = corrections[0].word if corrections[0].distance else ""
    return Term(word, forms, shown)


def _term_condition(term: Term) -> Q:
    condition = Q()
    for _exact, stem, _factor in term.forms:
        needle = f" {stem}" if term.short else stem
        condition |= Q(search_text__contains=needle)
    return condition


def search(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """Only the actors that match every word of the query (places are filtered elsewhere)."""
    for term in parsed.terms:
        queryset = queryset.filter(_term_condition(term))
    return queryset


def search_any(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """The actors that match at least one word or place: the partial matches."""
    condition = Q()
    for term in parsed.terms:
        condition |= _term_condition(term)
    if parsed.places:
        condition |= Q(municipality__slug__in=parsed.municipalities)
    return queryset.filter(condition)


def _term_score(term: Term):
    whens = []
    for exact, stem, factor in term.forms:
        for field_name, weight in FIELD_WEIGHTS:
            needles = [f" {exact} ", f" {stem}"] + ([] if term.short else [stem])
            for needle, form in zip(needles, FORM_FACTORS, strict=False):
                score = weight * form * factor
                whens.append((score, Q(**{f"{field_name}__contains": needle})))
    whens.sort(key=lambda pair: -pair[0])
    return Case(
        *[When(condition, then=Value(score)) for score, condition in whens],
        default=Value(0.0),
    )


def rank(queryset: QuerySet, parsed: ParsedQuery, *, partial: bool = False) -> QuerySet:
    """Annotate `relevance` (higher is better); partial matches count the parts found first."""
    relevance = Value(0.0)
    for term in parsed.terms:
        relevance += _term_score(term)
    for place in parsed.places:
        mention = Q(search_title__contains=f" {normalise(place.name)} ")
        relevance += Case(When(mention, then=Value(PLACE_BONUS)), default=Value(0.0))
    if partial:
        # Each part found (word or place) is worth more than any ranking within a part.
        for term in parsed.terms:
            relevance += Case(When(_term_condition(term), then=Value(100.0)), default=Value(0.0))
        if parsed.places:
            in_place = Q(municipality__slug__in=parsed.municipalities)
            relevance += Case(When(in_place, then=Value(100.0)), default=Value(0.0))
    return queryset.annotate(relevance=relevance)
