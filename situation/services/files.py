"""Importing evidence from CSV and XLSX files: crime statistics, survey results, complaints.

The whole file is checked first. With any error nothing is stored, unless the caller chose to
keep the valid rows; the report then lists exactly which rows were stored and which were not.
Importing the same file again adds nothing: statistics and survey results are updated in
place by their key, and a complaint already stored (same municipality, date and text) is
skipped.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import pagecache
from imports.models import FileImport, FileImportStatus
from imports.tabular import (
    CellError,
    Checked,
    Column,
    RowError,
    TableError,
    check_table,
    read_boolean,
    read_choice,
    read_date,
    read_decimal,
    read_integer,
    read_rows,
    read_text,
    unpacked_bytes,
)
from lib.classify import classify
from lib.periods import evidence_years, happened_dates
from lib.personal_data import kinds_found
from places.models import District, Municipality
from situation.models import Complaint, CrimeStatistic, SurveyResult
from situation.vocabularies import (
    IMPLAUSIBLE,
    MOST_PER_100K,
    MOST_REPORTED_CRIMES,
    Channel,
    Problem,
    Receiver,
)

# Suggestions below this confidence leave a statistic's problem empty rather than guess.
CATEGORY_CONFIDENCE = 0.5


@dataclass
class FileImportReport:
    """What an import found and did, row by row."""

    kind: str
    file_name: str
    total: int = 0
    # The first ERRORS_KEPT errors; how many more there were; every row with an error.
    errors: list[RowError] = field(default_factory=list)
    errors_left_out: int = 0
    bad_rows: set[int] = field(default_factory=set)
    stored: bool = False
    kept_rows: list[int] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Per kind of record, the ids storing created; and the values it replaced, as
    # [kind, id, {field: old value}], so that the import can be undone.
    created_pks: dict[str, list[int]] = field(default_factory=dict)
    replaced: list[list[Any]] = field(default_factory=list)
    # For the user, before storing: [row, record, [[field, old, new], ...]].
    replacements: list[list[Any]] = field(default_factory=list)
    # Cells that seem to hold personal data, as [row, column, [kind, ...]]: storing them
    # needs the user's confirmation. The values themselves are not repeated.
    personal_data: list[list[Any]] = field(default_factory=list)

    @property
    def personal_data_rows(self) -> list[int]:
        return sorted({row for row, _column, _kinds in self.personal_data})

    @property
    def skipped_rows(self) -> list[int]:
        return sorted(self.bad_rows | {e.row for e in self.errors})

    def summary(self) -> str:
        """What was read and stored, in sentences whose counts agree with their nouns."""
        bad = len(self.skipped_rows)
        read = ngettext("%(count)s row was read.", "%(count)s rows were read.", self.total)
        parts = [f"{self.file_name}:", read % {"count": self.total}]
        if not self.stored:
            parts.append(_("Nothing was stored."))
        else:
            kept = len(self.kept_rows)
            stored = ngettext("%(count)s row was stored.", "%(count)s rows were stored.", kept)
            parts.append(stored % {"count": kept})
            parts.append(
                _("New: %(created)s, updated: %(updated)s, already stored: %(unchanged)s.")
                % {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}
            )
        if self.personal_data and not self.stored:
            parts.append(
                _("Rows %(rows)s seem to hold personal data; storing them must be confirmed.")
                % {"rows": ", ".join(str(row) for row in self.personal_data_rows)}
            )
        if bad:
            parts.append(
                ngettext(
                    "%(count)s row with errors was not stored.",
                    "%(count)s rows with errors were not stored.",
                    bad,
                )
                % {"count": bad}
            )
        return " ".join(parts)


class _Places:
    """Municipalities by code or name, within what the importer may change."""

    def __init__(self, allowed: set[int] | None) -> None:
        self.by_key: dict[str, Municipality] = {}
        for municipality in Municipality.objects.all():
            self.by_key[municipality.code] = municipality
            self.by_key[municipality.name.casefold()] = municipality
        self.allowed = allowed
        self.districts = {(d.municipality_id, d.name.casefold()): d for d in District.objects.all()}

    def municipality(self, text: str) -> Municipality:
        found = self.by_key.get(text.strip().casefold()) or self.by_key.get(text.strip())
        if found is None:
            raise CellError(_("no municipality is called or numbered %s") % repr(text))
        if self.allowed is not None and found.pk not in self.allowed:
            raise CellError(_("you may not import evidence for %s") % found.name)
        return found


def _year(text: str) -> int:
    year = read_integer(text)
    first, last = evidence_years(timezone.localdate())
    if not first <= year <= last:
        raise CellError(
            _("%(text)s is not a year between %(first)s and %(last)s")
            % {"text": repr(text), "first": first, "last": last}
        )
    return year


def _happened_on(text: str) -> date:
    """The day of a complaint: a date that is neither in the future nor before the records."""
    day = read_date(text)
    first, last = happened_dates(timezone.localdate())
    if not first <= day <= last:
        raise CellError(
            _("%(text)s is not a date between %(first)s and today, %(last)s")
            % {"text": repr(text), "first": first.isoformat(), "last": last.isoformat()}
        )
    return day


def _at_most(read: Callable[[str], Any], limit: int) -> Callable[[str], Any]:
    """A reader of a count that refuses a value above its plausible bound (see
    situation/vocabularies.py): a typing error must not be published."""

    def checked(text: str) -> Any:
        value = read(text)
        if value < 0:
            raise CellError(_("%s is negative") % repr(text))
        if value > limit:
            raise CellError(IMPLAUSIBLE % {"value": repr(text), "limit_value": limit})
        return value

    return checked


def _share(text: str) -> Any:
    value = read_decimal(text)
    if value > 100:
        raise CellError(_("%s is more than 100") % repr(text))
    return value


def _columns(read_municipality: Callable[[str], Any], kind: str) -> list[Column]:
    municipality = Column(
        "municipality",
        ("kommun", "municipality"),
        read_municipality,
        meaning=_("the municipality's name or its four-digit code"),
    )
    problem = Column(
        "problem",
        ("problem",),
        read_choice(Problem),
        required=False,
        meaning=_("left empty, the problem is suggested from the text"),
        allowed=Problem,
    )
    year = Column("year", ("år", "year"), _year, meaning=_("a year, such as 2016"))
    if kind == "crime_statistics":
        return [
            municipality,
            year,
            Column("category", ("brottskategori", "category"), read_text(200)),
            Column(
                "reported",
                ("antal", "reported"),
                _at_most(read_integer, MOST_REPORTED_CRIMES),
                meaning=_("a whole number from 0 to %s") % MOST_REPORTED_CRIMES,
            ),
            Column(
                "per_100k",
                ("per_100000", "per 100 000", "per_100k"),
                _at_most(read_decimal, MOST_PER_100K),
                required=False,
                meaning=_("a number from 0 to %s, such as 12,5") % MOST_PER_100K,
            ),
            problem,
        ]
    if kind == "survey_results":
        share = _("a share from 0 to 100; give a share, an index or both")
        return [
            municipality,
            Column("area", ("område", "area"), read_text(150), required=False),
            year,
            Column("question", ("fråga", "question"), read_text(300)),
            Column("share", ("andel", "share"), _share, required=False, meaning=share),
            Column("index", ("index",), _share, required=False, meaning=share),
            problem,
        ]
    return [
        municipality,
        Column(
            "received_on", ("datum", "date"), _happened_on, meaning=_("a date, such as 2016-03-31")
        ),
        Column("text", ("text",), read_text(10_000), meaning=_("never public")),
        Column(
            "receiver",
            ("mottagare", "receiver"),
            read_choice(Receiver),
            required=False,
            allowed=Receiver,
        ),
        Column(
            "channel", ("kanal", "channel"), read_choice(Channel), required=False, allowed=Channel
        ),
        Column("place", ("plats", "place"), read_text(200), required=False),
        Column(
            "district",
            ("område", "district"),
            read_text(150),
            required=False,
            meaning=_("a district the municipality already has"),
        ),
        Column("latitude", ("lat", "latitude"), read_decimal, required=False),
        Column("longitude", ("lng", "lon", "longitude"), read_decimal, required=False),
        Column(
            "may_show_anonymised",
            ("får visas", "may_show_anonymised"),
            read_boolean,
            required=False,
            meaning=_("ja or nej"),
        ),
        problem,
    ]


def import_columns(kind: str) -> list[Column]:
    """The columns a file of the given kind has, for the guide shown to users."""
    return _columns(read_text(100), kind)


def _row_rules(kind: str, places: _Places) -> Callable[[dict[str, Any]], list[tuple[str, str]]]:
    def check(values: dict[str, Any]) -> list[tuple[str, str]]:
        errors: list[tuple[str, str]] = []
        if kind == "survey_results" and values["share"] is None and values["index"] is None:
            errors.append(("andel", _("give a share, an index or both")))
        if kind == "complaints":
            errors += _complaint_rules(values, places)
        return errors

    return check


def _complaint_rules(values: dict[str, Any], places: _Places) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if (values["latitude"] is None) != (values["longitude"] is None):
        errors.append(("lat", _("give both lat and lng, or neither")))
    elif values["latitude"] is not None:
        error = values["municipality"].place_error(
            float(values["latitude"]), float(values["longitude"])
        )
        if error:
            errors.append(("lat", error))
    if values["district"]:
        key = (values["municipality"].pk, values["district"].casefold())
        district = places.districts.get(key)
        if district is None:
            errors.append(
                (
                    "område",
                    _("%(municipality)s has no district called %(name)s")
                    % {"municipality": values["municipality"].name, "name": values["district"]},
                )
            )
        values["district"] = district
    return errors


def _duplicates(checked: Checked, kind: str) -> None:
    """A key given twice in one file is an error on its second row."""
    key_fields = {
        "crime_statistics": ("municipality", "year", "category"),
        "survey_results": ("municipality", "area", "year", "question"),
        "complaints": ("municipality", "received_on", "text"),
    }[kind]
    seen: dict[tuple[Any, ...], int] = {}
    kept = []
    repeated = []
    for number, values in checked.rows:
        key = tuple(
            str(values[k] or "").casefold() if k != "municipality" else values[k].pk
            for k in key_fields
        )
        if key in seen:
            repeated.append(RowError(number, "", _("the same as row %s") % seen[key]))
            continue
        seen[key] = number
        kept.append((number, values))
    checked.rows = kept
    checked.add_errors(repeated)
    checked.finish()


def file_import(
    *,
    kind: str,
    file_name: str,
    data: bytes,
    by: Any = None,
    allowed_municipalities: set[int] | None = None,
    keep_valid: bool = False,
    dry_run: bool = False,
    personal_data_confirmed: bool = False,
    progress: Callable[[int], None] | None = None,
) -> FileImportReport:
    """Check a whole evidence file and store it: all rows, or with `keep_valid` the good ones.
    Rows that seem to hold personal data are stored only with `personal_data_confirmed`.

    Raises imports.tabular.TableError when the file as a whole cannot be read.
    """
    if kind not in IMPORT_KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    places = _Places(allowed_municipalities)
    columns = _columns(places.municipality, kind)
    checked = check_table(read_rows(file_name, data), columns, _row_rules(kind, places), progress)
    _duplicates(checked, kind)
    report = FileImportReport(kind=kind, file_name=file_name, total=checked.total)
    report.errors = checked.errors
    report.errors_left_out = checked.errors_left_out
    report.bad_rows = checked.bad_rows
    if kind == "complaints":
        report.personal_data = _personal_data(checked.rows, columns)
    if dry_run and checked.rows:
        # Tell what storing the valid rows would do, writing nothing.
        IMPORT_KINDS[kind](checked.rows, report, by, True)
    if dry_run or (checked.errors and not keep_valid) or not checked.rows:
        return report
    if report.personal_data and not personal_data_confirmed:
        return report
    with transaction.atomic():
        IMPORT_KINDS[kind](checked.rows, report, by, False)
        pagecache.changed(*sorted({values["municipality"].slug for _n, values in checked.rows}))
    report.stored = True
    report.kept_rows = [number for number, _values in checked.rows]
    return report


# The complaint columns whose free text is checked for personal data.
PERSONAL_DATA_COLUMNS = ("text", "place")


def _personal_data(
    rows: Iterable[tuple[int, dict[str, Any]]], columns: list[Column]
) -> list[list[Any]]:
    """Which valid rows hold what looks like personal data, in which column and of what kind."""
    labels = {column.key: column.label for column in columns}
    found = []
    for number, values in rows:
        for key in PERSONAL_DATA_COLUMNS:
            kinds = kinds_found(values.get(key) or "")
            if kinds:
                found.append([number, labels[key], [str(kind) for kind in kinds]])
    return found


def _problem_of(values: dict[str, Any], text: str, threshold: float) -> str:
    if values.get("problem"):
        return str(values["problem"])
    suggestion = classify(text)
    return suggestion.problem if suggestion.confidence >= threshold else ""


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


# Replacements listed on the check step; the count says how many there are in all.
PREVIEW_LIMIT = 500


def _shown(model: Any, name: str, *values: Any) -> list[str]:
    """A field's name and values as the user reads them: labels, not codes."""
    field = model._meta.get_field(name)
    labels = dict(field.choices or ())
    shown = ["–" if v in (None, "") else str(labels.get(v, v)).replace(".", ",") for v in values]
    return [str(field.verbose_name), *shown]


def _store_keyed(
    model: Any,
    rows: Iterable[tuple[int, dict[str, Any]]],
    key_fields: tuple[str, ...],
    value_fields: tuple[str, ...],
    report: FileImportReport,
    *,
    dry_run: bool = False,
) -> None:
    """Add the rows whose key is new and update those whose values differ; with `dry_run`
    only tell, in the report, what storing would do."""
    rows = list(rows)
    municipalities = {values["municipality"].pk for _n, values in rows}
    existing = {
        tuple(
            getattr(obj, f if f != "municipality" else "municipality_id") for f in key_fields
        ): obj
        for obj in model.objects.filter(municipality_id__in=municipalities)
    }
    new, changed = [], []
    for number, values in rows:
        key = tuple(values[f].pk if f == "municipality" else (values[f] or "") for f in key_fields)
        obj = existing.get(key)
        if obj is None:
            new.append(model(**{f: values[f] for f in key_fields + value_fields}))
            continue
        differing = [f for f in value_fields if getattr(obj, f) != values[f]]
        if not differing:
            report.unchanged += 1
            continue
        old = {f: _plain(getattr(obj, f)) for f in value_fields}
        report.replaced.append([model.evidence_kind, obj.pk, old])
        if len(report.replacements) < PREVIEW_LIMIT:
            report.replacements.append(
                [
                    number,
                    str(obj),
                    [[*_shown(model, f, getattr(obj, f), values[f])] for f in differing],
                ]
            )
        for f in value_fields:
            setattr(obj, f, values[f])
        changed.append(obj)
    report.created += len(new)
    report.updated += len(changed)
    if dry_run:
        return
    model.objects.bulk_create(new, batch_size=1000)
    model.objects.bulk_update(changed, list(value_fields), batch_size=1000)
    report.created_pks.setdefault(model.evidence_kind, []).extend(obj.pk for obj in new)


def _store_crime_statistics(
    rows: list[tuple[int, dict[str, Any]]], report: FileImportReport, by: Any, dry_run: bool
) -> None:
    for _number, values in rows:
        values["problem"] = _problem_of(values, values["category"], CATEGORY_CONFIDENCE)
    _store_keyed(
        CrimeStatistic,
        rows,
        ("municipality", "year", "category"),
        ("reported", "per_100k", "problem"),
        report,
        dry_run=dry_run,
    )


def _store_survey_results(
    rows: list[tuple[int, dict[str, Any]]], report: FileImportReport, by: Any, dry_run: bool
) -> None:
    for _number, values in rows:
        values["problem"] = _problem_of(values, values["question"], CATEGORY_CONFIDENCE)
        values["area"] = values["area"] or ""
    _store_keyed(
        SurveyResult,
        rows,
        ("municipality", "area", "year", "question"),
        ("share", "index", "problem"),
        report,
        dry_run=dry_run,
    )


def _store_complaints(
    rows: list[tuple[int, dict[str, Any]]], report: FileImportReport, by: Any, dry_run: bool
) -> None:
    municipalities = {values["municipality"].pk for _n, values in rows}
    stored = set(
        Complaint.objects.filter(municipality_id__in=municipalities).values_list(
            "municipality_id", "received_on", "text"
        )
    )
    new = []
    for _number, values in rows:
        key = (values["municipality"].pk, values["received_on"], values["text"])
        if key in stored:
            report.unchanged += 1
            continue
        suggestion = classify(values["text"])
        new.append(
            Complaint(
                municipality=values["municipality"],
                district=values["district"],
                received_on=values["received_on"],
                text=values["text"],
                receiver=values["receiver"] or Receiver.POLICE,
                channel=values["channel"] or Channel.OTHER,
                place=values["place"] or "",
                latitude=float(values["latitude"]) if values["latitude"] is not None else None,
                longitude=float(values["longitude"]) if values["longitude"] is not None else None,
                may_show_anonymised=bool(values["may_show_anonymised"]),
                problem=values["problem"] or suggestion.problem,
                suggested_problem=suggestion.problem,
                suggested_confidence=suggestion.confidence,
                created_by=by,
            )
        )
    report.created += len(new)
    if dry_run:
        return
    Complaint.objects.bulk_create(new, batch_size=1000)
    report.created_pks.setdefault("complaint", []).extend(c.pk for c in new)


IMPORT_KINDS: dict[
    str, Callable[[list[tuple[int, dict[str, Any]]], FileImportReport, Any, bool], None]
]
IMPORT_KINDS = {
    "crime_statistics": _store_crime_statistics,
    "survey_results": _store_survey_results,
    "complaints": _store_complaints,
}


# Files that unpack to at most this many bytes are checked and stored while the user waits;
# larger ones by the background worker, with the page showing how far it has come. An .xlsx
# is judged by what it unpacks to, not by its packed size.
INLINE_LIMIT_BYTES = 1_000_000

# An import in these states can be cancelled: its file is then forgotten. A check or store
# that died (a killed worker, a timed-out request) leaves its import checking or storing.
CANCELLABLE = (
    FileImportStatus.CHECKING,
    FileImportStatus.CHECKED,
    FileImportStatus.STORING,
    FileImportStatus.FAILED,
)


def _inline(run: FileImport) -> bool:
    return unpacked_bytes(run.file_name, bytes(run.data or b"")) <= INLINE_LIMIT_BYTES


def _estimated_rows(file_name: str, data: bytes) -> int:
    if file_name.lower().endswith(".xlsx"):
        return 0
    return max(0, data.count(b"\n") - 1 + (not data.endswith(b"\n")))


def file_import_start(
    *, municipality: Municipality, kind: str, file_name: str, data: bytes, by: Any
) -> FileImport:
    """Keep an uploaded file and check it: at once when small, else in the background."""
    if kind not in IMPORT_KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    run = FileImport.objects.create(
        kind=kind,
        municipality=municipality,
        file_name=file_name[:255],
        data=data,
        total_rows=_estimated_rows(file_name, data),
        created_by=by,
    )
    if _inline(run):
        file_import_check(run=run)
    else:
        from situation.tasks import evidence_file_check

        evidence_file_check.enqueue(run.pk)
    return run


def file_import_check(*, run: FileImport) -> None:
    """Check every row of the kept file, storing nothing; record the errors found (the first
    ERRORS_KEPT, and how many more). An import cancelled meanwhile is left as it is."""

    def progress(count: int) -> None:
        FileImport.objects.filter(pk=run.pk).update(checked_rows=count)

    if run.status != FileImportStatus.CHECKING or run.data is None:
        return
    values: dict[str, Any]
    try:
        report = file_import(
            kind=run.kind,
            file_name=run.file_name,
            data=bytes(run.data),
            allowed_municipalities={run.municipality_id},
            dry_run=True,
            progress=progress,
        )
    except TableError as error:
        values = {"status": FileImportStatus.FAILED, "summary": str(error), "data": None}
    else:
        values = {
            "status": FileImportStatus.CHECKED,
            "total_rows": report.total,
            "checked_rows": report.total,
            "errors": [[e.row, e.column, e.reason] for e in report.errors],
            "errors_left_out": report.errors_left_out,
            "rows_with_errors": len(report.skipped_rows),
            "preview": {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "replacements": report.replacements,
                "personal_data": report.personal_data,
            },
        }
        if not report.total:
            values["status"], values["data"] = FileImportStatus.FAILED, None
            values["summary"] = _(
                "The file has no rows under its column names, so there is nothing to store. "
                "Fill in at least one row and upload it again."
            )
    # Only a check still under way records its outcome: one cancelled meanwhile stays so.
    if FileImport.objects.filter(pk=run.pk, status=FileImportStatus.CHECKING).update(**values):
        run.refresh_from_db()


def _move_on(run: FileImport, status: str, *, from_states: Any = None, **values: Any) -> None:
    """Take a checked file to `status`, once: of two clicks at the same moment (two tabs, a
    double click) only one still finds it checked; the other is told it was dealt with."""
    states = from_states or (FileImportStatus.CHECKED,)
    moved = FileImport.objects.filter(pk=run.pk, status__in=states).update(status=status, **values)
    if not moved:
        raise ValidationError(_("This file has already been dealt with."))
    run.refresh_from_db()


def file_import_cancel(*, run: FileImport) -> None:
    """Cancel an import that is not stored, whatever became of its check or store, and forget
    its file. A store still running holds its import's row until it ends (see
    file_import_store), so a cancel then finds it stored and is refused."""
    _move_on(run, FileImportStatus.CANCELLED, from_states=CANCELLABLE, data=None)


def file_import_decide(
    *, run: FileImport, action: str, by: Any, personal_data_confirmed: bool = False
) -> None:
    """The user's decision on a checked file: store all, keep the valid rows, or cancel.
    Rows that seem to hold personal data are stored only when the user confirmed it."""
    if action == "cancel":
        file_import_cancel(run=run)
        return
    if run.status != FileImportStatus.CHECKED:
        raise ValidationError(_("This file has already been dealt with."))
    flagged = sorted({row for row, _column, _kinds in (run.preview or {}).get("personal_data", [])})
    if flagged and not personal_data_confirmed:
        raise ValidationError(
            _(
                "Some rows seem to hold personal data. Remove it from the file and upload it "
                "again, or tick the box that it is needed."
            )
        )
    if flagged:
        run.summary = _("Personal data in rows %(rows)s was confirmed as needed.") % {
            "rows": ", ".join(str(row) for row in flagged)
        }
    if action != "cancel" and run.bad_rows >= run.total_rows:
        raise ValidationError(_("No row is correct, so nothing can be stored."))
    if action == "store_all" and run.errors:
        raise ValidationError(_("The file has errors: correct them, or keep only the valid rows."))
    _move_on(run, FileImportStatus.STORING, summary=run.summary)
    keep_valid = action == "keep_valid"
    if _inline(run):
        try:
            file_import_store(run=run, keep_valid=keep_valid, by=by)
        except BaseException:
            # Nothing was stored (the store is one transaction): the file is checked again.
            FileImport.objects.filter(pk=run.pk, status=FileImportStatus.STORING).update(
                status=FileImportStatus.CHECKED
            )
            raise
    else:
        from situation.tasks import evidence_file_store

        evidence_file_store.enqueue(run.pk, keep_valid)


def file_import_store(*, run: FileImport, keep_valid: bool, by: Any) -> None:
    """Store the checked file's rows (all, or the valid ones) and forget the file.

    The import's row stays locked until the rows are stored, so that a cancel cannot slip in
    between; an import cancelled before the store began is left as it is.
    """
    with transaction.atomic():
        locked = FileImport.objects.select_for_update().filter(pk=run.pk).first()
        if locked is None or locked.status != FileImportStatus.STORING or locked.data is None:
            return
        run.data = locked.data
        report = file_import(
            kind=run.kind,
            file_name=run.file_name,
            data=bytes(run.data),
            by=by,
            allowed_municipalities={run.municipality_id},
            keep_valid=keep_valid,
            # The user confirmed any personal data when deciding (file_import_decide).
            personal_data_confirmed=True,
        )
        _stored(run, report)


def _stored(run: FileImport, report: FileImportReport) -> None:
    run.status = FileImportStatus.STORED if report.stored else FileImportStatus.CHECKED
    # The confirmation of personal data, if any, stays beside what was stored.
    run.summary = " ".join(part for part in (report.summary(), run.summary) if part)
    if report.stored:
        run.stored_changes = {"created": report.created_pks, "replaced": report.replaced}
    run.data = None if report.stored else run.data
    run.save()
