"""Files the product hands out for download: CSV tables a spreadsheet opens safely."""

from collections.abc import Iterable
from itertools import chain

from django.http import HttpResponse

from lib.spreadsheet import write_csv


def csv_response(
    stem: str, header: Iterable[object], rows: Iterable[Iterable[object]]
) -> HttpResponse:
    """A CSV download as Excel in Sweden expects it (semicolons, UTF-8 with a byte order
    mark), no cell able to start a formula."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
    # Excel reads UTF-8 only with the mark.
    response.write("\ufeff")
    write_csv(chain([header], rows), response)
    return response
