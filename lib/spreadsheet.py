"""Cells as a spreadsheet opens them: text that would start a formula (=, +, -, @, and
tab or carriage return, which some spreadsheets skip before one) is written with a leading
apostrophe, so a downloaded file cannot run or link anything when opened."""

import csv
from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

# The fullwidth forms count too: some spreadsheets read them as their ASCII twins.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


class Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def spreadsheet_cell(value: object) -> object:
    """The value as it is safe to write in a cell: text that would start a formula gets
    a leading apostrophe; numbers (negative ones too) and other values stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, datetime):
        # To the second: fractions of a second are noise in a table ("11:00:00.000006").
        return value.replace(microsecond=0).isoformat(sep=" ")
    return value


def write_csv(rows: Iterable[Iterable[object]], out: Writable) -> None:
    """Write the rows as CSV separated by semicolons (as Excel in Sweden reads it), every
    cell made safe by `spreadsheet_cell`."""
    writer = csv.writer(out, delimiter=";")
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
