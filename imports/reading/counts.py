"""Reading the count of an activity from the words around its name: a number before or
after it ("4 trygghetsvandringar", "vid fyra tillfällen", "på tolv platser"), a rate ("två
gånger i månaden" is 24 a year), "minst", and what is no count (years, school years,
durations, speeds, outcomes, "de fyra kommunerna", an indefinite "en")."""

import re
from dataclasses import dataclass
from typing import Any

from imports.reading.vocabulary import COUNT_NOUNS
from lib.periods import FIRST_YEAR, LAST_YEAR, PER_YEAR
from lib.swedish_numbers import APPROXIMATE, Rate, find_rate, number_value

# Numbers that are not targets: school years, years, percentages, clock times.
NOT_A_TARGET = re.compile(r"(årskurs|åk|klass|skolår)\s*$", re.IGNORECASE)
# Words after a number that make it no count of occasions: durations, speeds, shares,
# ages and outcomes ("minst 20 ingripanden" is a goal, not an activity).
NOT_UNITS = re.compile(
    r"^\s*(?:stycken\s+|st\.?\s+)?(?:km/h|km|procent|%|timmar|timme|minuter|år|års|veckor|"
    r"månader|kronor|kr|meter|"
    # How long each is: "200 stycken 20 minuters trafikkontroller".
    r"minuters|timmars|dagars|veckors|månaders|"
    # "minst en veckas insats", "en dags utbildning": how long, not how many.
    r"timmes|dags|dygns|veckas|månads|"
    r"ingripanden|gripanden|anmälningar|beslag|lagföringar|rapporteringar|personer|"
    # Crimes to be found are an outcome: "upptäcka minst 52 stycken narkotikabrott".
    r"[\wåäö]*brott(?:en)?|"
    r"deltagare|svar|elever|fordon|förare)\b",
    re.IGNORECASE,
)
# A number read as something other than a count: "de fyra kommunerna", "samtliga fyra".
NOT_COUNTED_AFTER = re.compile(
    r"\b(?:de|dessa|samtliga|alla|båda|var|vart|mellan|sina|sin|sitt|våra|vår|deras|dess|"
    r"befintliga)\s*$",
    re.IGNORECASE,
)
_OCCASIONS = re.compile(
    r"\b(?:(?P<minimum>minst)\s+)?(?P<count>[\wåäö]+)\s+[\"”“']?[\wåäö]*?"
    r"(?:gånger|tillfällen|kvällar|nätter|pass)\b",
    re.IGNORECASE,
)
# "hastighetsmätningar på tolv platser", "grannsamverkan i fyra nya områden".
_PLACES = re.compile(
    r"\b(?:på|i|vid|av)\s+(?:(?P<minimum>minst)\s+)?(?P<count>[\wåäö]+)\s+"
    r"(?:nya\s+|olika\s+)?(?P<unit>[\wåäö-]+)",
    re.IGNORECASE,
)


# A duration or share per period ("900 timmar per år", "20 procent per år") is no rate.
_DURATION_RATE = re.compile(
    r"\b(?:timmar|timme|minuter|procent|kronor|km/h)\s*(?:per|i|om|/)\s*(?:år|året|vecka|veckan|"
    r"månad|månaden|termin|terminen|kvartal|kvartalet)\b",
    re.IGNORECASE,
)


# Opening hours are a schedule, not occasions: "polisstationen ska vara öppen och
# tillgänglig fem dagar i veckan".
_OPEN_DAYS = re.compile(
    r"\b(?:öppen|öppet|öppna|öppnas|tillgänglig|tillgängligt|bemannad|bemannat)\b[^.]{0,80}?"
    r"\bdagar\s*(?:i|per|om|/)\s*(?:vecka|veckan)\b",
    re.IGNORECASE,
)


def _rate_in(text: str) -> Rate | None:
    """The rate the text states, unless it is time spent ("minst 900 timmar per år")."""
    rate = find_rate(text)
    if rate is not None and _DURATION_RATE.search(text[: rate.end]):
        return None
    return rate


def _number_at(text: str, match: re.Match[str]) -> int | None:
    """The value of a count the match found, unless it is no count: an indefinite "en"
    (but "minst en"), a year, a school year, a duration or speed, "de fyra"."""
    word = match["count"]
    value = number_value(word)
    if value is None or FIRST_YEAR <= value <= LAST_YEAR:
        return None
    before = text[: match.start("count")]
    if word.lower() in ("en", "ett") and not re.search(r"\bminst\s+$", before, re.IGNORECASE):
        return None
    if NOT_A_TARGET.search(before) or NOT_COUNTED_AFTER.search(before):
        return None
    if NOT_UNITS.match(text[match.end("count") :]):
        return None
    return value


def _count_before(before: str) -> tuple[int | None, str | None, bool]:
    """The count written before the activity's name: (count, unit, "minst")."""
    if APPROXIMATE.search(before[-30:]):
        return None, None, False
    words = list(
        re.finditer(r"\b(?:(?P<minimum>minst)\s+)?(?P<count>[\wåäö]+)\b", before, re.IGNORECASE)
    )[-6:]
    for match in reversed(words):
        value = _number_at(before, match)
        if value is None:
            continue
        unit_match = re.match(r"\s*([\wåäö-]+)", before[match.end("count") :])
        unit = unit_match[1].lower() if unit_match else None
        return value, unit if unit in COUNT_NOUNS else None, bool(match["minimum"])
    return None, None, False


def _occasions(text: str) -> tuple[int | None, bool]:
    for match in _OCCASIONS.finditer(text):
        value = _number_at(text, match)
        if value is not None:
            return value, bool(match["minimum"])
    return None, False


# "tillsyn av alkohol (2 st)".
_PIECES = re.compile(r"\((?P<minimum>minst\s+)?(?P<count>\d{1,3})\s*st\.?\)", re.IGNORECASE)


def _count_after(after: str) -> tuple[int | None, bool]:
    """A count written after the activity's name: "minst tre gånger under året", "vid
    fyra tillfällen", "på tolv platser"."""
    pieces = _PIECES.match(after.lstrip())
    if pieces is None:
        pieces = _PIECES.search(after[:40])
    if pieces is not None:
        return int(pieces["count"]), bool(pieces["minimum"])
    for pattern in (_OCCASIONS, _PLACES):
        for match in pattern.finditer(after):
            value = _number_at(after, match)
            if value is not None:
                return value, bool(match["minimum"])
    return None, False


@dataclass
class Count:
    target: int | None = None
    unit: str | None = None
    rate: dict[str, Any] | None = None
    minimum: bool = False
    approximate: bool = False


def read_count(before: str, after: str, *, own_before: bool) -> Count:
    """The activity's yearly target from the words around its name: a rate ("två gånger i
    månaden" is 24), else a count before or after it."""
    count, unit, minimum = _count_before(before)
    if count is None:
        count, minimum = _count_after(after)
    if count is None and own_before:
        # "vid minst två tillfällen under året, vår och höst, genomföra trafikinsatser":
        # the occasions told before the verb.
        count, minimum = _occasions(before)
    rate = _rate_in(after) or (_rate_in(before) if own_before else None)
    if rate is not None and _OPEN_DAYS.search(f"{before[-120:]} {after[:200]}"):
        rate = None  # the days a place is open
    if rate is not None:
        per_period = rate.count or count or 1
        return Count(
            target=per_period * PER_YEAR[rate.per],
            unit=unit,
            rate={"count": per_period, "per": rate.per},
            minimum=rate.minimum or minimum,
        )
    approximate = bool(APPROXIMATE.search(before[-30:]))
    return Count(count, unit, None, minimum and count is not None, approximate)
