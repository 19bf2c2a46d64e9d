"""Files the product hands out for download: CSV tables a spreadsheet opens safely, and
file names in headers built from checked slugs alone."""

import re
from collections.abc import Iterable
from itertools import chain

from django.core.validators import slug_re
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from lib.spreadsheet import write_csv

EXTENSION = re.compile(r"[a-z0-9]{1,8}")


def is_slug(text: str) -> bool:
    """Whether the text is a slug (letters a-z, digits, hyphens and underscores): the only
    text that may become part of a file name in a header."""
    return bool(slug_re.match(text))


def file_name_header(stem: str, ext: str, *, inline: bool = False) -> str:
    """The Content-Disposition of a download named `stem.ext`. A stem that is not a slug
    is refused (ValueError): a line break or a quote in it would split or extend the
    header, so callers check what a visitor sent before it gets here."""
    if not is_slug(stem) or not EXTENSION.fullmatch(ext):
        raise ValueError(f"not a file name for a header: {stem!r}.{ext!r}")
    header = content_disposition_header(not inline, f"{stem}.{ext}")
    assert header is not None  # a file name always gives a header
    return header


def csv_response(
    stem: str, header: Iterable[object], rows: Iterable[Iterable[object]]
) -> HttpResponse:
    """A CSV download as Excel in Sweden expects it (semicolons, UTF-8 with a byte order
    mark), no cell able to start a formula."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = file_name_header(stem, "csv")
    # Excel reads UTF-8 only with the mark.
    response.write("\ufeff")
    write_csv(chain([header], rows), response)
    return response
