from django.utils.text import slugify

# Letters slugify() would drop instead of spelling out.
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ß": "ss", "ð": "d", "þ": "th"}
)


def norwegian_slugify(text: str) -> str:
    """A URL slug that spells Norwegian letters out: "Sømverkstedet på Kløfta" → "somverkstedet-pa-klofta"."""
    return slugify(text.translate(_TRANSLITERATE))
