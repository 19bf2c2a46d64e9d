"""Reading CSV and XLSX files row by row and checking every row before anything is stored.

Every file import uses this: it reads the whole file, checks each cell against its column,
and returns the good rows with their row numbers and every problem as (row, column, reason),
numbered as a spreadsheet shows them (the header is row 1). The caller then stores all rows,
none, or only the good ones, and says which.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from imports.limits import (
    ERRORS_KEPT,
    EVIDENCE_FILE_BYTES,
    MAX_CELLS_PER_ROW,
    MAX_ROWS,
    MB,
    XLSX_LIMITS,
)
from lib.archives import ArchiveRefused, unpacked_size
from lib.text import without_controls

MAX_FILE_BYTES = EVIDENCE_FILE_BYTES


class TableError(ValueError):
    """The file as a whole cannot be read (wrong format, no header, too large)."""


class CellError(ValueError):
    """One cell's value is wrong; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("row %(row)s, column %(column)s: %(reason)s") % {
            "row": self.row,
            "column": self.column or "–",
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Column:
    """A column of an import file: its key, the header names accepted, and how to read it."""

    key: str
    headers: tuple[str, ...]
    read: Callable[[str], Any]
    required: bool = True
    # For the guide shown to users: what the column holds and, for a choice, its values.
    meaning: str = ""
    allowed: Any = None

    @property
    def label(self) -> str:
        return self.headers[0]


@dataclass
class Checked:
    """The outcome of checking a whole file."""

    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    # The first ERRORS_KEPT errors, by row; `errors_left_out` counts the others, and
    # `bad_rows` holds the number of every row with an error.
    errors: list[RowError] = field(default_factory=list)
    errors_left_out: int = 0
    bad_rows: set[int] = field(default_factory=set)
    total: int = 0

    def add_errors(self, errors: list[RowError]) -> None:
        """Note errors found after those already noted (by row, or all at the end)."""
        self.bad_rows.update(e.row for e in errors)
        self.errors += errors
        if len(self.errors) > 2 * ERRORS_KEPT:
            self.finish()

    def finish(self) -> None:
        """Keep only the first ERRORS_KEPT errors, by row and column."""
        self.errors.sort(key=lambda e: (e.row, e.column))
        self.errors_left_out += max(0, len(self.errors) - ERRORS_KEPT)
        del self.errors[ERRORS_KEPT:]

    @property
    def error_count(self) -> int:
        return len(self.errors) + self.errors_left_out


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Sweden saves "CSV" as Windows-1252.
        text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    if "\t" in sample and sample.count("\t") > sample.count(delimiter):
        delimiter = "\t"
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:  # a cell over the csv module's size limit, say
            raise TableError(_("The file is not a readable CSV file (%s).") % error) from None
        yield [cell.strip() for cell in row]


def _archive_refusal(name: str, refused: ArchiveRefused, limits: Any) -> str:
    if refused.reason == "members":
        return _("%(name)s holds more than %(limit)s parts, which no workbook needs.") % {
            "name": name,
            "limit": limits.members,
        }
    if refused.reason == "ratio":
        return _(
            "%(name)s is packed %(ratio)s to 1 in its part %(member)s; more than %(limit)s to "
            "1 is refused as a compressed bomb."
        ) % {"name": name, "ratio": refused.ratio, "member": refused.member, "limit": limits.ratio}
    return _(
        "%(name)s unpacks to %(size)s MB; the limit is %(limit)s MB. Split it into smaller files."
    ) % {"name": name, "size": refused.total // MB, "limit": limits.total // MB}


def _xlsx_rows(name: str, data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        unpacked_size(data, XLSX_LIMITS)
    except ArchiveRefused as refused:
        raise TableError(_archive_refusal(name, refused, XLSX_LIMITS)) from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise TableError(_("The file is not a readable XLSX workbook.")) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise TableError(_("The file is not a readable XLSX workbook (%s).") % error) from None
    rows: Iterator[tuple[Any, ...]] | None = None
    try:
        while True:
            try:
                if rows is None:
                    rows = book.worksheets[0].iter_rows(values_only=True)
                row = next(rows)
            except StopIteration:
                return
            except Exception as error:  # a sheet broken further in than its start
                raise TableError(
                    _("The file is not a readable XLSX workbook (%s).") % error
                ) from None
            yield [_cell_text(value) for value in row]
    finally:
        book.close()


def _limited(name: str, rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows, refusing the file at the first row or cell past the limits."""
    for number, row in enumerate(rows, start=1):
        if number > MAX_ROWS:
            raise TableError(
                _("%(name)s has more than %(limit)s rows. Split it into smaller files.")
                % {"name": name, "limit": MAX_ROWS}
            )
        while row and not row[-1]:
            row.pop()
        if len(row) > MAX_CELLS_PER_ROW:
            raise TableError(
                _("Row %(row)s of %(name)s has more than %(limit)s cells.")
                % {"row": number, "name": name, "limit": MAX_CELLS_PER_ROW}
            )
        yield row


def read_rows(name: str, data: bytes) -> Iterator[list[str]]:
    """The rows of a CSV or XLSX file as lists of text, the header first."""
    if len(data) > MAX_FILE_BYTES:
        raise TableError(_("The file is larger than %s MB.") % (MAX_FILE_BYTES // MB))
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _limited(name, _xlsx_rows(name, data))
    if suffix in (".csv", ".txt", ".tsv"):
        return _limited(name, _csv_rows(data))
    raise TableError(_("Only .csv and .xlsx files can be imported, not %s.") % (suffix or name))


def unpacked_bytes(name: str, data: bytes) -> int:
    """How many bytes reading the file means: an .xlsx's declared unpacked size (at least its
    own size), any other file's size. A file that is no archive counts as its own size."""
    if Path(name).suffix.lower() != ".xlsx":
        return len(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return max(len(data), sum(member.file_size for member in archive.infolist()))
    except (zipfile.BadZipFile, OSError, ValueError):
        return len(data)


def _header_map(header: Sequence[str], columns: Sequence[Column]) -> dict[str, int]:
    names = [h.strip().casefold() for h in header]
    positions: dict[str, int] = {}
    missing = []
    for column in columns:
        found = [names.index(h.casefold()) for h in column.headers if h.casefold() in names]
        if found:
            positions[column.key] = found[0]
        elif column.required:
            missing.append(column.label)
    if missing:
        raise TableError(
            _("Row 1 lacks the column(s) %(missing)s. Expected: %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ", ".join(c.label for c in columns)}
        )
    return positions


def check_table(
    rows: Iterator[list[str]],
    columns: Sequence[Column],
    check_row: Callable[[dict[str, Any]], list[tuple[str, str]]] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Checked:
    """Read every row, convert each cell, and collect every problem with its row and column.

    `check_row` sees a row whose cells all converted and returns (column, reason) pairs for
    rules that span cells. Blank rows are skipped.
    """
    header = next(rows, None)
    if header is None or not any(header):
        raise TableError(_("The file is empty: row 1 must name the columns."))
    positions = _header_map(header, columns)
    checked = Checked()
    for number, cells in enumerate(rows, start=2):
        if not any(cells):
            continue
        checked.total += 1
        values, errors = _read_row(cells, columns, positions)
        if not errors and check_row is not None:
            errors = check_row(values)
        if errors:
            checked.add_errors([RowError(number, column, reason) for column, reason in errors])
        else:
            checked.rows.append((number, values))
        if progress is not None and checked.total % 1000 == 0:
            progress(checked.total)
    checked.finish()
    return checked


def _read_row(
    cells: list[str], columns: Sequence[Column], positions: dict[str, int]
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    values: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    for column in columns:
        position = positions.get(column.key)
        text = cells[position] if position is not None and position < len(cells) else ""
        if not text:
            if column.required:
                errors.append((column.label, _("a value is required")))
            values[column.key] = None
            continue
        try:
            values[column.key] = column.read(text)
        except CellError as error:
            errors.append((column.label, str(error)))
    return values, errors


# Cell readers shared by the imports. Swedish files write "1 234,5"; both forms are read.


def read_integer(text: str) -> int:
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    try:
        value = int(cleaned)
    except ValueError:
        raise CellError(_("%s is not a whole number") % repr(text)) from None
    if value < 0:
        raise CellError(_("%s is negative") % repr(text))
    return value


def read_decimal(text: str) -> Decimal:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").rstrip("%")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise CellError(_("%s is not a number") % repr(text)) from None
    if not value.is_finite() or value < 0:
        raise CellError(_("%s is not a number of zero or more") % repr(text))
    return value


def read_date(text: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise CellError(_("%s is not a date written as YYYY-MM-DD") % repr(text)) from None


def read_text(limit: int) -> Callable[[str], str]:
    def read(text: str) -> str:
        # Stored as it reads: without the control characters spreadsheets carry unseen.
        text = without_controls(text)
        if len(text) > limit:
            raise CellError(_("longer than %s characters") % limit)
        return text

    return read


def read_boolean(text: str) -> bool:
    value = text.casefold()
    if value in ("ja", "j", "yes", "y", "true", "1", "x"):
        return True
    if value in ("nej", "n", "no", "false", "0"):
        return False
    raise CellError(_("%s is neither ja nor nej") % repr(text))


def read_choice(choices: Any) -> Callable[[str], str]:
    """Read a TextChoices value given as its code or as its label in Swedish or English."""
    names: dict[str, str] = {}

    def read(text: str) -> str:
        if not names:
            from django.utils import translation

            for language in ("en", "sv"):
                with translation.override(language):
                    names.update({str(label).casefold(): v for v, label in choices.choices})
            names.update({str(v).casefold(): str(v) for v in choices.values})
        try:
            return names[text.strip().casefold()]
        except KeyError:
            allowed = ", ".join(str(label) for _value, label in choices.choices)
            raise CellError(
                _("%(text)s is not one of the allowed values: %(allowed)s")
                % {"text": repr(text), "allowed": allowed}
            ) from None

    return read
