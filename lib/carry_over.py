"""Year references in the texts of a promise carried over to the next year.

A text that describes the promise's own period ("före utgången av 2017", "2017 års
medborgarlöfte", "årsskiftet 2017/2018") names the new year once carried over. Any other
year a text mentions may be history ("trygghetsmätningen 2013") or may be stale; only a
person can tell, so it is listed for the coordinator to check, never changed.
"""

import re

from lib.periods import FIRST_YEAR, LAST_YEAR

_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _period_phrases(year: int) -> list[tuple[str, str]]:
    """Phrases that can only mean the promise's own year, each with what it becomes."""
    y, new = year, year + 1
    return [
        (rf"(?P<pre>\b(?:utgången|slutet|början) av (?:år )?){y}(?P<post>)\b", f"{new}"),
        (rf"(?P<pre>\bårsskiftet ){y}/{y + 1}(?P<post>)\b", f"{new}/{new + 1}"),
        (rf"(?P<pre>\bårsskiftet ){y - 1}/{y}(?P<post>)\b", f"{y}/{new}"),
        (rf"(?P<pre>\b){y}(?P<post> års medborgarlöfte)", f"{new}"),
        (rf"(?P<pre>\b(?:under|inför|hela) (?:år )?){y}(?P<post>)\b", f"{new}"),
    ]


def carry_over_text(text: str, year: int) -> str:
    """`text` of a promise for `year` with the phrases naming that year's period moved on
    by one year; every other year it mentions stays as written."""
    for pattern, replacement in _period_phrases(year):
        text = re.sub(pattern, rf"\g<pre>{replacement}\g<post>", text, flags=re.IGNORECASE)
    return text


def carry_over_title(title: str, year: int) -> str:
    """A title names its year: every mention of `year` becomes the next."""
    return re.sub(rf"(?<!\d){year}(?!\d)", str(year + 1), title)


def years_mentioned(text: str) -> list[int]:
    """The years a text mentions (numbers a year could be), in order, each once."""
    found = [int(m[1]) for m in _YEAR.finditer(text) if FIRST_YEAR <= int(m[1]) <= LAST_YEAR]
    return list(dict.fromkeys(found))
