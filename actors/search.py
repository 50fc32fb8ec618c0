"""Search in the directory: Norwegian full-text search on PostgreSQL, a plain fallback on SQLite.

The search document of an actor is its name, pitch, kind, sectors, municipality and
postal place, description, offers and what it looks for, so a municipality or sector
typed into the search box finds the actors in it. It is stored on the actor
(`search_text`, and `search_vector` on PostgreSQL) by refresh_search_index(),
which Actor.save() calls and which whoever changes an actor's sectors calls again
(ActorForm, the admin, the demo data): many-to-many changes happen after save().

PostgreSQL (`search_vector` has a GIN index, see migration 0004). Every word the
visitor types must match, in one of three ways:
- full-text search with the `norwegian` configuration and prefix matching
  (`konsert:*` finds "konserter"), on a vector weighted A (name) > B (pitch, kind,
  sectors, place) > C (long texts);
- the word, less a common ending, inside the normalised words (`search_text`): finds
  a word inside a compound ("teater" in "Barneteater") and forms the stemmer splits
  ("designere" is stemmed to `designer:*`, which misses "designer"; "design" finds it);
- for a word that no profile contains in those two ways (a likely typo), the words
  most like it by pg_trgm's word_similarity (>= TRIGRAM_THRESHOLD), looked up in a
  lexicon of every word of every profile (SearchWord, one query, trigram index), so
  "konsart" finds "konserter". Comparing the word with a few thousand short words is
  far cheaper than comparing it with every profile's text.
Words shorter than four letters only use full-text search: their substrings and
trigrams match almost anything. Results are ranked by ts_rank, plus a bonus per
word found in the name.

SQLite (the embedded default) has no stemming, so the fallback is normalised
substring matching: both the document and the query are case-folded, accents are
removed and æ/ø/å are spelled out (ae/o/a, so "Sømverkstedet", "SØMVERKSTEDET" and
"somverkstedet" are the same), and a few common Norwegian endings are cut from each
query word ("konserter" → "konsert", "designere" → "design") before it is looked
for anywhere in the document, which also finds words inside compounds. Every word
must match. What it does not do: tolerate typos, stem irregular forms, weigh the
name above the description (relevance only counts words found in the name), or
use an index (a full scan, fine for the few thousand profiles of a region).
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.db.models.lookups import Exact, GreaterThanOrEqual
from django.utils import translation

from portal.text import fold

CONFIG = "norwegian"
TRIGRAM_THRESHOLD = 0.5
TRIGRAM_MIN_LENGTH = 4
MAX_TERMS = 8
MAX_ALTERNATIVES = 10

_WORD = re.compile(r"[^\W_]+")
# Longest first: "erne" before "er".
_ENDINGS = ("ene", "ane", "ere", "erne", "er", "en", "et", "e")
_ENDINGS = tuple(sorted(_ENDINGS, key=len, reverse=True))


def normalise(text: str) -> str:
    """Case-folded, accents removed, æ/ø/å spelled out: "Kløfta Café" → "klofta cafe"."""
    return fold(text)


def terms(query: str) -> list[str]:
    """The words of a search, lower-case, at most MAX_TERMS of them."""
    seen: list[str] = []
    for word in _WORD.findall((query or "").casefold()):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def light_stem(word: str) -> str:
    """Cut one common Norwegian ending, keeping at least four letters: "konserter" → "konsert"."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def document_text(actor, sector_names: list[str], municipality_name: str) -> str:
    """The normalised words of an actor's search document, each once, in order."""
    with translation.override("nb"):
        kind = str(actor.get_kind_display())
    parts = [
        actor.name,
        actor.pitch,
        kind,
        " ".join(sector_names),
        municipality_name,
        actor.postal_place,
        actor.description,
        actor.offers,
        actor.looking_for,
    ]
    words = dict.fromkeys(_WORD.findall(normalise(" ".join(p for p in parts if p))))
    return " ".join(words)


def refresh_search_index(queryset: QuerySet) -> None:
    """Recompute the stored search document of these actors (a few queries, not one per actor)."""
    from actors.models import Actor

    actors = list(queryset.order_by().select_related("municipality").prefetch_related("sectors"))
    for actor in actors:
        actor.search_text = document_text(
            actor, [s.name for s in actor.sectors.all()], actor.municipality.name
        )
    Actor.objects.bulk_update(actors, ["search_text"], batch_size=500)
    if actors:
        update_search_vectors(Actor.objects.filter(pk__in=[a.pk for a in actors]))
        if connection.vendor == "postgresql":  # only PostgreSQL matches typos
            add_search_words(actor.search_text for actor in actors)


def add_search_words(documents) -> None:
    """Add the words of these search documents to the lexicon used for typos."""
    from actors.models import SearchWord

    words = {
        word
        for document in documents
        for word in document.split()
        if TRIGRAM_MIN_LENGTH <= len(word) <= 64
    }
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(words)], ignore_conflicts=True, batch_size=1000
    )


def update_search_vectors(queryset: QuerySet) -> None:
    """PostgreSQL: recompute the weighted tsvector in one UPDATE. Elsewhere: nothing to do."""
    if connection.vendor == "postgresql":
        queryset.order_by().update(search_vector=_vector())


def _vector():
    """The weighted tsvector, computed by PostgreSQL from the actor's own row."""
    from django.contrib.postgres.aggregates import StringAgg
    from django.contrib.postgres.search import SearchVector

    from actors.models import Actor, Municipality, Sector

    sector_names = Subquery(
        Sector.objects.filter(actors=OuterRef("pk"))
        .order_by()
        .values("actors")
        .annotate(names=StringAgg("name", " "))
        .values("names")
    )
    municipality_name = Subquery(
        Municipality.objects.filter(pk=OuterRef("municipality_id")).values("name")
    )
    with translation.override("nb"):
        kind = Case(
            *[When(kind=value, then=Value(str(label))) for value, label in Actor.Kind.choices],
            default=Value(""),
            output_field=TextField(),
        )
    return (
        SearchVector("name", weight="A", config=CONFIG)
        + SearchVector(
            "pitch",
            kind,
            sector_names,
            municipality_name,
            "postal_place",
            weight="B",
            config=CONFIG,
        )
        + SearchVector("description", "offers", "looking_for", weight="C", config=CONFIG)
    )


@dataclass(frozen=True)
class PreparedSearch:
    """The words of a search and, on PostgreSQL, the real words a typo may stand for."""

    words: list[str]
    alternatives: dict[str, list[str]]


def prepare(query: str) -> PreparedSearch:
    """Parse a search once (one lexicon query on PostgreSQL) to filter several querysets."""
    words = terms(query)
    if connection.vendor == "postgresql":
        return PreparedSearch(words, _typo_alternatives(words))
    return PreparedSearch(words, {})


def search(queryset: QuerySet, query: "str | PreparedSearch") -> QuerySet:
    """Only the actors that match every word of the query."""
    prepared = query if isinstance(query, PreparedSearch) else prepare(query)
    if not prepared.words:
        return queryset
    if connection.vendor == "postgresql":
        return _search_postgres(queryset, prepared)
    for word in prepared.words:
        queryset = queryset.filter(search_text__contains=light_stem(normalise(word)))
    return queryset


def rank(queryset: QuerySet, query: str) -> QuerySet:
    """Annotate `relevance` (higher is better) for ordering search results."""
    words = terms(query)
    if not words:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        # ts_rank weighs the name (A) above pitch and sectors (B) and long texts (C);
        # a word found in the name counts extra, which also ranks compounds ("Barneteater").
        relevance = SearchRank(F("search_vector"), _all_words_query(words))
        for word in words:
            relevance += Case(
                When(name__icontains=word, then=Value(0.5)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        return queryset.annotate(relevance=Cast(relevance, FloatField()))
    relevance = sum(
        (Case(When(name__icontains=word, then=Value(1)), default=Value(0)) for word in words),
        start=Value(0),
    )
    return queryset.annotate(relevance=Cast(relevance, IntegerField()))


def _prefix_query(word: str):
    from django.contrib.postgres.search import SearchQuery

    # `word` holds letters and digits only (see terms()), so quoting it is safe.
    return SearchQuery(f"'{word}':*", search_type="raw", config=CONFIG)


def _all_words_query(words: list[str]):
    query = _prefix_query(words[0])
    for word in words[1:]:
        query &= _prefix_query(word)
    return query


def _search_postgres(queryset: QuerySet, prepared: PreparedSearch) -> QuerySet:
    for word in prepared.words:
        tsquery = _prefix_query(word)
        # A stop word ("og", "i") leaves an empty tsquery that matches nothing: ignore it.
        condition = Q(search_vector=tsquery) | Q(
            Exact(Func(tsquery, function="numnode", output_field=IntegerField()), 0)
        )
        if len(word) >= TRIGRAM_MIN_LENGTH:
            # A word inside a compound ("teater" in "barneteater"), and word forms the
            # stemmer splits ("designere" → designer:*, missing "designer"; "design" finds it).
            condition |= Q(search_text__contains=light_stem(normalise(word)))
        for alternative in prepared.alternatives.get(word, []):
            condition |= Q(search_text__contains=alternative)
        queryset = queryset.filter(condition)
    return queryset


def _typo_alternatives(words: list[str]) -> dict[str, list[str]]:
    """For each word no profile contains (a likely typo), the real words most like it.

    One query against the lexicon of all words (SearchWord): for every search word,
    the lexicon words that contain it (then it is no typo) or are similar to it by
    pg_trgm's word_similarity. "konsart" → ["konserter", "konsert"].
    """
    from django.contrib.postgres.search import TrigramWordSimilarity

    from actors.models import SearchWord

    long_words = [w for w in words if len(w) >= TRIGRAM_MIN_LENGTH]
    if not long_words:
        return {}
    stems = {w: light_stem(normalise(w)) for w in long_words}
    similarity = {
        f"s{i}": TrigramWordSimilarity(Value(normalise(w)), "word")
        for i, w in enumerate(long_words)
    }
    matching = Q()
    for i, word in enumerate(long_words):
        matching |= Q(word__contains=stems[word]) | Q(
            GreaterThanOrEqual(similarity[f"s{i}"], TRIGRAM_THRESHOLD)
        )
    rows = list(
        SearchWord.objects.annotate(**similarity).filter(matching).values_list("word", *similarity)
    )
    alternatives: dict[str, list[str]] = {}
    for i, word in enumerate(long_words):
        if any(stems[word] in row[0] for row in rows):
            continue  # found as it is: not a typo
        similar = sorted(
            (row for row in rows if row[i + 1] >= TRIGRAM_THRESHOLD), key=lambda row: -row[i + 1]
        )
        alternatives[word] = [row[0] for row in similar[:MAX_ALTERNATIVES]]
    return alternatives
