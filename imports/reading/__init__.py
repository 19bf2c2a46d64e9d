"""Reading published promise texts: the activities they promise, and what they say about
themselves (year, period, municipalities, police area, dates, signatories, document type).

Modules, each importing only those above it:

- vocabulary: the words texts are read by (sections, kinds, focus, cadences, partners)
- lines: lines, paragraphs and sentences of a text
- counts: the count of an activity ("minst 4", "varje månad", what is no count)
- activities: the activities one sentence or list item names, and repeats merged
- people: names, titles, signing sentences, the signing block and signatories
- promising: which sentences and list items promise (not background, method or aim)
- sections: a document's sections by their headings
- follow_up: telling a report of what was done from a promise, decided once
- years: years, spans, periods, the page's date and the date of signing
- places: municipalities and the police area
- metadata: all a text says about itself, and cutting a page into documents
- document: one promise document and a whole text, as `loften parse` prints it
"""

from imports.reading.activities import Activity, parse_activities, parse_activity
from imports.reading.document import ParsedPromise, parse_promise, parse_text
from imports.reading.follow_up import document_type
from imports.reading.lines import clean_lines, without_page_lists
from imports.reading.metadata import Metadata, read_metadata, split_documents
from imports.reading.people import find_signatories
from imports.reading.places import find_police_area
from imports.reading.vocabulary import FOLLOW_UP, PROMISE

__all__ = [
    "FOLLOW_UP",
    "PROMISE",
    "Activity",
    "Metadata",
    "ParsedPromise",
    "clean_lines",
    "document_type",
    "find_police_area",
    "find_signatories",
    "parse_activities",
    "parse_activity",
    "parse_promise",
    "parse_text",
    "read_metadata",
    "split_documents",
    "without_page_lists",
]
