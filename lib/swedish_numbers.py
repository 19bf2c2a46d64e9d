"""Swedish number words as they appear in promise texts: "två", "tolv", "femton", "tjugo"."""

import re

WORDS = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "aderton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
    "etthundra": 100,
}
# Approximate amounts name no target: "ett tiotal", "ett par", "några".
APPROXIMATE = re.compile(
    r"\b(ett\s+(tiotal|femtontal|tjugotal|trettiotal|hundratal|par)|"
    r"några|flera|ett\s+antal|ett\s+flertal)\b",
    re.IGNORECASE,
)


def number_value(word: str) -> int | None:
    """The value of a number written in digits or as a Swedish word, else None."""
    token = word.strip().lower().rstrip(".,:;")
    if token.isdigit():
        return int(token)
    if token in WORDS:
        return WORDS[token]
    # Compounds such as "tjugofem" or "trettiotvå".
    for tens in ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"):
        if token.startswith(tens) and token[len(tens) :] in WORDS:
            unit = WORDS[token[len(tens) :]]
            if 0 < unit < 10:
                return WORDS[tens] + unit
    return None
