"""Swedish alphabetical order: a–z, then å, ä, ö; case and accents such as é do not count."""

import unicodedata

_SWEDISH_TAIL = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}


def swedish_key(text: str) -> str:
    """Return a key that sorts strings as a Swedish dictionary does."""
    out = []
    for char in text.casefold():
        if char in _SWEDISH_TAIL:
            out.append(_SWEDISH_TAIL[char])
            continue
        # é, ü and other letters sort as their base letter in Swedish.
        base = unicodedata.normalize("NFKD", char)[0]
        out.append(base)
    return "".join(out)
