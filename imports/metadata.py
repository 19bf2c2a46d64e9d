"""What a promise text says about itself, wherever it says it: the year and period, the
municipality or municipalities, the police area, the date of signing, who signed, and
whether the text promises or reports what was done (a follow-up).

Pure functions over the cleaned lines of one document (imports/parser.py cuts and cleans
them). The rules follow how Swedish promise pages, news items and follow-ups are written,
not particular texts:

- Year: a year in a heading that names the promise ("Medborgarlöfte 2021", "Löften för
  2022") comes first, then one a sentence ties to the promise ("löftet gäller för perioden
  2022–2024", "medborgarlöftet för 2018"), then "inför 2020", then "under 2023"/"för 2023",
  then any other year. Years of the background ("hösten 2016", "sedan 2016", "jämfört
  med"), of case numbers ("KS 2022/0087") and, in a follow-up, of the next promise ("ett nytt
  medborgarlöfte för 2020") never count. A span gives the period, its first year the year.
- When only a date gives the year: a promise signed from January to September is for that
  year; one signed from October to December is for the next (promises are agreed in the
  autumn for the coming year). A follow-up dated January to March reports the year before;
  a later one, that year's progress.
- Date of signing: a sentence that says it was signed, with its date ("undertecknades den
  12 mars 2021"), or relative to the article's own date ("i dag", "i går", "i tisdags"),
  or a date line just before the signatures or at the very end of a promise. A day and
  month without a year take the year of the article's date, or else the year before the
  promise year for October to December and the promise year otherwise. Publication and
  "uppdaterad" dates are never the signing.
- Signatories: name and title lines, "Namn, titel", names and titles side by side, and
  the people a sentence or a photo caption says signed ("undertecknades av …", "… vid
  undertecknandet"). Those quoted ("säger …"), taking part ("medverkade"), contacts and
  e-mail senders did not sign. Party markers ("(S)") are left out; titles come from the
  official titles that sign promises and are kept as written.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from lib.swedish_dates import MONTHS, find_date

PROMISE = "promise"
FOLLOW_UP = "follow_up"

# --- names and titles -------------------------------------------------------------------

_UPPER = "A-ZÅÄÖÉÜ"
_LOWER = "a-zåäöéèüáíóúæø"
NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
NAME = rf"{NAME_WORD}(?:\s+(?:(?:von|af|de|van|der|den|la)\s+)?{NAME_WORD}){{1,3}}"
# A party marker after a politician's name: "(S)", "(KD)", "(MP)".
PARTY = r"\s*\([A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}\)"
# The official titles of those who sign promises, as Swedish writes them (also definite,
# "kommunalrådet", and "chef för lokalpolisområdet").
TITLE = (
    r"(?i:(?:(?:biträdande|ställföreträdande|tillförordnad|tf\.?)\s+)?(?:"
    r"kommunstyrelsens\s+(?:(?:förste|andre|1:e|2:e)\s+)?(?:vice\s+)?ordförande|"
    r"(?:kommunfullmäktiges|regionstyrelsens|(?:stadsdels|social|kultur|fritids|teknisk[ae])?"
    r"nämndens)\s+(?:vice\s+)?ordförande|"
    r"kommunalråd(?:et)?|kommunråd(?:et)?|oppositionsråd(?:et)?|"
    r"kommun(?:chef|direktör)(?:en)?|stads(?:direktör|chef)(?:en)?|"
    r"stadsdels(?:direktör|chef)(?:en)?|"
    r"chef\s+för\s+(?:lokal)?polisområde(?:t)?|(?:lokal)?polisområdeschef(?:en)?|"
    r"regionpolischef(?:en)?|polischef(?:en)?|kommunpolis(?:en)?|områdespolis(?:en)?|"
    r"räddningschef(?:en)?|räddningsdirektör(?:en)?|förvaltningschef(?:en)?"
    r"))"
)
_TITLE_PLACE = rf"(?:\s+i\s+{NAME_WORD})?"
_TITLE_LINE = re.compile(rf"^{TITLE}{_TITLE_PLACE}\b")
_NAME_LINE = re.compile(rf"^({NAME})(?:{PARTY})?$")
_TITLE_NAME_LINE = re.compile(rf"^({TITLE}{_TITLE_PLACE}),?\s+({NAME})(?:{PARTY})?$")
_NAME_TITLE_LINE = re.compile(rf"^({NAME})(?:{PARTY})?,\s+({TITLE}{_TITLE_PLACE})\b")
_PERSON = re.compile(
    rf"(?:(?P<pre>{TITLE})\s+(?P<n1>{NAME})(?P<p1>{PARTY})?)|"
    rf"(?:(?P<n2>{NAME})(?P<p2>{PARTY})?(?:,\s+(?P<post>{TITLE}{_TITLE_PLACE}))?)"
)
# Words that begin a capitalised run but never a person's name.
NOT_NAMES = {
    "polisen",
    "polis",
    "kommun",
    "kommunen",
    "lokalpolisområde",
    "polismyndigheten",
    "medborgarlöfte",
    "medborgarlöften",
    "medborgarlöftet",
    "region",
    "för",
    "foto",
    "bild",
    "dela",
    "skriv",
    "nyhet",
    "nyheter",
    "på",
    "och",
    "vid",
}

# --- signing, quoting, contacts -----------------------------------------------------------

SIGNED = re.compile(
    r"\b(?:underteckna(?:de|des|t|ts|ndet)|signera(?:de|des|t|ts)|"
    r"skr(?:ev|evs|ivit|ivits)\s+under|påskriv(?:et|na|it)|underskrivet)\b",
    re.IGNORECASE,
)
# "skrev Exempelby kommun och polisen under årets medborgarlöfte": the verb split by its subject.
SPLIT_SIGNED = re.compile(r"\bskr(?:ev|evs)\b(?:\s+\S+){1,14}?\s+under\b", re.IGNORECASE)
TOOK_PART = re.compile(r"\b(?:medverkade|deltog|närvarade|var också med|var med)\b", re.I)
QUOTED = re.compile(r"\bsäger\b|\bsa\s+han\b|\bsa\s+hon\b", re.IGNORECASE)
CONTACT = re.compile(
    r"\b(?:kontakta|kontakt|frågor|mer information|hälsningar|mvh)\b|^/", re.IGNORECASE
)
PHONE_OR_MAIL = re.compile(r"\d{2,}[- ]\d{2}|@|\b0\d{1,3}-\d")
CAPTION = re.compile(r"^(?:på bilden|bilden|foto|bild)\s*:", re.IGNORECASE)

# --- years ------------------------------------------------------------------------------

YEAR = r"20\d\d"
_DASH = r"\s*[–—-]\s*"
_SPAN = (
    rf"(?P<first>{YEAR})"
    rf"(?:(?:{_DASH}|/)(?P<last>{YEAR}|\d\d)\b|\s+och\s+(?:hela\s+)?(?P<and>{YEAR}))?"
)
_YEAR_MENTION = re.compile(rf"(?<![\d/.-])(?<!\d\s)(?!{YEAR}-\d{{1,2}}-\d){_SPAN}(?![\d/])")
PROMISE_WORD = r"(?:medborgar)?löft(?:e|et|en|ena|es)|överenskommelse"
_STRONG_BEFORE = re.compile(
    rf"(?:\b{PROMISE_WORD}\b(?:\s+\S+){{0,6}}?\s+(?:för|gäller|gällde|i|under|avser)?\s*|"
    r"\bgäll(?:er|de)\s+(?:(?:för|under|från)\s+)?|"
    r"\bperioden\s+|\b(?:för|under)\s+resten\s+av\s+)$",
    re.IGNORECASE,
)
_AHEAD_BEFORE = re.compile(r"\binför\s+(?:år\s+)?$", re.IGNORECASE)
_DURING_BEFORE = re.compile(r"\b(?:under|för|i|år)\s+(?:år\s+)?$", re.IGNORECASE)
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:hösten|våren|sommaren|vintern|höstas|våras|sedan|jämfört\s+med|statistik\w*"
    r"(?:\s+för)?|från|till\s+och\s+med|t\.o\.m\.|fram\s+till|nr(?:\s+\d+)?|dnr|ks|§\s*\d*|"
    r"årsskiftet|början\s+av|slutet\s+av|efter|innan|före)\s+$",
    re.IGNORECASE,
)
_NEXT_BEFORE = re.compile(
    r"\b(?:nytt|nya|nästa|kommande|även|också|fortsätter\b.*|till)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+$", re.IGNORECASE
)
_LASTS = re.compile(r"\bgäller\s+(?:i|under)\s+(två|tre|fyra|2|3|4)\s+år\b", re.IGNORECASE)
_UNTIL = re.compile(
    rf"\bgäller\b[^.]{{0,60}}?\b(?:till\s+och\s+med|t\.o\.m\.|fram\s+till|till)\s+"
    rf"(?:[a-zåäö]+\s+)?({YEAR})\b",
    re.IGNORECASE,
)
_COUNT_WORDS = {"två": 2, "tre": 3, "fyra": 4, "2": 2, "3": 3, "4": 4}

# --- document type ------------------------------------------------------------------------

_FOLLOW_UP_TITLE = re.compile(
    r"uppföljning|återrapport|redovisning|lägesrapport|så gick det|så blev det|hur gick det|"
    r"resultat|utfall|följ(?:s|t)\s+upp|läget\s+efter|avslutat|halvårs|delårs",
    re.IGNORECASE,
)
_ACHIEVED = re.compile(
    r"\bhar\s+(?:\w+\s+){0,3}?(?:genomfört|genomförts|hållits|hållit|gjorts|gjort|startats|"
    r"satts\s+upp|satt\s+upp|sanerat|sanerats|röjts|bytts|varit|gått|besökt|uppdaterats|"
    r"anställt|medverkat|tagit\s+fram|hunnit)\b|"
    r"\b(?:genomfördes|blev\s+(?:det|gjort)|det\s+blev|lovade|utlovade|uppfyllt|uppfyllda|"
    r"uppfylld|nådde|utfall(?:et)?|sammanfattningsvis|redovisas\s+vad|vad\s+som\s+(?:har\s+)?"
    r"(?:gjorts|blev\s+gjort|blivit\s+gjort))\b",
    re.IGNORECASE,
)
_PROMISING = re.compile(
    r"\b(?:lovar|ska|skall|kommer\s+att|underteckna(?:de|des|t)|skr(?:ev|evs|ivit)\s+under)\b",
    re.IGNORECASE,
)

# --- places ---------------------------------------------------------------------------------

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
}


@dataclass
class Metadata:
    """What the text says about the promise itself."""

    document_type: str = PROMISE
    year: int | None = None
    period: list[int] | None = None
    year_from_date: bool = False
    municipalities: list[str] = field(default_factory=list)
    police_area: str | None = None
    signed_on: date | None = None
    signatories: list[dict[str, str]] = field(default_factory=list)


# --- text helpers -----------------------------------------------------------------------------


def paragraphs(lines: list[str]) -> list[str]:
    """The lines with the line breaks of a wrapped paragraph (a PDF's, a newspaper's column)
    joined again: a long line not ending a sentence goes on on the next line."""
    joined: list[str] = []
    previous = ""
    for line in lines:
        wrapped = len(previous) >= 45 and not re.search(r"[.!?:]\s*$", previous)
        if joined and wrapped and len(joined[-1]) < 3000:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        previous = line
    return joined


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    parts = re.split(r"(?<=[.!?])\s+(?=[–\-\"”A-ZÅÄÖ0-9])", text)
    return [part.strip() for part in parts if part.strip()]


def is_heading(line: str) -> bool:
    """A short line that does not end a sentence and is not a list item."""
    return len(line) <= 100 and not re.search(r"[.!?]\s*$", line) and not line.startswith("•")


# --- related news, copyright ---------------------------------------------------------------

_RELATED = re.compile(
    r"^(?:läs\s+(?:också|även|mer)|relaterade?\s+(?:nyheter|artiklar|sidor)|mest\s+lästa?"
    r"(?:\s+just\s+nu)?|fler\s+nyheter|andra\s+läser|senaste\s+nytt|populärt)\b\s*:?",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\bcopyright\b|\(c\)\s*20\d\d|ansvarig utgivare", re.IGNORECASE)


def without_page_lists(lines: list[str]) -> list[str]:
    """The lines without lists of other articles ("Läs också", "Relaterade nyheter", "Mest
    läst") and copyright lines: their headlines name other years and other promises."""
    kept: list[str] = []
    skipping = False
    for line in lines:
        related = _RELATED.match(line)
        if related:
            # "Läs också: Nytt farthinder …" is one headline; a bare heading starts a list.
            skipping = not line[related.end() :].strip()
            continue
        if skipping:
            if line.startswith("•") or re.match(r"^\d{1,2}[.)]\s", line) or is_heading(line):
                continue
            skipping = False
        if _COPYRIGHT.search(line):
            continue
        kept.append(line)
    return kept


# --- splitting a page into promises ---------------------------------------------------------

_PROMISE_HEADING = re.compile(
    rf"^(?:medborgarlöft\w*|löft(?:e|et|en|ena)|uppföljning\s+av\s+\w+)\b"
    rf"(?:\s+\S+){{0,4}}?\s+{YEAR}\b|"
    rf"\bmedborgarlöft\w*\b.*\b{YEAR}(?:{_DASH}{YEAR})?\s*(?:\(\w+\)\s*)?$",
    re.IGNORECASE,
)


def heading_years(line: str) -> tuple[int, ...] | None:
    """The years of a heading that starts one year's promise ("Medborgarlöfte 2023",
    "Löfte för 2020 – så gick det", "Medborgarlöften 2023–2024"), else None."""
    if (
        len(line) >= 90
        or not is_heading(line)
        or line.endswith(":")
        or re.search(r"\bpdf\b|\bkB\b|\bdocx?\b", line, re.IGNORECASE)
        or not _PROMISE_HEADING.search(line)
    ):
        return None
    found = year_mentions(line)
    return (found[0][1], found[0][2]) if found else None


def split_documents(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Cut a page into (title, lines) at each heading of another year's promise. The lines
    before the first heading (the page's own title, an introduction) belong to the first.
    Headings that repeat the same year (a page title, a breadcrumb, the heading itself) do
    not cut."""
    documents: list[tuple[str, list[str]]] = []
    years: tuple[int, ...] | None = None
    preamble: list[str] = []
    for line in lines:
        found = heading_years(line)
        if found and found != years:
            documents.append((line, preamble if not documents else []))
            years = found
            continue
        if documents:
            documents[-1][1].append(line)
        else:
            preamble.append(line)
    if not documents:
        return [(lines[0], lines[1:])] if lines else []
    return documents


# --- document type ------------------------------------------------------------------------


def document_type(title: str, lines: list[str]) -> str:
    """Whether the text promises ("promise") or reports what was done ("follow_up"): a
    heading that names a follow-up ("Uppföljning av medborgarlöftet", "så gick det",
    "Resultat"), or a text that mostly tells what has been done, in the past tense."""
    headings = [title] + [
        line
        for index, line in enumerate(lines)
        if _short_heading(index, lines)
        and (index < 3 or re.search(PROMISE_WORD, line, re.IGNORECASE))
    ]
    if any(_FOLLOW_UP_TITLE.search(heading) for heading in headings):
        return FOLLOW_UP
    text = "\n".join(lines)
    achieved = len(_ACHIEVED.findall(text))
    promising = len(_PROMISING.findall(text))
    return FOLLOW_UP if achieved >= 3 and achieved > promising else PROMISE


def _short_heading(index: int, lines: list[str]) -> bool:
    """A heading of its own, not the first line of a wrapped paragraph."""
    line = lines[index]
    if len(line) > 70 or not is_heading(line) or not line[:1].isupper():
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return not following[:1].islower()


# --- years ---------------------------------------------------------------------------------


def year_mentions(text: str, kind: str = PROMISE) -> list[tuple[int, int, int, int]]:
    """Each year the text names that could be the promise's: (weight, first, last, position),
    best first. Years of dates, of the background and of case numbers are left out."""
    found = []
    for match in _YEAR_MENTION.finditer(text):
        first = int(match["first"])
        last = first
        if match["last"]:
            tail = match["last"]
            last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
        elif match["and"]:
            last = int(match["and"])
        if not first <= last <= first + 5:
            last = first
        before = text[max(0, match.start() - 60) : match.start()]
        if _BACKGROUND_BEFORE.search(before) or (
            kind == FOLLOW_UP and _NEXT_BEFORE.search(before[-40:])
        ):
            continue
        if re.search(r"\d+\.?\s+[a-zåäö]+\.?\s+$", before) and _MONTH_BEFORE.search(before):
            continue  # a date ("3 mars 2021"): read as a date, not as the promise's year
        weight = _weight(before)
        found.append((weight, first, last, match.start()))
    return sorted(found, key=lambda item: (-item[0], item[3]))


def _weight(before: str) -> int:
    if _MONTH_BEFORE.search(before):
        return 2
    if _STRONG_BEFORE.search(before):
        return 8
    if _AHEAD_BEFORE.search(before):
        return 7
    if _DURING_BEFORE.search(before):
        return 5
    return 3


def find_years(
    title: str, lines: list[str], kind: str, dated: date | None
) -> tuple[int | None, list[int] | None, bool]:
    """The promise's year, its period [first, last] and whether only a date gave them."""
    best: tuple[int, int, int, int] | None = None
    for position, line in enumerate([title] + paragraphs(lines)):
        heading = position == 0 or is_heading(line)
        for weight, first, last, _at in year_mentions(line, kind):
            if heading and re.search(rf"{PROMISE_WORD}|uppföljning|inför", line, re.I):
                weight = max(weight, 9)
            elif heading:
                weight = max(weight, 6)
            candidate = (weight, first, last, -position)
            if best is None or candidate[0] > best[0]:
                best = candidate
    if best is not None and best[0] >= 5:
        return best[1], _period(best[1], best[2], lines), False
    if dated is not None:
        year = _year_of_date(dated, kind)
        return year, _period(year, year, lines), True
    if best is not None:
        return best[1], _period(best[1], best[2], lines), False
    return None, None, False


def _period(first: int, last: int, lines: list[str]) -> list[int]:
    if last == first:
        text = " ".join(lines)
        lasts = _LASTS.search(text)
        if lasts:
            last = first + _COUNT_WORDS[lasts[1].lower()] - 1
        until = _UNTIL.search(text)
        if until and first < int(until[1]) <= first + 4:
            last = int(until[1])
    return [first, last]


def _year_of_date(day: date, kind: str) -> int:
    if kind == FOLLOW_UP:
        return day.year - 1 if day.month <= 3 else day.year
    return day.year + 1 if day.month >= 10 else day.year


# --- dates ---------------------------------------------------------------------------------

_DAY_MONTH = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b(?!\s+\d{4})",
    re.IGNORECASE,
)
_WEEKDAYS = ["måndags", "tisdags", "onsdags", "torsdags", "fredags", "lördags", "söndags"]
_RELATIVE = re.compile(r"\bi\s+(dag|går|förrgår|" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_PUBLISHED = re.compile(r"publicera|uppdatera|ändrad|sidansvarig", re.IGNORECASE)
_NOT_SIGNING_DATE = re.compile(
    r"publicera|uppdatera|ändrad|datum\s*:|sammanträde|diarie|dnr|nyhet|kl\.?\s*\d|\d:\d|"
    r"\d\.\d\d\b|sida\b|tjänsteskrivelse|bilaga",
    re.IGNORECASE,
)


def publication_date(raw_lines: list[str]) -> date | None:
    """The date an article or page states for itself (its byline or "Publicerad …"), from
    the page's first lines: what "i dag" and "i går" are counted from."""
    candidates = []
    for index, line in enumerate(raw_lines[:25]):
        if len(line) > 120:
            continue
        day = find_date(line)
        if day is None:
            continue
        if _PUBLISHED.search(line) and not re.search(r"uppdatera|ändrad", line, re.I):
            return day
        candidates.append((index, day))
    return candidates[0][1] if candidates else None


def _relative_day(word: str, dated: date) -> date:
    word = word.lower()
    if word == "dag":
        return dated
    if word == "går":
        return dated - timedelta(days=1)
    if word == "förrgår":
        return dated - timedelta(days=2)
    weekday = _WEEKDAYS.index(word)
    back = (dated.weekday() - weekday) % 7 or 7
    return dated - timedelta(days=back)


def _day_and_month(sentence: str, dated: date | None, year: int | None) -> date | None:
    match = _DAY_MONTH.search(sentence)
    if not match:
        return None
    month = MONTHS[match[2].lower()]
    day = int(match[1])
    if dated is not None:
        guess_year = dated.year
        try:
            guess = date(guess_year, month, day)
        except ValueError:
            return None
        return guess if guess <= dated else _safe_date(guess_year - 1, month, day)
    if year is None:
        return None
    return _safe_date(year - 1 if month >= 10 else year, month, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def signing_sentences(lines: list[str]) -> list[str]:
    """The sentences (and captions) that say the promise was signed."""
    found = []
    for paragraph in paragraphs(lines):
        for sentence in sentences(paragraph):
            if TOOK_PART.search(sentence) and not re.search(r"\bav\b", sentence):
                continue
            if SIGNED.search(sentence) or (
                SPLIT_SIGNED.search(sentence) and re.search(PROMISE_WORD, sentence, re.I)
            ):
                found.append(sentence)
    return found


def find_signed_on(
    lines: list[str], kind: str, dated: date | None, year: int | None
) -> date | None:
    """The date the promise (or a signed follow-up) was signed."""
    for sentence in signing_sentences(lines):
        day = find_date(sentence)
        if day:
            return day
        relative = _RELATIVE.search(sentence)
        by_month = _day_and_month(sentence, dated, year)
        if by_month:
            return by_month
        if relative and dated is not None:
            return _relative_day(relative[1], dated)
    return _date_line(lines, kind)


def _date_line(lines: list[str], kind: str) -> date | None:
    """A date on a line of its own ("Exempelby den 9 februari 2021", "Undertecknat
    2024-01-16") just before the signatures, or closing a promise."""
    for index, line in enumerate(lines):
        if len(line) > 60 or line.endswith(".") or _NOT_SIGNING_DATE.search(line):
            continue
        day = find_date(line)
        if day is None:
            continue
        following = lines[index + 1 : index + 4]
        if re.search(r"underteckna|underskrift", line, re.I) or any(
            _person_line(next_line) for next_line in following
        ):
            return day
        if kind == PROMISE and index >= len(lines) - 3 and index > 0:
            return day
    return None


def closing_index(lines: list[str]) -> int | None:
    """Where the signing block begins: a date line followed by the signatures, or closing
    the text."""
    for index, line in enumerate(lines):
        if len(line) > 60 or line.endswith(".") or _NOT_SIGNING_DATE.search(line):
            continue
        if find_date(line) is None:
            continue
        following = lines[index + 1 : index + 4]
        if any(_person_line(other) for other in following) or (
            index >= len(lines) - 3 and index > 0
        ):
            return index
    return None


# --- signatories ---------------------------------------------------------------------------


def _clean_name(name: str) -> str | None:
    name = re.sub(PARTY, "", name).strip()
    words = name.split()
    if len(words) < 2 or words[0].lower() in NOT_NAMES or words[-1].lower() in NOT_NAMES:
        return None
    if re.fullmatch(TITLE, words[0]) or any(w.lower() in NOT_NAMES for w in words):
        return None
    return name


def _person_line(line: str) -> bool:
    line = _without_for(line)
    return bool(_NAME_LINE.match(line) or _NAME_TITLE_LINE.match(line))


def _without_for(line: str) -> str:
    """ "För Testholms kommun: Greta Fjällsson (S), …" without its "För …:"."""
    return re.sub(r"^För\s+[^:]{1,60}:\s*", "", line)


def _unglue(line: str) -> str:
    """Cells of a table pasted without a space: "Anna ExempelPer Påhitt"."""
    return re.sub(rf"(?<=[{_LOWER})])(?=[{_UPPER}])", " ", line)


def _titles_of(line: str) -> list[str] | None:
    """Every title of a line that holds titles only, side by side ("Kommunstyrelsens
    ordförande Lokalpolisområdeschef"), else None."""
    titles = []
    rest = line.strip()
    while rest:
        match = _TITLE_LINE.match(rest)
        if not match:
            return None
        titles.append(match[0])
        rest = rest[match.end() :].strip(" ,|")
    return titles


def _side_by_side(names_line: str, titles: list[str]) -> list[dict[str, str]]:
    segments = [s.strip() for s in re.split(rf"{PARTY}|\s\|\s", names_line) if s.strip()]
    words = re.findall(NAME_WORD, names_line)
    if len(segments) == len(titles):
        names = segments
    elif len(words) % len(titles) == 0:
        size = len(words) // len(titles)
        names = [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
    else:
        return []
    people = []
    for name, title in zip(names, titles, strict=True):
        clean = _clean_name(name)
        if clean is None or not re.fullmatch(NAME, clean):
            return []
        people.append({"name": clean, "title": title})
    return people


def _people_in_sentence(sentence: str) -> list[dict[str, str]]:
    """The people a sentence says signed, by name, with their titles; not those quoted."""
    said = QUOTED.search(sentence)
    text = sentence[: said.start()] if said else sentence
    signed = SIGNED.search(text)
    people = []
    for match in _PERSON.finditer(text):
        name = match["n1"] or match["n2"]
        title = match["pre"] or match["post"]
        party = match["p1"] or match["p2"]
        # "undertecknades av Anna Ank och Bo Bod": a list of names after the signing verb.
        listed = (
            signed is not None
            and signed.end() <= match.start()
            and re.search(r"\b(?:av|och)\s+$", text[max(0, match.start() - 5) : match.start()])
        )
        if not (title or party or listed):
            continue
        clean = _clean_name(name)
        if clean:
            people.append({"name": clean, "title": title or ""})
    return people


def find_signatories(lines: list[str], kind: str) -> list[dict[str, str]]:
    """Who signed, in the order the text names them."""
    found: list[tuple[int, dict[str, str]]] = []
    closing = closing_index(lines)
    signing_mentioned = bool(signing_sentences(lines))
    index = 0
    while index < len(lines):
        line = _without_for(lines[index])
        before = [b for b in lines[max(0, index - 2) : index] if len(b) < 50 or b.endswith(":")]
        contact = any(CONTACT.search(b) for b in before) or PHONE_OR_MAIL.search(line)
        in_closing = closing is not None and index > closing
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        name_title = _NAME_TITLE_LINE.match(line)
        name_only = _NAME_LINE.match(line)
        titles = _titles_of(_unglue(next_line)) if next_line else None
        if not contact and name_title:
            name = _clean_name(name_title[1])
            if name:
                found.append((index, {"name": name, "title": name_title[2]}))
        elif not contact and titles and len(titles) > 1:
            found += [(index, person) for person in _side_by_side(_unglue(line), titles)]
            index += 1
        elif not contact and name_only and next_line and not _NAME_LINE.match(next_line):
            name = _clean_name(name_only[1])
            title = _TITLE_LINE.match(next_line)
            if name and (title or (in_closing and "," not in name_only[0])):
                title_text = title[0] if title else next_line.split(",")[0].strip()
                found.append((index, {"name": name, "title": title_text}))
                index += 1
        elif in_closing and "," in line:
            name, title_text = line.split(",", 1)
            if _NAME_LINE.match(name.strip()) and _clean_name(name.strip()):
                found.append((index, {"name": name.strip(), "title": title_text.strip()}))
        elif in_closing and (title_first := _TITLE_NAME_LINE.match(line)):
            # "Lokalpolisområdeschef Bo Bod" under the signing date.
            name = _clean_name(title_first[2])
            if name:
                found.append((index, {"name": name, "title": title_first[1]}))
        elif in_closing and _TITLE_LINE.match(line) and _NAME_LINE.match(next_line):
            # A title line above the name line.
            name = _clean_name(_NAME_LINE.match(next_line)[1])  # type: ignore[index]
            after = lines[index + 2] if index + 2 < len(lines) else ""
            if name and not _titles_of(after):
                found.append((index, {"name": name, "title": line.split(",")[0].strip()}))
                index += 1
        index += 1
    for position, line in enumerate(lines):
        for sentence in sentences(line) if len(line) < 400 else [line]:
            caption = CAPTION.match(sentence)
            signs = SIGNED.search(sentence) or SPLIT_SIGNED.search(sentence)
            if TOOK_PART.search(sentence):
                continue
            if signs or (caption and kind == PROMISE and signing_mentioned):
                found += [(position, person) for person in _people_in_sentence(sentence)]
    # Sentences wrapped over several lines (a newspaper's column, a PDF).
    joined = paragraphs(lines)
    if len(joined) < len(lines):
        for sentence in signing_sentences(lines):
            found += [(len(lines), person) for person in _people_in_sentence(sentence)]
    people: dict[str, dict[str, str]] = {}
    for _position, person in sorted(found, key=lambda item: item[0]):
        known = people.get(person["name"])
        if known is None:
            people[person["name"]] = person
        elif not known["title"]:
            known["title"] = person["title"]
    return list(people.values())


# --- municipalities and police area -----------------------------------------------------------


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
    if not found:
        fallback = re.search(rf"\b(?:Polisen|polisen i|kommunpolis(?:en)? i) ({NAME_WORD})", text)
        if area_name and " " not in area_name and not re.search("[–-]", area_name):
            found.append(area_name)
        elif fallback and fallback[1].lower() not in NOT_PLACES:
            found.append(_base_form(fallback[1], text))
    return found


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


# --- everything ---------------------------------------------------------------------------


def read_metadata(title: str, lines: list[str], dated: date | None = None) -> Metadata:
    """All the text says about the promise itself. `dated` is the page's own date (its
    byline), if it has one."""
    kind = document_type(title, lines)
    area = find_police_area(title, lines)
    municipalities = find_municipalities(title, lines, area)
    provisional = find_years(title, lines, kind, None)[0]
    signed_on = find_signed_on(lines, kind, dated, provisional)
    year, period, from_date = find_years(title, lines, kind, signed_on or dated)
    return Metadata(
        document_type=kind,
        year=year,
        period=period,
        year_from_date=from_date,
        municipalities=municipalities,
        police_area=area,
        signed_on=signed_on,
        signatories=find_signatories(lines, kind),
    )


_PROMISES_SPOKEN = re.compile(r"medborgarlöft|\blöft(?:e|et|en|ena|es)\b|\blova(?:r|de|t)\b", re.I)


def speaks_of_promises(text: str) -> bool:
    """Whether the text is about a citizen promise: it names one, or speaks of promises
    (löften, lovar) from the police or a municipality."""
    if re.search(r"medborgarlöft", text, re.IGNORECASE):
        return True
    return bool(_PROMISES_SPOKEN.search(text) and re.search(r"polis|kommun", text, re.I))


def as_output(meta: Metadata) -> dict[str, Any]:
    """The fields `loften parse` prints for them."""
    return {
        "document_type": meta.document_type,
        "year": meta.year,
        "period": meta.period,
        "municipality": meta.municipalities[0] if meta.municipalities else None,
        "municipalities": meta.municipalities,
        "police_area": meta.police_area,
        "signed_on": meta.signed_on.isoformat() if meta.signed_on else None,
        "signatories": meta.signatories,
    }
