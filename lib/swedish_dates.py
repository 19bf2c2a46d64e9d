"""Dates as Swedish texts write them: 2017-02-15, 15 februari 2017, 15/2 2017, 15.2.2017."""

import re
from datetime import date

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d{1,2})-(\d{1,2})\b")
_WRITTEN = re.compile(r"\b(\d{1,2})\s+([a-zåäö]+)\.?\s+(20\d\d|19\d\d)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[ ./]\s*(20\d\d|19\d\d)\b")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first date written in `text`, in any of the usual Swedish forms, or None."""
    found: list[tuple[int, date]] = []
    for match in _ISO.finditer(text):
        made = _make(int(match[1]), int(match[2]), int(match[3]))
        if made:
            found.append((match.start(), made))
    for match in _WRITTEN.finditer(text):
        month = MONTHS.get(match[2].lower())
        made = _make(int(match[3]), month, int(match[1])) if month else None
        if made:
            found.append((match.start(), made))
    for match in _NUMERIC.finditer(text):
        made = _make(int(match[3]), int(match[2]), int(match[1]))
        if made:
            found.append((match.start(), made))
    return min(found)[1] if found else None
