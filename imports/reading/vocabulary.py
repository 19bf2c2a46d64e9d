"""The words promise texts are read by: section headings, the nouns and phrases that name
each kind of activity, focus areas, cadences, partners, the nouns that count occasions,
the words for a promise, the two document types, and the words that open a subordinate
clause, a quote or a photo caption. `kind_matches` finds the kinds a text names."""

import functools
import re

# The two kinds of document a text can be: a promise, or a report of what was done.
PROMISE = "promise"
FOLLOW_UP = "follow_up"
# The verbs that make a promise now: "Polisen lovar att", "Kommunen förbinder sig att".
PROMISE_VERB = re.compile(r"\b(?:lovar|förbinder\s+sig|åtar\s+sig)\b", re.IGNORECASE)

# What the parties or residents did, in the past: a sentence of it tells the background
# ("Under 2019 arrangerade polisen medborgardialoger"), not what is promised nor its year.
DID = r"arrangerade|anordnade|genomförde|gjorde|höll|bjöd|träffade|besökte|deltog|svarade"

# Section headings, as municipalities write them.
SECTIONS = {
    # With a subtitle too: "Lägesbild – identifierade områden".
    "situation": r"(?:bakgrund|situation|(?:gemensam\s+|lokal\s+)?(?:lägesbild|problembild)(?:en)?"
    r"(?:\s+20\d\d)?|nuläge)(?:\s+[–—-]\s+[a-zåäö][a-zåäö ,]{0,40})?",
    "commitments": r"löften|löftet|medborgarlöftet|medborgarlöften|vi lovar|våra löften",
    "activities": r"aktiviteter|insatser|åtgärder|löftena ska uppnås genom.*|"
    r"så här gör vi|detta gör vi",
    # Not "Det här ska vi åstadkomma tillsammans": pages put it above goals and above
    # activities alike.
    "effect": r"effekt|effekter|mål|målen|målsättning|förväntad effekt|önskad effekt|"
    r"önskat\s+läge|målbild|förväntade?\s+resultat",
    # What was done under an earlier promise: "Resultat", "Resultat 2021", "Så gick det".
    "follow_up": r"uppföljning|återrapportering|uppföljning och utvärdering|"
    r"resultat(?:et)?(?:\s+(?:för\s+)?20\d\d)?|så gick det|det här har vi gjort|"
    # The results of a survey: "Resultat trygghetsenkät våren 2021", "Resultat av enkäten".
    r"resultat(?:et)?\s+(?:av\s+|från\s+)?(?:\w+\s+)?\w*(?:enkät|mätning|undersökning)\w*"
    r"(?:\s+\w+){0,2}",
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
        # The linking s may be left out by a typo: "hastighetkontroller".
        r"(?:trafik|hastighets?|nykterhets?|fart|alkohol|drog|förar|fordons|moped)kontr?oll(?:er|erna|en)?|"
        # "flygande besiktningar" or "inspektioner" of vehicles on the road.
        r"(?<!trygghets)besiktning(?:ar|arna|en)?|flygande\s+inspektion(?:er|erna)?|"
        # Of traffic by an adjective: "trafikrelaterade kontroller", "trafik- och
        # trafikrelaterade kontroller".
        r"(?<![\wåäö])trafik[a-zåäö]{0,20}?(?:rade|nde)\s+kontroll(?:er|erna)?",
    ),
    (
        "traffic_operation",
        r"(?:riktade?\s+)?trafikinsats(?:er|erna)?|trafiksäkerhetsinsats(?:er)?|"
        r"trafikövervakning(?:en)?",
    ),
    (
        "safety_walk",
        r"trygghetsvandr(?:ing|ingar|ingarna|ingen|a|ar)|trygghetsrond(?:er|erna|en)?|"
        r"(?:trafiksäkerhets|säkerhets)vandr(?:ing|ingar|ingarna|ingen)|"
        # A walk to inspect a place for safety: "en trygghetsbesiktning av området".
        r"trygghetsbesiktning(?:ar|arna|en)?",
    ),
    # Any dialogue but the employees': "ungdomsdialog", "dialog med elevråden".
    (
        "citizen_dialogue",
        r"medborgardialog(?:er|erna|en)?|dialog(?:er|erna|en)?|dialog\w+|"
        r"medborgarmöte(?:n|na|t)?|fokusgrupp(?:er|erna|en)?|medborgarforum|samtalsforum|"
        # Contacts sought with residents where they are: "tre medborgarkontakter per vecka".
        r"medborgarkontakt(?:er|erna)?",
    ),
    ("employee_dialogue", r"medarbetardialog(?:er|erna|en)?"),
    (
        "school_education",
        r"utbildningsdag(?:ar|en)?|kunskapsdag(?:ar|en)?|skolbesök(?:en)?|lektion(?:er|erna)?|"
        # Education is school education where it speaks of pupils or schools.
        r"(?:utbildning(?:ar|en)?|temadag(?:ar|en)?)(?=[^.]{0,60}\b(?:elev|skol|klass|årskurs))",
    ),
    # Also as the first part of a compound: "grannsamverkansområden"; and the same watch
    # kept by boat owners, firms or cottage owners ("båtsamverkan", "företagssamverkan").
    (
        "neighbourhood_watch",
        r"(?:granns?|båt|företag(?:ar)?s|fastighets|sommarstugs?|fritidshus)samverkan\w*|"
        r"grannstöd",
    ),
    # Police work that builds contact and trust: "förtroende- och kontaktskapande arbete".
    (
        "presence_patrol",
        r"patrull\w*|(?:polis|områdes|polisområdes)kontor(?:et)?|polisnärvaro(?:n)?|"
        r"(?:kontakt|förtroende|relations)skapande",
    ),
    (
        "drug_operation",
        r"narkotika[\s-]?insats(?:er|erna|en)?|narkotikahund(?:ar|en|arna)?|"
        r"(?:narkotika|hund)sök(?:ning(?:ar)?)?|drogtest(?:er|erna)?",
    ),
    # Of licensed alcohol serving and tobacco and alcohol sales: "alkoholtillsyn".
    ("licence_inspection", r"tillsyn(?:er|erna|en)?|tillsyns(?:besök|kontroll)\w*|kontrollköp"),
    (
        "early_intervention",
        r"bekymm?ringssamtal(?:en)?|oros?samtal(?:en)?|SSPF(?:-\w+)?|"
        r"sociala\s+insatsgrupp(?:er|erna|en)?|hembesök(?:en)?",
    ),
    (
        "physical_measure",
        r"belysning\w*|farthinder|fartgupp|klottersanering(?:ar)?|kameraskyltning\w*|"
        r"röjning(?:ar)?|hastighetssänkning\w*|hastighetsdämpande|"
        # Cameras put up where people feel unsafe: "kameraövervakning", "trygghetskameror".
        r"kamera(?:övervakning|bevakning)(?:en)?|(?:övervaknings|trygghets)kamer(?:a|or|orna)|"
        # Situational crime prevention changes the place; so does clearing litter.
        r"situationell\w*\s+(?:brottsprevention|åtgärd\w*)|nedskräpning(?:en)?|gestaltning(?:en)?|"
        r"ombyggnad(?:en)?|renhållning(?:en)?|fysiska\s+(?:förändringar|åtgärder)|"
        # "åtgärder i den fysiska trafikmiljön", "förändra den fysiska miljön", "utemiljön".
        r"fysiska\s+\w*miljö(?:n|er)?|utemiljö(?:n|er|erna)?",
    ),
    (
        "speed_measurement",
        r"hastighetsmät\w*|fartmätning(?:ar)?|fartvisare(?:n|na)?|mättillfäll\w*|"
        r"hastighetsdisplay(?:er|en|erna)?",
    ),
    # EST, "effektiv samordning för trygghet", is working from a shared situation picture.
    # Also mapping places or groups: "kartläggning av utsatta platser".
    (
        "situation_picture",
        r"lägesbild(?:en|er|erna)?|lägesbildsmöte(?:n|t)?|kartläggning(?:ar|en)?",
    ),
    # Adults out where the young are, volunteers rather than staff: "vuxennärvaro",
    # "närvaron av trygghetsskapande vuxna", "trygga vuxna på kvällar och helger".
    (
        "night_walk",
        r"nattvandr\w*|vuxennärvaro(?:n)?|trygga\s+vuxna|trygghetsskapande\s+vuxna|"
        r"närvaro(?:n)?\s+av\s+(?:\w+\s+){0,2}?vuxna",
    ),
    (
        "safety_hosts",
        r"trygghetsvärd(?:ar|arna|en)?|fältvärd(?:ar|arna|en)?|"
        r"fältarbetare(?:n|na)?|"
        # Social services' outreach on the street: "fältning vid 11 tillfällen" (not the
        # "fältassistenter" who may hold talks of another kind).
        r"fältning(?:ar|en)?|"
        # Hosts and guards in a town centre: "centrumvärd", "trivselvärdar", "ordningsvakter".
        r"(?:centrum|trivsel|stations|torg|natt|park)värd(?:ar|arna|en)?|ordningsvakt(?:er|erna)?",
    ),
    (
        "information_campaign",
        r"informationskampanj(?:er|en)?|kampanj(?:er|en)?|informationsinsats(?:er)?|"
        r"informationssatsning(?:ar|arna|en)?|"
        r"informationsmöte(?:n|t|na)?|"
        r"(?:informations|bedrägeri)träff(?:ar|arna)?|"
        r"(?:informations|kunskapshöjande\s+|informerande\s+)insats(?:er|erna)?|"
        # Letters to households: "Utskick av brev om laglig mopedåkning till föräldrar".
        r"(?:informations)?brev(?:et)?\s+(?:om|till)\b|informationsbrev\w*|brevutskick\w*|"
        # Information of a subject, as a compound: "narkotikainformation riktad till
        # föräldrar", "informationsspridning", "informationsaktiviteter om narkotika".
        r"(?<=[a-zåäö]{4})information(?:en)?|informations(?:spridning|aktivitet(?:er|erna)?)",
    ),
    # Not the verbs "inträffar", "påträffar", "anträffas".
    (
        "meeting",
        r"möte(?:n|na|t)?|samverkansmöte(?:n)?|(?<!in)(?<!på)(?<!an)träff(?:ar)?|"
        r"trygghetsmöte\w*",
    ),
    ("survey", r"enkät(?:er|en)?|trygghetsmätning(?:ar|en)?|undersökning(?:ar)?"),
    # What no other kind fits but promises do: "insatser mot langning".
    ("other", r"langning(?:en|ar)?"),
]
# The verb phrases promises use instead of a noun: "patrullera till fots", "sanera
# klotter", "söka efter narkotika med hund", "mäta hastigheten".
# One of school, social services, police and leisure, the parties of SSPF.
_SSPF_PART = r"(?:skola|skolan|skolor|socialtjänst(?:en)?|polis(?:en)?|fritid(?:en)?)"
PHRASES: list[tuple[str, str]] = [
    (
        "traffic_control",
        # Checks for a purpose in traffic: "riktade kontroller med syfte att minska störande
        # motortrafik".
        r"kontroll(?:er|erna)?\s+(?:med|i)\s+syfte\s+att\s+(?:[\wåäö]+\s+){0,4}?"
        r"[\wåäö]*(?:trafik|fordon|mopeder|bilister|förare)\w*|"
        r"kontroll(?:er|erna)?\s+(?:av|mot)\s+(?:\w+\s+och\s+)?"
        r"(?:mopeder|a-traktorer|epa[- ]traktorer|fordon|lastbilar|bilar)",
    ),
    (
        # "riktade insatser mot EPA-traktorer och mopeder", "insatser mot buskörning".
        "traffic_operation",
        r"insats(?:er|erna)?\s+(?:mot|med\s+fokus\s+på|riktade\s+mot)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:mopeder|a-traktorer|epa[- ]traktorer|"
        r"buskörning|fortkörning|trafik\w*)|"
        # "Polisiära insatser för att öka tryggheten i trafiken".
        r"insats(?:er|erna)?\s+för\s+(?:att\s+)?(?:[\wåäö]+\s+){0,4}?(?:i\s+trafiken|trafik\w*)",
    ),
    ("citizen_dialogue", r"öppet\s+hus"),
    (
        "school_education",
        r"föreläs(?:a|er|ning|ningar)|"
        r"[\wåäö]*?besök(?:a|er|en)?\s+(?:(?:på|i|vid)\s+)?(?:samtliga\s+|alla\s+|varje\s+)?(?:[\w-]+\s+(?:och\s+|eller\s+)?)?"
        r"(?:\w*skol(?:or|orna|an)|\w*klass(?:er|erna)?|årskurs)|"
        r"prata(?:r)?\s+(?:\w+\s+)?med\s+eleverna|"
        # Knowledge given to pupils: "information om drogers skadeverkan för elever i årskurs
        # 8", "bidra till ökad kunskap hos skolelever".
        r"(?:(?:ge|ger|ges|erbjud\w*|sprid\w*|lämna\w*|utföra)\s+(?:\w+\s+){0,3}?)?"
        r"(?:informera\w*|[\wåäö]*information|kunskap\w*)\s+(?:[\wåäö]+\s+){0,6}?(?:för|till|hos|bland)\s+"
        r"(?:\w+\s+)?(?:elever(?:na)?|skolelever(?:na)?|skolungdomar(?:na)?|\w+klassare)\b|"
        r"informera\w*\s+(?:\w+\s+){0,2}?(?:i|på)\s+skol(?:an|orna)\b",
    ),
    (
        "presence_patrol",
        r"mobila\s+polisstation(?:en)?|"
        r"(?:öka|ökar|ökad|hög|högre|synlig|synliga|polisiära?|polisiär)\s+(?:\w+\s+)?"
        # Not adults' presence: "öka närvaron av trygga vuxna" is a night walk.
        r"(?:närvaro(?:n)?|tillgänglighet(?:en)?|synlighet(?:en)?)"
        r"(?!\s+av\s+(?:\w+\s+){0,2}?vuxna)|"
        r"synlig(?:a|t)?\s+till\s+fots|(?:är|vara|finns|finnas)\s+(?:\w+\s+)?på\s+plats|"
        r"synas|(?:vara|är|bli|blir)\s+(?:mer\s+|mycket\s+)?synlig(?:a|t)?|fotpatrullera\w*|"
        r"närvara\s+med|"
        # "förlägga arbetstid i ytterområdena", "söka upp de platser där …".
        r"förlägg\w*\s+(?:\w+\s+)?arbetstid|söka\s+upp\s+(?:\w+\s+){0,2}?platser\w*|"
        r"besök\w*\s+(?:\w+\s+)?fritidsgård\w*",
    ),
    (
        "drug_operation",
        r"sök(?:a|er|s)?\s+efter\s+narkotika|sök\s+med\s+(?:narkotika)?hund|"
        r"(?:riktade\s+)?insats(?:er|erna)?\s+(?:\w+\s+){0,4}?(?:mot|(?:för|i\s+syfte)\s+att\s+"
        r"(?:upptäcka|stoppa|störa|motverka|förhindra|minska|bekämpa))\s+(?:\w+\s+){0,4}?"
        r"(?:narkotika|missbruk|drog)\w*",
    ),
    (
        "licence_inspection",
        r"kontroller(?:a|ar)\s+(?:samtliga\s+|alla\s+)?(?:\w+\s+)?"
        r"(?:butiker|restauranger|serveringsställen|krogar)|"
        # "kontroller av serveringsställen", "kontroller av tobaksförsäljningsställen".
        r"kontroll(?:er|erna)?\s+(?:av|på|vid)\s+(?:samtliga\s+|alla\s+)?(?:\w+\s+)?"
        r"(?:\w*serveringsställen|\w*försäljningsställen|krogar|restauranger|butiker)|"
        # Checks of shops or bars for what they sell: "butikskontroller mot illegal
        # tobaksförsäljning", "krogkontroller".
        r"(?:butiks|krog|restaurang|tobaks)kontroll(?:er|erna)?\b|"
        r"kontroll(?:er|erna)?\s+(?:mot|av)\s+(?:\w+\s+){0,2}?\w*(?:tobaks|alkohol)\w*försäljning\w*",
    ),
    (
        "early_intervention",
        r"tidiga\s+(?:[\wåäö]+\s+)?(?:insats(?:er)?|samtal)|tidigt\s+(?:upptäcka|fånga\s+upp)|"
        r"fånga\s+upp\s+(?:unga|ungdomar|barn)|"
        # Talks with the young or their parents: "samtal med ungdomar och vårdnadshavare".
        r"samtal\s+med\s+(?:\w+\s+)?(?:unga|ungdomar|ungdomarna|vårdnadshavare|föräldrar)\b|"
        # "vid tidiga tecken på normbrytande beteende", "så tidigt som möjligt", "underrätta
        # vårdnadshavare", "förmedla kontakt med socialtjänsten".
        r"tidiga?\s+(?:tecken|upptäckt|skede)|så\s+tidigt\s+som\s+möjligt|"
        r"(?:underrätta|kontakta|involvera)\w*\s+(?:\w+\s+)?(?:vårdnadshavare|föräldrar\w*)|"
        r"kontakt\s+med\s+socialtjänsten|"
        # The police and social services together about the young: "Polis och socialtjänst
        # ska utveckla en nära samverkan kring barn och unga", and SSPF by its parts
        # ("samverkan med skola, socialtjänst och fritid").
        r"socialtjänst\w*\s+(?:[\wåäö,]+\s+){0,10}?(?:samverkan|samarbete\w*|samverka)\s+"
        r"(?:\w+\s+){0,3}?(?:kring|om|runt|gällande|rörande|med)\s+(?:\w+\s+){0,2}?"
        r"(?:barn|unga|ungdomar)\b|"
        rf"{_SSPF_PART}(?:(?:\s*,\s*|\s+och\s+|\s+samt\s+){_SSPF_PART}){{2,}}",
    ),
    (
        "physical_measure",
        r"(?:sanera\w*|ta\w*\s+bort|minska\w*|motverka\w*)\s+(?:\w+\s+)?klott\w+|"
        r"klott\w+\s+(?:\w+\s+){0,6}?saneras|röj(?:a|er|s)|klipp\w*\s+ner|"
        r"sänk\w*\s+(?:\w+\s+)?hastighet\w*|bygg(?:a|er)\s+om|måla(?:r)?\s+om|åtgärda\w*\s+mörka|"
        r"rensa\w*\s+(?:\w+\s+){0,2}?(?:buskage|sly|vegetation)|"
        # "åtgärder på trafikfarliga platser".
        r"åtgärd\w*\s+(?:på|vid)\s+(?:\w+\s+){0,2}?\w*platser|"
        # "Belysa och aktivera stråket", "stänga av biltrafiken", "en ren och välskött
        # stadskärna".
        r"belys(?:a|er|es)|stäng\w*\s+av\s+(?:\w+\s+)?(?:bil)?trafik\w*|"
        r"ren\s+och\s+välskött|städ(?:a|ar|ning)\b",
    ),
    (
        "speed_measurement",
        r"mät(?:a|er|s)\s+(?:och\s+\w+\s+)?(?:\w+\s+)?(?:hastighet|fortkörning|fart)\w*|"
        # "mätningar med en hastighetsskylt", "mätningar av farten".
        r"mätning(?:ar|arna)?\s+(?:\w+\s+){0,3}?[\"”“]?(?:din\s+)?(?:hastighet|fart)\w*",
    ),
    (
        "information_campaign",
        r"tips\s+om|informera(?:r|s)?\s+(?!varandra\b)(?:[\wåäö/]+\s+){0,2}?om|ge(?:r)?\s+(?:tips\s+och\s+)?råd|"
        # "informera och öka medvetenheten om personrån".
        r"(?:öka|höja|stärka)\s+medvetenhet(?:en)?\s+(?:om|kring)\b|"
        r"ge(?:r)?\s+(?:\w+\s+){0,2}?kunskap(?:er)?\b|sprid\w*\s+(?:\w+\s+)?(?:tips|information)|"
        # "kommunicera information om trafiksäkerhet", "kommunikation om trygghetsarbetet",
        # "Vid tre tillfällen informera för att förebygga bedrägerier".
        r"kommunicera\w*\s+(?:\w+\s+){0,2}?(?:information|om|lägesbild\w*)|kommunikation\s+om|"
        r"informera(?:r)?\s+(?:för|kring|till|i)\b|informationstillfäll\w*|"
        # "ska erbjudas samlad information om grannsamverkan".
        r"(?:ge|ges|erbjud\w*|sprid\w*|lämna\w*)\s+(?:\w+\s+){0,3}?information(?=\s+(?:om|kring)\b)|"
        r"offentliggör\w*",
    ),
    ("meeting", r"träffa(?:s)?"),
    ("other", r"ansvarsfull\w*\s+alkoholser\w*|arbeta\w*\s+(?:\w+\s+)?förebyggande"),
    # EST, "effektiv samordning för trygghet", is working from a shared situation picture.
    ("situation_picture", r"(?-i:EST)"),
    # "Analysera resultat från dessa mätningar", "analysera inkomna synpunkter".
    (
        "situation_picture",
        r"analysera\w*\s+(?:\w+\s+){0,2}?(?:resultat\w*|statistik\w*|synpunkter\w*|inkomna|"
        r"anmälningar\w*|mätning\w*|enkät\w*|brottsutveckling\w*|underlag\w*)",
    ),
]
# Words that name what an activity is about rather than the activity ("narkotika",
# "närvaro", "unga i riskzon", "kunskap"): they name its kind only where the sentence
# promises an action ("arbeta mot narkotikaförsäljning", "prioritera närvaro i centrum"),
# never in a sentence that tells of the situation ("narkotikan bland unga oroar").
TOPICS: list[tuple[str, str]] = [
    # Not crimes found, an outcome: "upptäcka 52 narkotikabrott".
    # Nor drugs as one of the substances prevention is about: "frågor rörande alkohol,
    # narkotika, doping och tobak".
    (
        "drug_operation",
        r"(?<!alkohol,\s)narkotika(?!brott)(?!(?:miss)?bruk)(?!,?\s+(?:och\s+)?(?:doping|tobak))\w*|"
        r"drog\w?(?:handel\w*|försäljning\w*)",
    ),
    # Not the supply of drugs: "begränsa tillgängligheten av narkotika".
    (
        "presence_patrol",
        r"närvaro(?:n)?|närvarande|synlighet(?:en)?|"
        r"tillgänglighet(?:en)?(?!\s+(?:av|till|på)\s+(?:narkotika|alkohol|droger|tobak))",
    ),
    ("traffic_operation", r"buskörning\w*|fortkörning\w*"),
    ("early_intervention", r"riskzon(?:en)?"),
    ("information_campaign", r"kunskap\w*"),
]
ACTS = re.compile(
    r"(?<![-\w])(?:genomför\w*|arbeta\w*|motverka\w*|bekämpa\w*|prioritera\w*|satsa\w*|"
    r"förebygg\w*|arbete(?:t)?|stärka|stärker|öka|ökar|upptäcka|stöd\w*|verka|verkar|"
    r"insats\w*|fånga\w*|minska|minskar|höja|höjer|sprida|sprider|vara|finnas|jobba\w*|"
    r"fokus\w*)\b",
    re.IGNORECASE,
)
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


def by_phrase(match: re.Match[str]) -> bool:
    """Whether a kind was named by a phrase of doing ("analysera resultat", "EST"), not by
    a noun that may only be mentioned."""
    return match.re is _KIND_PATTERNS[1][0]


TOPIC_PATTERN = (
    re.compile(rf"\b([\wåäö]*?(?:{_alternatives(TOPICS)}))\b", re.I),
    [kind for kind, _words in TOPICS],
)
# A kind's noun as a whole word ("förarkontroller").
NOUN = re.compile(rf"[\wåäö]*?(?:{_alternatives(KINDS)})", re.I)
# Two compounds sharing their last part: "skol- och fritidsgårdsbesök" (skolbesök and
# fritidsgårdsbesök), "dialog- och informationsträffar" (dialogträffar).
_SHARED_HEAD = re.compile(r"\b([\wåäö]+)-\s+(?:och|eller|samt)\s+([\wåäö]+)", re.I)
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
# The words for a promise, as sentences and headings name it; one group, so that what a
# pattern puts around it applies to every word.
PROMISE_WORD = r"(?:(?:medborgar)?löft(?:e|et|en|ena|es)|överenskommelse(?:n|r|rna)?)"
# Quotes and photo captions say who said or stood where, never what is promised.
QUOTE_OR_CAPTION = re.compile(
    r"\bsäger\b|^\s*[\"”»]|^på bilden\b|\bfoto\s*:|\bbild\s*:|\bvid undertecknandet\b|"
    # A quote told by another verb than "säger": "…, berättar kommunpolis Bo Exempel".
    r",\s+(?:berättar|menar|förklarar|konstaterar|understryker|betonar|poängterar)\s+"
    r"(?:[\wåäö]+\s+){0,3}?[A-ZÅÄÖ]",
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


def _kind_of(match: re.Match[str], kinds: list[str]) -> str:
    return kinds[int(next(name for name, value in match.groupdict().items() if value)[1:])]


def _shared_head_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """The kind the first of two compounds sharing a last part names, completed by the
    shortest last part of the second that makes it a kind's noun ("skol-" and "besök")."""
    found = []
    for pair in _SHARED_HEAD.finditer(text):
        first, second = pair[1], pair[2]
        for cut in range(len(second) - 4, 0, -1):
            noun = NOUN.fullmatch(first + second[cut:])
            if noun is not None:
                whole = re.compile(f"({re.escape(pair[0])})").match(text, pair.start())
                if whole is not None:
                    found.append((_kind_of(noun, [kind for kind, _words in KINDS]), whole))
                break
    return found


@functools.lru_cache(maxsize=512)
def kind_matches(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every named kind of activity in the text, earliest first, none overlapping. A word
    of a topic names a kind only after a word of action ("arbeta mot narkotikahandeln");
    the first of two compounds sharing a last part names its own kind."""
    found = sorted(
        _shared_head_matches(text)
        + [
            (_kind_of(match, kinds), match)
            for pattern, kinds in [*_KIND_PATTERNS, TOPIC_PATTERN]
            for match in pattern.finditer(text)
            if pattern is not TOPIC_PATTERN[0] or ACTS.search(text, 0, match.start())
        ],
        key=lambda pair: (pair[1].start(), -len(pair[1][0])),
    )
    chosen: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if not chosen or match.start() >= chosen[-1][1].end():
            chosen.append((kind, match))
    return tuple(chosen)
