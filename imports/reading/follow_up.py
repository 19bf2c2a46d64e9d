"""Telling a follow-up report (what was done) from a promise (what will be), in one place:
sentences in the past tense that tell what was achieved, wording that tells more of what
was done than of what will be, and headings that name a report ("Uppföljning av
medborgarlöftet 2022", "Så gick det")."""

import re

from imports.reading.lines import HEADING_LIKE, is_heading, plain_sentences
from imports.reading.promising import not_promised
from imports.reading.sections import sections_of
from imports.reading.vocabulary import (
    FOLLOW_UP,
    PROMISE,
    PROMISE_VERB,
    PROMISE_WORD,
    QUOTE_OR_CAPTION,
    SUBORDINATOR,
    kind_matches,
    section_of,
)
from lib.text import strip_bullet

# Sentences that tell what was done, not what is promised: "har genomfört åtta
# tillsyner", "Tre trygghetsvandringar har hållits", "Polisen lovade ...", "Det blev tolv".
_SUPINE = r"[\wåäö]+(?:at|it|tt|rt|lt|ft|ts|dd)"
_NOT_SUPINE = (
    r"att|ett|natt|mot|samt|plats|inte|nytt|stort|kort|långt|gott|fritt|fort|snabbt|helt|"
    r"särskilt|främst|mest|minst|först|sist|allt|tätort|resultat|centralort|tydligt|varit|"
    r"brott|sätt|slut|håll|bilbälte|rätt|ljust|mörkt|svårt|viktigt|gemensamt|sitt|öppet"
)
_PAST = re.compile(
    rf"\b(?:har|hade)\s+(?:[\wåäö-]+\s+){{0,8}}?(?!(?:{_NOT_SUPINE})\b){_SUPINE}\b|"
    r"\b(?:lovade|genomförde|gjorde|höll|blev|gick|tog|kom|återkom|fick|skulle|"
    r"svarade|nämnde|visade|bekräftade|framkom|deltog|berättade|uppgav|oroade|upplevde|sa|"
    r"sade|gav|fanns|såg|startade|besökte|satte|lyssnade|samtalade|träffade|arbetade|"
    r"medverkade|nådde|skedde|"
    # "ökade risker", "med minskade resurser": adjectives, not the past.
    r"(?<!med\s)(?<!de\s)(?<!av\s)(?<!för\s)(?<!mot\s)(?:ökade|minskade)|innehöll|handlade|gällde|valde|klagade|ville|lämnade|"
    r"pekade|kände|ansåg|tyckte|märkte|önskade|efterfrågade|framförde|lyfte)\b|"
    # The passive of the past: "genomfördes", "pekades ut", "hölls".
    r"\b[\wåäö]{3,}(?:ades|(?<!le)des|tes)\b|\bhölls\b|"
    # A summary of achievements without a verb: "Genomfört 10 narkotikainsatser".
    r"^(?:genomfört|gjort|hållit|besökt|anställt|bytt|tagit|medverkat|fotpatrullerat)\b|"
    # "efter att dialogerna är genomförda".
    r"\b(?:är|var|blev)\s+(?:\w+\s+)?(?:genomförda|genomförd|genomfört|gjorda|avslutade)\b",
    re.IGNORECASE,
)
# Times that are past: "i våras", "förra året".
_PAST_TIME = re.compile(
    r"\bi\s+(?:våras|höstas|vintras|somras|fjol)\b|\bförra\s+(?:året|hösten|våren|veckan)\b",
    re.IGNORECASE,
)
# "Utvärdering av medborgarlöfte Borås 2022": the evaluation of a promise, done; a report
# in an opening and in a title alike.
_EVALUATION = r"utvärdering\s+(?:av\s+)?(?:\w+\s+)?(?:medborgar)?löft"
# An opening that names a report of what was achieved: "Uppföljning av medborgarlöftet
# 2022", "Så gick det" (`is_follow_up`).
_FOLLOW_UP_OPENING = re.compile(
    r"uppfyll(?:de|t|des|ts)\b|infria(?:de|t|des)\b|så\s+(?:här\s+)?har\s+vi\s+arbetat|"
    r"\blev(?:t|de)\s+upp\s+till\b|"
    r"uppföljning|följ(?:s|t|des)\s+upp|redovisning|återrapport|så (?:här )?gick det|hur det gick|"
    r"så blev|läget efter|lägesrapport|sammanställning|nådde inte|avslutat|utfall|"
    rf"{_EVALUATION}",
    re.IGNORECASE,
)
# A heading that names a follow-up, and the wording of one as a whole (`document_type`).
# A page of both a promise and the results of the last ("Medborgarlöften och resultat"): its
# sentences decide what it is.
_BOTH = re.compile(
    r"löfte\w*\s+(?:och|&)\s+(?:resultat|uppföljning)|"
    r"(?:resultat|uppföljning)\w*\s+(?:och|&)\s+(?:\w+\s+)?\w*löfte",
    re.IGNORECASE,
)
_FOLLOW_UP_TITLE = re.compile(
    r"uppfyll(?:de|t|des|ts)\b|infria(?:de|t|des)\b|så\s+(?:här\s+)?har\s+vi\s+arbetat|"
    # "Polisen och kommunen har levt upp till sina medborgarlöften".
    r"\blev(?:t|de)\s+upp\s+till\b|"
    r"uppföljning|återrapport|redovisning|lägesrapport|så (?:här )?gick det|så blev det|"
    r"hur gick det|"
    r"resultat|utfall|följ(?:s|t)\s+upp|läget\s+efter|avslutat|halvårs|delårs|"
    rf"{_EVALUATION}",
    re.IGNORECASE,
)
_ACHIEVED = re.compile(
    r"\bhar\s+(?:\w+\s+){0,3}?(?:genomfört|genomförts|hållits|hållit|gjorts|gjort|startats|"
    r"satts\s+upp|satt\s+upp|sanerat|sanerats|röjts|bytts|varit|gått|besökt|uppdaterats|"
    r"anställt|medverkat|tagit\s+fram|hunnit)\b|"
    r"\b(?:genomfördes|blev\s+(?:det|gjort)|det\s+blev|lovade|utlovade|uppfyllt|uppfyllda|"
    r"lev(?:t|de)\s+upp\s+till|"
    r"uppfylld|nådde|utfall(?:et)?|sammanfattningsvis|redovisas\s+vad|vad\s+som\s+(?:har\s+)?"
    r"(?:gjorts|blev\s+gjort|blivit\s+gjort))\b",
    re.IGNORECASE,
)
_PROMISING = re.compile(
    r"\b(?:lovar|ska|skall|kommer\s+att|underteckna(?:de|des|t)|skr(?:ev|evs|ivit)\s+under)\b",
    re.IGNORECASE,
)


def achieved(sentence: str) -> bool:
    """Whether the sentence tells what was done rather than what will be."""
    if _PAST_TIME.search(sentence):
        return True
    # The main clause, before any subordinate one; a clause of a word or two ("Det som
    # oroade flest var …") has its verb after the subordinate clause.
    main = SUBORDINATOR.split(sentence, maxsplit=1)[0]
    if SUBORDINATOR.match(sentence):
        # "När polisen griper en ungdom ska socialtjänsten …": the main clause follows.
        found = re.search(r",|\b(?:ska|skall|kommer|har|hade)\b", sentence)
        main = sentence[found.start() :] if found else sentence
    elif len(main.split()) < 3:
        main = sentence
    return bool(_PAST.search(main))


def document_type(title: str, lines: list[str]) -> str:
    """Whether the text promises ("promise") or reports what was done ("follow_up"): its
    heading or opening names a report ("Uppföljning av medborgarlöftet", "Så gick det");
    else a promise made now ("lovar") makes it a promise, whatever else the page reports;
    else it is a report where it tells more of what was done than of what will be, in the
    sentences that name activities or in its wording as a whole."""
    sections = sections_of(lines)
    if _named_a_report(title, lines, sections) or _results_under_each(lines):
        return FOLLOW_UP
    told = _activities_told(sections)
    if told is None:
        return PROMISE
    done, promised = told
    if _announces_a_new_promise(title, sections) and (
        (promised and _tells_ahead(sections)) or any(_AHEAD.search(line) for line in lines)
    ):
        # A news item on a new promise that tells what it rests on at length, its
        # activities perhaps only in the quotes ("Under året kommer vi att …, säger …").
        return PROMISE
    if (done >= 2 and done > promised) or _mostly_done(lines):
        return FOLLOW_UP
    return PROMISE


def _named_a_report(title: str, lines: list[str], sections: dict[str, list[str]]) -> bool:
    """Whether the title, a heading near the top or one naming the promise, or a heading-like
    line of the opening names a report of what was done."""
    # A section of a promise may be called "Uppföljning": how the promise will be followed.
    # Below a list of what will be done, such a heading is a link to the reports
    # ("Uppföljning medborgarlöften, tertial 3 2020"), not what this page is, near the top
    # or not. The items may be nominal, as police pages list them ("Minst en
    # trafikkontroll varje dygn"): an item that names a kind of activity, with no past
    # tense, is promised too.
    promised = [
        index
        for index, line in enumerate(lines)
        if strip_bullet(line)[0]
        and (
            re.search(r"\b(?:ska|skall|kommer\s+att)\b", line, re.I)
            or (kind_matches(strip_bullet(line)[1]) and not achieved(line))
        )
    ]
    end = promised[-1] if len(promised) >= 2 else len(lines)
    below = set(lines[end:]) - set(lines[:end])
    opening = [title, *sections.get("introduction", [])[:6]]
    if any(
        _FOLLOW_UP_OPENING.search(line)
        and not _HOW_IT_WILL_BE.search(line)
        and not _not_this_page_s_heading(line)
        for line in opening
        if HEADING_LIKE.match(line) and line not in below
    ):
        return True
    headings = [title] + [
        line
        for index, line in enumerate(lines)
        if index < end
        and _short_heading(index, lines)
        and not _not_this_page_s_heading(line)
        and not section_of(line)
        and (index < 3 or re.search(PROMISE_WORD, line, re.IGNORECASE))
    ]
    return any(names_a_report(heading) for heading in headings)


def names_a_report(heading: str) -> bool:
    """Whether a heading names a report of what was done ("Uppföljning av medborgarlöften
    2018", "Så gick det"), not how a promise will be followed up."""
    return bool(
        _FOLLOW_UP_TITLE.search(heading)
        and not _BOTH.search(heading)
        and not _HOW_IT_WILL_BE.search(heading)
    )


def _not_this_page_s_heading(line: str) -> bool:
    """A link to another file ("Uppföljning medborgarlöfte 2022 (pdf, 173 kB)"), or a lead
    into what follows ("Så här gick det med löftena för 2021:"), names no report of this
    page."""
    return bool(_FILE_LINK.search(line)) or line.rstrip().endswith(":")


_FILE_LINK = re.compile(r"\b(?:pdf|docx?|kB|MB)\b", re.IGNORECASE)
# How the promise will be followed up, not a report: "Uppföljning av medborgarlöftet kommer
# ske genom:", "Löftet följs upp genom:".
_HOW_IT_WILL_BE = re.compile(
    r"\b(?:kommer|ska|skall|sker|görs|genom|via)\b[^.]*:?\s*$", re.IGNORECASE
)


# A heading of the results of one part: "Resultat", "Utfall 2020", "Så gick det:".
_RESULT_HEADING = re.compile(
    r"^(?:resultat(?:et)?|utfall(?:et)?|genomfört|så\s+gick\s+det|hur\s+gick\s+det)"
    r"(?:\s+(?:\d{4}|hittills|under\s+året))?\s*:?$",
    re.IGNORECASE,
)


def _results_under_each(lines: list[str]) -> bool:
    """Whether the page gives the results of its parts under headings of their own, two or
    more ("Trafikkontroller … Resultat … Nattvandring … Resultat"): a report, whatever the
    parts restate of what was promised."""
    return sum(1 for line in lines if _RESULT_HEADING.match(line.strip())) >= 2


# A heading that announces a promise made now: "Nu börjar nya medborgarlöftet att gälla",
# "Nya medborgarlöften tillsammans med polisen", "Medborgarlöftet för 2024 är påskrivet".
_NEW_PROMISE = re.compile(
    r"\bnya?\s+(?:\w+\s+)?(?:medborgar)?löft\w*|\bnytt\s+(?:medborgar)?löfte\b|"
    r"(?:medborgar)?löft\w*\b.*\b(?:börjar\s+gälla|gäller\s+från|är\s+(?:på|under)skriv\w+|"
    r"undertecknat|signerat)",
    re.IGNORECASE,
)


def _announces_a_new_promise(title: str, sections: dict[str, list[str]]) -> bool:
    """Whether the title or a heading of the opening announces a promise made now: a news
    item about it may tell what was done before (the dialogues it rests on) at length."""
    opening = [title, *sections.get("introduction", [])[:8]]
    return any(
        _NEW_PROMISE.search(line) and not _FOLLOW_UP_OPENING.search(line)
        for line in opening
        if HEADING_LIKE.match(line)
    )


_AHEAD = re.compile(r"\b(?:ska|skall|kommer\s+(?:\w+\s+){0,6}?att)\b", re.IGNORECASE)


def _tells_ahead(sections: dict[str, list[str]]) -> bool:
    """Whether a sentence outside quotes names an activity still to be done ("Tillsammans
    kommer man att prioritera …", "Polisen ska …")."""
    return any(
        _AHEAD.search(sentence) and kind_matches(sentence) and not achieved(sentence)
        for line in (line for part in sections.values() for line in part)
        if not QUOTE_OR_CAPTION.search(line)
        for sentence in plain_sentences(strip_bullet(line)[1])
    )


def _activities_told(sections: dict[str, list[str]]) -> tuple[int, int] | None:
    """How many sentences naming an activity tell it as done and how many as to be done;
    None where a sentence makes a promise now ("Polisen lovar …")."""
    done = promised = 0
    for line in (line for part in sections.values() for line in part):
        if QUOTE_OR_CAPTION.search(line):
            continue
        for sentence in plain_sentences(strip_bullet(line)[1]):
            if PROMISE_VERB.search(sentence) and not achieved(sentence):
                return None
            if kind_matches(sentence) and not not_promised(sentence):
                # What the promise rests on ("… har tagits fram genom medborgardialoger")
                # is neither done under it nor promised.
                if achieved(sentence):
                    done += 1
                else:
                    promised += 1
    return done, promised


def _mostly_done(lines: list[str]) -> bool:
    """Whether the wording as a whole tells more of what has been done than of what will be
    ("har genomfört", "genomfördes", "uppfyllt" against "lovar", "ska", "kommer att")."""
    text = "\n".join(lines)
    done = len(_ACHIEVED.findall(text))
    return done >= 3 and done > len(_PROMISING.findall(text))


def _short_heading(index: int, lines: list[str]) -> bool:
    """A heading of its own, not the first line of a wrapped paragraph."""
    line = lines[index]
    if len(line) > 70 or not is_heading(line) or not line[:1].isupper():
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return not following[:1].islower()
