"""What a promise text says about itself, wherever it says it: the year and period, the
municipality or municipalities, the police area, the date of signing, who signed, and
whether the text promises or reports what was done (a follow-up), read together into one
`Metadata` record; and cutting a page into its documents, one per year's promise.

Pure functions over the cleaned lines of one document (imports/reading/document.py cuts
and cleans them). The rules follow how Swedish promise pages, news items and follow-ups
are written, not particular texts: years.py, people.py, places.py and follow_up.py say
them.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from imports.reading.follow_up import document_type, names_a_report
from imports.reading.people import find_signatories
from imports.reading.places import find_municipalities, find_police_area
from imports.reading.vocabulary import PROMISE, kind_matches
from imports.reading.years import find_signed_on, find_years, heading_years
from lib.text import strip_bullet


@dataclass
class Metadata:
    """What the text says about the promise itself."""

    document_type: str = PROMISE
    year: int | None = None
    period: list[int] | None = None
    year_from_date: bool = False
    municipalities: list[str] = field(default_factory=list)
    police_area: str | None = None
    signed_on: date | None = None
    signatories: list[dict[str, str]] = field(default_factory=list)


def split_documents(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Cut a page into (title, lines) at each heading of another year's promise. The lines
    before the first heading (the page's own title, an introduction) belong to the first.
    Headings that repeat the same year (a page title, a breadcrumb, the heading itself) do
    not cut."""
    documents: list[tuple[str, list[str]]] = []
    years: tuple[int, ...] | None = None
    preamble: list[str] = []
    for line in lines:
        found = heading_years(line)
        if found and found != years:
            if not documents and _report_below_a_promise(line, preamble):
                documents.append((preamble[0], preamble[1:]))
                preamble = []
            documents.append((line, preamble if not documents else []))
            years = found
            continue
        if documents:
            documents[-1][1].append(line)
        else:
            preamble.append(line)
    if not documents:
        return [(lines[0], lines[1:])] if lines else []
    return documents


def _report_below_a_promise(heading: str, preamble: list[str]) -> bool:
    """Whether the heading names a report ("Uppföljning av medborgarlöften 2018") below a
    promise the page lists before it, its items naming activities: the promise is a
    document of its own, not the report's introduction."""
    return (
        len(preamble) > 1
        and names_a_report(heading)
        and sum(1 for line in preamble if strip_bullet(line)[0] and kind_matches(line)) >= 2
    )


def read_metadata(title: str, lines: list[str], dated: date | None = None) -> Metadata:
    """All the text says about the promise itself. `dated` is the page's own date (its
    byline), if it has one."""
    kind = document_type(title, lines)
    area = find_police_area(title, lines)
    municipalities = find_municipalities(title, lines, area)
    provisional = find_years(title, lines, kind, None)[0]
    signed_on = find_signed_on(lines, kind, dated, provisional)
    year, period, from_date = find_years(title, lines, kind, signed_on or dated)
    return Metadata(
        document_type=kind,
        year=year,
        period=period,
        year_from_date=from_date,
        municipalities=municipalities,
        police_area=area,
        signed_on=signed_on,
        # A pasted article may open with the sentence that says who signed.
        signatories=find_signatories([title, *lines] if title else lines, kind),
    )


_PROMISES_SPOKEN = re.compile(r"medborgarlöft|\blöft(?:e|et|en|ena|es)\b|\blova(?:r|de|t)\b", re.I)


def speaks_of_promises(text: str) -> bool:
    """Whether the text is about a citizen promise: it names one, or speaks of promises
    (löften, lovar) from the police or a municipality."""
    if re.search(r"medborgarlöft", text, re.IGNORECASE):
        return True
    return bool(_PROMISES_SPOKEN.search(text) and re.search(r"polis|kommun", text, re.I))


def as_output(meta: Metadata) -> dict[str, Any]:
    """The fields `loften parse` prints for them."""
    return {
        "document_type": meta.document_type,
        "year": meta.year,
        "period": meta.period,
        "municipality": meta.municipalities[0] if meta.municipalities else None,
        "municipalities": meta.municipalities,
        "police_area": meta.police_area,
        "signed_on": meta.signed_on.isoformat() if meta.signed_on else None,
        "signatories": meta.signatories,
    }
