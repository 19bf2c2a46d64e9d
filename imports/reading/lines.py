"""Lines, paragraphs and sentences of a text: cleaning a text into lines of content,
joining lines a PDF or a newspaper column wrapped, cutting paragraphs into sentences,
telling a heading, and leaving out lists of other articles and copyright lines."""

import re

from lib.text import is_noise, normalise_space, strip_bullet, without_controls

# A line that may be a heading: short, capitalised, without a sentence's stop.
HEADING_LIKE = re.compile(r"^[A-ZÅÄÖ#][^.!?]{0,80}$")


def clean_lines(text: str) -> list[str]:
    """Non-empty lines of content, page noise removed."""
    # Word's line and page breaks (vertical tab, form feed) end a line like any other.
    text = without_controls(re.sub("[\r\x0b\x0c]", "\n", text))
    # A comma or a stop typed without its space: "Lieslotte Jergard,chef för
    # lokalpolisområdet", "trygga och säkra.Den 3 juni skrev …".
    text = re.sub(r"(?<=[a-zåäö]),(?=[a-zåäö])", ", ", text)
    text = re.sub(r"(?<=[a-zåäö]{2})\.(?=[A-ZÅÄÖ][a-zåäö])", ". ", text)
    lines = (normalise_space(line) for line in text.split("\n"))
    return [line for line in lines if line and not is_noise(line)]


def plain_sentences(text: str) -> list[str]:
    """The sentences of a text, cut only where a capital or a digit follows the stop (not
    at a dash or a quote, as `sentences` also cuts)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])", text) if s.strip()]


def paragraphs(lines: list[str]) -> list[str]:
    """The lines with the line breaks of a wrapped paragraph (a PDF's, a newspaper's column)
    joined again: a long line not ending a sentence goes on on the next line."""
    joined: list[str] = []
    previous = ""
    for line in lines:
        wrapped = len(previous) >= 45 and not re.search(r"[.!?:]\s*$", previous)
        if joined and wrapped and len(joined[-1]) < 3000:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
        previous = line
    return joined


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    parts = re.split(r"(?<=[.!?])\s+(?=[–\-\"”A-ZÅÄÖ0-9])", text)
    return [part.strip() for part in parts if part.strip()]


def is_heading(line: str) -> bool:
    """A short line that does not end a sentence and is not a list item."""
    return len(line) <= 100 and not re.search(r"[.!?]\s*$", line) and not line.startswith("•")


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with a sentence that a PDF or a newspaper column wrapped joined again:
    a long line without a closing stop, followed by one that goes on in lower case."""
    joined: list[str] = []
    for line in lines:
        if (
            joined
            and len(joined[-1]) >= 20
            and not re.search(r"[.!?:;]\s*$", joined[-1])
            and re.match(r"[a-zåäö0-9]", line)
            and not strip_bullet(line)[0]
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_RELATED = re.compile(
    r"^(?:läs\s+(?:också|även|mer)|relaterade?\s+(?:nyheter|artiklar|sidor)|mest\s+lästa?"
    r"(?:\s+just\s+nu)?|fler\s+nyheter|andra\s+läser|senaste\s+nytt|populärt)\b\s*:?",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\bcopyright\b|\(c\)\s*20\d\d|ansvarig utgivare", re.IGNORECASE)


def without_page_lists(lines: list[str]) -> list[str]:
    """The lines without lists of other articles ("Läs också", "Relaterade nyheter", "Mest
    läst") and copyright lines: their headlines name other years and other promises."""
    kept: list[str] = []
    skipping = False
    for line in lines:
        related = _RELATED.match(line)
        if related:
            # "Läs också: Nytt farthinder …" is one headline; a bare heading starts a list.
            skipping = not line[related.end() :].strip()
            continue
        if skipping:
            if line.startswith("•") or re.match(r"^\d{1,2}[.)]\s", line) or is_heading(line):
                continue
            skipping = False
        if _COPYRIGHT.search(line):
            continue
        kept.append(line)
    return kept
