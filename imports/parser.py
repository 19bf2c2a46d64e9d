"""Reads freely written Swedish promise texts into structured draft promises.

The text is split into lines, page noise is dropped, the lines are split into documents at
headings that name a year's promise, and each document into sections by its headings.
Activities come from list items and from sentences in the promise sections that name a
countable kind of activity; what cannot be placed becomes a warning, never content.
"""

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from core.plausible import MAX_ACTIVITY_TARGET
from imports import metadata
from lib.periods import FIRST_YEAR, LAST_YEAR
from lib.swedish_dates import find_date
from lib.swedish_numbers import APPROXIMATE, number_value
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

# Kinds of activity by the words that name them: (kind, singular, plural) stems.
KINDS: list[tuple[str, str]] = [
    (
        "traffic_control",
        r"trafikkontroll(?:er|erna)?|hastighetskontroll(?:er)?|"
        r"nykterhetskontroll(?:er)?",
    ),
    ("traffic_operation", r"(?:riktade?\s+)?trafikinsats(?:er|erna)?|trafiksäkerhetsinsats(?:er)?"),
    ("safety_walk", r"trygghetsvandring(?:ar|arna)?"),
    ("citizen_dialogue", r"medborgardialog(?:er|erna)?"),
    ("employee_dialogue", r"medarbetardialog(?:er|erna)?"),
    (
        "school_education",
        r"utbildningsdag(?:ar)?|kunskapsdag(?:ar)?|"
        r"skolbesök|lektion(?:er)?|utbildning(?:ar)?",
    ),
    # Also as the first part of a compound: "grannsamverkansområden".
    ("neighbourhood_watch", r"grannsamverkan\w*|grannstöd"),
    ("presence_patrol", r"närvaropatrull(?:er|ering(?:ar)?)?|patrullering(?:ar)?"),
    (
        "drug_operation",
        r"narkotikainsats(?:er|erna)?|narkotikahund(?:ar|en|arna)?|"
        r"narkotikasök(?:ning(?:ar)?)?",
    ),
    # Of licensed alcohol serving and tobacco and alcohol sales: "alkoholtillsyn".
    (
        "licence_inspection",
        r"tillsyn(?:er|erna|en)?|tillsynsbesök|kontrollköp|serveringsställ(?:e|en|ena)",
    ),
    (
        "early_intervention",
        r"bekymringssamtal(?:en)?|SSPF(?:-?möte(?:n|na)?)?|tidiga\s+insats(?:er)?",
    ),
    (
        "physical_measure",
        r"belysning(?:en|ar)?|farthinder|fartgupp|klottersanering(?:ar)?|röjning(?:ar)?|"
        r"hastighetssänkning(?:ar)?|sänkta?\s+hastighet(?:er|sgräns(?:en|er)?)?",
    ),
    (
        "speed_measurement",
        r"hastighetsmätning(?:ar|arna)?|fartmätning(?:ar)?|fartvisare(?:n|na)?|"
        r"hastighetsdisplay(?:er|en)?",
    ),
    # Before "meeting", which also ends "lägesbildsmöte".
    ("situation_picture", r"lägesbild(?:en|er|erna)?|lägesbildsmöte(?:n|t)?"),
    ("night_walk", r"nattvandring(?:ar|arna)?|nattvandrare(?:n|na)?"),
    ("safety_hosts", r"trygghetsvärd(?:ar|arna|en)?|fältvärd(?:ar|arna|en)?"),
    (
        "information_campaign",
        r"informationskampanj(?:er)?|kampanj(?:er)?|informationsinsats(?:er)?",
    ),
    ("meeting", r"möte(?:n)?|samverkansmöte(?:n)?|träff(?:ar)?"),
    ("survey", r"enkät(?:er)?|trygghetsmätning(?:ar)?|undersökning(?:ar)?"),
]
# A kind's noun may end a compound ("informationsmöten", "skolbesök"), and may follow a
# shared first part ("kunskaps- och utbildningsdag").
_KIND_PATTERNS = [
    (kind, re.compile(rf"\b(?:\w+-\s+och\s+)?([\wåäö]*?(?:{words}))\b", re.IGNORECASE))
    for kind, words in KINDS
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


def _target(text: str, kind_start: int) -> tuple[int | None, str | None, bool]:
    """The count written before the activity's name: (target, unit, approximate)."""
    before = text[:kind_start]
    if APPROXIMATE.search(before[-30:]):
        return None, None, True
    words = list(re.finditer(r"\b(?:minst|högst|cirka|ca)?\s*([\wåäö]+)\b", before))
    for match in reversed(words[-6:]):
        value = number_value(match[1])
        if value is None or NOT_A_TARGET.search(before[: match.start(1)]):
            continue
        if FIRST_YEAR <= value <= LAST_YEAR:
            continue
        unit_match = re.match(r"\s*([\wåäö-]+)", text[match.end(1) :])
        unit = unit_match[1].lower() if unit_match else None
        return value, unit if unit in COUNT_NOUNS else None, False
    return None, None, False


# Kinds more often named as what another activity rests on ("trafikinsatser utifrån
# lägesbilden") than as the activity: only an activity where the text names no other kind.
REFERENCE_KINDS = {"situation_picture"}


def _kind_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every named kind of activity in the text, earliest first, none overlapping."""
    found = sorted(
        ((kind, match) for kind, pattern in _KIND_PATTERNS for match in pattern.finditer(text)),
        key=lambda pair: (pair[1].start(), -len(pair[1][0])),
    )
    chosen: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if not chosen or match.start() >= chosen[-1][1].end():
            chosen.append((kind, match))
    if any(kind not in REFERENCE_KINDS for kind, _match in chosen):
        chosen = [(kind, match) for kind, match in chosen if kind not in REFERENCE_KINDS]
    return chosen


def parse_activities(text: str) -> list[Activity]:
    """The activities one list item or sentence names: usually one, sometimes several
    ("4 trygghetsvandringar och 2 medborgardialoger"). A later kind without a count of its
    own is a mention ("möten om grannsamverkan"), not another activity."""
    activities: list[Activity] = []
    counted = False
    start = 0
    for kind, match in _kind_matches(text):
        target, unit, approximate = _target(text[start:], match.start() - start)
        # The same kind named again with a count counts the first ("tillsyn på 20
        # serveringsställen"): one activity, not two.
        if activities and activities[-1].kind == kind and not counted and target is not None:
            activities.pop()
        elif activities and target is None:
            continue
        activities.append(_activity(text, kind, match, target, unit, approximate))
        counted = target is not None
        start = match.end()
    return activities


def parse_activity(text: str) -> Activity | None:
    """The first activity the text names, if any."""
    activities = parse_activities(text)
    return activities[0] if activities else None


def _activity(
    text: str,
    kind: str,
    match: re.Match[str],
    target: int | None,
    unit: str | None,
    approximate: bool,
) -> Activity:
    noun = match[1].lower()
    if target is None and not approximate and not _plural(noun):
        target, unit = 1, noun
    if unit is None or number_value(unit) is not None:
        unit = re.sub(r"^riktade?\s+", "", noun)
    focus = [tag for tag, words in FOCUS if re.search(words, text, re.IGNORECASE)]
    partners = list(
        dict.fromkeys(
            _partner_name(m[0])
            for m in PARTNERS.finditer(text)
            # "i Eslövs kommun" is where, not who.
            if not re.search(r"\b(i|inom|för|runt)\s+$", text[: m.start()])
        )
    )
    return Activity(text=text, kind=kind, target=target, unit=unit, focus=focus, partners=partners)


def _plural(noun: str) -> bool:
    return bool(re.search(r"(er|ar|or|erna|arna|n)$", noun)) and not noun.endswith("dag")


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
    _warn_metadata(document, meta)
    return document


def _warn_metadata(document: ParsedPromise, meta: metadata.Metadata) -> None:
    """Say what could not be read of the promise itself, or only guessed."""
    if meta.document_type == metadata.FOLLOW_UP:
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
    if meta.document_type == metadata.FOLLOW_UP:
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
    for name in ("introduction", "commitments", "activities"):
        _take_promises(document, sections.get(name, []), prose=name != "introduction")


def _take_promises(document: ParsedPromise, lines: list[str], *, prose: bool) -> None:
    for line in lines:
        is_item, text = strip_bullet(line)
        if not (is_item or prose):
            continue
        for sentence in [text] if is_item else _sentences(text):
            if re.search(r"\blovar\b", sentence, re.IGNORECASE):
                document.commitments.append(_commitment(sentence))
            for activity in parse_activities(sentence):
                if not is_item and activity.target is None:
                    continue
                implausible = _left_out_implausible(document, activity, sentence)
                if activity.target is None and not implausible:
                    document.warnings.append(_("No count found in: %(text)s") % {"text": sentence})
                if not activity.partners and re.search(r"\bgemensam", sentence, re.I):
                    activity.partners = _parties(document)
                document.activities.append(activity)


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
    kept = [d for d in documents if d.activities or d.commitments]
    if not kept and documents and metadata.speaks_of_promises(text):
        kept = documents[:1]
        kept[0].warnings.append(_("No activities found: enter them by hand."))
    return {"documents": [asdict(d) for d in kept]}
