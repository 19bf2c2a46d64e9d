"""Cleaning page text: whitespace, bullets and the noise that saved web pages carry."""

import re
import unicodedata

# A number glued to its item is a number too: "1.Öka närvaron", "• 2.Öka patrulleringen".
BULLET = re.compile(
    r"^\s*(?:(?:[•\-\*–·▪●○■…]|\.\.\.|\d{1,2}[.)]|[a-z][.)])\s+|\d{1,2}[.)](?=[A-ZÅÄÖ]))"
    r"(?:\d{1,2}[.)]\s*(?=[A-ZÅÄÖ]))?"
)
# Lines that are never content: banners, navigation, cookie and script notices.
NOISE = re.compile(
    r"(javascript\s+(är|is)\s+(inte|not|avstängt)|aktivera javascript|"
    r"^sök( på)?\b|^till toppen$|^tillbaka till toppen$|cookie|kakor|"
    r"^dela( sidan)?$|^skriv ut$|^meny$|^stäng$|^hoppa till|^läs upp|^lyssna$|"
    r"^senast (uppdaterad|ändrad)|^publicerad\s*:?\s*\d|^sidansvarig|^print$|^share$)",
    re.IGNORECASE,
)
# A link to more, as a line or a list item: "• Läs mer om löftet i pressmeddelandet".
MORE_LINK = re.compile(r"^läs (mer|hela)\b", re.IGNORECASE)


def normalise_space(text: str) -> str:
    """One space between words; non-breaking and odd spaces become plain ones."""
    return re.sub(r"[ \t\u00a0\u2000-\u200b\u202f]+", " ", text).strip()


def is_noise(line: str) -> bool:
    """Whether a line is page furniture rather than promise content."""
    return bool(NOISE.search(line.strip()) or MORE_LINK.search(strip_bullet(line)[1]))


def strip_bullet(line: str) -> tuple[bool, str]:
    """Whether the line is a list item, and its text without the bullet or number."""
    match = BULLET.match(line)
    if match:
        return True, line[match.end() :].strip()
    return False, line.strip()


# What a searcher may add after a municipality's name: "Eslövs kommun", "Malmö stad".
PLACE_SUFFIX = re.compile(r"s?\s+(?:kommun|stad|municipality)$")


def search_key(text: str) -> str:
    """Text as a search compares it: case and diacritics ignored (å, ä, ö, é match a, o,
    e), spaces normalised and a municipality's "s kommun" or "stad" left off."""
    decomposed = unicodedata.normalize("NFKD", normalise_space(text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return PLACE_SUFFIX.sub("", plain).strip()


# C0 control characters other than tab, line feed and carriage return, and lone UTF-16
# surrogates: nobody types them, XML (Atom, Word) cannot hold them and PostgreSQL refuses
# NUL. Vertical tab and form feed arrive with text pasted from word processors. Also the
# bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an
# override in a description turns the rest of its line on a public page backwards. The
# marks a right-to-left keyboard types (U+200E, U+200F, U+061C) stay.
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
# Vertical tab and form feed separate words or lines where they come from: a space keeps
# the words apart ("Kontroll\x0bmed" is "Kontroll med", not "Kontrollmed").
SPACING_CONTROLS = re.compile("[\x0b\x0c]")
# Code points XML 1.0 cannot hold beyond the controls.
NOT_XML = re.compile("[\ufffe\uffff]")


def without_controls(text: str) -> str:
    """The text without C0 control characters (tab, newline and CR stay), lone surrogates
    or bidirectional overrides: the form in which any text entering Löften is stored."""
    return CONTROLS.sub("", SPACING_CONTROLS.sub(" ", text))


def printable(text: str) -> str:
    """The text as an XML document (an Atom feed, a Word file) can hold it, whatever was
    stored before input was cleaned."""
    return NOT_XML.sub("", without_controls(text))


def shortened(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary with "…" when longer than `limit`
    characters: a record's label, not its whole free text."""
    line = normalise_space(" ".join(text.split()))
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    # A word cut in two reads as a typo; a single giant word has no boundary to keep.
    if line[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


# Text saved as UTF-8, read back as Windows-1252 and saved again: "Ã¶" for "ö", "â€“" for
# "–". Each character of such a run stands for one byte of the UTF-8 original.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0081\u008d\u008f\u0090\u009d"
_CONTINUATION = f"[\u0080-\u00bf{_CP1252_HIGH}]"
_DOUBLE_ENCODED = re.compile(
    f"[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}|"
    f"[\u00f0-\u00f4]{_CONTINUATION}{{3}}"
)


def _as_bytes(run: str) -> bytes:
    out = bytearray()
    for char in run:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out.append(ord(char))  # a byte Windows-1252 leaves undefined, kept as Latin-1
    return bytes(out)


def _plausible(char: str) -> bool:
    """A character a Swedish text may hold: Latin letters and signs, general punctuation,
    currency and letterlike symbols."""
    code = ord(char)
    return 0xA0 <= code < 0x250 or 0x2000 <= code < 0x2150


def _repaired(match: re.Match[str]) -> str:
    run = match[0]
    try:
        fixed = _as_bytes(run).decode("utf-8")
    except UnicodeDecodeError:
        return run
    return fixed if all(_plausible(char) for char in fixed) else run


def repair_double_encoding(text: str) -> str:
    """The text with double-encoded UTF-8 repaired ("MedborgarlÃ¶fte" → "Medborgarlöfte",
    "â€“" → "–"). Only runs whose bytes are UTF-8 of a plausible character change, so
    correct text, Swedish letters included, is left as it is."""
    if "Ã" not in text and "Â" not in text and "â" not in text:
        return text
    return _DOUBLE_ENCODED.sub(_repaired, text)
