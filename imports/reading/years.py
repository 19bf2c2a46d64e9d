"""The years and dates of a promise text: the year and period a promise is for, the years
of a heading that starts one year's promise, the page's own date, and the date of signing.

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
"""

import re
from datetime import date, timedelta

from imports.reading.lines import is_heading, paragraphs, sentences
from imports.reading.people import RUNS_UNTIL, date_line, signing_sentences
from imports.reading.vocabulary import DID, FOLLOW_UP, PROMISE, PROMISE_WORD
from lib.swedish_dates import MONTHS, find_date

YEAR = r"20\d\d"
_DASH = r"\s*[–—-]\s*"
_SPAN = (
    rf"(?P<first>{YEAR})"
    rf"(?:(?:{_DASH}|/)(?P<last>{YEAR}|\d\d)\b|\s+och\s+(?:hela\s+)?(?P<and>{YEAR}))?"
)
_YEAR_MENTION = re.compile(rf"(?<![\d/.-])(?<!\d\s)(?!{YEAR}-\d{{1,2}}-\d){_SPAN}(?![\d/])")
_STRONG_BEFORE = re.compile(
    rf"(?:\b{PROMISE_WORD}\b(?:\s+\S+){{0,6}}?\s+(?:för|gäller|gällde|i|under|avser)?\s*|"
    r"\bgäll(?:er|de)\s+(?:(?:för|under|från)\s+)?|"
    r"\bperioden\s+|\b(?:för|under)\s+resten\s+av\s+|"
    # "gäller i två år, under åren 2023-24".
    r"\b(?:under|för)\s+åren\s+)$",
    re.IGNORECASE,
)
_OPENS_FUTURE = re.compile(
    r"\s+(?:ska|skall|kommer)\s+(?:\w+\s+){0,3}?(?:att\s+)?\w+", re.IGNORECASE
)
_AHEAD_BEFORE = re.compile(r"\binför\s+(?:år\s+)?$", re.IGNORECASE)
_DURING_BEFORE = re.compile(r"\b(?:under|för|i|år)\s+(?:år\s+)?$", re.IGNORECASE)
# A season of a year: when a promise starts ("under hösten 2015") as often as when its
# background was gathered, so a weak sign of the year.
_SEASON_BEFORE = re.compile(r"\b(?:hösten|våren|sommaren|vintern)\s+$", re.IGNORECASE)
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:höstas|våras|sedan|jämfört\s+med|statistik\w*"
    r"(?:\s+för)?|från|till\s+och\s+med|t\.o\.m\.|fram\s+till|nr(?:\s+\d+)?|dnr|ks|§\s*\d*|"
    r"årsskiftet|början\s+av|slutet\s+av|efter|innan|före)\s+$",
    re.IGNORECASE,
)
# An earlier promise this one follows, not its own year.
_EARLIER_PROMISE_BEFORE = re.compile(
    rf"\b(?:tidigare|förra|föregående|gamla)\s+{PROMISE_WORD}\b[^.]{{0,20}}$", re.IGNORECASE
)
# A later year the promise may be prolonged to or revised for, not its own.
_LATER_BEFORE = re.compile(
    r"\b(?:revidera[s]?|förlänga[s]?|förnya[s]?|följas\s+upp|utvärderas)\b[^.]{0,25}$|"
    # One still being made: "Det pågår ett arbete med att ta fram ett nytt medborgarlöfte
    # för 2020 men … gäller medborgarlöftet för 2019".
    r"\b(?:arbete\s+med\s+att|håller\s+på\s+(?:med\s+)?att|påbörjat?\s+arbetet\s+med\s+att)"
    r"\s+ta\s+fram\b[^.]{0,40}$",
    re.IGNORECASE,
)
# A promise from a year on: "medborgarlöften i Kalmar kommun från 2022".
_PROMISE_FROM = re.compile(
    rf"\b(?:{PROMISE_WORD})\b(?:\s+\S+){{0,5}}?\s+från\s+(?:och\s+med\s+)?(?:år\s+)?$",
    re.IGNORECASE,
)
# A part of a year ("i slutet av 2017"): the promise's own year where what follows is still
# to be done ("… ska arbetet utvärderas"), else its background.
_WITHIN_BEFORE = re.compile(r"\b(?:början|slutet|mitten)\s+av\s+(?:år\s+)?$", re.IGNORECASE)
_FUTURE = re.compile(r"^[^.]*?\b(?:ska|skall|kommer\s+att)\b", re.IGNORECASE)
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
        if _WITHIN_BEFORE.search(before) and _FUTURE.search(text[match.end() :]):
            # "Mot slutet av 2017 ska arbetet utvärderas": a time within the promise's year.
            found.append((5, first, last, match.start()))
            continue
        if _EARLIER_PROMISE_BEFORE.search(before):
            # "en förlängning av det tidigare medborgarlöftet för 2019-2020".
            continue
        if _LATER_BEFORE.search(before):
            # "Löftet kan komma att förlängas för år 2023", "revideras inför 2024".
            continue
        if _PROMISE_FROM.search(before):
            # "Gemensamma medborgarlöften i Kalmar kommun från 2022".
            found.append((8, first, last, match.start()))
            continue
        if _BACKGROUND_BEFORE.search(before) or (
            kind == FOLLOW_UP and _NEXT_BEFORE.search(before[-40:])
        ):
            continue
        if re.search(r"\d+\.?\s+[a-zåäö]+\.?\s+$", before) and _MONTH_BEFORE.search(before):
            continue  # a date ("3 mars 2021"): read as a date, not as the promise's year
        weight = _weight(before, text[match.end() :])
        if _SEASON_BEFORE.search(before):
            weight = 4
        found.append((weight, first, last, match.start()))
    return sorted(found, key=lambda item: (-item[0], item[3]))


def _weight(before: str, after: str = "") -> int:
    if _MONTH_BEFORE.search(before):
        return 2
    if _OPENS_FUTURE.match(after) and not before.strip(' –-"”'):
        # "2019 kommer man att fortsätta arbeta …": the year the sentence opens with.
        return 7
    if _STRONG_BEFORE.search(before):
        return 8
    if _AHEAD_BEFORE.search(before):
        return 7
    if _DURING_BEFORE.search(before):
        return 5
    return 3


# A span of two dates: "2018-07-01—2020-06-30", "1 januari 2021 – 31 december 2022".
_DATE_SPAN = re.compile(
    rf"\b({YEAR})-\d\d-\d\d\s*(?:[–—-]+|till(?:\s+och\s+med)?|t\.o\.m\.?)\s*({YEAR})-\d\d-\d\d\b",
    re.IGNORECASE,
)
# The same in words: "från 1 januari 2018 – 31 december 2019".
_WRITTEN_SPAN = re.compile(
    r"\b\d{1,2}\s+(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + rf")\s+({YEAR})\s*"
    r"(?:[–—-]+|till(?:\s+och\s+med)?)\s*(?:\d{1,2}\s+)?(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + rf")\s+({YEAR})\b",
    re.IGNORECASE,
)
# A date the promise starts on: "Med början den 17 november 2016", "från och med 1 mars".
_STARTS = re.compile(r"\b(?:med\s+början|från\s+och\s+med|fr\.?o\.?m\.?|startar|börjar)\b", re.I)
# What was done: a year in such a sentence is its background ("Under 2021 gjorde kommunen
# en trygghetsundersökning"), not the promise's.
_PAST_SENTENCE = re.compile(
    rf"\b(?:{DID}|genomfördes|genomförts|gjordes|gjorts|hölls|hållits|togs|tog|visade|framkom|"
    r"besvarade)\b",
    re.IGNORECASE,
)


def _dated_years(sentence: str) -> list[tuple[int, int, int, int]]:
    """Years the promise's own dates give: a span of dates, or the date it starts on."""
    found = [
        (7, int(m[1]), int(m[2]), m.start())
        for pattern in (_DATE_SPAN, _WRITTEN_SPAN)
        for m in pattern.finditer(sentence)
        if int(m[1]) <= int(m[2]) <= int(m[1]) + 5
    ]
    starts = _STARTS.search(sentence)
    if starts and not found:
        day = find_date(sentence[starts.end() : starts.end() + 40])
        if day is not None:
            found.append((6, day.year, day.year, starts.start()))
    return found


def find_years(
    title: str, lines: list[str], kind: str, dated: date | None
) -> tuple[int | None, list[int] | None, bool]:
    """The promise's year, its period [first, last] and whether only a date gave them."""
    best: tuple[int, int, int, int] | None = None
    for position, line in enumerate([title] + paragraphs(lines)):
        # The title is a heading unless a pasted article made its first paragraph one.
        heading = (position == 0 and len(line) <= 150) or is_heading(line)
        mentions = []
        for sentence in sentences(line) if len(line) < 3000 else [line]:
            found = year_mentions(sentence, kind) + _dated_years(sentence)
            if kind == PROMISE and _PAST_SENTENCE.search(sentence):
                found = [(1, first, last, at) for _weight, first, last, at in found]
            mentions += found
        for weight, first, last, _at in sorted(mentions, key=lambda m: (-m[0], m[3])):
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


_TERM_OF_THE_PROMISE = re.compile(rf"{RUNS_UNTIL}|\bfrån\s+och\s+med\b", re.IGNORECASE)


def publication_date(raw_lines: list[str]) -> date | None:
    """The date an article or page states for itself (its byline or "Publicerad …"), from
    the page's first lines: what "i dag" and "i går" are counted from."""
    candidates = []
    for index, line in enumerate(raw_lines[:25]):
        if len(line) > 120:
            continue
        day = find_date(line)
        if day is None or _TERM_OF_THE_PROMISE.search(line):
            # "Löftet gäller till 2025-12-31": how long the promise runs, not the page's date.
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
    return date_line(lines, kind)
