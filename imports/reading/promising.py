"""Which sentences and list items of a promise text promise an activity: not those that
tell where the promise rests or how it is followed up, not an outcome it aims at, not the
purpose of promises in general; but a list item with a modal verb ("ska verka för …") even
where it names no kind, and what the parties say they will do in a quote."""

import re

from imports.reading.vocabulary import DID, SUBORDINATOR

# Where a promise rests, not what it does: "Löftet bygger på medborgardialogerna", "Löftet
# baseras på trygghetsundersökningar", "Lägesbilden tas fram genom enkäter"; and how it is
# followed up: "Vi följer upp arbetet genom trygghetsmätningar".
BACKGROUND = re.compile(
    r"\b(?:bygger\s+på|grundar\s+sig|grundas\s+på|baser(?:as|ad|at|ar\s+sig)\s+på|"
    r"utgår\s+från|har\s+tagits\s+fram|togs\s+fram|underlag\w*\s+till|till\s+grund\s+för|"
    r"[\wåäö]+s\s+fram\s+(?:\w+\s+){0,2}?(?:genom|utifrån|med\s+hjälp\s+av))\b|"
    r"^bakgrunden\b|"
    # The signing itself: "Undertecknandet skedde i samband med kommunstyrelsens möte".
    r"^(?:undertecknandet|signeringen|påskrivandet)\b|"
    # How the promise was made: "De boende har varit involverade i att ta fram löftet".
    r"\bta\s+fram\s+(?:det\s+|detta\s+)?(?:nya\s+)?(?:medborgar)?löfte\w*|"
    # A newspaper's offer to its reader: "Varje lördag får du aktuella artiklar".
    r"\bfår\s+du\b|\bprenumerera\w*|\bnyhetsbrev\w*|"
    # "Genom en gemensamt framarbetad problembild och med stöd av trygghetsmätningen".
    r"\b(?:framarbetad\w*|framtagen|framtagna|framtaget)\b|"
    # How the promise itself is followed up: "Uppföljning ska genomföras varje halvår".
    r"^uppföljning(?:en|ar)?\s+(?:av\s+\w+\s+)?(?:ska|skall|kommer|sker|görs)\b|"
    # Where the work is aimed, told before the list of what is done: "kommer att inrikta
    # arbetet mot narkotikabrottslighet".
    r"\binrikta\w*\s+(?:\w+\s+)?(?:arbetet|sitt\s+arbete|insatserna)\s+mot\b|"
    # What becomes of the promise itself: "Löftet förnyas varje år efter nya enkäter".
    r"^(?:medborgar)?löfte(?:t|n|na)\s+(?:(?:ska|kommer\s+att)\s+)?[\wåäö]{3,}(?<!fokus)s\b|"
    # What a promise needs, not what this one does: "För att ett medborgarlöfte ska kunna
    # tecknas krävs …".
    r"^för\s+att\s+(?:ett\s+|de\s+)?(?:medborgar)?löfte\w*\s+(?:ska|skall)\b|"
    # "Med den som grund … har löftena arbetats fram", "… har fogats samman med statistik".
    r"\bmed\s+(?:den|detta|det|dessa)\s+som\s+(?:grund|underlag|utgångspunkt)\b|"
    r"\barbeta(?:ts|t|des)\s+fram\b|\b(?:fogats|fogades|vägts|vägdes)\s+samman\b|"
    r"\bfölj\w*\s+upp\s+(?:\w+\s+){0,3}?(?:genom|via|med\s+hjälp\s+av|i\s+kommande)\b|"
    # "Som grund till denna lägesbild ligger: …", "Ur dialogerna kan man utläsa att …".
    r"\bsom\s+grund\s+(?:till|för)\b|\bligger\s+till\s+grund\b|"
    # "Följa upp arbetet i samband med framtagande av nytt medborgarlöfte".
    r"\bframtagande\w*\s+av\s+(?:\w+\s+)?(?:medborgar)?löfte|"
    r"\bkan\s+(?:man\s+|vi\s+)?utläsa\w*|\butläs(?:es|as)\b|\butkristallis\w*|"
    # How the promise itself is evaluated: "efter sex månader ska de utvärderas".
    r"\b(?:medborgar)?löfte\w*\b[^.]{0,120}?\b(?:ska|skall|kommer\s+att)\s+(?:\w+\s+){0,2}?"
    r"(?:utvärderas|följas\s+upp)\b|"
    r"\b(?:ska|skall)\s+(?:medborgar)?löfte\w*\s+(?:\w+\s+)?(?:utvärderas|följas\s+upp)\b|"
    # Work that goes on beside the promise: "Utöver detta fortsätter redan etablerat
    # arbete såsom …".
    r"^utöver\s+(?:detta|det\s+här|löftet|medborgarlöftet)\b[^.]*\bfortsätter\b|"
    r"^utöver\s+(?:detta|det\s+här|löftet|medborgarlöftet)\b[^.]*\bredan\s+(?:etablerat|pågående)\s+"
    r"arbete\b",
    re.IGNORECASE,
)
# An outcome the promise aims at, not an activity: "Andelen trygga ska ha ökat i kommande
# trygghetsmätningar", "Färre ska uppleva …", "Antalet inbrott ska minska".
OUTCOME = re.compile(
    r"\bska\s+ha\s+(?:\w+\s+)?[\wåäö]+(?:at|it|tt)\b|"
    # What residents are to be able to do: "Medborgarna ska kunna lämna synpunkter".
    r"^(?:medborgarna|invånarna|allmänheten|de\s+boende|boende|eleverna|ungdomarna|alla)\s+"
    r"(?:ska|skall)\s+(?:\w+\s+)?(?:kunna|få|veta|känna)\b|"
    # An item that says how the one before it is done: "Ska genomföras vid tre tillfällen",
    # "Gäller i samverkan med föreningarna".
    r"^(?:ska|skall)\s+(?:\w+\s+)?[\wåäö]+(?<!\bvara)s\b|^gäller\b|"
    r"\bska\s+(?:\w+\s+)?(?:uppleva|känna\s+sig|uppfattas|upplevas)\b|"
    # A change with nothing after it: "Upplevda problem med trafik ska minska".
    r"\b(?:ska|skall)\s+(?:\w+\s+)?(?:minska|öka|halveras|upphöra)\s*[.!]?\s*$|"
    r"^(?:andelen|antalet|fler|färre)\b[^.]*\b(?:ska|skall|kommer\s+att)\s+(?:\w+\s+)?"
    r"(?:öka|minska|uppleva|känna)|"
    # What the parties wish for, not what they will do: "Vi vill minska skadegörelsen",
    # "Vi vill att centrum ska uppfattas som tryggt"; and the aim of the promise itself:
    # "Syftet med detta medborgarlöfte är att …".
    r"^vi\s+vill\s+(?:minska|öka|att|se|ha)\b|^syftet\s+med\b|"
    # Examples of the activity just told: "Exempelvis att göra narkotikainsatser på skolor".
    r"^(?:exempelvis|till\s+exempel|t\.\s?ex\.?)\s|"
    # A gain the work aims at, with no action named: "Öka tryggheten", "Stärka förtroendet
    # för polisen", "att öka den upplevda tryggheten i centrum".
    r"^(?:att\s+)?(?:öka|stärka|minska|förbättra|höja|sänka)\s+(?:den\s+|det\s+|de\s+)?"
    r"(?:[\wåäö]+\s+){0,2}?(?:trygghet(?:en)?|otrygghet(?:en)?|förtroende(?:t)?|tillit(?:en)?|"
    r"delaktighet(?:en)?|brottslighet(?:en)?|problemet\s+med\s+\w+|"
    r"(?:antalet\s+)?(?:[\wåäö]+\s+)?[\wåäö]*brott(?:en)?)\b(?!.*\b(?:genom|med\s+hjälp\s+av)\b)|"
    # How the promise itself is made known: "offentliggöra medborgarlöftet via hemsidor".
    r"\boffentliggör\w*\s+(?:\w+\s+)?(?:medborgar)?löfte|"
    # A gain named as a noun: "Ökad service mot medborgarna", "Ökad generell trygghet".
    r"^(?:ökad|ökat|ökade|stärkt|stärkta|förbättrad|förbättrat)\s+(?:\w+\s+)?"
    r"(?:trygghet|service|legitimitet|förtroende|tillit|känsla|trivsel)\b",
    re.IGNORECASE,
)
# A list lead that tells what promises are, not what this one does: "Medborgarlöften ska:".
PURPOSE_LEAD = re.compile(
    r"^(?:ett\s+|de\s+)?(?:medborgar)?löfte(?:n|t|na)?\s+(?:ska|skall|syftar|innebär|är|bör)\b"
    r"[^.]*:\s*$|"
    # What residents may do, not the parties: "Medborgaren kommer att kunna följa arbetet i:".
    r"^(?:medborgar(?:en|na)|invånarna|allmänheten|de\s+boende)\b[^.]*:\s*$|"
    # What residents think or wish, as the survey found: "Det medborgarna tycker att
    # kommunen ska prioritera är:", "Det som oroar de boende mest är:".
    r"\b(?:medborgar(?:en|na)|invånarna|allmänheten|de\s+boende|de\s+svarande|de\s+tillfrågade)"
    r"\b[^.]*\b(?:tycker|tyckte|vill|ville|önskar|önskade|anser|ansåg|oroar|oroade|upplever|"
    r"svarade|uppger|uppgav|efterfrågar)\b[^.]*:\s*$|"
    r"\b(?:tycker|vill|önskar|anser|oroar|upplever|svarade|uppger)\s+(?:\w+\s+)?"
    r"(?:medborgar(?:en|na)|invånarna|de\s+boende)\b[^.]*:\s*$|"
    # Their wishes and needs by name: "Kommuninvånarnas önskemål är:", "Behoven som kunnat
    # urskiljas är följande:", "Det som framkom var:" (not "För att möta dessa behov lovar
    # vi följande:").
    r"^(?:[\wåäö]+\s+){0,2}?(?:önskemål(?:en)?|synpunkter(?:na)?|medskick(?:en)?|behov(?:en)?)"
    r"\b[^.]*:\s*$|^det\s+som\s+framkom\b[^.]*:\s*$",
    re.IGNORECASE,
)


def purpose_lead(line: str) -> bool:
    """Whether the line is a lead that tells what promises are or what residents think, not
    what this one does. A lead is a short line ending in a colon: a longer one is no lead,
    and is not searched (the pattern's open spans would take time growing with the cube of
    its length)."""
    return len(line) <= 400 and line.rstrip().endswith(":") and bool(PURPOSE_LEAD.search(line))


# A line that opens a list of promises: "Polisen lovar att:", "Det här lovar vi:".
LIST_LEAD = re.compile(
    r"\blova[rt]\b|\bförbinder\s+sig\b|\b(?:att|följande|detta|så här)\s*[:;]\s*$|[:;]\s*$|"
    # "… har tecknat följande medborgarlöfte som de kommer arbeta med under året."
    r"\bföljande\s+(?:\w+\s+)?(?:medborgar)?löft\w*|"
    # "… arbeta med följande trygghetsskapande och brottsförebyggande åtgärder i syfte att …".
    r"\b(?:arbeta|genomföra)\s+(?:med\s+)?följande\s+(?:[\wåäö-]+\s+){0,4}?"
    r"(?:åtgärder|aktiviteter|insatser)\b|"
    # A short line that opens its items' sentence: "Kommunen ska", "Polisen kommer att".
    r"^(?:[\wåäö]+\s+){1,4}(?:ska|skall|kommer\s+att)\s*$",
    re.I,
)
# A lead after which every item is an infinitive the parties promise: "Kommunen åtar sig att:".
# Also a heading of the activities themselves, as police pages list them: "Gemensamma
# aktiviteter:", "Polisiära insatser:"; each item under it is one, named or not.
INFINITIVES_LEAD = re.compile(
    r"\batt\s*:\s*$|^(?:[\wåäö]+\s+){0,2}(?:aktiviteter|aktivitet|insatser|åtgärder)\s*:\s*$",
    re.IGNORECASE,
)
# A lead from the goals above to the means below: "Detta gör vi bland annat genom att:",
# "Det ska vi åstadkomma genom följande aktiviteter:", "Så här ska vi nå målen:".
MEANS_LEAD = re.compile(
    r"^(?:detta|det(?:\s+här)?|dessa\s+mål|målen|vilket)\s+(?:[\wåäö]+\s+){0,5}?"
    r"(?:genom|med\s+hjälp\s+av)\b[^.]{0,60}:\s*$|"
    r"^så\s+här\s+(?:ska|kommer)\s+(?:\w+\s+){0,3}?nå\s+(?:dit|målen|målet)\s*:\s*$",
    re.IGNORECASE,
)
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
# A list item that promises an action by a modal verb, wherever it stands: "Kommunen och
# polisen ska verka för …", "Vi lovar att …", "Polisen kommer att …".
_MODAL_ITEM = re.compile(
    r"^(?:att\s+)?(?:[\wåäö-]+\s+){0,8}?(?:ska|skall|kommer\s+(?:[\wåäö]+\s+){0,2}?att|"
    r"kommer\s+(?:gemensamt|också|även|tillsammans)|lovar\s+att|"
    # Without "att": "… kommer en kontaktperson vara tillgänglig på skolan".
    r"kommer\s+(?:en|ett|de|det|vi)(?:\s+[\wåäö]+){0,2}?(?=\s+(?:vara|finnas)\b)|"
    r"(?:åtar|förbinder)\s+sig\s+att)\s+(?:\w+\s+)?[\wåäö]{3,}",
    re.IGNORECASE,
)
# What the parties themselves say they will do, in a quote: "Vi kommer att göra …".
QUOTED_PROMISE = re.compile(
    r"\bvi\s+(?:ska|skall|kommer\s+(?:också\s+)?att|lovar)\b|\bkommer\s+vi\s+(?:\w+\s+)?att\b",
    re.IGNORECASE,
)
# A sentence that names what the one before told of: "Det blir en form av medborgardialoger".
RENAMES = re.compile(
    r"^(?:det|detta|dessa|de|mötena|träffarna)\s+(?:blir|är|kallas|fungerar\s+som)\s+"
    r"(?:en\s+form\s+av|ett\s+slags|en\s+sorts|som)?",
    re.IGNORECASE,
)


# A sentence that opens with what its promise rests on, then says what the parties will do:
# "Utifrån de framtagna fokusområdena ska polisen finnas ute …".
_RESTS_THEN_PROMISES = re.compile(
    r"^(?:utifrån|med\s+utgångspunkt\s+i|baserat\s+på|mot\s+bakgrund\s+av)\b[^.]*?"
    r"\b(?=(?:ska|skall|kommer)\s+(?:\w+\s+)?(?:polis\w*|kommun\w*|vi|parterna|region\w*)\b)",
    re.IGNORECASE,
)


def not_promised(sentence: str) -> bool:
    """Whether the sentence tells the promise's background, follow-up or aim, not an
    activity; of a sentence that opens with what it rests on, only what it then promises
    is asked."""
    opening = _RESTS_THEN_PROMISES.match(sentence)
    promised = sentence[opening.end() :] if opening is not None else sentence
    return bool(BACKGROUND.search(promised) or OUTCOME.search(sentence))


# A clause rather than a topic: it opens with an infinitive ("Skapa mötesplatser …", "Bistå
# med …") or has the parties do something ("Kommunen kommer gemensamt kommunicera …"); a
# topic is a noun phrase ("Bruk av ANDT i kommunen", "Trafik, ordning och säkerhet").
_INFINITIVE_START = re.compile(
    r"^(?:att\s+)?(?:(?:regelbundet|aktivt|kontinuerligt|löpande|fortlöpande|gemensamt|"
    r"tillsammans|även|också|fortsatt|särskilt|återkommande|via\s+\w+)\s+)?"
    r"(?!(?:trygga|unga|nya|andra|stora|flera|många|samtliga|alla|hela|vissa|"
    r"egna|öppna|synliga|gemensamma|narkotika|skola|gata|kvinna|flicka|vecka|kyrka)\b|"
    # Nouns and adjectives of -a: "Narkotika bland unga", "Förtroendevalda ska …".
    r"[a-zåäö]+(?:iga|ella|iska|ala|ska|valda)\b(?<!minska))"
    r"[a-zåäö]{3,}[aå]\s",
    re.IGNORECASE,
)


def infinitive_clause(item: str) -> bool:
    """Whether the item opens with an infinitive: "Förstärka samordningen …"."""
    return bool(_INFINITIVE_START.search(item))


_PARTIES_DO = re.compile(
    r"\b(?:polis\w*|kommun\w*|vi|parterna|region\w*)\s+(?:\w+\s+)?(?:ska|skall|kommer|"
    r"[a-zåäö]{3,}(?:ar|er|rr|år))\b",
    re.IGNORECASE,
)


# Where a promise goes on with another action of the same subject and modal verb: "ska
# samarbeta med skolorna samt kontinuerligt uppdatera lägesbilden", "… och förmedla
# kontakt med socialtjänsten".
_NEXT_ACTION = re.compile(
    r"(\s+samt\s+|,?\s+och\s+(?=(?:[a-zåäö]+\s+)?[a-zåäö]{3,}a\s)|,\s+(?=[a-zåäö]{3,}a\s))"
)
_NEXT_SAMT = re.compile(r"(\s+samt\s+)")
_MODAL = re.compile(r"\b(?:ska|skall|kommer\s+(?:\w+\s+){0,2}?att|lovar\s+att)\b", re.I)


def actions_of(sentence: str) -> list[str]:
    """The sentence cut where its modal verb goes on with another action (an infinitive of
    three words or more after "samt" or "och"); the whole sentence where it does not."""
    modal = _MODAL.search(sentence)
    # An item without one goes on with another action after "samt" only: "Bjuda in till en
    # informationsträff samt förmedla kontakt mellan skola och polis", "Kontroll av
    # gångtunnlar fyra gånger per år samt åtgärda trasig belysning".
    cut = modal.end() if modal is not None else 0
    pieces = (_NEXT_ACTION if modal is not None else _NEXT_SAMT).split(sentence[cut:])
    # Two verbs of one object are one action: "samt förebygga och förhindra våld".
    index = 2
    while index + 2 < len(pieces):
        if len(pieces[index].split()) == 1 and "och" in pieces[index + 1]:
            pieces[index : index + 3] = ["".join(pieces[index : index + 3])]
        else:
            index += 2
    parts = [sentence[:cut] + pieces[0]]
    for joint, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        # What the action before says after its modal verb, and its last clause.
        told = parts[-1][cut:] if len(parts) == 1 else parts[-1]
        if (
            _INFINITIVE_START.search(piece)
            and not re.match(r"(?:\w+\s+)?\w+(?:arna|erna|orna)\s", piece)
            and len(piece.split()) >= 3
            # Not two verbs of one object ("ska mäta och kartlägga farten") or of one
            # purpose ("i syfte att förhindra och upptäcka …").
            and len(told.split()) >= 3
            and not re.search(r"\batt\s+[\wåäö]+$|\b(?:för|syfte)\s+att\b[^,;]*$", told)
            # Nor a verb with no object before it: "implementera och börja använda EST".
            and not re.search(r"\s[a-zåäö]{3,}[aå]$", told.rstrip())
            # Not the same thing again ("sätta upp fartvisare och flytta dem"), nor a verb
            # of a clause within ("så att invånarna kan komma dit och prata med polisen").
            and not re.match(r"\w+\s+(?:den|det|dem|dessa|denna|detta)\b", piece)
            and not SUBORDINATOR.search(told.rsplit(",", 1)[-1])
        ):
            parts.append(piece)
        else:
            parts[-1] += joint + piece
    return parts


# An item named by a noun of action: "Insatser mot tillgreppsbrott", "Åtgärder för en
# tryggare trafikmiljö", "Riktade insatser mot inbrott i sommarstugor".
_ACTION_NOUN = re.compile(
    r"^(?:riktade\s+|förebyggande\s+|gemensamma\s+)?(?:insatser|åtgärder|aktiviteter|"
    r"arbete|satsningar)\s+(?:mot|för|kring|med)\s+\w",
    re.IGNORECASE,
)


# What a promise holds, told in a relative clause: "ett medborgarlöfte som innebär
# gemensamma trygghetsvandringar", "löftet, som går ut på att …".
PROMISE_CONTENT = re.compile(
    r"\b(?:medborgar)?löfte(?:t|n|na)?,?\s+som\s+(?:\w+\s+)?(?:innebär|går\s+ut\s+på|"
    r"omfattar|handlar\s+om)\s+(?:att\s+)?",
    re.IGNORECASE,
)
# "Önskar boende … så lovar vi att starta grannsamverkan": the condition is the residents',
# the promise follows it.
CONDITION_THEN_PROMISE = re.compile(
    r"\bså\s+(?:lovar|förbinder|åtar)\s+(?:\w+\s+){0,3}?(?:sig\s+)?att\s+", re.IGNORECASE
)


def promised_item(item: str, *, promised_list: bool, infinitives: bool) -> bool:
    """Whether a list item naming no kind of ours still promises an action: an action in a
    list of promises, a modal verb anywhere, any item after "… åtar sig att:"."""
    return bool(
        (promised_list and (_ACTION.match(item) or re.match(r"att\s+[\wåäö]{3,}\s+\w", item)))
        or _MODAL_ITEM.match(item)
        or (infinitives and len(item.split()) >= 3)
        or _ACTION_NOUN.match(item)
        # "Önskar handlarna hjälp så lovar vi att utföra säkerhetscertifiering."
        or CONDITION_THEN_PROMISE.search(item)
        # In a list of promises, an item that is a clause, not a topic, is a promise: an
        # infinitive ("utföra hembesök hos ägarna till fordon som varit aktiva"), or the
        # parties doing something now.
        or (
            promised_list
            and len(item.split()) >= 4
            and (
                _INFINITIVE_START.search(item) or (_PARTIES_DO.search(item) and not describes(item))
            )
        )
    )


# A sentence of running text in which the parties say what they will do, by a verb of
# doing, though it names no kind of ours: "Kommunen och polisen ska arbeta för att främja
# …", "Tillsammans kommer polisen och kommunen att stärka …".
_PROSE_PROMISE = re.compile(
    r"^(?:[\wåäö-]+,?\s+){0,8}?(?:polis\w*|kommun\w*|region\w*|parterna|vi)\b"
    r"(?:\s+[\wåäö-]+){0,6}?\s+(?:ska|skall|kommer\s+att|lovar\s+att|åtar\s+sig\s+att)\s+"
    r"(?:[\wåäö]+\s+){0,3}?(?:arbeta|verka|främja|jobba|satsa|stärka|förebygga|motverka|"
    r"genomföra|utveckla|prioritera|vidta|införa|starta|skapa|anordna|erbjuda|samarbeta|"
    r"samverka|bekämpa)\b|"
    # "I år kommer polisen och kommunen att stärka …".
    r"^(?:[\wåäö-]+,?\s+){0,4}?(?:ska|skall|kommer)\s+(?:[\wåäö-]+\s+){0,5}?"
    r"(?:polis\w*|kommun\w*|region\w*|parterna|vi)\s+(?:(?:också|även|gemensamt)\s+)?"
    r"(?:att\s+)?(?:[\wåäö]+\s+){0,2}?(?:arbeta|verka|främja|jobba|satsa|stärka|förebygga|"
    r"motverka|genomföra|utveckla|prioritera|vidta|införa|starta|skapa|anordna|erbjuda|"
    r"samarbeta|samverka|bekämpa)\b",
    re.IGNORECASE,
)
# A sentence that lists some of the promises in running text: "Bland åtgärderna finns …",
# "Bland medborgarlöftena märks även …".
_AMONG = re.compile(
    r"^bland\s+(?:de\s+|dess\s+)?(?:[\wåäö]+\s+)?(?:medborgar)?(?:löftena|åtgärderna|"
    r"aktiviteterna|insatserna)\s+(?:finns|märks|ingår|återfinns)\s+(?:även\s+|också\s+)?",
    re.IGNORECASE,
)
# What is promised, told in the passive: "Bland annat utlovas fler fotpatrullerande poliser
# och ett aktivt brottsförebyggande arbete".
_PROMISED = re.compile(
    r"^(?:bland\s+annat\s+|dessutom\s+|även\s+|också\s+)?utlovas\s+"
    r"(?:bland\s+annat\s+|även\s+|också\s+)?",
    re.IGNORECASE,
)
# What a promise is said to focus on, as a list: "Löftet har fokus på ökad tillgänglighet
# samt att jobba mot buskörning".
_FOCUS_ON = re.compile(
    r"\b(?:medborgar)?löfte\w*\b[^.]{0,120}?\b(?:har|med|sätter|lägger|får)\s+(?:\w+\s+)?"
    r"fokus\s+på\s+(?:just\s+)?",
    re.IGNORECASE,
)


# What a whole promise is said to focus on: "Medborgarlöftena fokuserar främst på arbete mot
# narkotika", "Stort fokus på att förebygga missbruk", "Löftet har fokus på A samt B".
_FOCUS_STATEMENT = re.compile(
    r"\b(?:medborgar)?löfte\w*\b[^.]{0,120}?\b(?:fokuserar|fokusera)\s+(?:\w+\s+)?på\b|"
    r"^(?:stort|särskilt|tydligt)\s+fokus\s+på\b|"
    # A title: "Medborgarlöfte med fokus på ungdomsgrupperingar".
    r"^(?:medborgar)?löfte\w*\s+med\s+(?:\w+\s+)?fokus\s+på\b",
    re.IGNORECASE,
)


def focus_statement(sentence: str) -> bool:
    """Whether the sentence tells what the whole promise focuses on: the activities it names
    are told again, in full, where the text lists them."""
    return bool(_FOCUS_STATEMENT.search(sentence))


# The aim of all the work rather than one activity: "lovar att arbeta för att förbättra
# den upplevda tryggheten", "… för att minska brottsligheten".
_AIM_ONLY = re.compile(
    r"(?:\b(?:arbeta|verka|jobba)\s+för\s+att\s+(?:\w+\s+)?(?:förbättra|öka|stärka|höja|minska)\s+"
    r"(?:den\s+)?(?:upplevda\s+)?(?:tryggheten|brottsligheten)\b|"
    # A state aimed at: "arbeta tillsammans för att torget ska bli en trygg plats", "för
    # att miljön där unga vistas ska vara fri från droger".
    r"\b(?:arbeta|verka|jobba)\s+(?:\w+\s+)?för\s+att\s+(?:[\wåäö-]+\s+){1,12}?(?:ska|skall)\s+"
    r"(?:\w+\s+)?(?:bli|vara|upplevas|uppfattas|kännas)\b|"
    # A gain aimed at: "arbeta för en ökad trygghet samt för en förbättrad trafikmiljö".
    r"\b(?:arbeta|verka|jobba)\s+(?:\w+\s+)?för\s+(?:en\s+|ett\s+)?(?:ökad|ökat|förbättrad|"
    r"förbättrat|stärkt|minskad|minskat|tryggare|bättre)\s+[\wåäö]+)",
    re.IGNORECASE,
)
_BY_MEANS = re.compile(r"\bgenom\b", re.IGNORECASE)


def prose_promise(sentence: str) -> bool:
    """Whether a sentence of running text promises an action none of the kinds names; not
    one that only gives the aim of all the work."""
    if not _PROSE_PROMISE.match(sentence):
        return False
    # The aim alone, unless the means follow it ("… genom fler trafikkontroller"). The
    # last aim is the one to look after: once, not from every aim to the end of the text.
    ends = [aim.end() for aim in _AIM_ONLY.finditer(sentence)]
    return not ends or bool(_BY_MEANS.search(sentence, ends[-1]))


# A sentence that names what is to be done, then lists it: "De åtgärder som ska genomföras
# handlar om A, B, C och D", "Insatserna som ska göras är A och B".
_TO_BE_DONE = re.compile(
    r"^(?:de\s+)?(?:åtgärder(?:na)?|aktiviteter(?:na)?|insatser(?:na)?)\s+som\s+"
    r"(?:ska|skall|kommer\s+att)\s+(?:\w+\s+){0,2}?[\wåäö]+\s+(?:handlar\s+om|är|innefattar|"
    r"omfattar|består\s+av)\s+(?:bland\s+annat\s+)?",
    re.IGNORECASE,
)


def listed_promises(sentence: str) -> list[str] | None:
    """The promises a sentence lists in running text ("Bland åtgärderna finns A och B",
    "Löftet har fokus på A samt B", "De åtgärder som ska genomföras handlar om A, B och
    C"), each as its words; None for a sentence of no such list."""
    named = _TO_BE_DONE.match(sentence)
    if named is not None:
        # Every part of the list is one, a single word too ("trygghetsinsatser").
        rest = sentence[named.end() :].rstrip(" .")
        return [named[0] + part for part in re.split(r",\s*|\s+samt\s+|\s+och\s+", rest) if part]
    found = _AMONG.match(sentence) or _FOCUS_ON.search(sentence) or _PROMISED.match(sentence)
    if found is None:
        return None
    lead, rest = sentence[: found.end()], sentence[found.end() :].rstrip(" .")
    # What is promised, as things: "utlovas fler poliser och ett aktivt arbete".
    things = r"|\s+och\s+(?!att\b)" if found.re is _PROMISED else ""
    parts = re.split(rf",\s*|\s+samt\s+|\s+och\s+(?=att\b){things}", rest)
    # Each with the lead, which tells that it is promised ("fokus på …"); not the aim of all
    # the work ("fokus på att öka tryggheten runt stationen").
    return [lead + part for part in parts if len(part.split()) >= 2 and not _SAFER.match(part)]


_SAFER = re.compile(
    r"(?:att\s+)?(?:öka|stärka|förbättra|höja|skapa)\s+(?:den\s+)?(?:upplevda\s+)?trygghet",
    re.IGNORECASE,
)


# What marks a sentence as promising: a modal or future verb, a promise verb, or a
# present verb of doing with the parties as its subject ("Kommunen genomför …").
_PROMISE_MARKER = re.compile(
    r"\b(?:ska|skall|kommer\s+(?:[\wåäö]+\s+){0,6}?att|lovar|lovade|lova|åtar|åtog|avser|förbinder|"
    r"planerar|tänker)\b|\bvi\s+(?:\w+\s+)?vill\b|"
    r"\b(?:polis\w*|kommun\w*|parterna|vi)\s+(?:(?:också|även|gemensamt|tillsammans)\s+)?"
    r"(?:genomför|inför|erbjuder|anordnar|arrangerar|fortsätter|satsar|startar|bjuder)\b|"
    # Any verb of the present with the parties doing it: "Kommunen vidtar åtgärder".
    r"^(?:polis\w*|kommun\w*|parterna|vi)\s+(?!(?:har|hade|var|är|kan|får|upplever|ser|anser|"
    r"vet|tycker|känner)\b)[a-zåäö]{3,}(?:ar|er|ör|år)\b",
    re.IGNORECASE,
)
# What marks it as telling what is or was: a perfect or past tense ("har genomförda
# trygghetsvandringar visat", "togs fram", "var ett viktigt verktyg"), a verb of showing
# or of what a thing is ("framkommer", "visar", "krävs", "är viktig").
_DESCRIBING = re.compile(
    r"\b(?:har|hade)\s+(?:(?:inte|också|även|redan|tidigare|nyligen|bland\s+annat|under\s+"
    r"[\wåäö]+|i\s+[\wåäö]+)\s+)?(?!mycket\b|ett\b|att\b|det\b)[\wåäö]{3,}(?:at|it|tt|rt|ts|dd)\b|"
    r"\b(?:var|visade|visar|visat|framkom\w*|framgår|framgick|framträder|framstår|krävs|pågår|"
    r"utgår|togs|tecknades|valts|valdes|uppger|upplever|upplevde|beskriver|handlar|berör|"
    r"omfattar|innefattar|innehåller)\b|"
    # The perfect after its subject: "Därför har boende och verksamma fått tycka till".
    r"^(?:därför|sedan|nu|tidigare|dessutom)\s+har\s+(?:[\wåäö,]+\s+){1,8}?"
    r"(?:fått|gjort|genomfört|haft|tagit|svarat|deltagit)\b|"
    # The past: "Under 2019 arrangerade polisen medborgardialoger".
    rf"\b(?:{DID})\b|"
    # What an abbreviation is short for: "SSPF står för socialtjänst, skola, polis och fritid".
    r"\bstår\s+för\b|"
    r"\bär\s+(?:\w+\s+)?(?:viktig\w*|ett\s+\w+|en\s+\w+|centrala?|grunden|utgångspunkten)\b|"
    r"\bgenomförda\b|"
    # What the promise means, told again: "Detta löfte innebär högre närvaro".
    r"^(?:detta|det|löftet|medborgarlöftet)\s+(?:\w+\s+)?innebär\b|"
    # "Det är i mötet med eleverna som tillit byggs"; "Genom dialogen ges medborgarna
    # möjlighet att påverka".
    r"^det\s+är\s+[^.]*\bsom\b|"
    r"\b(?:ges|får)\s+(?:medborgarna|invånarna|allmänheten|de\s+boende|alla)\b|"
    # A subordinate clause drops "har": "… kommunen, som gemensamt genomfört dialoger".
    r"\bsom\s+(?:\w+\s+)?(?!mycket\b|ett\b|att\b|det\b)(?:[\wåäö]{3,}(?:at|it|rt|tt|ts)|[\wåäö]{2,}ft)\s|"
    # What residents wish or feel: "Invånarna efterfrågar även ökad tillgänglighet".
    r"^(?:medborgar(?:en|na)|invånarna|allmänheten|de\s+boende|boende|många)\s+"
    r"(?:\w+\s+)?(?:tycker|vill|önskar|efterfrågar|anser|oroar\s+sig|upplever|känner)\b",
    re.IGNORECASE,
)


def promises_something(sentence: str) -> bool:
    """Whether the sentence bears a mark of a promise: a modal or future verb, a promise
    verb, or the parties doing something now."""
    return bool(_PROMISE_MARKER.search(sentence))


def describes(sentence: str) -> bool:
    """Whether a sentence of running text tells what is or was, not what the parties will
    do: it has a tense or verb of describing and no mark of a promise."""
    # A relative clause tells of a thing, not what the sentence promises: "Det visar
    # trygghetsmätningen som polis och kommun genomför".
    if _TO_BE_DONE.match(sentence):
        return False  # "De åtgärder som ska genomföras handlar om …" lists what is promised.
    main = re.sub(r"\bsom\b[^,.;]*", "", sentence)
    return bool(_DESCRIBING.search(sentence)) and not _PROMISE_MARKER.search(main)
