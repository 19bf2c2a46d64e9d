"""Reads freely written Swedish promise texts into structured draft promises.

The text is split into lines, page noise is dropped, the lines are split into documents at
headings that name a year's promise, and each document into sections by its headings.
Activities come from list items and from sentences in the promise sections that name a
countable kind of activity; what cannot be placed becomes a warning, never content.
"""

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from core.plausible import MAX_ACTIVITY_TARGET
from imports.reading.achieved import read_achieved, report_date
from imports.reading.activities import Activity, merge_repeat, other_activity, parse_activities
from imports.reading.follow_up import achieved, document_type
from imports.reading.lines import (
    HEADING_LIKE,
    clean_lines,
    plain_sentences,
    unwrapped,
    without_page_lists,
)
from imports.reading.metadata import Metadata, read_metadata, speaks_of_promises, split_documents
from imports.reading.people import QUOTED, find_signatories
from imports.reading.places import find_municipalities, find_police_area
from imports.reading.promising import (
    CONDITION_THEN_PROMISE,
    INFINITIVES_LEAD,
    LIST_LEAD,
    MEANS_LEAD,
    PROMISE_CONTENT,
    QUOTED_PROMISE,
    RENAMES,
    actions_of,
    describes,
    focus_statement,
    infinitive_clause,
    listed_promises,
    not_promised,
    promised_item,
    promises_something,
    prose_promise,
    purpose_lead,
)
from imports.reading.sections import sections_of
from imports.reading.vocabulary import (
    CADENCES,
    FOLLOW_UP,
    NOUN,
    PROMISE,
    PROMISE_VERB,
    QUOTE_OR_CAPTION,
    kind_matches,
)
from imports.reading.years import publication_date
from lib.swedish_numbers import find_rate, without_restated_digits
from lib.text import is_noise, normalise_space, repair_double_encoding, strip_bullet


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
    document_type: str = PROMISE
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
    # (imports/reading/achieved.py); a promise has none.
    achieved: list[dict[str, Any]] = field(default_factory=list)
    dated: str | None = None


def split_promises(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Cut the lines into (title, lines) at each heading that names another year's promise;
    a text without such headings is one document (imports/reading/metadata.py)."""
    return split_documents(lines)


def _cadence(text: str) -> str | None:
    for cadence, words in CADENCES:
        if re.search(words, text, re.IGNORECASE):
            return cadence
    return None


def _municipality(title: str, body: str) -> str | None:
    lines = body.split("\n")
    found = find_municipalities(title, lines, _police_area(title, body))
    return found[0] if found else None


def _police_area(title: str, body: str) -> str | None:
    return find_police_area(title, body.split("\n"))


def _signatories(lines: list[str]) -> list[dict[str, str]]:
    return find_signatories(lines, document_type("", lines))


def parse_promise(title: str, lines: list[str], dated: date | None = None) -> ParsedPromise:
    """One promise document from its heading and lines; `dated` is the page's own date (an
    article's byline), from which "i dag" and "i går" are counted."""
    document = ParsedPromise(title=title)
    meta = read_metadata(title, lines, dated)
    document.document_type = meta.document_type
    document.year = meta.year
    document.period = meta.period
    sections = sections_of(lines)
    _fill(document, sections)
    if meta.municipalities:
        document.municipalities = meta.municipalities
        document.municipality = meta.municipalities[0]
    elif document.municipality:
        document.municipalities = [document.municipality]
    document.police_area = meta.police_area or document.police_area
    document.signed_on = meta.signed_on.isoformat() if meta.signed_on else None
    document.signatories = meta.signatories
    if document.document_type == FOLLOW_UP:
        document.achieved = read_achieved(lines)
        document.dated = report_date(lines, dated, document.signed_on)
    _warn_metadata(document, meta)
    return document


def _warn_metadata(document: ParsedPromise, meta: Metadata) -> None:
    """Say what could not be read of the promise itself, or only guessed."""
    if document.document_type == FOLLOW_UP:
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
    if document.document_type == FOLLOW_UP:
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
    evaluation = [s for s in plain_sentences(follow_text) if re.search("utvärder", s, re.I)]
    document.evaluation = " ".join(evaluation) or None
    _take_activities(document, sections)


def _activity_lines(sections: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """The sections activities may come from, each as (name, lines). A background
    section ends at the first heading after it ("Bakgrund" … "Unga i riskzon")."""
    parts = []
    for name, lines in sections.items():
        if name in ("introduction", "commitments", "activities"):
            parts.append((name, lines))
        elif name == "situation":
            for index, line in enumerate(lines):
                if HEADING_LIKE.match(line) and not strip_bullet(line)[0]:
                    parts.append(("activities", lines[index + 1 :]))
                    break
    return parts


# Kinds a later sentence may name more precisely ("Det blir en form av medborgardialoger").
GENERIC = ("meeting", "other")


def _take_activities(document: ParsedPromise, sections: dict[str, list[str]]) -> None:
    """Every activity the document promises, once: from list items and from sentences
    anywhere outside the background, effect and follow-up, but never from a quote, a
    caption or a report of what was done."""
    # A follow-up reports what was done: it promises no activities.
    follow_up = document.document_type == FOLLOW_UP
    # Activities read from running text rather than a list item, and those from a
    # summary that names several: a list item or later sentence may tell them in full.
    prose: set[int] = set()
    summaries: set[int] = set()
    # Activities read from list items: another item is another activity.
    items: set[int] = set()
    # Activities read from what the whole promise is said to focus on.
    focused: set[int] = set()
    # A text that lists its promises: the running text above the list frames it; below
    # the list, a sentence may promise more ("Vi ska utveckla kommunikationen kring …").
    below_a_list = False
    listing = any(_items_promised(lines) for _name, lines in _activity_lines(sections))
    # Each section's lines, a paragraph broken over lines joined again.
    blocks = [(name, unwrapped(lines)) for name, lines in _activity_lines(sections)]
    # How often each short line is told (`_told_again`).
    tellings = Counter(
        key for _name, joined in blocks for line in joined if (key := _short_line(line))
    )
    seen: Counter[str] = Counter()
    dropped: list[Activity] = []
    for name, joined in blocks:
        # A list of promises: in a section of them, or after "Polisen lovar att:".
        promised_list = name in ("commitments", "activities")
        # After "Medborgarlöften ska:" (what promises are), after "… åtar sig att:".
        purpose = infinitives = False
        of_actions = _lists_of_actions(joined)
        # The activities read from the items just above, and from the line before them.
        above: list[Activity] = []
        for position, line in enumerate(joined):
            quoted = bool(QUOTE_OR_CAPTION.search(line))
            if quoted and not (QUOTED.search(line) and QUOTED_PROMISE.search(line)):
                continue
            is_item, text = strip_bullet(line)
            below_a_list = below_a_list or (is_item and not quoted)
            if _told_again(line, tellings, seen, joined, position):
                above = []
                continue
            text = without_restated_digits(text)
            # The activity the line's last sentence added, which the next may name.
            last: Activity | None = None
            if not is_item:
                if above and MEANS_LEAD.search(text):
                    # "• Centrum ska bli tryggt … Detta gör vi genom att:": the lines
                    # above were the goals; the means follow. One with a count is no goal.
                    goals = [a for a in above if a.target is None]
                    dropped += goals  # kept, so that no new activity takes their id
                    document.activities = [
                        a for a in document.activities if all(a is not g for g in goals)
                    ]
                above = []
                purpose = purpose_lead(text)
                promised_list = name in ("commitments", "activities") or bool(
                    LIST_LEAD.search(text)
                )
                infinitives = bool(INFINITIVES_LEAD.search(text))
            elif purpose:
                continue
            if not is_item and _heading_over_promises(text, joined, position):
                continue
            sentences = [text] if is_item else plain_sentences(text)
            # A paragraph that names activities: a sentence of it naming none frames them
            # ("Polisen och kommunen lovar att arbeta för en tryggare trafikmiljö. …").
            for place, sentence in enumerate(sentences):
                # Only what comes after is framed: "Kommunen ska fortsätta utveckla
                # insatser för unga" after a sentence naming another activity is one more.
                framed = (listing and not below_a_list) or any(
                    kind_matches(s) for s in sentences[place + 1 :]
                )
                content = PROMISE_CONTENT.search(sentence)
                if content is not None:
                    # "… att avge ett medborgarlöfte som innebär gemensamma
                    # trygghetsvandringar": what the promise holds, however the news tells
                    # of its making.
                    sentence = sentence[content.end() :]
                if not_promised(sentence) or achieved(sentence):
                    continue
                if not is_item and not quoted and describes(sentence):
                    # "Under året har genomförda trygghetsvandringar visat …": background.
                    continue
                if quoted and not QUOTED_PROMISE.search(sentence):
                    continue
                if PROMISE_VERB.search(sentence):
                    document.commitments.append(_commitment(sentence))
                if follow_up:
                    continue
                if (not is_item and re.search(r"[:;]\s*$", sentence)) or _open_lead(
                    sentence, joined, position
                ):
                    # A lead of a list ("… arbetar förebyggande genom att:"): its items
                    # tell the activities.
                    continue
                found = _actions(_promised_part(_told_as_promised(sentence, is_item)))
                for activity in found:
                    activity.text = sentence
                if quoted:
                    # In a quote, only an activity named by its noun ("narkotikasök"), not
                    # a manner of speaking ("vi ska synas mer").
                    found = [a for a in found if NOUN.fullmatch(a.unit or "")]
                if RENAMES.match(sentence) and found and last and last.kind in GENERIC:
                    # "… öppna möten i varje kommundel. Det blir en form av
                    # medborgardialoger": the sentence names the activity just told.
                    last.kind = found[0].kind
                    continue
                if (
                    not found
                    and is_item
                    and not quoted
                    and promised_item(
                        sentence,
                        promised_list=promised_list or of_actions[position],
                        infinitives=infinitives,
                    )
                ):
                    # A promised action none of the kinds names: "starta ett ungdomsråd",
                    # "ska verka för en tryggare miljö kring stationen"; each of several
                    # ("arbeta med våldsprevention, skydda utsatta brottsoffer samt …").
                    found = [other_activity(part) for part in actions_of(sentence)]
                if is_item and len(found) == 1 and found[0].kind == "other":
                    # "… arbeta förebyggande mot bedrägerier. Målet är att öka kunskapen",
                    # "Om det uppkommer önskemål om trygghetsvandringar så lovar vi att
                    # bistå": the rest of the item tells what kind of work it is.
                    told = [a for a in parse_activities(sentence) if a.kind != "other"]
                    if told:
                        found[0].kind, found[0].unit = told[0].kind, told[0].unit
                if not is_item and not quoted:
                    found = _from_prose(sentence, found, framed)
                summary = not is_item and len({a.kind for a in found}) > 1
                on_focus = not is_item and focus_statement(sentence)
                added = []
                for activity in found:
                    if _add_activity(
                        document, activity, sentence, summaries, prose, is_item, items
                    ):
                        last = activity
                        above.append(activity)
                        added.append(id(activity))
                        if is_item:
                            items.add(id(activity))
                        else:
                            prose.add(id(activity))
                        if on_focus:
                            focused.add(id(activity))
                if summary:
                    # A summary is told in full by later sentences, not by itself: two
                    # measures it lists ("renhållning och belysning") stay two.
                    summaries.update(added)
    if len(document.activities) > len(focused):
        # "Medborgarlöftena fokuserar på narkotika och trafik" above the activities
        # themselves: a summary of topics, told in full below. One an item of the list
        # told again is that item ("Minst 6 narkotikainsatser" below "Särskilt fokus på
        # att förebygga narkotikadebut").
        document.activities = [
            a for a in document.activities if id(a) not in focused or id(a) in items
        ]


def _lists_of_actions(lines: list[str]) -> list[bool]:
    """For each line, whether it is an item of a list whose items mostly open with an
    infinitive ("• Genomföra medborgardialoger …", "• Förstärka samordningen …"): a list
    of what the parties will do, under whatever heading."""
    marks = [False] * len(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and strip_bullet(lines[end])[0]:
            end += 1
        run = [strip_bullet(line)[1] for line in lines[start:end]]
        if len(run) >= 3 and sum(map(infinitive_clause, run)) * 3 >= len(run) * 2:
            marks[start:end] = [True] * len(run)
        start = max(end, start + 1)
    return marks


def _told_again(
    line: str,
    tellings: Counter[str],
    seen: Counter[str],
    lines: list[str],
    position: int,
) -> bool:
    """Whether a short line is one told again further down, as a table of contents above
    the promises ("Ökad närvaro i Norrby. Förstärkt arbete mot narkotika." above the same
    two lines, each then the heading of its items), or its last telling as that heading.
    Neither is an activity: the items are. A line told again with no items under it is
    read once, where it is last told."""
    key = _short_line(line)
    if key is None or tellings[key] < 2:
        return False
    seen[key] += 1
    if seen[key] < tellings[key]:
        return True  # an earlier telling
    return position + 1 < len(lines) and strip_bullet(lines[position + 1])[0]


def _short_line(line: str) -> str | None:
    """A short line that is no item and no lead, as it is compared with others ("Förstärkt
    arbete mot narkotika." and "Förstärkt arbete mot narkotika" alike); None for others."""
    if strip_bullet(line)[0] or len(line) > 100 or line.rstrip().endswith(":"):
        return None
    return line.strip(" .:;").casefold()


def _actions(text: str) -> list[Activity]:
    """The activities of a sentence or item, each action its modal verb goes on with read
    on its own ("ska samarbeta med skolorna samt uppdatera lägesbilden"): one of no kind
    of ours is an action all the same."""
    parts = actions_of(text)
    if len(parts) == 1:
        return parse_activities(text)
    read = [parse_activities(part) for part in parts]
    if not any(read):
        return parse_activities(text)
    activities: list[Activity] = []
    for part, found in zip(parts, read, strict=True):
        # One kind told twice ("genomföra informationsinsatser och sprida kampanjer") is
        # one activity.
        kinds = {a.kind for a in activities}
        activities += [a for a in found if a.kind not in kinds] if found else [other_activity(part)]
    return activities


def _items_promised(lines: list[str]) -> bool:
    """Whether any item of the lines may be a promise: one neither quoted nor under a lead
    of what residents wish ("Kommuninvånarnas önskemål är:")."""
    wishes = False
    for line in lines:
        is_item, text = strip_bullet(line)
        if not is_item:
            wishes = purpose_lead(text)
        elif not wishes and not QUOTE_OR_CAPTION.search(line):
            return True
    return False


def _heading_over_promises(text: str, lines: list[str], position: int) -> bool:
    """Whether a short heading ("Grannsamverkan och stöldskyddsåtgärder") stands over a
    paragraph that says what will be done: the paragraph tells the activities, the
    heading only names their topic."""
    if len(text.split()) > 6 or re.search(r"[.!?:;]\s*$", text) or not HEADING_LIKE.match(text):
        return False
    following = lines[position + 1] if position + 1 < len(lines) else ""
    if not following or strip_bullet(following)[0] or HEADING_LIKE.match(following):
        return False
    return any(
        promises_something(sentence) and kind_matches(sentence)
        for sentence in plain_sentences(following)
    )


def _told_as_promised(text: str, is_item: bool) -> str:
    """Of a list item of several sentences, those that promise: the first, and any later
    one that says what will be done ("Polis och kommun ska …"); not one that tells more of
    the first ("Inriktning under hösten är belysning och reflexer.")."""
    if not is_item:
        return text
    parts = plain_sentences(text)
    # "Polisiär närvaro. Synlighet och närvaro genom patrullering, tillsyn och …": a label,
    # then what it stands for.
    labelled = len(parts) > 1 and len(parts[0].split()) <= 4 and not promises_something(parts[0])
    return " ".join(
        part
        for index, part in enumerate(parts)
        # "Minst 1 kontakt/vecka.": how often the first is done.
        if index == 0
        or (index == 1 and labelled)
        or promises_something(part)
        or find_rate(part) is not None
        # "… genomföra mätningar med hastighetsskyltar. Analysera resultat från dessa
        # mätningar …": another action of the item.
        or (infinitive_clause(part) and bool(kind_matches(part)))
    )


def _promised_part(sentence: str) -> str:
    """The part of the sentence that tells what is promised."""
    found = CONDITION_THEN_PROMISE.search(sentence)
    return sentence[found.end() :] if found else sentence


def _open_lead(sentence: str, lines: list[str], position: int) -> bool:
    """Whether a sentence left open opens the list under it: "Polisen skall öka
    synligheten genom" above "• Trafikinsatser …", "• Fotpatruller …"."""
    following = lines[position + 1] if position + 1 < len(lines) else ""
    return bool(
        strip_bullet(following)[0]
        and sentence == plain_sentences(strip_bullet(lines[position])[1])[-1]
        and re.search(
            r"\b(?:genom|att|med|tillsammans|följande|bland\s+annat|som)\s*$", sentence, re.I
        )
    )


def _from_prose(sentence: str, found: list[Activity], framed: bool) -> list[Activity]:
    """The activities a sentence of running text promises: each of those it lists ("Bland
    åtgärderna finns …"), or, where it names no kind and frames none (in a text without a
    list of promises, in a paragraph naming no other), the action the parties say they
    will take."""
    listed = listed_promises(sentence)
    if listed:
        return [a for part in listed for a in (parse_activities(part) or [other_activity(part)])]
    if not found and not framed and prose_promise(sentence):
        return [other_activity(sentence)]
    return found


def _add_activity(
    document: ParsedPromise,
    activity: Activity,
    sentence: str,
    summaries: set[int],
    prose: set[int],
    is_item: bool,
    items: set[int],
) -> bool:
    """Add the activity unless it repeats one already read (merged into that one, see
    `merge_repeat`); say whether it was added."""
    if merge_repeat(document.activities, activity, summaries, prose, is_item, items):
        return False
    implausible = _left_out_implausible(document, activity, sentence)
    if activity.target is None and not implausible:
        document.warnings.append(_("No count found in: %(text)s") % {"text": sentence})
    if not activity.partners and re.search(r"\bgemensam", sentence, re.I):
        activity.partners = _parties(document)
    document.activities.append(activity)
    return True


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
    dated = publication_date([line for line in raw if line])
    lines = without_page_lists(clean_lines(text))
    documents = [parse_promise(title, body, dated) for title, body in split_promises(lines)]
    for later in documents[1:]:
        # A page of several years names its municipality once, above them all.
        if later.municipality is None:
            later.municipality = documents[0].municipality
            later.municipalities = list(documents[0].municipalities)
        later.police_area = later.police_area or documents[0].police_area
    # A police area named only beside the page's date ("Publicerad … · Lokalpolisområde X").
    area = find_police_area("", [line for line in raw if is_noise(line)])
    for document in documents:
        document.police_area = document.police_area or area
    kept = [d for d in documents if d.activities or d.commitments or d.achieved]
    if not kept and documents and speaks_of_promises(text):
        kept = documents[:1]
        kept[0].warnings.append(_("No activities found: enter them by hand."))
    return {"documents": [asdict(d) for d in kept]}
