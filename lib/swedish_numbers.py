"""Swedish number words as they appear in promise texts: "två", "tolv", "femton", "tjugo"."""

import re
from dataclasses import dataclass

from lib.periods import PER_YEAR

WORDS = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
    "etthundra": 100,
}
# Approximate amounts name no target: "ett tiotal", "ett par", "några".
APPROXIMATE = re.compile(
    r"\b(ett\s+(tiotal|femtontal|tjugotal|trettiotal|hundratal|par)|"
    r"några|flera|ett\s+antal|ett\s+flertal)\b",
    re.IGNORECASE,
)


def number_value(word: str) -> int | None:
    """The value of a number written in digits or as a Swedish word, else None."""
    token = word.strip().lower().rstrip(".,:;")
    if token.isdigit():
        return int(token)
    if token in WORDS:
        return WORDS[token]
    # Compounds such as "tjugofem" or "trettiotvå".
    for tens in ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"):
        if token.startswith(tens) and token[len(tens) :] in WORDS:
            unit = WORDS[token[len(tens) :]]
            if 0 < unit < 10:
                return WORDS[tens] + unit
    return None


_RESTATED = re.compile(r"\b([a-zåäö]+)\s*\((\d{1,3})\)", re.IGNORECASE)


def without_restated_digits(text: str) -> str:
    """The text without the digits that restate a number word: "minst två (2) kvällar" is
    "minst två kvällar", as contracts write them."""
    return _RESTATED.sub(
        lambda m: m[1] if number_value(m[1]) == int(m[2]) else m[0],
        text,
    )


# The round numbers a report gives about: "ett tiotal", "ett hundratal" (values in WORDS).
_ABOUT_TENS = (
    "tio",
    "femton",
    "tjugo",
    "trettio",
    "fyrtio",
    "femtio",
    "sextio",
    "sjuttio",
    "åttio",
    "nittio",
    "hundra",
)
_ABOUT = re.compile(
    r"\b(?:ett|drygt\s+ett|cirka\s+ett|ca\s+ett)\s+(?:(\d+)-?tal|("
    + "|".join(_ABOUT_TENS)
    + r")-?tal)\b",
    re.IGNORECASE,
)


def about_as_number(text: str) -> str:
    """A report's round figures as numbers: "ett 80-tal patrulleringar" is "80
    patrulleringar", "ett hundratal" is "100". What a follow-up says it did, about; a
    promise's "ett tiotal" is no target (APPROXIMATE)."""
    return _ABOUT.sub(lambda m: m[1] or str(WORDS[m[2].lower()]), text)


# Rates a promise states: "en gång i månaden", "två kvällar i veckan", "varje fredag",
# "minst fyra tillfällen per termin", "tio per år", "kvartalsvis", "en kontroll varje dygn".
_PERIOD_WORDS = {
    "dygn": "day",
    "dygnet": "day",
    "dag": "day",
    "dagen": "day",
    "vecka": "week",
    "veckan": "week",
    "månad": "month",
    "månaden": "month",
    "kvartal": "quarter",
    "kvartalet": "quarter",
    "termin": "term",
    "terminen": "term",
    "skoltermin": "term",
    "skolterminen": "term",
    "år": "year",
    "året": "year",
    "läsår": "year",
    "läsåret": "year",
}
_WEEKDAYS = r"måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
# "per vecka", "i veckan" (not "i år": this year), "varje månad", "om året", "per dygn".
_PER = re.compile(
    r"(?:(?:\bper\s+|/\s*)"
    r"(?P<per>dygn|dag|vecka|veckan|månad|månaden|kvartal|kvartalet|(?:skol)?termin|(?:skol)?terminen|"
    r"år|året|läsår|läsåret)|"
    r"\bi\s+(?P<in>dygnet|veckan|månaden|kvartalet|(?:skol)?terminen|året)|"
    r"\bom\s+(?P<om>dygnet|dagen|året|veckan|månaden)|"
    r"\bvarje\s+(?P<each>dygn|vecka|månad|kvartal|(?:skol)?termin|år|läsår)|"
    r"\b(?P<adverb>vecko|månads|kvartals|termins)vis|"
    # "tre kontroller vår respektive höst", "varje vår och höst": once a term; not set off
    # by commas ("vid två tillfällen under året, vår och höst," is two in all).
    r"(?<!,\s)\b(?:både\s+|varje\s+)?(?P<seasons>vår(?:en)?)\s+(?:och|respektive|samt)\s+höst(?:en)?)\b",
    re.IGNORECASE,
)
# "varje fredag", "varje fredag och lördag", "varje lördag kväll", "varje helg".
_EACH_DAY = re.compile(
    rf"\bvarje\s+(?:helgfri\s+)?(?P<days>(?:{_WEEKDAYS})\w*(?:(?:\s*,\s*|\s+och\s+)(?:{_WEEKDAYS})\w*)*|helg\b)",
    re.IGNORECASE,
)
# "den årliga trygghetsvandringen", "varje oktober": once a year.
_YEARLY = re.compile(
    r"\bårlig(?:a|t)?\b|\bvarje\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|"
    r"september|oktober|november|december)\b",
    re.IGNORECASE,
)
_EVERY_OTHER = re.compile(r"\bvarannan\s+(vecka|månad)\b", re.IGNORECASE)
_ADVERB_PERIOD = {
    "vecko": "week",
    "månads": "month",
    "kvartals": "quarter",
    "termins": "term",
    "vår": "term",
    "våren": "term",
}
# The count just before the period: "två gånger i månaden", "minst tio per år".
_RATE_COUNT = re.compile(
    r"(?:\b(?P<minimum>minst)\s+)?\b(?P<count>[\wåäö]+)\s+(?:(?:gång(?:er)?|tillfällen|tillfälle|"
    r"kvällar|kväll|dagar|dag|nätter|natt|pass|helger|timmar|insatser|[\wåäö]+er|[\wåäö]+ar)\s+|"
    # "1 kontakt/vecka", "1 helg/månad".
    r"(?:[\wåäö]+\s+){0,2}[\wåäö]+(?=/))?$",
    re.IGNORECASE,
)


# Hours and days are no count of what is done each day ("24 timmar per dygn").
_HOURS_OR_DAYS = re.compile(r"\b(?:timm\w*|dag\w*|dygn\w*|kvällar|nätter)\s*/?\s*$", re.IGNORECASE)


def _daily(text: str, match: re.Match[str], count: int | None) -> bool:
    """Whether a rate per day is one: a count of times or things each day ("två gånger per
    dag", "minst en trafikkontroll varje dygn"). "Varje dag" alone is a manner of speaking
    and "24 timmar per dygn" the hours of a service."""
    if _HOURS_OR_DAYS.search(text[max(0, match.start() - 20) : match.start()].rstrip("/ ")):
        return False
    return count is not None or match.group().lower().rstrip().endswith(("dygn", "dygnet"))


# One thing before the period: "minst en trafikkontroll varje dygn", "ett besök i månaden".
_ONE_THING = re.compile(
    r"(?:\b(?P<minimum>minst)\s+)?\b(?P<count>en|ett|1)\s+[\wåäö]+\s*/?\s*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Rate:
    """A rate read from a text: the count per period (None when the text states no count
    before the period, as in "varje vecka"), where it was found, and "minst"."""

    count: int | None
    per: str
    start: int
    end: int
    minimum: bool = False

    def yearly(self, count: int | None = None) -> int:
        return (self.count or count or 1) * PER_YEAR[self.per]


def find_rate(text: str) -> Rate | None:
    """The first rate the text states, if any."""
    found: list[Rate] = []
    for match in _PER.finditer(text):
        word = next(value for value in match.groupdict().values() if value)
        per = _ADVERB_PERIOD.get(word.lower()) or _PERIOD_WORDS[word.lower()]
        count, minimum, start = _count_before(text, match.start())
        if per == "day" and not _daily(text, match, count):
            continue
        found.append(Rate(count, per, start, match.end(), minimum))
    for match in _EVERY_OTHER.finditer(text):
        # "varannan månad": six a year.
        per_year = PER_YEAR[_PERIOD_WORDS[match[1].lower()]] // 2
        found.append(Rate(per_year, "year", match.start(), match.end()))
    for match in _YEARLY.finditer(text):
        found.append(Rate(1, "year", match.start(), match.end()))
    for match in _EACH_DAY.finditer(text):
        days = re.findall(_WEEKDAYS, match["days"], re.IGNORECASE)
        found.append(Rate(max(len(days), 1), "week", match.start(), match.end()))
    return min(found, key=lambda rate: rate.start) if found else None


def _count_before(text: str, end: int) -> tuple[int | None, bool, int]:
    before = text[max(0, end - 40) : end]
    match = _RATE_COUNT.search(before)
    if match is None or number_value(match["count"]) is None:
        match = _ONE_THING.search(before) or match
    if match is None:
        return None, False, end
    value = number_value(match["count"])
    if value is None or value > 100:
        return None, False, end
    return value, bool(match["minimum"]), end - len(before) + match.start()
