"""Activities in one list item or sentence: their kind, count, unit, focus and partners;
whether a named kind is an activity of its own or only what another is about; and
whether an activity read again repeats one already read (to be merged into it)."""

import functools
import re
from dataclasses import dataclass
from typing import Any

from imports.reading.counts import Count, read_count
from imports.reading.vocabulary import (
    ACTS,
    FOCUS,
    NOUN,
    PARTNERS,
    SUBORDINATOR,
    TOPIC_PATTERN,
    by_phrase,
    kind_matches,
)
from lib.swedish_numbers import number_value


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
    r"göra|gör|genomföra|genomför|"
    r"utbyt\w*|informationsutbyte|"
    r"finns|stäm\w*\s+av|följ\w*\s+upp|ta\w*|(?:uppdatering|genomgång)\w*\s+av|"
    # "arbeta för en gemensam förbättrad lägesbild".
    r"arbeta\w*\s+(?:fram|för|med)|gemensam\w*)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


_FROM_PICTURE = re.compile(
    r"\b(?:utifrån|enligt|baserat\s+på|grundat\s+på|med\s+stöd\s+av)\s+"
    r"(?:(?:den|det|vår|sin|en|ett)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


_NEAR = 300


def _is_mention(text: str, kind: str, match: re.Match[str], start: int) -> bool:
    """Whether a named kind is what the activity is about rather than one of its own."""
    # What stands just before: a long text's beginning says nothing of this name, and
    # reading all of it for every name would take time growing with its square.
    before = text[max(start, match.start() - _NEAR) : match.start()]
    if kind == "situation_picture":
        # Working by EST or analysing results is keeping a shared picture; working from a
        # picture ("utifrån den gemensamma lägesbilden") is not.
        return not by_phrase(match) and (
            bool(_FROM_PICTURE.search(before)) or not _KEEPS_PICTURE.search(before)
        )
    # "tillsyn med inriktning mot ansvarsfull alkoholservering": what it aims at.
    if start and re.search(r"\b(?:inriktning|fokus)\s+(?:mot|på)\b", before, re.IGNORECASE):
        return True
    # "när vi planerar våra trafikkontroller", "polisen finns med på plats".
    # Only a subordinate clause the kind stands in: not one a comma has closed ("Genom att
    # polis är på plats, där det behövs, ska … genomföra trygghetsvandringar").
    clause = before.rsplit(",", 1)[-1]
    if start and (SUBORDINATOR.search(clause) or re.search(r"på\s+plats$", match[1])):
        return True
    return bool(_AFTER_PREPOSITION.search(before))


_AIMED_AT = re.compile(r"\b(?:för|(?:med|i)\s+syfte)\s+att\s+(?:[\wåäö]+\s+){1,4}$", re.IGNORECASE)
_CONSEQUENCE = re.compile(r"\b(?:på\s+så\s+sätt|därigenom|därmed)\b", re.IGNORECASE)
_HYPHENATED = re.compile(r"(?<=[a-zåäö]{2})-(?=[a-zåäö]{2})")


def parse_activities(text: str) -> list[Activity]:
    """The activities one list item or sentence names: usually one, sometimes several
    ("4 trygghetsvandringar och 2 medborgardialoger", "nattvandring varje helg och
    bekymringssamtal"). A kind named after a preposition is a mention ("möten om
    grannsamverkan"), unless it has a count of its own; the same kind named again is the
    same activity ("tillsyn av serveringsställen, minst tio per år")."""
    # A word cut by a hyphen where a PDF broke its line ("ungdo-mar", "trafikbeteende-
    # kontroller") is read whole; a hyphen before a space or comma ("hastighets-, nykterhets-
    # eller …") or beside a capital ("A-traktorer") is kept.
    text = _HYPHENATED.sub("", text)
    matches = kind_matches(text)
    composed = _composed(text, matches)
    if composed is not None:
        return [composed]
    activities: list[Activity] = []
    start = 0
    examples = bool(matches) and bool(_CHOICE.search(text[: matches[0][1].start()]))
    for index, (kind, match) in enumerate(matches):
        end = matches[index + 1][1].start() if index + 1 < len(matches) else len(text)
        count = read_count(
            text[start : match.start()],
            text[match.end() : end],
            own_before=not activities,
        )
        previous = activities[-1] if activities else None
        if previous is None:
            # The situation picture an activity rests on ("trafikinsatser utifrån
            # lägesbilden"), or that shows something ("Polisens lägesbild visar …"), is no
            # activity; a list item may open with it ("Gemensam lägesbild varje vecka").
            opening = text[max(0, match.start() - _NEAR) : match.start()].split()
            if not (
                kind == "situation_picture"
                and _is_mention(text, kind, match, 0)
                and (
                    len(matches) > 1
                    or len(opening) > 2
                    or any(word.endswith("s") for word in opening)
                    # "Utifrån lägesbilden lovar …": what the promise rests on.
                    or bool(
                        _AFTER_PREPOSITION.search(
                            text[max(0, match.start() - _NEAR) : match.start()]
                        )
                    )
                )
            ):
                activities.append(_activity(text, kind, match, count))
        elif (
            (
                previous.kind == kind
                and not (
                    # "parkeringsövervakning, nedskräpning samt situationell brottsprevention":
                    # different measures of one kind, listed.
                    kind in _MANY_OF_A_KIND
                    and previous.unit != match[1].lower()
                    and _LIST_GAP.fullmatch(text[start : match.start()])
                    # Not what a talk is about: "samverkan om belysning och städning".
                    and not re.search(
                        r"\b(?:om|kring|angående|gällande|rörande)\s+(?:\w+\s+){0,2}$",
                        text[: max(text.lower().find(previous.unit or ""), 0)],
                    )
                )
                # "minst tre kontroller av serveringsställen och minst tre kontroller av
                # tobaksförsäljningsställen": two of a kind, each with its own count.
                and not (
                    None not in (previous.target, count.target)
                    and re.match(r"\s*(?:,|och|samt)\b", text[start : match.start()])
                )
            )
            or (kind == "meeting" and None in (previous.target, count.target))
        ):
            # The same kind again, or the meeting where it is done ("SSPF-gruppen träffas
            # två gånger i månaden"): the same activity.
            if previous.target is None and count.target is not None:
                _set_count(previous, count)
            # "… till exempel medborgardialoger, tematräffar eller …": a list of examples.
            examples = examples or bool(_EXAMPLE.search(text[start : match.start()]))
        elif (
            previous.kind == "school_education"
            and kind == "drug_operation"
            and re.search(r"\bmed\s+$", text[start : match.start()], re.IGNORECASE)
        ):
            # "besöka skolor med narkotikahundar": a search of the schools with dogs.
            previous.kind = kind
            previous.unit = match[1].lower()
        elif _CONSEQUENCE.search(text, start, match.start()):
            # "arbeta med trafikkontroller och på så sätt också öka synligheten": what the
            # activity just named brings about, not one of its own.
            pass
        elif (
            TOPIC_PATTERN[0].fullmatch(match[1])
            and not NOUN.fullmatch(match[1])
            and (
                re.search(
                    r"\b(?:för\s+att|i\s+syfte\s+att)\s+(?:\w+\s+){0,3}$",
                    text[start : match.start()],
                    re.IGNORECASE,
                )
                or not ACTS.search(text, start, match.start())
            )
        ):
            # What the activity just named is for or within: "skolbesök för att förebygga
            # narkotikabrott", "kampanjer inom ramen för arbetet mot narkotika".
            pass
        elif previous.kind == "other" and not NOUN.fullmatch(previous.unit or ""):
            # "arbeta förebyggande genom att sprida information": a way of working, told
            # by the activity that follows.
            previous.kind = kind
            previous.unit = match[1].lower()
            if previous.target is None:
                _set_count(previous, count)
        elif _EXAMPLE.search(text[start : match.start()]) or (
            examples and _LIST_GAP.fullmatch(text[start : match.start()])
        ):
            # "riktade medborgardialoger, till exempel trygghetsvandringar": an example of
            # the activity just named, not one of its own; and so the rest of the list
            # ("… till exempel medborgardialoger, tematräffar eller trygghetsvandringar"),
            # or the other choices of "någon av följande: A, B eller C".
            examples = True
        elif previous.kind == "presence_patrol" and re.search(
            r"\bgenom\s+(?:\w+\s+){0,2}$", text[start : match.start()], re.IGNORECASE
        ):
            # "vara synlig i byarna genom trafikkontroller": the means is the activity.
            previous.kind = kind
            previous.unit = match[1].lower()
            if previous.target is None:
                _set_count(previous, count)
        elif previous.kind == "meeting" and _purpose(text, match):
            # "träffas varje månad för att gå igenom lägesbilden": the purpose names it.
            previous.kind = kind
            if previous.target is None:
                _set_count(previous, count)
        elif (
            previous.target is None
            and count.target is not None
            and _is_mention(text, kind, match, start)
            and read_count(text[start : match.start()], "", own_before=False).target is None
        ):
            # "erbjudas information om grannsamverkan två gånger": the count told after a
            # topic belongs to the activity it is the topic of.
            _set_count(previous, count)
        elif count.target is None and _AIMED_AT.search(text[start : match.start()]):
            # "en trygghetsbesiktning med syfte att förbättra den fysiska miljön": what the
            # activity just named aims at, not one of its own.
            pass
        elif count.target is not None or not _is_mention(text, kind, match, start):
            activities.append(_activity(text, kind, match, count))
        start = match.end()
    return activities


# Counted actions of no kind of ours made up of several that are: "minst två förstärkta
# insatser under hösten bestående av nattvandringar och polisiär närvaro".
_COMPOSED = re.compile(
    r"\b(?:insatser|åtgärder|aktiviteter|aktioner|satsningar)\b[^.;:]*?\b"
    r"(?:bestående\s+av|i\s+form\s+av|såsom|till\s+exempel|t\.\s?ex\.?|exempelvis|"
    r"med\s+inslag\s+av)\s",
    re.IGNORECASE,
)


def _composed(text: str, matches: tuple[tuple[str, re.Match[str]], ...]) -> Activity | None:
    """One counted action whose parts are named as its examples, with the count of the
    whole: the kinds named after "bestående av" are what it is made of, not activities of
    their own, and the count belongs to the noun it stands before."""
    found = _COMPOSED.search(text)
    if found is None or not matches or matches[0][1].start() < found.end():
        return None
    count = read_count(text[: found.start()], "", own_before=True)
    if count.target is None:
        return None
    activity = _activity(text, "other", None, count)
    activity.unit = found[0].split()[0].lower()
    return activity


_EXAMPLE = re.compile(
    r"\b(?:till\s+exempel|t\.\s?ex\.?|exempelvis|såsom|bland\s+annat(?:\s+genom)?|"
    r"i\s+form\s+av|bestående\s+av)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


# What joins the items of a list: "A, B eller C".
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:eller|och|samt))\s*(?:\w+\s+)?", re.IGNORECASE)
# One of several named: "utföra någon av följande aktiviteter: A, B eller C".
_CHOICE = re.compile(r"\b(?:någon|något|en)\s+av\s+(?:följande|dessa)\b", re.IGNORECASE)


def _purpose(text: str, match: re.Match[str]) -> bool:
    """Whether the kind is named in a purpose just before it ("för att minska buskörning");
    only the words just before are read, not all the text before each kind."""
    before = text[max(0, match.start() - 120) : match.start()]
    return bool(re.search(r"\bför\s+att\s+(?:\w+\s+){1,4}$", before))


def _set_count(activity: Activity, count: Count) -> None:
    activity.target, activity.rate, activity.minimum = count.target, count.rate, count.minimum
    if count.unit:
        activity.unit = count.unit


def parse_activity(text: str) -> Activity | None:
    """The first activity the text names, if any."""
    activities = parse_activities(text)
    return activities[0] if activities else None


@functools.lru_cache(maxsize=32)
def _focus_and_partners(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The focus areas and partners the text names: read once for the text, not again for
    each of its activities (a long text without a stop names many)."""
    focus = tuple(tag for tag, words in FOCUS if re.search(words, text, re.IGNORECASE))
    partners = tuple(
        dict.fromkeys(
            _partner_name(m[0])
            for m in PARTNERS.finditer(text)
            # "i Eslövs kommun" is where, not who.
            # (Only the words just before: a long text is not searched again for each.)
            if not re.search(r"\b(i|inom|för|runt)\s+$", text[max(0, m.start() - 12) : m.start()])
        )
    )
    return focus, partners


def _activity(text: str, kind: str, match: re.Match[str] | None, count: Count) -> Activity:
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
    focus, partners = _focus_and_partners(text)
    return Activity(
        text=text,
        kind=kind,
        target=target,
        unit=unit,
        focus=list(focus),
        partners=list(partners),
        rate=count.rate,
        minimum=count.minimum and target is not None,
    )


def _names_one(text: str, match: re.Match[str]) -> bool:
    opening = text[: match.start()].strip().lower()
    # Not a sentence that goes on to say it will be done: "En medborgardialog … kommer
    # också att genomföras under 2019" is indefinite, as "en" is inside a sentence.
    if re.fullmatch(r"(?:en|ett)(?:\s+\w+)?", opening):
        return not re.search(r"\b(?:ska|skall|kommer)\b", text, re.IGNORECASE)
    # "Genomförande av kunskaps- och utbildningsdag": a day is one.
    return bool(re.fullmatch(r"(?:\w+\s+av)?", opening)) and match[1].lower().endswith("dag")


def _partner_name(found: str) -> str:
    lowered = found.lower()
    if lowered.startswith("polis"):
        return "Polisen"
    if lowered in ("kommun", "kommunen"):
        return "Kommunen"
    return found[0].upper() + found[1:]


def other_activity(text: str) -> Activity:
    """A promised action none of the kinds names: "starta ett ungdomsråd"; its count
    where it tells one by occasions or a rate ("Vid 10 tillfällen per år göra insatser")."""
    noun = _ACTION_NOUN.search(text)
    if noun is not None:
        # "Genomföra minst fyra riktade insatser per år": the count of the action's noun.
        count = read_count(text[: noun.start()], text[noun.end() :], own_before=True)
        if count.target is not None:
            return _activity(text, "other", None, count)
    return _activity(text, "other", None, read_count("", text, own_before=False))


# The nouns an action of no kind of ours is counted by.
_ACTION_NOUN = re.compile(
    r"\b[\wåäö]*?(?:insats(?:er)?|åtgärd(?:er)?|aktivitet(?:er)?|aktion(?:er)?|träff(?:ar)?|"
    r"besök|arrangemang|evenemang|mätning(?:ar)?|grupp(?:er)?|kurs(?:er)?)\b",
    re.IGNORECASE,
)


# Kinds a promise often holds several different ones of ("belysning" and "röjning").
_MANY_OF_A_KIND = {"physical_measure", "other"}


def merge_repeat(
    activities: list[Activity],
    activity: Activity,
    summaries: set[int],
    prose: set[int],
    is_item: bool,
    items: set[int] | None = None,
) -> bool:
    """Merge the activity into one already read that it repeats: the same kind named by
    the same noun ("Trafikkontrollerna ska …"), with the same count, or told again after a
    summary that named several ("Minst 30 trafikkontroller, nattvandring …" in a news
    lead). Say whether it was merged."""
    for known in activities:
        if known.kind != activity.kind:
            continue
        if is_item and items and id(known) in items and known.text != activity.text:
            # Two items of a list are two activities, however alike their words.
            continue
        if known.text == activity.text and known.unit != activity.unit:
            # Two of one sentence, told apart when it was read ("belysning och röjning").
            continue
        if None not in (known.target, activity.target) and known.target != activity.target:
            continue
        if (
            # A summary names kinds; two actions of none ("other") are two, and so are two
            # measures of a kind of many unless they share a word ("klottersanering",
            # "sanera klotter").
            (
                id(known) in summaries
                and (activity.kind not in _MANY_OF_A_KIND or _shared_word(known, activity))
            )
            or (
                activity.kind not in _MANY_OF_A_KIND
                and ((is_item and id(known) in prose) or _definite(activity))
            )
            or _same_noun(known, activity)
            or _by_topic(known)
            or _by_topic(activity)
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
                activities.remove(known)
                activities.append(known)
            elif not is_item and id(known) in prose and known.unit != activity.unit:
                # Told again in running text in other words ("kontroll av tobaksförsäljning"
                # in the lead, "kontroller av tobaksförsäljningsställen" below): the later
                # sentence is the one it is told by, so another activity of that sentence
                # is not taken for this one too.
                known.text, known.unit = activity.text, activity.unit
            if is_item and items is not None:
                # Now an item of the list: the next item is another activity.
                items.add(id(known))
            return True
    return False


_STEM_END = re.compile(
    r"(?:ingarna|ingar|ingen|ing|erarna|erare|erar|era|erna|arna|orna|ena|en|et|er|ar|or|na|n|e|"
    r"a|s)$"
)


def stem(word: str) -> str:
    """The word without its inflection ending, so that words of one family compare equal
    ("skolorna", "skolan")."""
    return _STEM_END.sub("", word)


_FUNCTION_WORDS = {"mot", "med", "och", "för", "av", "på", "till", "efter", "om", "upp", "ner"}


def _stems(activity: Activity) -> set[str]:
    """The stems of the words that name the activity's kind in its text."""
    return {
        stem(word)
        for kind, match in kind_matches(activity.text)
        if kind == activity.kind
        for word in re.findall(r"[\wåäö-]+", match[1].lower())
        if len(word) > 3 and word not in _FUNCTION_WORDS
    }


def _by_topic(activity: Activity) -> bool:
    """Whether the activity was named only by what it is about ("narkotikahandeln"): another
    of its kind in the text is the same activity told more precisely."""
    return bool(activity.unit and TOPIC_PATTERN[0].fullmatch(activity.unit))


def _definite(activity: Activity) -> bool:
    """Whether the activity is named in the definite form, as one already told of:
    "Trafikkontrollerna ska …", "Nattvandringen organiseras av …"."""
    return any(
        kind == activity.kind and re.search(r"(?:en|et|na)$", match[1].lower())
        for kind, match in kind_matches(activity.text)
    )


def _shared_word(known: Activity, activity: Activity) -> bool:
    """Whether the words that name two activities' kind share one, whole or in part."""
    return any(a in b or b in a for a in _stems(known) for b in _stems(activity) if a and b)


def _same_noun(known: Activity, activity: Activity) -> bool:
    """Whether two activities of a kind are named by the same noun ("belysningen",
    "gatubelysning")."""
    return any(
        a.endswith(b) or b.endswith(a) for a in _stems(known) for b in _stems(activity) if a and b
    )
