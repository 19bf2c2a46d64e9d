"""Where a promise is for: the municipality or municipalities, in their base form, and the
local police area, as headings and sentences name them ("Exempelbys kommun", "Tänkebergs
och Hittebos kommuner", "Lokalpolisområde Norra Skärgården", "LPO X")."""

import functools
import re

from imports.reading.lines import is_heading
from imports.reading.people import NAME_WORD
from imports.reading.years import YEAR
from places.reference_data import municipality_names

PLACE = rf"{NAME_WORD}(?:\s+{NAME_WORD})?"
_AREA = re.compile(
    rf"\b(?:Lokalpolisområde|LPO)\s+({NAME_WORD}(?:[–-]{NAME_WORD})*"
    rf"(?: (?!Polisen\b|Kommun){NAME_WORD}(?:[–-]{NAME_WORD})*)?)"
)
_AREA_IN = re.compile(rf"\blokalpolisområdet\s+i\s+({NAME_WORD})")
# Base forms that end in s: Borås, Vännäs, Kramfors, Grums.
_S_BASE = re.compile(r"(?:ås|näs|fors|ums|ös|us|os)$")
_DIRECTIONS = r"(?:Norra|Södra|Östra|Västra|Övre|Nedre|Lilla|Stora|Upplands)"
_ONE_PLACE = rf"(?:{_DIRECTIONS}\s+)?{NAME_WORD}"
_LIST = rf"({_ONE_PLACE}(?:,\s+{_ONE_PLACE})*\s+och\s+{_ONE_PLACE})"
_MUNICIPALITY_PATTERNS = [
    # "Tänkebergs och Hittebos kommuner", "Tänkeby, Drömmeby och Låtsasholms kommuner"
    re.compile(rf"{_LIST} kommuner\b"),
    # "kommunerna Provfors, Testvattnet och Låtsasnäs"
    re.compile(rf"\bkommunerna {_LIST}"),
    # "Exempelbys kommun", "Fejkåsa kommun"
    re.compile(rf"(?<![\wåäö])({_ONE_PLACE}) (?:kommun|stad)\b(?!\w)"),
    # "Exempelbys medborgarlöfte", "Dummebys första medborgarlöfte"
    re.compile(rf"(?<![\wåäö])({_ONE_PLACE}s) (?:[a-zåäö]+ )?medborgarlöft"),
    # "kommunstyrelsens ordförande i Provsala"
    re.compile(rf"\bkommun\w* (?:\w+ )?(?:ordförande|råd|rådet) i ({_ONE_PLACE})"),
    # "Kommunen och polisen i Fabelbro", "polisen och kommunen i X"
    re.compile(rf"\b(?:[Kk]ommunen|[Pp]olisen) och (?:kommunen|polisen) i ({_ONE_PLACE})"),
]
# Where a heading names the place: "Medborgarlöften för Fiktivhamn, Låtsasö och Drömmeby",
# "Medborgarlöfte Fejkåsa 2023", "Exempelby – medborgarlöften", "Lokalpolisområde X – A, B och C".
_TITLE_PLACES = [
    re.compile(
        rf"\b(?:[Mm]edborgarlöft\w*|[Ll]öft\w*) (?:{YEAR} )?(?:för|i) "
        rf"({_ONE_PLACE}(?:(?:, | och ){_ONE_PLACE})*)"
    ),
    re.compile(rf"^[Mm]edborgarlöft\w* ({_ONE_PLACE})(?: {YEAR}\b|\s*$|\s*[–|:-])"),
    re.compile(rf"^({_ONE_PLACE}) [–-] (?:[Mm]edborgarlöft|[Uu]ppföljning)"),
    re.compile(rf"^Lokalpolisområde {_ONE_PLACE} [–-] ({_LIST[1:-1]})"),
]
NOT_PLACES = {
    "polisen",
    "polismyndigheten",
    "kommunen",
    "kommun",
    "nyhet",
    "nyheter",
    "start",
    "medborgarlöfte",
    "medborgarlöften",
    "region",
    "lokalpolisområde",
    "de",
    "den",
    "det",
    "varje",
    "alla",
    "tre",
    "två",
    "fyra",
    "samma",
    "båda",
    "respektive",
    # "Årets medborgarlöfte", "Dagens löfte": a time, not a place.
    "året",
    "årets",
    "dagens",
    "veckans",
}


def find_police_area(title: str, lines: list[str]) -> str | None:
    """The local police area as written ("Lokalpolisområde Norra Skärgården"); "LPO X" and
    "lokalpolisområdet i X" are written out as "Lokalpolisområde X"."""
    for line in [title, *lines]:
        match = _AREA.search(line)
        if match:
            return f"Lokalpolisområde {match[1]}"
    for line in [title, *lines]:
        match = _AREA_IN.search(line)
        if match:
            return f"Lokalpolisområde {match[1]}"
    return None


def _split_list(names: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s+|\s+och\s+", names) if n.strip()]


def find_municipalities(title: str, lines: list[str], area: str | None) -> list[str]:
    """The municipalities the promise is for, in their base form, in the order the text
    first names them."""
    text = "\n".join([title, *lines])
    area_name = area.split(" ", 1)[1] if area and " " in area else None
    # (position, name, named with "kommun": a police area may share a heading's place name)
    candidates: list[tuple[int, str, bool]] = []
    for pattern in _MUNICIPALITY_PATTERNS:
        for match in pattern.finditer(text):
            for name in _split_list(match[1]):
                candidates.append((match.start(1) + match[1].find(name), name, True))
    offset = 0
    for line_number, line in enumerate([title, *lines[:3]]):
        if line_number == 0 or is_heading(line):
            for pattern in _TITLE_PLACES:
                named = pattern.search(line)
                if named:
                    for name in _split_list(named[1]):
                        at = offset + named.start(1) + named[1].find(name)
                        candidates.append((at, name, False))
        offset += len(line) + 1
    found: list[str] = []
    with_kommun_found: set[str] = set()
    for _position, name, with_kommun in sorted(candidates):
        base = _base_form(name, text)
        if (
            base.lower() in NOT_PLACES
            or base.split()[0].lower() in NOT_PLACES
            or (base == area_name and not with_kommun and " " in base)
            or base in found
            or len(base) < 3
        ):
            continue
        found.append(base)
        if with_kommun:
            with_kommun_found.add(base)
    of_sweden = [name for name in found if name in _known_set()]
    if of_sweden:
        # "Samverkan kommun och polis" as a heading: a word before "kommun", where the text
        # also names a municipality of Sweden.
        found = of_sweden
    elif found and not with_kommun_found:
        # "Medborgarlöfte Centrum 2022-2023" on a page that names Borås again and again: the
        # heading's place is a part of the municipality.
        known = _known_municipality(text, least=2)
        if known:
            found = [known]
    if not found:
        fallback = re.search(rf"\b(?:Polisen|polisen i|kommunpolis(?:en)? i) ({NAME_WORD})", text)
        if area_name and " " not in area_name and not re.search("[–-]", area_name):
            found.append(area_name)
        elif fallback and fallback[1].lower() not in NOT_PLACES:
            found.append(_base_form(fallback[1], text))
    if not found:
        # "… inriktas på Halmstads stadskärna": a municipality of Sweden named in passing.
        known = _known_municipality(text)
        if known:
            found.append(known)
    return found


@functools.cache
def _known_set() -> frozenset[str]:
    return frozenset(municipality_names())


@functools.cache
def _known_names() -> re.Pattern[str]:
    """Every municipality of Sweden by name (places/data/municipalities.csv), longest
    first, with or without a genitive s."""
    names = sorted(municipality_names(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")s?\b")


def _known_municipality(text: str, least: int = 1) -> str | None:
    """The municipality of Sweden the text names most often (at least `least` times), not
    counting a name that opens a sentence or line (where "Vara" or "Mark" are words)."""
    counts: dict[str, int] = {}
    for match in _known_names().finditer(text):
        before = text[max(0, match.start() - 2) : match.start()]
        titled = re.match(r"\s*[–—:-]", text[match.end() : match.end() + 3])
        opens = match.start() == 0 or re.search(r"(?:^|[.!?:\n])\s*$", before)
        if opens and not titled and not match[0].endswith("s"):
            # "Kungsbacka – medborgarlöften" and "Halmstads kommun" name one; "Vara" opening
            # a sentence is a word.
            continue
        counts[match[1]] = counts.get(match[1], 0) + 1
    best = max(counts, key=lambda name: counts[name]) if counts else None
    return best if best is not None and counts[best] >= least else None


def _base_form(name: str, text: str) -> str:
    """The name without a genitive s ("Testviks" → "Testvik"), careful with names whose base
    form ends in s ("Inbillningsås", "Kramfors"): the text's own uses decide, else the ending."""
    if not name.endswith("s") or len(name) < 4:
        return name
    stem = name[:-1]
    if re.search(rf"(?<![\wåäö]){re.escape(stem)}(?![\wåäö])", text):
        return stem
    if _S_BASE.search(name):
        return name
    return stem
