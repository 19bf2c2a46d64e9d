"""Suggest the local problem a Swedish text (a complaint, a concern, a note) is about.

A small rule set, not a trained model: each problem lists weighted keywords, each written
one of four ways and matched against the words of the text:

- ``"stöld"``: a word whose Snowball stem equals the keyword's stem ("stölder", "stölden");
- ``"hastighet*"``: a word that begins so ("hastighetsöverträdelse");
- ``"*klott*"``: a word that holds it anywhere, for the heads of compounds ("husklotter");
- ``"bakom ratten"``: words with these stems, in this order, at most two words apart.

A word counts once per problem, for its strongest keyword. The problem with the highest sum
wins; ties go to the problem listed first. The confidence is the winner's share of all points,
scaled down while the evidence is thin (less than 4 points):
``confidence = best / total * min(1, best / 4)``. No keyword at all gives ``other`` with
confidence 0. docs/situation.md explains how to read the figures.
"""

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer

OTHER = "other"

# Keys are the problem codes of situation.vocabularies.Problem.
RULES: dict[str, list[tuple[str, float]]] = {
    "impaired_driving": [
        ("rattfyll*", 4),
        ("drograttfyll*", 4),
        ("*rattfyll*", 4),
        ("bakom ratten", 3),
        ("påverkad förare", 3),
        ("berusad förare", 4),
        ("full förare", 4),
        ("körde full", 3),
        ("kör full", 3),
        ("alkolås*", 2),
        ("utandningsprov*", 3),
        ("nykterhetskontroll*", 3),
        ("onykt*", 2),
        ("sjöfyll*", 3),
    ],
    "speeding": [
        ("hastighet*", 3),
        ("*hastighet*", 3),
        ("fortkör*", 3),
        ("*fortkör*", 3),
        ("fort", 2),
        ("fart", 2),
        ("farten", 2),
        ("*fart*", 1),
        ("fartkamer*", 2),
        ("farthind*", 2),
        ("*farthind*", 2),
        ("kilometer", 2),
        ("trettio", 1),
        ("kmh", 2),
        ("gasar", 1),
        ("rusar", 2),
        ("fartgräns*", 3),
        ("hastighetsgräns*", 3),
    ],
    "reckless_driving": [
        ("buskör*", 4),
        ("*buskör*", 4),
        ("vårdslös*", 3),
        ("spinn*", 2),
        ("burnout*", 3),
        ("rivstart*", 3),
        ("*rivstart*", 3),
        ("epa*", 3),
        ("epor", 3),
        ("a-traktor*", 3),
        ("atraktor*", 3),
        ("racing", 3),
        ("race", 3),
        ("ralla*", 3),
        ("ralli*", 2),
        ("varvar", 3),
        ("varva*", 2),
        ("motorljud", 2),
        ("cross*", 2),
        ("mopedbus*", 4),
        ("moped", 1),
        ("*mopeder*", 1),
        ("kör runt", 2),
        ("olovlig körning", 3),
        ("drift*", 2),
        ("omkör*", 2),
        ("hänsynslös*", 2),
        ("körkort", 1),
        ("slirar", 2),
        ("däckspår", 2),
        ("cirkl*", 1),
        ("sladd*", 2),
        ("stegra*", 3),
        ("bakhjul", 3),
        ("körs störande", 4),
    ],
    "unprotected_road_users": [
        ("cyklist*", 2),
        ("*cykelban*", 2),
        ("*cykelväg*", 2),
        ("cykl*", 1),
        ("cykel", 1),
        ("fotgäng*", 3),
        ("gående", 2),
        ("gångtrafikant*", 3),
        ("övergångsställ*", 3),
        ("*övergångsställ*", 3),
        ("skolväg*", 3),
        ("*skolväg*", 3),
        ("trottoar*", 2),
        ("korsa", 2),
        ("korsar", 2),
        ("oskydd*", 3),
        ("trafik*", 1),
        ("*trafik*", 1),
        ("barnvagn*", 2),
        ("elsparkcyk*", 1),
        ("rullator*", 2),
        ("gångbana*", 2),
        ("trafiksäker*", 2),
        ("passage*", 1),
        ("lämnar företräde", 2),
        ("väjningsplikt*", 2),
        ("cykelöverfart*", 3),
        ("busshållplats*", 1),
    ],
    "traffic_accidents": [
        ("olyck*", 3),
        ("*olyck*", 3),
        ("krock*", 3),
        ("kollider*", 3),
        ("kollision*", 3),
        ("påkör*", 3),
        ("*påkör*", 3),
        ("körde på", 2),
        ("tillbud*", 2),
        ("smitning*", 2),
        ("smitit", 2),
        ("voltade", 3),
        ("dikeskörning*", 3),
        ("omkull", 1),
    ],
    "public_disorder": [
        ("bråk*", 3),
        ("stök*", 3),
        ("*stök*", 2),
        ("oväs*", 3),
        ("oljud", 3),
        ("störand*", 2),
        ("störning*", 2),
        ("stör", 2),
        ("störs", 2),
        ("skrik*", 2),
        ("skrän*", 3),
        ("hög musik", 3),
        ("musik*", 1),
        ("fyrverk*", 2),
        ("smällare*", 2),
        ("*smäll*", 1),
        ("ordningsstör*", 3),
        ("tumult*", 3),
        ("fest", 1),
        ("festar", 2),
        ("festande", 2),
        ("nattetid", 1),
        ("oro*", 1),
        ("sova", 1),
        ("sömn*", 1),
        ("ljud*", 1),
        ("spring", 1),
        ("gapar", 2),
        ("väsnas", 3),
        ("polisen kallas", 1),
    ],
    "littering": [
        ("*skräp*", 3),
        ("fimp*", 2),
        ("sop", 2),
        ("sopor", 2),
        ("*sopor*", 2),
        ("soptunn*", 2),
        ("*avfall*", 2),
        ("dumpa*", 2),
        ("flask*", 1),
        ("burk*", 1),
        ("kartong*", 1),
        ("*kartong*", 1),
        ("hundbajs*", 2),
        ("bajs*", 2),
        ("papper*", 1),
        ("städ*", 1),
        ("smuts*", 2),
        ("pant*", 1),
        ("engångsgrill*", 2),
        ("matrest*", 2),
        ("nedskräp*", 4),
        ("grovsopor", 2),
        ("tippa*", 1),
        ("slänga*", 1),
        ("slänger", 1),
        ("ligger kvar", 1),
    ],
    "vandalism": [
        ("klott*", 3),
        ("*klott*", 3),
        ("graffiti*", 3),
        ("tagg*", 3),
        ("*taggar", 2),
        ("skadegör*", 4),
        ("sönder*", 2),
        ("*sönder*", 2),
        ("krossa*", 2),
        ("förstör*", 2),
        ("vandal*", 3),
        ("spray*", 2),
        ("sprej*", 2),
        ("ruta", 1),
        ("rutor", 1),
        ("anlagd*", 2),
        ("eldade", 2),
        ("eld*", 1),
        ("bränd*", 2),
        ("brann", 1),
        ("ristat", 2),
        ("klistermärk*", 1),
        ("busstop", 1),
        ("lekplats*", 1),
        ("välte", 2),
        ("vält", 2),
    ],
    "public_intoxication": [
        ("berus*", 3),
        ("fyllo*", 3),
        ("fylleri", 3),
        ("fulla", 2),
        ("alkohol*", 2),
        ("drick*", 2),
        ("dricker", 2),
        ("öl", 2),
        ("ölburk*", 2),
        ("sprit*", 2),
        ("påverka*", 2),
        ("drogpåverk*", 2),
        ("missbruk*", 3),
        ("a-lag*", 3),
        ("alag*", 3),
        ("langa sprit", 2),
        ("onykter*", 2),
        ("spyr", 2),
        ("kräks", 2),
        ("kräk*", 1),
        ("urinera*", 2),
        ("kissar", 2),
        ("dagdrick*", 3),
        ("vinflask*", 2),
    ],
    "drug_dealing": [
        ("knark*", 3),
        ("*knark*", 3),
        ("langa*", 3),
        ("*langning*", 3),
        ("narkotik*", 3),
        ("*narkotik*", 3),
        ("drog", 2),
        ("droger", 2),
        ("droghandel*", 4),
        ("langare", 3),
        ("sälj", 1),
        ("säljer", 1),
        ("försäljning", 1),
        ("cannabis", 3),
        ("hasch*", 3),
        ("marijuana", 3),
        ("kokain*", 3),
        ("amfetamin*", 3),
        ("spruta", 2),
        ("sprutor", 2),
        ("dealar*", 3),
        ("dila*", 3),
        ("dilar", 3),
        ("tabletter", 1),
        ("gräs", 1),
        ("affär*", 1),
        ("påsar", 1),
        ("bilar som stannar", 1),
        ("joint*", 3),
    ],
    "burglary": [
        ("inbrot*", 4),
        ("*inbrot*", 4),
        ("bröt in", 3),
        ("bröt sig in", 3),
        ("brutit sig in", 3),
        ("brutit upp", 2),
        ("uppbrut*", 3),
        ("*förråd*", 1),
        ("dyrk*", 2),
        ("hemfrid*", 2),
        ("låset", 1),
        ("lås", 1),
        ("bruten", 2),
        ("uppbruten", 3),
        ("bryter sig in", 3),
        ("bryter upp", 2),
    ],
    "theft": [
        ("stöld*", 3),
        ("*stöld*", 3),
        ("stjäl*", 3),
        ("stul*", 3),
        ("snatt*", 3),
        ("ficktjuv*", 3),
        ("tjuv*", 3),
        ("*tjuv*", 3),
        ("försvann", 1),
        ("tagits", 1),
        ("drivmedel*", 1),
        ("stöldgods", 3),
        ("katalysator*", 2),
        ("tank*", 1),
    ],
    "violence": [
        ("misshand*", 4),
        ("*misshand*", 4),
        ("slagsmål*", 3),
        ("slogs", 2),
        ("slog", 2),
        ("slagen", 2),
        ("hot", 2),
        ("hotad*", 2),
        ("hotfull*", 2),
        ("hotar", 2),
        ("kniv*", 3),
        ("*kniv*", 3),
        ("vapen", 3),
        ("*vapen*", 3),
        ("skott*", 3),
        ("skjut*", 3),
        ("sköt", 3),
        ("våld*", 3),
        ("*våld*", 3),
        ("överfall*", 3),
        ("sparka*", 2),
        ("sparkade", 2),
        ("trakasser*", 2),
        ("ofreda*", 2),
        ("knuff*", 1),
        ("attack*", 2),
        ("angrep", 2),
        ("skada", 1),
        ("skadad", 1),
        ("nedslagen", 3),
        ("örfil*", 2),
        ("spotta*", 1),
    ],
    "robbery": [
        ("rån", 4),
        ("rånad", 4),
        ("rånade", 4),
        ("rånet", 4),
        ("rånförsök*", 4),
        ("personrån*", 4),
        ("mobilrån*", 4),
        ("ungdomsrån*", 4),
        ("butiksrån*", 4),
        ("väskryck*", 4),
        ("ryckt*", 2),
        ("ryckte", 2),
        ("tvingade*", 2),
        ("berövad*", 3),
        ("lämna ifrån", 3),
        ("ta mobilen", 2),
    ],
    "youth_gatherings": [
        ("ungdom*", 2),
        ("ungdoms*", 2),
        ("gäng*", 2),
        ("*gäng*", 2),
        ("tonåring*", 2),
        ("samla*", 2),
        ("samlas", 2),
        ("samlingsplats*", 3),
        ("häng*", 2),
        ("hänger", 2),
        ("mötesplats*", 2),
        ("grupp*", 1),
        ("bus", 1),
        ("busar", 1),
        ("killar", 1),
        ("unga", 2),
        ("fritidsgård*", 2),
        ("mopedgäng*", 2),
        ("skolgård*", 1),
        ("tonår*", 2),
        ("uppehåller", 1),
        ("tjejer", 1),
        ("ungar", 2),
        ("kvällar", 1),
    ],
    "physical_environment": [
        ("belysning*", 3),
        ("*belysning*", 3),
        ("*lampa*", 2),
        ("lampor", 2),
        ("*lampor", 2),
        ("gatlyk*", 3),
        ("*lykt*", 2),
        ("mörk*", 2),
        ("mörker", 2),
        ("busk*", 2),
        ("buskage*", 2),
        ("sly", 2),
        ("vegetation*", 2),
        ("*växt*", 1),
        ("gångtunnel*", 2),
        ("tunnel*", 2),
        ("skymd*", 2),
        ("skymmer", 2),
        ("trasig*", 1),
        ("upplys*", 2),
        ("belyst", 2),
        ("ljus", 1),
        ("öde", 1),
        ("klipp*", 1),
        ("släckt*", 2),
        ("siktlinj*", 2),
        ("sikt", 1),
        ("förfall*", 2),
        ("igenbyggd*", 1),
        ("undanskymd*", 2),
        ("träd", 1),
    ],
    "fraud": [
        ("bedräg*", 4),
        ("*bedräg*", 4),
        ("bedrag*", 4),
        ("bluff*", 3),
        ("*bluff*", 3),
        ("lurad*", 3),
        ("lura*", 2),
        ("lurar", 2),
        ("bankid", 2),
        ("kortnummer", 2),
        ("falsk*", 2),
        ("svindl*", 3),
        ("kontokort*", 1),
        ("utge*", 1),
        ("ringer upp", 1),
        ("swish*", 1),
        ("phishing", 3),
        ("nätfiske", 3),
    ],
}

_WORD = re.compile(r"[a-zåäöéü0-9]+(?:-[a-zåäöéü0-9]+)*")


@dataclass(frozen=True, slots=True)
class Suggestion:
    problem: str
    confidence: float
    scores: dict[str, float]


@cache
def _stemmer() -> "snowballstemmer.SwedishStemmer":
    return snowballstemmer.stemmer("swedish")


def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


@dataclass(frozen=True, slots=True)
class _Rules:
    exact: dict[str, list[tuple[str, float]]]
    prefix: list[tuple[str, str, float]]
    infix: list[tuple[str, str, float]]
    phrases: list[tuple[tuple[str, ...], str, float]]


@cache
def _compiled() -> _Rules:
    rules = _Rules({}, [], [], [])
    for problem, keywords in RULES.items():
        for keyword, weight in keywords:
            if " " in keyword:
                stems = tuple(_stem(w) for w in keyword.split())
                rules.phrases.append((stems, problem, weight))
            elif keyword.startswith("*") and keyword.endswith("*"):
                rules.infix.append((keyword.strip("*"), problem, weight))
            elif keyword.startswith("*"):
                rules.infix.append((keyword[1:] + "\0", problem, weight))
            elif keyword.endswith("*"):
                rules.prefix.append((keyword[:-1], problem, weight))
            else:
                rules.exact.setdefault(_stem(keyword), []).append((problem, weight))
    return rules


def words(text: str) -> list[str]:
    """The words of a text, lower-cased."""
    return _WORD.findall(text.casefold())


def _word_scores(word: str, stem: str, rules: _Rules) -> dict[str, float]:
    best: dict[str, float] = {}
    marked = word + "\0"
    hits = list(rules.exact.get(stem, []))
    hits += [(p, w) for part, p, w in rules.prefix if word.startswith(part)]
    hits += [(p, w) for part, p, w in rules.infix if part in marked]
    for problem, weight in hits:
        best[problem] = max(best.get(problem, 0.0), weight)
    return best


def _phrase_found(phrase: tuple[str, ...], stems: list[str]) -> bool:
    for start, stem in enumerate(stems):
        if stem != phrase[0]:
            continue
        position, found = start, True
        for wanted in phrase[1:]:
            window = stems[position + 1 : position + 4]
            if wanted not in window:
                found = False
                break
            position += 1 + window.index(wanted)
        if found:
            return True
    return False


def classify(text: str) -> Suggestion:
    """Suggest the problem a text speaks of, with a confidence between 0 and 1."""
    rules = _compiled()
    tokens = words(text)
    stems = [_stem(t) for t in tokens]
    scores: dict[str, float] = {}
    for token, stem in zip(tokens, stems, strict=True):
        for problem, weight in _word_scores(token, stem, rules).items():
            scores[problem] = scores.get(problem, 0.0) + weight
    for phrase, problem, weight in rules.phrases:
        if _phrase_found(phrase, stems):
            scores[problem] = scores.get(problem, 0.0) + weight
    if not scores:
        return Suggestion(OTHER, 0.0, {})
    order = list(RULES)
    best = max(scores, key=lambda p: (scores[p], -order.index(p)))
    total = sum(scores.values())
    confidence = scores[best] / total * min(1.0, scores[best] / 4)
    return Suggestion(best, round(confidence, 2), scores)
