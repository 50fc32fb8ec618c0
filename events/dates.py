"""Event times in words, the one place that decides how a date reads.

Norwegian: «torsdag 6. juni 2024 kl. 18.00–22.00»; English: «Thursday 6 June 2024,
18:00–22:00». Always in Europe/Oslo (the site's TIME_ZONE), whatever the server's.
"""

from datetime import datetime

from django.utils import dateformat, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Backslashes escape the letters Django's date format would read as codes.
FORMATS = {
    "nb": {"day": "l j. F Y", "time": "H.i", "at": " \\k\\l. ", "day_short": "l j. F"},
    "en": {"day": "l j F Y", "time": "H:i", "at": ", ", "day_short": "l j F"},
}


def _formats() -> dict[str, str]:
    language = (get_language() or "nb").split("-")[0]
    return FORMATS.get(language, FORMATS["nb"])


def format_event_time(start: datetime, end: datetime | None = None) -> str:
    fmt = _formats()
    start, end = timezone.localtime(start), timezone.localtime(end) if end else None
    time = fmt["time"]
    day = dateformat.format(start, fmt["day"])
    start_time = dateformat.format(start, time)
    if end is None:
        return f"{day}{_unescape(fmt['at'])}{start_time}"
    if end.date() == start.date():
        return f"{day}{_unescape(fmt['at'])}{start_time}–{dateformat.format(end, time)}"
    first = dateformat.format(start, fmt["day_short"] if start.year == end.year else fmt["day"])
    last = dateformat.format(end, fmt["day"])
    at = _unescape(fmt["at"])
    return f"{first}{at}{start_time} – {last}{at}{dateformat.format(end, time)}"


def _unescape(fragment: str) -> str:
    return fragment.replace("\\", "")


def relative_day(value: datetime, now: datetime | None = None) -> str:
    """«i dag», «i morgen» or the day in words: a reminder sent in the morning for an
    event that evening said «i morgen»."""
    days = (timezone.localdate(value) - timezone.localdate(now or timezone.now())).days
    if days == 0:
        return str(_("i dag"))
    if days == 1:
        return str(_("i morgen"))
    return dateformat.format(timezone.localtime(value), _formats()["day_short"])
