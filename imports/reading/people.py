"""Who signed a promise, and the signing block: names and official titles, the sentences
and photo captions that say a promise was signed, and where the signatures begin (a date
line followed by them, or closing the text).

Signatories: name and title lines, "Namn, titel", names and titles side by side, and the
people a sentence or a photo caption says signed ("undertecknades av …", "… vid
undertecknandet"). Those quoted ("säger …"), taking part ("medverkade"), contacts and
e-mail senders did not sign. Party markers ("(S)") are left out; titles come from the
official titles that sign promises and are kept as written.
"""

import re
from datetime import date

from imports.reading.lines import paragraphs, sentences
from imports.reading.vocabulary import PROMISE, PROMISE_WORD
from lib.swedish_dates import find_date

# --- names and titles -------------------------------------------------------------------

_UPPER = "A-ZÅÄÖÉÜ"
_LOWER = "a-zåäöéèüáíóúæø"
NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
# A title written with a capital after a name is no part of it: "Johan Exempel
# Lokalpolisområdeschef".
_NOT_TITLE_WORD = rf"(?![{_UPPER}][{_LOWER}]*(?:chef|chefen|direktör|direktören|ordförande)\b)"
NAME = (
    rf"{NAME_WORD}(?:\s+(?:(?:von|af|de|van|der|den|la)\s+)?{_NOT_TITLE_WORD}{NAME_WORD})"
    r"{1,3}"
)
# A party marker after a politician's name: "(S)", "(KD)", "(MP)".
PARTY = r"\s*\([A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3}\)"
# The official titles of those who sign promises, as Swedish writes them (also definite,
# "kommunalrådet", and "chef för lokalpolisområdet").
TITLE = (
    r"(?i:(?:(?:biträdande|ställföreträdande|tillförordnad|tf\.?|t\.\s?f\.)\s+)?(?:"
    r"kommunstyrelsens\s+(?:(?:förste|andre|1:e|2:e)\s+)?(?:vice\s+)?ordförande|"
    # "Ordförande kommunstyrelsen", "ordförande i socialnämnden".
    r"(?:vice\s+)?ordförande\s+(?:i\s+)?(?:kommunstyrelsen|kommunfullmäktige|[a-zåäö]+nämnden)|"
    r"(?:kommunfullmäktiges|regionstyrelsens|(?:stadsdels|social|kultur|fritids|teknisk[ae])?"
    r"nämndens)\s+(?:vice\s+)?ordförande|"
    r"kommunalråd(?:et)?|kommunråd(?:et)?|oppositionsråd(?:et)?|"
    r"kommun(?:chef|direktör)(?:en)?|stads(?:direktör|chef)(?:en)?|"
    r"region(?:direktör|råd)(?:en|et)?|"
    r"stadsdels(?:direktör|chef)(?:en)?|"
    r"chef(?:en)?\s+(?:för\s+)?(?:lokal)?polisområde(?:t)?"
    # The area's name written after it: "Chef lokalpolisområde Testvik".
    rf"(?-i:\s+{NAME_WORD}(?=\s*(?:,|$)))?|(?:lokal)?polisområdeschef(?:en)?|"
    r"regionpolischef(?:en)?|(?:lokal)?polischef(?:en)?|lokalområdeschef(?:en)?|"
    r"kommunpolis(?:en)?|områdespolis(?:en)?|"
    r"räddningschef(?:en)?|räddningsdirektör(?:en)?|förvaltningschef(?:en)?"
    r"))"
)
_TITLE_PLACE = rf"(?:\s+i\s+{NAME_WORD})?"
_TITLE_LINE = re.compile(rf"^{TITLE}{_TITLE_PLACE}\b")
_NAME_LINE = re.compile(rf"^({NAME})(?:{PARTY})?$")
_TITLE_NAME_LINE = re.compile(rf"^({TITLE}{_TITLE_PLACE}),?\s+({NAME})(?:{PARTY})?$")
# Under a promise, any head of a service signs as such: "Namn, säkerhetsskyddschef, X kommun".
_NAME_TITLE_LINE = re.compile(
    rf"^({NAME})(?:{PARTY})?,\s+((?:{TITLE}|[a-zåäö]{{3,}}chef(?:en)?){_TITLE_PLACE})\b"
)
_PERSON = re.compile(
    # "kommunstyrelsens ordförande, Leif Exempel", "chefen för lokalpolisområde Provby, Mats
    # Exempel"; "Anders Exempel lokalpolischef i Provby".
    # "lokalpolisområdeschef för södra Exempelbygden Anna Ank": the area is the title's.
    rf"(?:(?P<pre>{TITLE}(?:\s+{NAME_WORD}(?=,)|\s+(?:för|i)\s+(?:[a-zåäö]+\s+)?{NAME_WORD})?),?"
    rf"\s+(?P<n1>{NAME})(?P<p1>{PARTY})?)|"
    rf"(?:(?P<n2>{NAME})(?P<p2>{PARTY})?(?:,?\s+(?P<post>{TITLE}{_TITLE_PLACE}))?)"
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
    # "Även Namn Efternamn, polisområdeschef": an adverb before a name.
    "även",
    "också",
    "dessutom",
}

# --- signing, quoting, contacts -----------------------------------------------------------

SIGNED = re.compile(
    r"\b(?:underteckna(?:r|de|des|t|ts|ndet)|signera(?:r|de|des|t|ts)|"
    r"skr(?:ev|evs|iver|ivs|ivit|ivits)\s+under|påskriv(?:et|na|it)|underskrivet|"
    # In a caption: "… sätter sina signaturer på medborgarlöftet", "… efter signeringen".
    r"signatur(?:er|en|erna)?|signering(?:en)?)\b",
    re.IGNORECASE,
)
# "skrev Exempelby kommun och polisen under årets medborgarlöfte", "skrev kommunchefen och
# polischefen på ett medborgarlöfte": the verb split by its subject.
SPLIT_SIGNED = re.compile(
    r"\bskr(?:ev|evs|iver)\b(?:\s+\S+){1,14}?\s+(?:under|på\s+(?=(?:ett|det|de|årets|nya|"
    r"\w*löfte)))",
    re.IGNORECASE,
)
# Police ranks before a name: "Kommissarie Stefan Exempel" is Stefan Exempel.
RANKS = {"kommissarie", "poliskommissarie", "polisinspektör", "inspektör", "polisintendent"}
TOOK_PART = re.compile(
    r"\b(?:medverkade|deltog|närvarade|närvarande|var också med|var med)\b", re.I
)
# Quoted, or saying what they think: "Även Namn, polisområdeschef, tycker att …".
QUOTED = re.compile(
    r"\bsäger\b|\bsa\s+han\b|\bsa\s+hon\b|\b(?:tycker|anser|menar)\s+att\b", re.IGNORECASE
)
CONTACT = re.compile(
    r"\b(?:kontakta|kontakt|frågor|mer information|hälsningar|mvh|höra\s+av\s+dig|"
    r"hör\s+av\s+dig|synpunkter,\s+tips)\b|^/",
    re.IGNORECASE,
)
PHONE_OR_MAIL = re.compile(r"\d{2,}[- ]\d{2}|@|\b0\d{1,3}-\d")
CAPTION = re.compile(r"^(?:på bilden|bilden|foto|bild)\s*:", re.IGNORECASE)

# Dates that are not the signing: publication, updates, meetings, case numbers, times.
# How long the promise runs: "Löftet gäller till 2025-12-31"; that date is no signing's.
RUNS_UNTIL = r"\bgäller\b|\blöper\b|\bgiltig|till\s+och\s+med|t\.o\.m\.|fram\s+till"
_NOT_SIGNING_DATE = re.compile(
    r"publicera|uppdatera|ändrad|datum\s*:|sammanträde|diarie|dnr|nyhet|kl\.?\s*\d|\d:\d|"
    r"\d\.\d\d\b|sida\b|tjänsteskrivelse|bilaga|" + RUNS_UNTIL,
    re.IGNORECASE,
)


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


def date_line(lines: list[str], kind: str) -> date | None:
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
    if words and words[0].lower() in RANKS:
        words = words[1:]
        name = " ".join(words)
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
    titles: list[str] = []
    rest = line.strip()
    while rest:
        match = _TITLE_LINE.match(rest)
        if not match:
            # The last title's place written after it: "Lokalpolisområdeschef Hallsberg".
            if titles and re.fullmatch(NAME_WORD, rest):
                titles[-1] += f" {rest}"
                break
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


# Nothing but names joined by commas and "och": "Anna Ank (S), Bo Bod och ".
_NAMES_ONLY = re.compile(rf"(?:\s*(?:,|och)?\s*{NAME}(?:{PARTY})?)*\s*(?:,|och)?\s*")


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
        # "Anna Ank och Bo Bod undertecknar medborgarlöftet": the names before the verb.
        subjects = (
            signed is not None
            and match.end() <= signed.start()
            and _NAMES_ONLY.fullmatch(text[match.end() : signed.start()])
            and _NAMES_ONLY.fullmatch(text[: match.start()])
        )
        if not (title or party or listed or subjects):
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
        contact = (
            any(CONTACT.search(b) for b in before)
            or PHONE_OR_MAIL.search(line)
            # "Lotta Exempel / kommunpolis / Telefon: 010-…": a name to contact.
            or any(PHONE_OR_MAIL.search(after) for after in lines[index + 2 : index + 3])
        )
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
        elif (
            not contact
            and name_only
            and not _TITLE_LINE.match(line)
            and next_line
            # "Lokalpolisområdeschef Södermalm" is a title, though it looks like a name.
            and (not _NAME_LINE.match(next_line) or _TITLE_LINE.match(next_line))
        ):
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
    # One quoted ("säger Stefan Exempel") and named under the text with a title is its
    # contact, not a signatory, unless a sentence says he or she signed.
    signers = {
        person["name"]
        for sentence in signing_sentences(lines)
        for person in _people_in_sentence(sentence)
    }
    quoted = {
        name
        for line in lines
        for match in re.finditer(rf"\bsäger\s+(?:{TITLE}\s+)?(?:\w+\s+)?({NAME})", line)
        if (name := _clean_name(match[1]))
    }
    found = [(at, p) for at, p in found if p["name"] in signers or p["name"] not in quoted]
    people: dict[str, dict[str, str]] = {}
    for _position, person in sorted(found, key=lambda item: item[0]):
        known = people.get(person["name"])
        if known is None:
            people[person["name"]] = person
        elif not known["title"]:
            known["title"] = person["title"]
    return list(people.values())
