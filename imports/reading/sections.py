"""A document's sections by their headings ("Bakgrund", "Våra löften", "Uppföljning"), up
to its signing block; lines before the first heading are its introduction."""

from imports.reading.people import closing_index
from imports.reading.vocabulary import section_of
from lib.swedish_dates import find_date


def sections_of(lines: list[str]) -> dict[str, list[str]]:
    """The lines of each section by its name, without the headings, date lines (a byline,
    a signing date) and the date and signatures that close the document."""
    sections: dict[str, list[str]] = {}
    current = "introduction"
    closing = closing_index(lines)
    for index, line in enumerate(lines):
        if closing is not None and index >= closing:
            break  # the date and the signatures
        heading = section_of(line)
        if heading:
            current = heading
            continue
        if find_date(line) and len(line) < 40 and not line.endswith("."):
            continue  # a date line: a byline or a signing date, not content
        sections.setdefault(current, []).append(line)
    return sections
