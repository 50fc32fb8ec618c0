"""Typo tolerance: a search word that no profile contains is matched to the real words
most like it, the same way on every database.

The lexicon is every word (four letters or more) of every profile, in the SearchWord
table, words as written (case-folded, æ/ø/å kept, so the page can say "Viser treff
for «møbeldesigner»"). Each process keeps it in memory and reloads it when the data
version (portal/cache_version.py) changes; a few thousand short words.

Distance is optimal string alignment (Damerau–Levenshtein where a swapped pair of
neighbouring letters counts as one edit: "mlaer" → "maler"), computed by rapidfuzz
on folded words, so "kloefta", "klofta" and "kløfta" are the same word (distance 0)
and "aa" typed for "å" costs nothing. Allowed edits grow with the word's length.
"""

import threading
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from actors.places import fold

MAX_CORRECTIONS = 5
MAX_WORD = 64
# Longest first: "erne" before "er".
_ENDINGS = tuple(
    sorted(("ene", "ane", "ere", "erne", "er", "en", "et", "e", "ne"), key=len, reverse=True)
)


def light_stem(word: str) -> str:
    """Cut one common Norwegian ending, keeping at least four letters: "konserter" → "konsert"."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def max_edits(word: str) -> int:
    """Edits allowed for a word of this length: none for short words, where any typo is a word."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


@dataclass(frozen=True)
class Correction:
    word: str  # as in the lexicon: "maler"
    distance: int  # 0: the same word spelt without or with other Norwegian letters


class _Lexicon:
    def __init__(self) -> None:
        self.version: object = None
        self.words: list[str] = []
        self.folded: list[str] = []
        self.haystack = ""  # "\n"-joined folded words, for a fast substring test
        self.lock = threading.Lock()

    def current(self) -> "_Lexicon":
        from portal.cache_version import data_version

        version = data_version()
        if version != self.version:
            with self.lock:
                if version != self.version:
                    self._load(version)
        return self

    def _load(self, version) -> None:
        from actors.models import SearchWord

        # Each word and its stem ("konserter", "konsert"), so "konsart" is one edit away.
        stored = SearchWord.objects.values_list("word", flat=True)
        pairs = {fold(form): form for word in stored for form in (word, light_stem(word))}
        self.folded = sorted(pairs)
        self.words = [pairs[folded] for folded in self.folded]
        self.haystack = "\n" + "\n".join(self.folded) + "\n"
        self.version = version


_lexicon = _Lexicon()


def is_known(stem: str) -> bool:
    """True when some indexed word contains this (normalised) word: then it is no typo."""
    return fold(stem) in _lexicon.current().haystack


def corrections(word: str) -> list[Correction]:
    """The lexicon words nearest to `word` within max_edits(), nearest first (at most 5)."""
    folded = fold(word)
    limit = max_edits(folded)
    if not limit:
        return []
    lexicon = _lexicon.current()
    found: dict[int, int] = {}  # lexicon index → distance
    # The word and its stem: "illustrasjonner" is two edits from "illustrasjon", its
    # stem "illustrasjonn" one.
    for form in dict.fromkeys((folded, light_stem(folded))):
        for _match, distance, index in process.extract(
            form, lexicon.folded, scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            found[index] = min(int(distance), found.get(index, limit))
    if not found:
        return []
    best = min(found.values())
    nearest = sorted(
        (index for index, distance in found.items() if distance == best),
        # Among equals, a word of about the same length and the same first letter first.
        key=lambda i: (
            abs(len(lexicon.folded[i]) - len(folded)),
            lexicon.folded[i][:1] != folded[:1],
            lexicon.folded[i],
        ),
    )
    return [Correction(lexicon.words[i], best) for i in nearest[:MAX_CORRECTIONS]]


def add_words(words: set[str]) -> None:
    """Add words to the lexicon (words are never removed: an unused one finds nothing)."""
    from actors.models import SearchWord

    words = {word for word in words if 3 < len(word) <= MAX_WORD}
    if words:
        SearchWord.objects.bulk_create(
            [SearchWord(word=word) for word in sorted(words)],
            ignore_conflicts=True,
            batch_size=1000,
        )
