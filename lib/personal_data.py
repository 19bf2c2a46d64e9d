"""Finding Swedish personal data in free text: identity numbers, phone numbers, e-mail
addresses, vehicle registration numbers, names after phrases such as "som heter", and a
common Swedish given name followed by a surname ("Kalle Andersson ringde").

`find_personal_data` returns findings with their kind and span; `mask` covers them. The
detector errs on the side of finding too much: it is used to warn the person typing and to
keep text off public pages, where a false alarm costs little and a miss costs a person.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from personnummer import personnummer


class Kind(StrEnum):
    """The kinds of personal data the detector finds, most certain first."""

    IDENTITY_NUMBER = "identity_number"
    EMAIL = "email"
    PHONE = "phone"
    VEHICLE = "vehicle"
    NAME = "name"


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and where it stands in the text."""

    kind: Kind
    start: int
    end: int
    text: str


# Personnummer and samordningsnummer: YYMMDD or YYYYMMDD, an optional - or +, four digits.
# The checksum and the date are checked by the `personnummer` package.
IDENTITY_NUMBER = re.compile(r"(?<![\d+])(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
# National form: a trunk 0 and an area code (07x for mobiles), then groups of digits
# separated by single spaces, with an optional hyphen or parenthesis after the area code.
PHONE_NATIONAL = re.compile(
    r"(?<![\w+])(?:\(0\d{1,3}\)|0\d{1,3})(?:\s?-\s?|\s)?\d{2,4}(?:\s?\d{2,4}){0,3}(?![\w])"
)
# International form: +46 or 0046, an optional (0), then the number without its trunk 0.
PHONE_INTERNATIONAL = re.compile(
    r"(?<![\w+])(?:\+|00)\s?46\s?(?:\(0\)\s?)?[1-9]\d{0,2}(?:\s?-\s?|\s)?\d{2,4}(?:\s?\d{2,4}){0,3}"
    r"(?![\w])"
)
# A Swedish national number has 7 to 9 digits after its trunk 0.
PHONE_DIGITS = range(8, 11)
# 46 and the 7 to 9 digits of the number without its trunk 0.
INTERNATIONAL_DIGITS = range(9, 12)
# Three letters and three characters; the letters I, Q, V, Å, Ä and Ö are never used, and
# the last character is a digit or (since 2019) a letter other than O. Upper case only:
# "och 123" is not a registration number.
VEHICLE = re.compile(r"(?<![\w-])[A-HJ-PR-UW-Z]{3}[ -]?\d{2}[\dA-HJ-NPR-UW-Z](?![\w-])")
# A name: capitalised words (a hyphenated double name counts as one word), up to three.
_NAME_WORD = r"[A-ZÅÄÖÉ][a-zåäöéèüø]+(?:-[A-ZÅÄÖÉ][a-zåäöéèüø]+)?"
# Phrases after which a name usually follows, matched in any case.
NAME_CUES = (
    "heter",
    "som heter",
    "kallas",
    "kallad",
    "namnet",
    "vid namn",
    "grannen",
    "grannarna",
    "granne",
    "min granne",
    "herr",
    "fru",
)
NAME = re.compile(
    r"(?i:\b(?:"
    + "|".join(sorted((re.escape(c) for c in NAME_CUES), key=len, reverse=True))
    + r")\b)[\s,:]+(?P<name>"
    + _NAME_WORD
    + r"(?:\s"
    + _NAME_WORD
    + r"){0,2})"
)
# Capitalised words after a cue that are not names: sentence starts and common words.
NOT_NAMES = frozenset(
    {
        "Jag",
        "Han",
        "Hon",
        "Hen",
        "De",
        "Vi",
        "Det",
        "Den",
        "Där",
        "Som",
        "Och",
        "Men",
        "Polisen",
        "Kommunen",
        "Nej",
        "Ja",
    }
)

# Common Swedish given names, for names that follow no cue. Left out on purpose: names that
# are also words starting a sentence or a proper noun ("Hans Volvo", "Bo Tryggt").
GIVEN_NAMES = frozenset(
    """
    Anders Johan Karl Kalle Lars Lasse Erik Per Pelle Peter Mikael Jan Lennart Olof Nils
    Gustav Fredrik Daniel Magnus Stefan Andreas Thomas Mats Bengt Jonas Martin Mattias
    Henrik Alexander Björn Oskar Oscar Emil Viktor Sven Ulf Göran Kjell Ingvar Rolf Leif
    Niklas Patrik Robert Marcus Simon Jakob Jesper Kristian Christian Tobias Sebastian
    Anna Eva Maria Karin Kristina Lena Sara Kerstin Emma Ingrid Marie Malin Jenny Annika
    Hanna Linda Susanne Elin Monica Birgitta Ulla Helena Johanna Camilla Sofia Ida Julia
    Elsa Alice Maja Ebba Wilma Lisa Åsa Cecilia Therese Emelie Frida Josefin Matilda Lina
    Inger Margareta Gunilla Elisabeth Agneta Louise
    """.split()
)
# A given name (or a double one, "Anna-Karin") and a capitalised surname, unless the two
# name a street, square or building ("Karl Johans väg", "Olof Palmes plats").
FULL_NAME = re.compile(
    r"(?<![\w-])(?P<name>(?:"
    + "|".join(sorted(GIVEN_NAMES))
    + r")(?:-[A-ZÅÄÖ][a-zåäö]+)?\s"
    + _NAME_WORD
    + r")(?![\w-])(?!\s+(?:torg|torget|gata|gatan|väg|vägen|plats|platsen|park|parken|"
    r"skola|skolan|kyrka|kyrkan|gård|gården|allé)\b)"
)


def find_personal_data(text: str) -> list[Finding]:
    """Every piece of personal data found in the text, in order and without overlaps.

    Where two findings overlap, the more certain kind wins (an identity number over a phone
    number that its digits also make).
    """
    found = [
        *_identity_numbers(text),
        *_matches(EMAIL, text, Kind.EMAIL),
        *_phones(text),
        *_matches(VEHICLE, text, Kind.VEHICLE),
        *_names(text),
    ]
    return _without_overlaps(found)


def kinds_found(text: str) -> list[Kind]:
    """The kinds of personal data in the text, each once, most certain first."""
    kinds = {finding.kind for finding in find_personal_data(text)}
    return [kind for kind in Kind if kind in kinds]


def has_personal_data(text: str) -> bool:
    """Whether the text holds any personal data the detector knows."""
    return bool(find_personal_data(text))


def mask(text: str, findings: Iterable[Finding] | None = None, *, cover: str = "•••") -> str:
    """The text with each finding replaced by `cover` (found afresh when not given)."""
    chosen = find_personal_data(text) if findings is None else list(findings)
    parts, position = [], 0
    for finding in sorted(chosen, key=lambda f: f.start):
        if finding.start < position:
            continue
        parts.extend([text[position : finding.start], cover])
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)


def _matches(pattern: re.Pattern[str], text: str, kind: Kind) -> list[Finding]:
    return [Finding(kind, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _identity_numbers(text: str) -> list[Finding]:
    return [
        finding
        for finding in _matches(IDENTITY_NUMBER, text, Kind.IDENTITY_NUMBER)
        if personnummer.valid(finding.text)
    ]


def _phones(text: str) -> list[Finding]:
    national = [
        finding
        for finding in _matches(PHONE_NATIONAL, text, Kind.PHONE)
        if _digit_count(finding.text) in PHONE_DIGITS
    ]
    international = [
        finding
        for finding in _matches(PHONE_INTERNATIONAL, text, Kind.PHONE)
        if _digit_count(finding.text.replace("(0)", "").removeprefix("00")) in INTERNATIONAL_DIGITS
    ]
    return [*international, *national]


def _digit_count(value: str) -> int:
    return sum(ch.isdigit() for ch in value)


def _names(text: str) -> list[Finding]:
    found = [
        Finding(Kind.NAME, m.start("name"), m.end("name"), m.group("name"))
        for m in FULL_NAME.finditer(text)
        if m.group("name").split()[-1] not in NOT_NAMES
    ]
    for match in NAME.finditer(text):
        start = end = match.start("name")
        # Keep the words up to the first that is not a name ("heter Anna Och" keeps "Anna").
        for word in re.finditer(r"\S+", match.group("name")):
            if word.group() in NOT_NAMES:
                break
            end = match.start("name") + word.end()
        if end > start:
            found.append(Finding(Kind.NAME, start, end, text[start:end]))
    return found


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    rank = {kind: position for position, kind in enumerate(Kind)}
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (rank[f.kind], f.start)):
        if all(finding.end <= other.start or finding.start >= other.end for other in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: f.start)
