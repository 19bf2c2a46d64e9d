"""What a follow-up report says was achieved: the counts of activities carried out.

A follow-up tells what was done, not what is promised: "Polisen har genomfört åtta
tillsyner", "hastighetsmätningar har gjorts på tolv platser", "Trafikkontroller: 17 av de
25 utlovade", "Vi lovade minst sex trygghetsvandringar och genomförde sju", or a table with
a column of what was done. Each count is read with the kind of activity it counts, in the
parser's vocabulary and by the parser's own matching of kinds (imports/reading/).

What is not an achieved count: what was promised or aimed at ("Målet var 20 kontroller",
"lovade 20", "minst 18"), parts of a count ("varav 4"), ranges, dates, years and case
numbers, durations and speeds ("inom 24 timmar", "30 km/h"), numbers of people and other
outcomes ("9 personer rapporterades", "14 nya nattvandrare", "412 svar", "38 procent"), and
numbers that belong to something else ("de tre kommunerna", "kommunens tre skolor").
"""

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from imports.reading.counts import NOT_A_TARGET, NOT_COUNTED_AFTER, NOT_UNITS
from imports.reading.lines import plain_sentences, unwrapped
from imports.reading.vocabulary import QUOTE_OR_CAPTION, kind_matches
from lib.periods import FIRST_YEAR, LAST_YEAR
from lib.swedish_dates import MONTHS, find_date
from lib.swedish_numbers import about_as_number, number_value
from lib.text import strip_bullet

_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉÜéü]+(?:-[0-9A-Za-zÅÄÖåäöÉÜéü]+)*")
# Words that open a clause of their own: what a clause says of one count (promised, done,
# a part) does not carry over to the next ("lovade sex och genomförde sju").
_CLAUSE_WORDS = {"och", "men", "medan", "varav", "där", "då", "när", "som", "vilket", "eftersom"}
_CLAUSE_MARKS = re.compile(r"[,;:()–]")
# Said of a count that was promised or aimed at, not achieved: "Målet var 20 kontroller",
# "lovade 20", "där löftet var minst 18", "skulle genomföra 24", "ytterligare fyra".
_TARGET = re.compile(
    r"\b(?:lova\w*|utlova\w*|mål|målet|målen|målsättning\w*|löftet\s+var|skulle|ska|skall|"
    r"kommer\s+att|planera\w*|ytterligare|minst|högst|nästa)\b",
    re.IGNORECASE,
)
# A verb that says it was done, in the perfect or past: a count without a noun of its own
# ("Det blev 14.", "och genomförde sju") is achieved only after one, and "minst" after one
# is how many were done ("har polisen utfört minst 55 trafikkontroller").
_DONE = re.compile(
    r"\b(?:har|hade)\s+(?:[\wåäö]+\s+){0,3}?[\wåäö]{3,}(?:t|ts)\b|"
    r"\b(?:blev|genomförde|gjorde|höll|gick|nådde|hann|utförde|besökte|genomfördes|gjordes|"
    r"hölls|utfördes)\b",
    re.IGNORECASE,
)
# Words just before a number that make it no count of what was done: a part ("varav 4"),
# an end of a range or change ("från 21 till 15"), a time limit ("inom två dygn"), a
# difference ("överträffade med två"), a case number ("§ 45", "nr 3").
_NOT_COUNT_AFTER = {
    "varav",
    "från",
    "till",
    "inom",
    "än",
    "med",
    "nr",
    "kl",
    "klockan",
    "ytterligare",
    "löfte",
    "kvartal",
    "år",
    "vecka",
    "del",
}
# A noun that counts people: "nattvandrare", "fältvärdar" (a count of them is no activity).
_PEOPLE = re.compile(r"(?:vandrare|vandrarna|värd|värdar|värdarna|värden)$", re.IGNORECASE)
# Outcomes and things counted that are not activities, beyond the parser's NOT_UNITS.
_OUTCOMES = re.compile(
    r"^(?:unga|ungdomar|vuxna|barn|hushåll|invånare|boende|dygn|fall|procent|%|"
    r"procentenheter|brott|ärenden|synpunkter|klagomål|rapporter|passager|passerade|"
    r"böter|ordningsböter|anmälningar|beslag)$",
    re.IGNORECASE,
)
# Nouns that count occasions, places or executions of an activity named nearby: "46 pass
# med fotpatrull", "hastighetsmätningar på nio platser", "vid 3 tillfällen", "52 kvällar".
_GENERIC = re.compile(
    r"(?:tillfällen|tillfälle|gånger|gång|pass|kvällar|nätter|dagar|helger|fredagar|"
    r"lördagar|söndagar|veckoslut|platser|plats|skolor|områden|sträckor|klasser|ställen|"
    r"orter|adresser|insatser|kontroller|mätningar|vandringar|besök|samtal|möten|träffar|"
    r"tillsyner|pass)$",
    re.IGNORECASE,
)
# Nouns of the occasions an activity is done on, not of places: "två insatser", "sex gånger".
_OCCASION = re.compile(
    r"^(?:insatser|insatserna|tillfällen|gånger|pass|kontroller|mätningar|vandringar|samtal|"
    r"tillsyner)$",
    re.IGNORECASE,
)
# Adjectives between a count and its noun: "12 samordnade tillsyner", "elva nya områden",
# and comparatives: "tre större insatser".
_ADJECTIVE = re.compile(
    r"^(?:nya|nytt|ny|olika|fler|extra|egna|stora|små|större|mindre|längre|kortare|bredare|"
    r"högre|bättre|äldre|yngre|[a-zåäö]+(?:ade|ande|ende|iga|ska|ella|mma|ala|da|ta))$"
)
# The header of a table's column of what was done: "Utfall", "Genomfört", "Resultat".
_DONE_HEADER = re.compile(r"utfall|genomf|gjort|resultat|blev|hittills", re.IGNORECASE)
# "Trafikkontroller: 17 av de 25", "Nattvandring: 12 kvällar", "- Tillsyner: totalt 8".
_LABEL = re.compile(
    r"^(?P<label>[^:|]{3,80}?)\s*:\s*(?:totalt\s+|sammanlagt\s+|hittills\s+)?"
    r"(?P<count>\d+|[a-zåäö]+)\b(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass
class _Word:
    text: str
    start: int
    end: int
    # Where the word begins in the sentence with its verbs in the present ("sanerats" →
    # "saneras"), which the parser's phrases of kinds are written in.
    norm_start: int
    clause: int


@dataclass
class _Kind:
    kind: str
    first: int  # the index of its first word
    last: int
    noun: str


def read_achieved(lines: list[str]) -> list[dict[str, Any]]:
    """Each count the follow-up's lines say was achieved, once, in the order of the text:
    {"kind", "done", "text"}."""
    found: list[dict[str, Any]] = []
    previous_kind: str | None = None
    header: list[str] | None = None
    for line in unwrapped(lines):
        if QUOTE_OR_CAPTION.search(line):
            # What the one quoted says he or she did: "Jag har gjort 15 skolbesök, säger …".
            for sentence in plain_sentences(strip_bullet(line)[1].lstrip('–-"”» ')):
                if _OWN_DOING.search(sentence) and not CAPTION_START.match(line):
                    counted, _kind = _from_sentence(about_as_number(sentence), None)
                    found += [_item(kind, done, sentence) for kind, done in counted]
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) >= 3:
            header, counted = _from_row(cells, header)
            found += [_item(kind, done, line) for kind, done in counted]
            continue
        text = about_as_number(strip_bullet(line)[1])
        previous_kind = None
        labelled = _from_label(text)
        if labelled is not None:
            kind, done = labelled
            found += [_item(kind, done, text)] if done else []
            continue
        for sentence in plain_sentences(text):
            counted, previous_kind = _from_sentence(sentence, previous_kind)
            found += [_item(kind, done, sentence) for kind, done in counted]
    return _once(found)


_OWN_DOING = re.compile(
    r"\b(?:jag|vi)\s+har\s+(?:\w+\s+){0,3}?(?:gjort|genomfört|haft|hållit)\b", re.I
)
CAPTION_START = re.compile(r"^\s*(?:på bilden|bild|foto)\b", re.IGNORECASE)


def _item(kind: str, done: int, text: str) -> dict[str, Any]:
    return {"kind": kind, "done": done, "text": text}


def _once(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The counts without repeats: a report may say a figure twice ("Det blev 14. … har
    genomfört 14 kontroller")."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for item in found:
        key = (item["kind"], item["done"])
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _first_kind(text: str) -> str | None:
    matches = kind_matches(_present(text))
    return matches[0][0] if matches else None


def _from_row(cells: list[str], header: list[str] | None) -> tuple[list[str] | None, list[Any]]:
    """A table row: its header (a first row without figures, kept for the rows after it),
    or the kind named in the first cell and the count in the column of what was done (the
    one its header calls "Utfall", "Genomfört" …, else the last)."""
    if header is None and not re.search(r"\d", "".join(cells)):
        return cells, []
    column = len(cells) - 1
    if header is not None:
        named = [i for i, cell in enumerate(header) if i and _DONE_HEADER.search(cell)]
        column = min(named[0], column) if named else column
    kind = _first_kind(cells[0])
    done = _first_count(cells[column]) if kind is not None and column else None
    return header, [(kind, done)] if kind is not None and done else []


def _first_count(text: str) -> int | None:
    """The first count a cell or a label's value gives: "24 pass", "8", "1 genomförd, 1
    flyttad"; not "96 %" nor "inom 48 timmar"."""
    words = _words(text)
    for index in range(len(words)):
        value = _value(text, words, index)
        if value is not None and not _counts_other(text, words, index):
            return value
    return None


def _from_label(text: str) -> tuple[str, int | None] | None:
    """A label and its count ("Trafikkontroller: 17 av de 25 utlovade"), when the label
    names a kind; None when the line is no such label."""
    match = _LABEL.match(text)
    if not match:
        return None
    kind = _first_kind(match["label"])
    if kind is None or number_value(match["count"]) is None:
        return None
    return kind, _first_count(text[match.start("count") :])


def _present(text: str) -> str:
    """The text with the past forms of verbs written in the present ("har sanerats" → "har
    saneras", "har röjt" → "har röjer", "besökt" → "besöker"): the parser's phrases name
    kinds by the verbs a promise uses."""
    return _WORD.sub(lambda m: _present_word(m[0]), text)


def _present_word(word: str) -> str:
    if len(word) < 5 or not word.isalpha() or not word.islower():
        return word
    for ending, present in (("ats", "as"), ("ts", "s"), ("at", "ar")):
        if word.endswith(ending) and word[-len(ending) - 1] not in "aeiouyåäö":
            return word[: -len(ending)] + present
    if re.search(r"[^aeiouyåäöt]t$", word):
        return word[:-1] + "er"
    return word


def _words(sentence: str) -> list[_Word]:
    """The words of the sentence, each with its place in the present-tense form of the
    sentence and the number of its clause."""
    words: list[_Word] = []
    clause = 0
    position = 0
    shift = 0
    for match in _WORD.finditer(sentence):
        gap = sentence[position : match.start()]
        if _CLAUSE_MARKS.search(gap) or match[0].lower() in _CLAUSE_WORDS:
            clause += 1
        norm_start = match.start() + shift
        shift += len(_present_word(match[0])) - len(match[0])
        words.append(_Word(match[0], match.start(), match.end(), norm_start, clause))
        position = match.end()
    return words


def _kinds(sentence: str, words: list[_Word]) -> list[_Kind]:
    """The kinds the sentence names, by the words that name them."""
    starts = [word.norm_start for word in words]  # in order: found by halving, not by a scan
    kinds = []
    for kind, match in kind_matches(_present(sentence)):
        first = bisect.bisect_right(starts, match.start(1)) - 1
        last = bisect.bisect_left(starts, match.end(1)) - 1
        kinds.append(_Kind(kind, first, last, words[last].text))
    return kinds


def _value(sentence: str, words: list[_Word], index: int) -> int | None:
    """The number the word is, unless it is no count: an indefinite "en", a year, a date, a
    time or a case number."""
    word = words[index]
    if word.text.lower() in ("en", "ett"):
        return None
    value = number_value(word.text)
    if value is None or FIRST_YEAR <= value <= LAST_YEAR or value == 0:
        return None
    after = sentence[word.end : word.end + 2]
    before = sentence[max(0, word.start - 2) : word.start]
    if re.match(r"[:/.,]\d|\s?%", after) or re.search(r"[§/]\s?$|\d[:.]$", before):
        return None
    if index + 1 < len(words) and words[index + 1].text.lower() in MONTHS:
        return None
    # "3 000 invånare": a number written in groups of three.
    if index + 1 < len(words) and re.fullmatch(r"\d{3}", words[index + 1].text):
        if sentence[word.end : words[index + 1].start] == " ":
            return None
    return value


def _counts_other(sentence: str, words: list[_Word], index: int) -> bool:
    """Whether the number counts something other than what was done: people, outcomes,
    durations, a part or range, or something a word before it owns ("de tre", "kommunens
    tre", "årskurs 8")."""
    # The words around it, not the whole of a long sentence for every number.
    before = sentence[max(0, words[index].start - 120) : words[index].start]
    previous = words[index - 1].text.lower() if index else ""
    if previous in _NOT_COUNT_AFTER or re.search(r"(?:ens|ets|nas)$", previous):
        return True
    if NOT_A_TARGET.search(before) or NOT_COUNTED_AFTER.search(before):
        return True
    after = sentence[words[index].end : words[index].end + 120]
    if NOT_UNITS.match(after):
        return True
    following = [w.text.lower() for w in words[index + 1 : index + 3]]
    if following[:1] == ["till"] and len(following) > 1 and number_value(following[1]):
        return True  # a range: "fyra till sex"
    noun = _noun(words, index)
    return noun is not None and bool(_OUTCOMES.match(noun.text) or _PEOPLE.search(noun.text))


def _noun(words: list[_Word], index: int) -> _Word | None:
    """The noun a number counts: the next word in its clause after any adjectives; None
    for a bare count ("Det blev 14.", "Det blev åtta, och …", "genomförde sju under året")."""
    for word in words[index + 1 : index + 4]:
        if word.clause != words[index].clause or _bare_end(word.text):
            return None
        if word.text.lower() in ("stycken", "st"):
            continue
        if not _ADJECTIVE.match(word.text.lower()) or _GENERIC.search(word.text):
            return word
    return None


def _from_sentence(sentence: str, previous_kind: str | None) -> tuple[list[Any], str | None]:
    """The counts a sentence says were achieved, and the last kind it names (for a count
    in the next sentence that names none: "Målet var tio områden med grannsamverkan. Det
    blev åtta.")."""
    words = _words(sentence)
    kinds = _kinds(sentence, words)
    bounds = _clause_bounds(words)
    found = []
    for index in range(len(words)):
        value = _value(sentence, words, index)
        if value is None or _counts_other(sentence, words, index):
            continue
        if _promised(sentence, words, index, bounds):
            continue
        kind = _kind_of(words, kinds, index, previous_kind, sentence, bounds)
        if kind is not None:
            found.append((kind, value))
    return found, kinds[-1].kind if kinds else previous_kind


def _clause_bounds(words: list[_Word]) -> dict[int, tuple[int, int]]:
    """Where each clause of the sentence starts and ends, found once for the sentence (not
    by a scan of all its words for each number: a long text without a stop has many)."""
    bounds: dict[int, tuple[int, int]] = {}
    for word in words:
        start, end = bounds.get(word.clause, (word.start, word.end))
        bounds[word.clause] = (min(start, word.start), max(end, word.end))
    return bounds


def _promised(
    sentence: str, words: list[_Word], index: int, bounds: dict[int, tuple[int, int]]
) -> bool:
    """Whether the number's clause says it was promised or aimed at: before it ("lovade
    20"), or by a modal verb after it ("2 nya områden skulle startas")."""
    start, end = bounds[words[index].clause]
    # What stands near it in its clause, not all of a long clause for every number.
    start, end = max(start, words[index].start - 200), min(end, words[index].end + 200)
    before = sentence[start : words[index].start]
    targets = [m[0].lower() for m in _TARGET.finditer(before)]
    if targets and set(targets) <= {"minst", "ytterligare"} and _DONE.search(before):
        # "har polisen utfört minst 55 trafikkontroller": at least that many were done.
        targets = []
    return bool(targets or _MODAL.search(sentence[words[index].end : end]))


_MODAL = re.compile(r"\b(?:skulle|ska|skall|kommer\s+att)\b", re.IGNORECASE)


def _kind_of(
    words: list[_Word],
    kinds: list[_Kind],
    index: int,
    previous_kind: str | None,
    sentence: str,
    bounds: dict[int, tuple[int, int]],
) -> str | None:
    """The kind a count counts: the kind named right after it ("31 trafikkontroller",
    "sju riktade narkotikainsatser"); for a count of occasions or places, the kind named
    nearest in its clause, else before it in the sentence; for a bare count after a verb of
    doing ("Det blev 14."), the kind named last before it."""
    clause = words[index].clause
    noun = _noun(words, index)
    if noun is None:
        if not _DONE.search(sentence[bounds[clause][0] : words[index].start]):
            return None
        before = bisect.bisect_left(kinds, index, key=lambda k: k.last)
        return kinds[before - 1].kind if before else previous_kind
    # The noun is one of the three words after the number (`_noun`).
    at = next(i for i in range(index + 1, index + 4) if words[i] is noun)
    # Kinds come earliest first and never overlap (`kind_matches`): found by halving.
    after = bisect.bisect_right(kinds, index, key=lambda k: k.first)
    named = kinds[after] if after < len(kinds) and kinds[after].first <= at else None
    if named is not None:
        return _beyond_meeting(named, kinds, words, clause)
    if not _GENERIC.search(noun.text):
        return None
    near = [k for k in kinds if words[k.first].clause == clause]
    if near:
        nearest = min(near, key=lambda k: min(abs(k.first - index), abs(k.last - index)))
        return _beyond_meeting(nearest, kinds, words, clause)
    before = bisect.bisect_left(kinds, index, key=lambda k: k.last)
    if before:
        return kinds[before - 1].kind
    # "Tre insatser mot narkotika gjordes i våras. Vidare har två insatser genomförts i
    # parken": occasions of an activity (not places or areas) with no kind named in their
    # sentence count the kind the sentence before named.
    return previous_kind if _OCCASION.search(noun.text) else None


def _bare_end(word: str) -> bool:
    """A word after a bare count that still leaves it bare: "Det blev åtta, och …", "Det
    blev 14 under året"."""
    return word.lower() in {"under", "i", "vid", "på", "och", "totalt"}


def _beyond_meeting(chosen: _Kind, kinds: list[_Kind], words: list[_Word], clause: int) -> str:
    """A meeting that serves another kind named in its clause counts that kind: "11 möten
    i kommunens SSPF-grupp", "Lägesbilden har uppdaterats vid 6 möten"."""
    if chosen.kind != "meeting":
        return chosen.kind
    other = [k for k in kinds if k.kind != "meeting" and words[k.first].clause == clause]
    return other[0].kind if other else chosen.kind


def report_date(lines: list[str], dated: date | None, signed_on: str | None) -> str | None:
    """The follow-up's own date: the day it was signed, the page's date, or a date on a
    line of its own ("Påhittsköping 2023-10-12", "Datum: 2022-02-14")."""
    if signed_on:
        return signed_on
    if dated is not None:
        return dated.isoformat()
    for line in lines:
        day = find_date(line) if len(line) <= 60 else None
        if day is not None:
            return day.isoformat()
    return None
