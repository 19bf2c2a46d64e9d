"""Reads freely written Swedish promise texts into structured draft promises.

The text is split into lines, page noise is dropped, the lines are split into documents at
headings that name a year's promise, and each document into sections by its headings.
Activities come from list items and from sentences in the promise sections that name a
countable kind of activity; what cannot be placed becomes a warning, never content.
"""

import functools
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from core.plausible import MAX_ACTIVITY_TARGET
from imports import achieved, metadata
from lib.periods import FIRST_YEAR, LAST_YEAR
from lib.swedish_dates import find_date
from lib.swedish_numbers import APPROXIMATE, PER_YEAR, find_rate, number_value
from lib.text import (
    is_noise,
    normalise_space,
    repair_double_encoding,
    strip_bullet,
    without_controls,
)

# Section headings, as municipalities write them.
SECTIONS = {
    "situation": r"bakgrund|situation|lägesbild|problembild|nuläge",
    "commitments": r"löften|löftet|medborgarlöftet|medborgarlöften|vi lovar|våra löften",
    "activities": r"aktiviteter|insatser|åtgärder|löftena ska uppnås genom.*|"
    r"så här gör vi|detta gör vi",
    "effect": r"effekt|effekter|mål|målsättning|förväntad effekt",
    "follow_up": r"uppföljning|återrapportering|uppföljning och utvärdering",
    "evaluation": r"utvärdering",
}
_HEADING = {
    name: re.compile(rf"^(?:{words})\s*:?$", re.IGNORECASE) for name, words in SECTIONS.items()
}
_PROMISE_START = re.compile(
    r"^medborgarlöfte[nt]?\b.*\b(20\d\d)\b|"
    r"^.*\bmedborgarlöfte[nt]?\b.*\b(20\d\d)\s*$",
    re.IGNORECASE,
)

# Kinds of activity by the nouns that name them ("trafikkontroller"); a noun may end a
# compound ("gatubelysning"). Earlier kinds win a tie, so the more specific come first.
KINDS: list[tuple[str, str]] = [
    (
        "traffic_control",
        r"(?:trafik|hastighets|nykterhets|fart|alkohol|drog)kontr?oll(?:er|erna|en)?",
    ),
    ("traffic_operation", r"(?:riktade?\s+)?trafikinsats(?:er|erna)?|trafiksäkerhetsinsats(?:er)?"),
    ("safety_walk", r"trygghetsvandr(?:ing|ingar|ingarna|ingen|a|ar)"),
    ("citizen_dialogue", r"medborgardialog(?:er|erna|en)?|dialogmöte(?:n|na|t)?"),
    ("employee_dialogue", r"medarbetardialog(?:er|erna|en)?"),
    (
        "school_education",
        r"utbildningsdag(?:ar|en)?|kunskapsdag(?:ar|en)?|skolbesök(?:en)?|lektion(?:er|erna)?|"
        # Education is school education where it speaks of pupils or schools.
        r"utbildning(?:ar|en)?(?=[^.]{0,60}\b(?:elev|skol|klass|årskurs))",
    ),
    # Also as the first part of a compound: "grannsamverkansområden".
    ("neighbourhood_watch", r"grannsamverkan\w*|grannstöd"),
    ("presence_patrol", r"patrull\w*"),
    (
        "drug_operation",
        r"narkotikainsats(?:er|erna|en)?|narkotikahund(?:ar|en|arna)?|"
        r"(?:narkotika|hund)sök(?:ning(?:ar)?)?",
    ),
    # Of licensed alcohol serving and tobacco and alcohol sales: "alkoholtillsyn".
    ("licence_inspection", r"tillsyn(?:er|erna|en)?|tillsynsbesök|kontrollköp"),
    (
        "early_intervention",
        r"bekymm?ringssamtal(?:en)?|orossamtal(?:en)?|SSPF(?:-\w+)?",
    ),
    (
        "physical_measure",
        r"belysning(?:en|ar)?|farthinder|fartgupp|klottersanering(?:ar)?|kameraskyltning\w*|"
        r"röjning(?:ar)?|hastighetssänkning\w*",
    ),
    (
        "speed_measurement",
        r"hastighetsmät\w*|fartmätning(?:ar)?|fartvisare(?:n|na)?|"
        r"hastighetsdisplay(?:er|en|erna)?",
    ),
    ("situation_picture", r"lägesbild(?:en|er|erna)?|lägesbildsmöte(?:n|t)?"),
    ("night_walk", r"nattvandr\w*"),
    ("safety_hosts", r"trygghetsvärd(?:ar|arna|en)?|fältvärd(?:ar|arna|en)?"),
    (
        "information_campaign",
        r"informationskampanj(?:er|en)?|kampanj(?:er|en)?|informationsinsats(?:er)?|"
        r"(?:informations|bedrägeri)träff(?:ar|arna)?",
    ),
    ("meeting", r"möte(?:n|na|t)?|samverkansmöte(?:n)?|träff(?:ar)?|trygghetsmöte\w*"),
    ("survey", r"enkät(?:er|en)?|trygghetsmätning(?:ar|en)?|undersökning(?:ar)?"),
    # What no other kind fits but promises do: "insatser mot langning".
    ("other", r"langning\w*"),
]
# The verb phrases promises use instead of a noun: "patrullera till fots", "sanera
# klotter", "söka efter narkotika med hund", "mäta hastigheten".
PHRASES: list[tuple[str, str]] = [
    (
        "traffic_control",
        r"kontroll(?:er|erna)?\s+av\s+(?:\w+\s+och\s+)?"
        r"(?:mopeder|a-traktorer|epa-traktorer|fordon|lastbilar|bilar)",
    ),
    ("citizen_dialogue", r"öppet\s+hus"),
    (
        "school_education",
        r"föreläs(?:a|er|ning|ningar)|"
        r"besök(?:a|er)\s+(?:samtliga\s+|alla\s+|varje\s+)?(?:\w+\s+)?"
        r"(?:\w*skol(?:or|orna|an)|klass(?:er|erna)?|årskurs)|"
        r"prata(?:r)?\s+(?:\w+\s+)?med\s+eleverna",
    ),
    (
        "presence_patrol",
        r"mobila\s+polisstation(?:en)?|"
        r"(?:öka|ökar|ökad|synlig|synliga)\s+(?:\w+\s+)?närvaro(?:n)?|"
        r"synlig(?:a|t)?\s+till\s+fots|(?:är|vara|finns|finnas)\s+(?:\w+\s+)?på\s+plats",
    ),
    (
        "drug_operation",
        r"sök(?:a|er|s)?\s+efter\s+narkotika|sök\s+med\s+(?:narkotika)?hund|"
        r"(?:riktade\s+)?insats(?:er|erna)?\s+mot\s+(?:\w+\s+){0,2}?narkotika\w*",
    ),
    (
        "licence_inspection",
        r"kontroller(?:a|ar)\s+(?:samtliga\s+|alla\s+)?(?:\w+\s+)?"
        r"(?:butiker|restauranger|serveringsställen|krogar)",
    ),
    ("early_intervention", r"tidiga\s+(?:insats(?:er)?|samtal)"),
    (
        "physical_measure",
        r"(?:sanera\w*|ta\w*\s+bort|minska\w*)\s+(?:\w+\s+)?klott\w+|"
        r"klott\w+\s+(?:\w+\s+){0,6}?saneras|röj(?:a|er|s)|klipp\w*\s+ner|"
        r"sänk\w*\s+(?:\w+\s+)?hastighet\w*|bygg(?:a|er)\s+om|måla(?:r)?\s+om|åtgärda\w*\s+mörka",
    ),
    ("speed_measurement", r"mät(?:a|er|s)\s+(?:\w+\s+)?hastighet(?:en|erna)?"),
    (
        "information_campaign",
        r"tips\s+om|informera(?:r|s)?\s+om|ge(?:r)?\s+råd|sprid\w*\s+(?:\w+\s+)?(?:tips|information)",
    ),
    ("meeting", r"träffa(?:s)?"),
    ("other", r"ansvarsfull\w*\s+alkoholser\w*|arbeta\w*\s+(?:\w+\s+)?förebyggande"),
]
# A kind's noun may end a compound ("informationsmöten", "skolbesök"), and may follow a
# shared first part ("kunskaps- och utbildningsdag"); a phrase stands as written.
# One pattern for all nouns and one for all phrases, a named group per kind: the text is
# scanned twice, not once per kind. Of two kinds at one place the longest name wins.


def _alternatives(entries: list[tuple[str, str]]) -> str:
    return "|".join(f"(?P<k{index}>{words})" for index, (_kind, words) in enumerate(entries))


_KIND_PATTERNS = [
    (
        re.compile(rf"\b(?:\w+-\s+och\s+)?([\wåäö]*?(?:{_alternatives(KINDS)}))\b", re.I),
        [kind for kind, _words in KINDS],
    ),
    (
        re.compile(rf"\b((?:{_alternatives(PHRASES)}))\b", re.I),
        [kind for kind, _words in PHRASES],
    ),
]
FOCUS = [
    ("speed", r"hastighet"),
    ("behaviour", r"beteende"),
    ("alcohol_drugs", r"alkohol|rattfylleri|nykterhet|drograttfylleri"),
    ("unprotected_road_users", r"oskyddade trafikanter|gående|cyklister"),
    ("mopeds", r"moped|epa-?traktor|a-traktor"),
    ("heavy_traffic", r"tung trafik|lastbil"),
    ("youth", r"ungdom|unga\b|elever"),
    ("public_order", r"ordningsstörning|allmän ordning"),
    ("drugs", r"narkotika|(?<!alkohol/)(?<!alkohol och )\bdroger"),
    ("burglary", r"inbrott"),
    ("violence", r"våld"),
    ("littering_vandalism", r"nedskräpning|klotter|skadegörelse"),
    ("lighting_environment", r"belysning|buskage|fysisk miljö"),
]
CADENCES = [
    ("monthly", r"varje månad|månadsvis|en gång i månaden"),
    ("quarterly", r"kvartalsvis|varje kvartal|en gång per kvartal"),
    ("biannual", r"halvårsvis|varje halvår|två gånger per år"),
    ("yearly", r"årsvis|en gång per år|årligen|varje år"),
]
PARTNERS = re.compile(
    r"(Räddningstjänsten(?:\s+[A-ZÅÄÖ][\wåäö-]+)?|Lokalpolisområde\s+[A-ZÅÄÖ][\wåäö-]+|"
    r"\bpolis(?:en)?\b|\bkommun(?:en)?\b|[A-ZÅÄÖ][\wåäö]+s kommun|"
    r"[A-ZÅÄÖ][\wåäö]+(?:hem|bostäder)\b|\bskol(?:an|or|orna)\b)"
)
# Numbers that are not targets: school years, years, percentages, clock times.
NOT_A_TARGET = re.compile(r"(årskurs|åk|klass)\s*$", re.IGNORECASE)
# Words that count occasions rather than name the activity: "två tillfällen för dialog".
COUNT_NOUNS = {
    "tillfällen",
    "tillfälle",
    "gånger",
    "gång",
    "pass",
    "dagar",
    "dag",
    "st",
    "stycken",
    "träffar",
    "veckor",
    "kvällar",
    "helger",
}
NAME_LINE = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+){1,3}$")


@dataclass
class Activity:
    text: str
    kind: str
    target: int | None
    unit: str | None
    focus: list[str]
    partners: list[str]
    # A stated rate ("en gång i månaden": {"count": 1, "per": "month"}); the target is
    # then the count for the year.
    rate: dict[str, Any] | None = None
    # "minst 6": the target is the least promised.
    minimum: bool = False


@dataclass
class ParsedPromise:
    """What the parser read of one promise text: its fields, activities, signatories and
    what it could not read for sure."""

    municipality: str | None = None
    # Every municipality the promise is for (several share one police area); the first is
    # `municipality`.
    municipalities: list[str] = field(default_factory=list)
    police_area: str | None = None
    year: int | None = None
    # The first and last year of the promise: [2022, 2024] for "perioden 2022–2024".
    period: list[int] | None = None
    # "promise", or "follow_up" for a report of what was done.
    document_type: str = metadata.PROMISE
    title: str = ""
    situation: str | None = None
    commitments: list[str] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    effect: str | None = None
    follow_up: str | None = None
    evaluation: str | None = None
    signed_on: str | None = None
    signatories: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Counts read that no activity can plausibly have (core/plausible.py): left out of the
    # activity, each as {"text", "field", "value", "max"}, for a person to check.
    implausible_figures: list[dict[str, Any]] = field(default_factory=list)
    # A follow-up's counts of what was done ({"kind", "done", "text"}) and its own date
    # (imports/achieved.py); a promise has none.
    achieved: list[dict[str, Any]] = field(default_factory=list)
    dated: str | None = None


def clean_lines(text: str) -> list[str]:
    """Non-empty lines of content, page noise removed."""
    # Word's line and page breaks (vertical tab, form feed) end a line like any other.
    text = without_controls(re.sub("[\r\x0b\x0c]", "\n", text))
    lines = (normalise_space(line) for line in text.split("\n"))
    return [line for line in lines if line and not is_noise(line)]


def split_promises(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Cut the lines into (title, lines) at each heading that names another year's promise;
    a text without such headings is one document (imports/metadata.py)."""
    return metadata.split_documents(lines)


def _section_of(line: str) -> str | None:
    if len(line) > 80 or line.endswith("."):
        return None
    for name, pattern in _HEADING.items():
        if pattern.match(line):
            return name
    return None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", text) if s.strip()]


# Words after a number that make it no count of occasions: durations, speeds, shares,
# ages and outcomes ("minst 20 ingripanden" is a goal, not an activity).
NOT_UNITS = re.compile(
    r"^\s*(?:km/h|km|procent|%|timmar|timme|minuter|år|års|veckor|månader|kronor|kr|meter|"
    r"ingripanden|gripanden|anmälningar|beslag|lagföringar|rapporteringar|personer|"
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
    r"\b(?:(?P<minimum>minst)\s+)?(?P<count>[\wåäö]+)\s+(?:gånger|tillfällen|kvällar|nätter|pass)\b",
    re.IGNORECASE,
)
# "hastighetsmätningar på tolv platser", "grannsamverkan i fyra nya områden".
_PLACES = re.compile(
    r"\b(?:på|i|vid|av)\s+(?:(?P<minimum>minst)\s+)?(?P<count>[\wåäö]+)\s+"
    r"(?:nya\s+|olika\s+)?(?P<unit>[\wåäö-]+)",
    re.IGNORECASE,
)
_PREPOSITIONS = (
    r"om|mot|med|utifrån|för|i|vid|av|inför|kring|under|efter|på|från|till|enligt|inom|"
    r"genom|hos|bland|runt|över|efter"
)
# A kind named after a preposition is what another activity is about or rests on ("möten
# om grannsamverkan", "trafikinsatser utifrån lägesbilden"), not an activity of its own.
_AFTER_PREPOSITION = re.compile(
    rf"\b(?:{_PREPOSITIONS})\s+(?:(?:den|det|de|en|ett|sin|sina|deras|\w+s|\w+a|\w+e)\s+){{0,2}}$",
    re.IGNORECASE,
)
# The situation picture is an activity where it is kept, updated or gone through.
_KEEPS_PICTURE = re.compile(
    r"\b(?:uppdatera\w*|håll\w*|ha|har|ta\w*\s+fram|gå\w*\s+igenom|analysera\w*|dela\w*|"
    r"finns|stäm\w*\s+av|följ\w*\s+upp|ta\w*|(?:uppdatering|genomgång)\w*\s+av)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


def _number_at(text: str, match: re.Match[str], *, first: bool) -> int | None:
    """The value of a count the match found, unless it is no count: an indefinite "en"
    inside a sentence, a year, a school year, a duration or speed, "de fyra"."""
    word = match["count"]
    value = number_value(word)
    if value is None or FIRST_YEAR <= value <= LAST_YEAR:
        return None
    if word.lower() in ("en", "ett") and not first:
        return None
    before = text[: match.start("count")]
    if NOT_A_TARGET.search(before) or NOT_COUNTED_AFTER.search(before):
        return None
    if NOT_UNITS.match(text[match.end("count") :]):
        return None
    return value


def _count_before(before: str, *, at_start: bool) -> tuple[int | None, str | None, bool]:
    """The count written before the activity's name: (count, unit, "minst")."""
    if APPROXIMATE.search(before[-30:]):
        return None, None, False
    words = list(
        re.finditer(r"\b(?:(?P<minimum>minst)\s+)?(?P<count>[\wåäö]+)\b", before, re.IGNORECASE)
    )[-6:]
    for match in reversed(words):
        first = at_start and not before[: match.start()].strip(" –-•")
        value = _number_at(before, match, first=first)
        if value is None:
            continue
        unit_match = re.match(r"\s*([\wåäö-]+)", before[match.end("count") :])
        unit = unit_match[1].lower() if unit_match else None
        return value, unit if unit in COUNT_NOUNS else None, bool(match["minimum"])
    return None, None, False


def _count_after(after: str) -> tuple[int | None, bool]:
    """A count written after the activity's name: "minst tre gånger under året", "vid
    fyra tillfällen", "på tolv platser"."""
    for pattern in (_OCCASIONS, _PLACES):
        for match in pattern.finditer(after):
            value = _number_at(after, match, first=False)
            if value is not None:
                return value, bool(match["minimum"])
    return None, False


@dataclass
class _Count:
    target: int | None = None
    unit: str | None = None
    rate: dict[str, Any] | None = None
    minimum: bool = False
    approximate: bool = False


def _read_count(before: str, after: str, *, at_start: bool, own_before: bool) -> _Count:
    """The activity's yearly target from the words around its name: a rate ("två gånger i
    månaden" is 24), else a count before or after it."""
    count, unit, minimum = _count_before(before, at_start=at_start)
    if count is None:
        count, minimum = _count_after(after)
    rate = find_rate(after) or (find_rate(before) if own_before else None)
    if rate is not None:
        per_period = rate.count or count or 1
        return _Count(
            target=per_period * PER_YEAR[rate.per],
            unit=unit,
            rate={"count": per_period, "per": rate.per},
            minimum=rate.minimum or minimum,
        )
    approximate = bool(APPROXIMATE.search(before[-30:]))
    return _Count(count, unit, None, minimum and count is not None, approximate)


@functools.lru_cache(maxsize=512)
def _kind_matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every named kind of activity in the text, earliest first, none overlapping."""
    found = sorted(
        (
            (
                kinds[int(next(name for name, value in match.groupdict().items() if value)[1:])],
                match,
            )
            for pattern, kinds in _KIND_PATTERNS
            for match in pattern.finditer(text)
        ),
        key=lambda pair: (pair[1].start(), -len(pair[1][0])),
    )
    chosen: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if not chosen or match.start() >= chosen[-1][1].end():
            chosen.append((kind, match))
    return tuple(chosen)


def _is_mention(text: str, kind: str, match: re.Match[str], start: int) -> bool:
    """Whether a named kind is what the activity is about rather than one of its own."""
    before = text[start : match.start()]
    if kind == "situation_picture":
        return not _KEEPS_PICTURE.search(before)
    # "när vi planerar våra trafikkontroller", "polisen finns med på plats".
    if start and (_SUBORDINATOR.search(before) or re.search(r"på\s+plats$", match[1])):
        return True
    return bool(_AFTER_PREPOSITION.search(before))


def parse_activities(text: str) -> list[Activity]:
    """The activities one list item or sentence names: usually one, sometimes several
    ("4 trygghetsvandringar och 2 medborgardialoger", "nattvandring varje helg och
    bekymringssamtal"). A kind named after a preposition is a mention ("möten om
    grannsamverkan"), unless it has a count of its own; the same kind named again is the
    same activity ("tillsyn av serveringsställen, minst tio per år")."""
    matches = _kind_matches(text)
    activities: list[Activity] = []
    start = 0
    for index, (kind, match) in enumerate(matches):
        end = matches[index + 1][1].start() if index + 1 < len(matches) else len(text)
        count = _read_count(
            text[start : match.start()],
            text[match.end() : end],
            at_start=start == 0,
            own_before=not activities,
        )
        previous = activities[-1] if activities else None
        if previous is None:
            # The situation picture an activity rests on ("trafikinsatser utifrån
            # lägesbilden"), or that shows something ("Polisens lägesbild visar …"), is no
            # activity; a list item may open with it ("Gemensam lägesbild varje vecka").
            opening = text[: match.start()].split()
            if not (
                kind == "situation_picture"
                and _is_mention(text, kind, match, 0)
                and (
                    len(matches) > 1
                    or len(opening) > 2
                    or any(word.endswith("s") for word in opening)
                )
            ):
                activities.append(_activity(text, kind, match, count))
        elif previous.kind == kind or (
            kind == "meeting" and None in (previous.target, count.target)
        ):
            # The same kind again, or the meeting where it is done ("SSPF-gruppen träffas
            # två gånger i månaden"): the same activity.
            if previous.target is None and count.target is not None:
                _set_count(previous, count)
        elif previous.kind == "meeting" and _purpose(text, match):
            # "träffas varje månad för att gå igenom lägesbilden": the purpose names it.
            previous.kind = kind
            if previous.target is None:
                _set_count(previous, count)
        elif count.target is not None or not _is_mention(text, kind, match, start):
            activities.append(_activity(text, kind, match, count))
        start = match.end()
    return activities


def _purpose(text: str, match: re.Match[str]) -> bool:
    return bool(re.search(r"\bför\s+att\s+(?:\w+\s+){1,4}$", text[: match.start()]))


def _set_count(activity: Activity, count: _Count) -> None:
    activity.target, activity.rate, activity.minimum = count.target, count.rate, count.minimum
    if count.unit:
        activity.unit = count.unit


def parse_activity(text: str) -> Activity | None:
    """The first activity the text names, if any."""
    activities = parse_activities(text)
    return activities[0] if activities else None


def _activity(text: str, kind: str, match: re.Match[str] | None, count: _Count) -> Activity:
    """The activity of a kind the match names in the text (None: of kind "other", which
    the text names by no noun of ours)."""
    noun = match[1].lower() if match else ""
    target, unit = count.target, count.unit
    # A list item that opens with the activity's name in the singular names one: "En
    # trygghetsvandring i hamnen", "Utbildningsdag för alla elever".
    if target is None and match and not count.approximate and _names_one(text, match):
        target, unit = 1, noun
    if unit is None or number_value(unit) is not None:
        unit = re.sub(r"^riktade?\s+", "", noun) or None
    focus = [tag for tag, words in FOCUS if re.search(words, text, re.IGNORECASE)]
    partners = list(
        dict.fromkeys(
            _partner_name(m[0])
            for m in PARTNERS.finditer(text)
            # "i Eslövs kommun" is where, not who.
            if not re.search(r"\b(i|inom|för|runt)\s+$", text[: m.start()])
        )
    )
    return Activity(
        text=text,
        kind=kind,
        target=target,
        unit=unit,
        focus=focus,
        partners=partners,
        rate=count.rate,
        minimum=count.minimum and target is not None,
    )


def _names_one(text: str, match: re.Match[str]) -> bool:
    opening = text[: match.start()].strip().lower()
    if re.fullmatch(r"(?:en|ett)(?:\s+\w+)?", opening):
        return True
    # "Genomförande av kunskaps- och utbildningsdag": a day is one.
    return bool(re.fullmatch(r"(?:\w+\s+av)?", opening)) and match[1].lower().endswith("dag")


def _partner_name(found: str) -> str:
    lowered = found.lower()
    if lowered.startswith("polis"):
        return "Polisen"
    if lowered in ("kommun", "kommunen"):
        return "Kommunen"
    return found[0].upper() + found[1:]


def _cadence(text: str) -> str | None:
    for cadence, words in CADENCES:
        if re.search(words, text, re.IGNORECASE):
            return cadence
    return None


def _municipality(title: str, body: str) -> str | None:
    lines = body.split("\n")
    found = metadata.find_municipalities(title, lines, _police_area(title, body))
    return found[0] if found else None


def _police_area(title: str, body: str) -> str | None:
    return metadata.find_police_area(title, body.split("\n"))


def _signatories(lines: list[str]) -> list[dict[str, str]]:
    return metadata.find_signatories(lines, metadata.document_type("", lines))


def parse_promise(title: str, lines: list[str], dated: date | None = None) -> ParsedPromise:
    """One promise document from its heading and lines; `dated` is the page's own date (an
    article's byline), from which "i dag" and "i går" are counted."""
    document = ParsedPromise(title=title)
    meta = metadata.read_metadata(title, lines, dated)
    document.document_type = meta.document_type
    document.year = meta.year
    document.period = meta.period
    sections: dict[str, list[str]] = {}
    current = "introduction"
    closing = metadata.closing_index(lines)
    for index, line in enumerate(lines):
        if closing is not None and index >= closing:
            break  # the date and the signatures
        heading = _section_of(line)
        if heading:
            current = heading
            continue
        if find_date(line) and len(line) < 40 and not line.endswith("."):
            continue  # a date line: a byline or a signing date, not content
        sections.setdefault(current, []).append(line)
    _fill(document, sections)
    if meta.municipalities:
        document.municipalities = meta.municipalities
        document.municipality = meta.municipalities[0]
    elif document.municipality:
        document.municipalities = [document.municipality]
    document.police_area = meta.police_area or document.police_area
    document.signed_on = meta.signed_on.isoformat() if meta.signed_on else None
    document.signatories = meta.signatories
    if document.document_type == metadata.FOLLOW_UP:
        document.achieved = achieved.read_achieved(lines)
        document.dated = achieved.report_date(lines, dated, document.signed_on)
    _warn_metadata(document, meta)
    return document


def _warn_metadata(document: ParsedPromise, meta: metadata.Metadata) -> None:
    """Say what could not be read of the promise itself, or only guessed."""
    if document.document_type == metadata.FOLLOW_UP:
        document.warnings.append(
            _(
                "This text reads as a follow-up (what was done), not as a promise: its counts "
                "are results, not targets."
            )
        )
    if document.year is None:
        document.warnings.append(_("No year found: enter the year the promise is for."))
    elif meta.year_from_date:
        document.warnings.append(
            _("The year %(year)s was read from a date only: check it.") % {"year": document.year}
        )
    if document.municipality is None:
        document.warnings.append(_("No municipality found."))
    if document.document_type == metadata.FOLLOW_UP:
        return
    if not document.signatories:
        document.warnings.append(_("No signatories found."))
    if document.signed_on is None:
        document.warnings.append(_("No date of signing found."))


def _fill(document: ParsedPromise, sections: dict[str, list[str]]) -> None:
    body = "\n".join(line for part in sections.values() for line in part)
    document.municipality = _municipality(document.title, body)
    document.police_area = _police_area(document.title, body)
    situation = sections.get("situation") or []
    document.situation = "\n\n".join(situation) or None
    effect = sections.get("effect")
    document.effect = "\n\n".join(effect) if effect else None
    follow_text = " ".join(sections.get("follow_up", []) + sections.get("evaluation", []))
    document.follow_up = _cadence(follow_text) or _cadence(body)
    evaluation = [s for s in _sentences(follow_text) if re.search("utvärder", s, re.I)]
    document.evaluation = " ".join(evaluation) or None
    _take_activities(document, sections)


# Sentences that tell what was done, not what is promised: "har genomfört åtta
# tillsyner", "Tre trygghetsvandringar har hållits", "Polisen lovade ...", "Det blev tolv".
_SUPINE = r"[\wåäö]+(?:at|it|tt|rt|lt|ft|ts|dd)"
_NOT_SUPINE = (
    r"att|ett|natt|mot|samt|plats|inte|nytt|stort|kort|långt|gott|fritt|fort|snabbt|helt|"
    r"särskilt|främst|mest|minst|först|sist|allt|tätort|resultat|centralort|tydligt|varit|"
    r"brott|sätt|slut|håll|bilbälte|rätt|ljust|mörkt|svårt|viktigt|gemensamt"
)
_PAST = re.compile(
    rf"\b(?:har|hade)\s+(?:[\wåäö-]+\s+){{0,8}}?(?!(?:{_NOT_SUPINE})\b){_SUPINE}\b|"
    r"\b(?:lovade|genomförde|gjorde|höll|blev|gick|tog|kom|återkom|fick|skulle|"
    r"svarade|nämnde|visade|bekräftade|framkom|deltog|berättade|uppgav|oroade|upplevde|sa|"
    r"sade|gav|fanns|såg|startade|besökte|satte|lyssnade|samtalade|träffade|arbetade|"
    r"medverkade|nådde|ökade|minskade|innehöll|handlade|gällde|valde|klagade|ville|lämnade|"
    r"pekade|kände|ansåg|tyckte|märkte|önskade|efterfrågade|framförde|lyfte)\b|"
    # The passive of the past: "genomfördes", "pekades ut", "hölls".
    r"\b[\wåäö]{3,}(?:ades|des|tes)\b|\bhölls\b|"
    # A summary of achievements without a verb: "Genomfört 10 narkotikainsatser".
    r"^(?:genomfört|gjort|hållit|besökt|anställt|bytt|tagit|medverkat|fotpatrullerat)\b",
    re.IGNORECASE,
)
# Times that are past: "i våras", "förra året".
_PAST_TIME = re.compile(
    r"\bi\s+(?:våras|höstas|vintras|somras|fjol)\b|\bförra\s+(?:året|hösten|våren|veckan)\b",
    re.IGNORECASE,
)
# Where a promise rests, not what it does: "Löftet bygger på medborgardialogerna".
_BACKGROUND = re.compile(
    r"\b(?:bygger\s+på|grundar\s+sig|utgår\s+från)\b|^bakgrunden\b", re.IGNORECASE
)
# Quotes and photo captions say who said or stood where, never what is promised.
_QUOTE_OR_CAPTION = re.compile(
    r"\bsäger\b|^\s*[\"”»]|^på bilden\b|\bfoto\s*:|\bbild\s*:|\bvid undertecknandet\b",
    re.IGNORECASE,
)
# Subordinate clauses may tell of the past in a promise ("så snart det har anmälts").
_SUBORDINATOR = re.compile(
    r"\b(?:som|där|när|då|så\s+snart|efter\s+att|från\s+att|eftersom|innan|tills|vilket|"
    r"så\s+att|om)\b",
    re.IGNORECASE,
)
# A report of what was achieved: "Uppföljning av medborgarlöftet 2022", "Så gick det".
_FOLLOW_UP_TITLE = re.compile(
    r"uppföljning|följ(?:s|t|des)\s+upp|redovisning|återrapport|så gick det|hur det gick|"
    r"så blev|läget efter|lägesrapport|sammanställning|nådde inte|avslutat|utfall",
    re.IGNORECASE,
)
_HEADING_LIKE = re.compile(r"^[A-ZÅÄÖ#][^.!?]{0,80}$")


def _achieved(sentence: str) -> bool:
    """Whether the sentence tells what was done rather than what will be."""
    if _PAST_TIME.search(sentence):
        return True
    # The main clause, before any subordinate one; a clause of a word or two ("Det som
    # oroade flest var …") has its verb after the subordinate clause.
    main = _SUBORDINATOR.split(sentence, maxsplit=1)[0]
    if _SUBORDINATOR.match(sentence):
        # "När polisen griper en ungdom ska socialtjänsten …": the main clause follows.
        found = re.search(r",|\b(?:ska|skall|kommer|har|hade)\b", sentence)
        main = sentence[found.start() :] if found else sentence
    elif len(main.split()) < 3:
        main = sentence
    return bool(_PAST.search(main))


def _is_follow_up(title: str, sections: dict[str, list[str]]) -> bool:
    """Whether the document reports on a promise instead of making one: its heading says
    so, or it tells more of what was done than of what will be."""
    opening = [title, *sections.get("introduction", [])[:6]]
    if any(_FOLLOW_UP_TITLE.search(line) for line in opening if _HEADING_LIKE.match(line)):
        return True
    lines = [line for part in sections.values() for line in part]
    done = promised = 0
    for line in lines:
        if _QUOTE_OR_CAPTION.search(line):
            continue
        for sentence in _sentences(strip_bullet(line)[1]):
            if re.search(r"\blovar\b", sentence, re.IGNORECASE) and not _achieved(sentence):
                return False  # a promise made now, whatever else the page reports
            if _kind_matches(sentence):
                if _achieved(sentence):
                    done += 1
                else:
                    promised += 1
    return done >= 2 and done > promised


def _activity_lines(sections: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """The sections activities may come from, each as (name, lines). A background
    section ends at the first heading after it ("Bakgrund" … "Unga i riskzon")."""
    parts = []
    for name, lines in sections.items():
        if name in ("introduction", "commitments", "activities"):
            parts.append((name, lines))
        elif name == "situation":
            for index, line in enumerate(lines):
                if _HEADING_LIKE.match(line) and not strip_bullet(line)[0]:
                    parts.append(("activities", lines[index + 1 :]))
                    break
    return parts


# A line that opens a list of promises: "Polisen lovar att:", "Det här lovar vi:".
_LIST_LEAD = re.compile(r"\blova[rt]\b|\b(?:att|följande|detta|så här)\s*:\s*$|:\s*$", re.I)
# An item that promises an action: an infinitive or a present verb, perhaps after "att"
# or who does it ("Kommunen inför …").
_ACTION = re.compile(
    r"^(?:att\s+)?(?:[\wåäö]+\s+){0,3}?(?:ska|skall|kommer\s+att|"
    r"(?:genomför|inför|erbjud|anordna|arbeta|utveckla|öka|starta|anställ|bygg|skapa|samverka|"
    r"stött|stöd|verka|förbättra|installera|placera|anlita|fortsätt|utbilda|prioritera|"
    r"samordna|delta|medverka|kartlägga|kartlägg|säkerställ|utöka|minska|motverka|åtgärda)"
    r"\w*)\b",
    re.IGNORECASE,
)


def _unwrapped(lines: list[str]) -> list[str]:
    """The lines with a sentence that a PDF or a newspaper column wrapped joined again:
    a long line without a closing stop, followed by one that goes on in lower case."""
    joined: list[str] = []
    for line in lines:
        if (
            joined
            and len(joined[-1]) >= 20
            and not re.search(r"[.!?:;]\s*$", joined[-1])
            and re.match(r"[a-zåäö0-9]", line)
            and not strip_bullet(line)[0]
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _take_activities(document: ParsedPromise, sections: dict[str, list[str]]) -> None:
    """Every activity the document promises, once: from list items and from sentences
    anywhere outside the background, effect and follow-up, but never from a quote, a
    caption or a report of what was done."""
    # Read sentence by sentence, a promise made now ("lovar") outweighs what the page tells
    # of last year; this reading decides the document's type, which the metadata guessed
    # from its wording as a whole.
    follow_up = _is_follow_up(document.title, sections)
    document.document_type = metadata.FOLLOW_UP if follow_up else metadata.PROMISE
    # Activities read from running text rather than a list item, and those from a
    # summary that names several: a list item or later sentence may tell them in full.
    prose: set[int] = set()
    summaries: set[int] = set()
    for name, lines in _activity_lines(sections):
        # A list of promises: in a section of them, or after "Polisen lovar att:".
        promised_list = name in ("commitments", "activities")
        for line in _unwrapped(lines):
            if _QUOTE_OR_CAPTION.search(line):
                continue
            is_item, text = strip_bullet(line)
            if not is_item:
                promised_list = name in ("commitments", "activities") or bool(
                    _LIST_LEAD.search(text)
                )
            for sentence in [text] if is_item else _sentences(text):
                if _BACKGROUND.search(sentence) or _achieved(sentence):
                    continue
                if re.search(r"\blovar\b", sentence, re.IGNORECASE):
                    document.commitments.append(_commitment(sentence))
                if follow_up:
                    continue
                found = parse_activities(sentence)
                if not found and is_item and promised_list and _ACTION.match(sentence):
                    # A promised action none of the kinds names: "införa kameraövervakning".
                    found = [_activity(sentence, "other", None, _Count())]
                summary = not is_item and len({a.kind for a in found}) > 1
                for activity in found:
                    if _add_activity(document, activity, sentence, summaries, prose, is_item):
                        if not is_item:
                            prose.add(id(activity))
                        if summary:
                            summaries.add(id(activity))


# Kinds a promise often holds several different ones of ("belysning" and "röjning").
_MANY_OF_A_KIND = {"physical_measure", "other"}


def _add_activity(
    document: ParsedPromise,
    activity: Activity,
    sentence: str,
    summaries: set[int],
    prose: set[int],
    is_item: bool,
) -> bool:
    """Add the activity unless it repeats one already read: the same kind named by the
    same noun ("Trafikkontrollerna ska …"), with the same count, or told again after a
    summary that named several ("Minst 30 trafikkontroller, nattvandring …" in a news
    lead). Say whether it was added."""
    for known in document.activities:
        if known.kind != activity.kind:
            continue
        if None not in (known.target, activity.target) and known.target != activity.target:
            continue
        if (
            id(known) in summaries
            or (
                activity.kind not in _MANY_OF_A_KIND
                and ((is_item and id(known) in prose) or _definite(activity))
            )
            or _same_noun(known, activity)
            or (known.target is not None and known.target == activity.target)
        ):
            if known.target is None and activity.target is not None:
                known.target, known.rate = activity.target, activity.rate
            known.minimum = known.minimum or activity.minimum
            known.rate = known.rate or activity.rate
            if id(known) in summaries or (is_item and id(known) in prose):
                # Told in full here: the list's wording and place.
                summaries.discard(id(known))
                prose.discard(id(known))
                known.text = activity.text
                document.activities.remove(known)
                document.activities.append(known)
            return False
    implausible = _left_out_implausible(document, activity, sentence)
    if activity.target is None and not implausible:
        document.warnings.append(_("No count found in: %(text)s") % {"text": sentence})
    if not activity.partners and re.search(r"\bgemensam", sentence, re.I):
        activity.partners = _parties(document)
    document.activities.append(activity)
    return True


_STEM_END = re.compile(
    r"(?:ingarna|ingar|ingen|ing|erarna|erare|erar|era|erna|arna|orna|ena|en|et|er|ar|or|na|n|e|"
    r"a|s)$"
)
_FUNCTION_WORDS = {"mot", "med", "och", "för", "av", "på", "till", "efter", "om", "upp", "ner"}


def _stems(activity: Activity) -> set[str]:
    """The stems of the words that name the activity's kind in its text."""
    return {
        _STEM_END.sub("", word)
        for kind, match in _kind_matches(activity.text)
        if kind == activity.kind
        for word in re.findall(r"[\wåäö-]+", match[1].lower())
        if len(word) > 3 and word not in _FUNCTION_WORDS
    }


def _definite(activity: Activity) -> bool:
    """Whether the activity is named in the definite form, as one already told of:
    "Trafikkontrollerna ska …", "Nattvandringen organiseras av …"."""
    return any(
        kind == activity.kind and re.search(r"(?:en|et|na)$", match[1].lower())
        for kind, match in _kind_matches(activity.text)
    )


def _same_noun(known: Activity, activity: Activity) -> bool:
    """Whether two activities of a kind are named by the same noun ("belysningen",
    "gatubelysning")."""
    return any(
        a.endswith(b) or b.endswith(a) for a in _stems(known) for b in _stems(activity) if a and b
    )


def _left_out_implausible(document: ParsedPromise, activity: Activity, sentence: str) -> bool:
    """Report a target no activity can plausibly have, instead of storing it as read; say
    whether one was left out."""
    if activity.target is None or activity.target <= MAX_ACTIVITY_TARGET:
        return False
    document.implausible_figures.append(
        {"text": sentence, "field": "target", "value": activity.target, "max": MAX_ACTIVITY_TARGET}
    )
    document.warnings.append(
        _(
            "The count %(value)s in “%(text)s” is more than an activity can plausibly have in "
            "a year (at most %(max)s); it was left out: enter the right target."
        )
        % {"value": activity.target, "text": sentence, "max": MAX_ACTIVITY_TARGET}
    )
    activity.target = None
    return True


def _parties(document: ParsedPromise) -> list[str]:
    """The police area and the municipality: who does what is "joint" (gemensam)."""
    parties = [document.police_area or "Polisen"]
    parties.append(f"{document.municipality}s kommun" if document.municipality else "Kommunen")
    return parties


def _commitment(sentence: str) -> str:
    # The promise itself, without the activities that follow "och under året kommer …".
    return re.split(r"\s+och under året\b|,\s*och\s+(?=\d)", sentence)[0].rstrip(" .,")


def parse_text(text: str) -> dict[str, Any]:
    """The JSON object `loften parse` prints: {"documents": [...]}. A text that speaks of a
    citizen promise is never refused: what could be read is returned, with warnings."""
    text = repair_double_encoding(text)
    # The page's own date, read before noise ("Publicerad 3 mars 2021") is dropped.
    raw = [normalise_space(line) for line in re.split("[\r\n\x0b\x0c]", text[:20000])]
    dated = metadata.publication_date([line for line in raw if line])
    lines = metadata.without_page_lists(clean_lines(text))
    documents = [parse_promise(title, body, dated) for title, body in split_promises(lines)]
    for later in documents[1:]:
        # A page of several years names its municipality once, above them all.
        if later.municipality is None:
            later.municipality = documents[0].municipality
            later.municipalities = list(documents[0].municipalities)
        later.police_area = later.police_area or documents[0].police_area
    # A police area named only beside the page's date ("Publicerad … · Lokalpolisområde X").
    area = metadata.find_police_area("", [line for line in raw if is_noise(line)])
    for document in documents:
        document.police_area = document.police_area or area
    kept = [d for d in documents if d.activities or d.commitments or d.achieved]
    if not kept and documents and metadata.speaks_of_promises(text):
        kept = documents[:1]
        kept[0].warnings.append(_("No activities found: enter them by hand."))
    return {"documents": [asdict(d) for d in kept]}
