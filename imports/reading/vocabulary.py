"""The words promise texts are read by: section headings, the nouns and phrases that name
each kind of activity, focus areas, cadences, partners, the nouns that count occasions,
the words for a promise, the two document types, and the words that open a subordinate
clause, a quote or a photo caption. `kind_matches` finds the kinds a text names."""

import functools
import re

# The two kinds of document a text can be: a promise, or a report of what was done.
PROMISE = "promise"
FOLLOW_UP = "follow_up"

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
# The words for a promise, as sentences and headings name it.
PROMISE_WORD = r"(?:medborgar)?löft(?:e|et|en|ena|es)|överenskommelse"
# Quotes and photo captions say who said or stood where, never what is promised.
QUOTE_OR_CAPTION = re.compile(
    r"\bsäger\b|^\s*[\"”»]|^på bilden\b|\bfoto\s*:|\bbild\s*:|\bvid undertecknandet\b",
    re.IGNORECASE,
)
# Subordinate clauses may tell of the past in a promise ("så snart det har anmälts").
SUBORDINATOR = re.compile(
    r"\b(?:som|där|när|då|så\s+snart|efter\s+att|från\s+att|eftersom|innan|tills|vilket|"
    r"så\s+att|om)\b",
    re.IGNORECASE,
)


def section_of(line: str) -> str | None:
    """The section a heading line opens ("Bakgrund", "Våra löften:"), if it is one."""
    if len(line) > 80 or line.endswith("."):
        return None
    for name, pattern in _HEADING.items():
        if pattern.match(line):
            return name
    return None


@functools.lru_cache(maxsize=512)
def kind_matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
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
