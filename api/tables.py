"""The open data as CSV tables, one row per thing, for spreadsheets and for those who prefer
files to an API. Each table is an API output laid flat: its columns name the output's
fields (`api.schemas`) and its rows come from the functions that build the API's answers
(`api.outputs`), built without links, as a table has no link columns. Filters: municipality
and year."""

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from django.db.models import QuerySet

from api import outputs, schemas, selectors
from situation.vocabularies import Source

Reader = Callable[[str, int | None], Iterable[Mapping[str, Any]]]
Row = list[Any]
Cell = Callable[[Mapping[str, Any]], object]


@dataclass(frozen=True)
class Table:
    """A CSV table of one API output (`output`, the schema the tests check the columns
    against), read by `read`.

    `columns` names each column and where its value is in the output: field names joined by
    dots. `each` is the list field (dotted for a list in a list's items) that the table has
    one row per item of; in a column's path it stands for that item, and a dict's entries
    are items with a `key` and a `value`. Columns read from the output come before those
    read from its items. A value is written as it is (None as empty) unless `write` says
    how."""

    output: type
    read: Reader
    columns: dict[str, str]
    each: str = ""
    write: dict[str, Callable[[Any], object]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        depths = [self._depth(path) for path in self.columns.values()]
        if depths != sorted(depths):
            raise ValueError(f"{self.header}: the output's columns must come before its items'")

    @property
    def header(self) -> list[str]:
        return list(self.columns)

    def __call__(self, municipality: str, year: int | None) -> tuple[list[str], Iterator[Row]]:
        """The header and the rows, of a municipality (slug) and a year if named."""
        return self.header, self._rows(municipality, year)

    def _depth(self, path: str) -> int:
        """How many of the `each` lists the path goes through."""
        levels = self.each.split(".") if self.each else []
        names = path.split(".")
        depth = 0
        while depth < len(levels) and names[: depth + 1] == levels[: depth + 1]:
            depth += 1
        return depth

    def _rows(self, municipality: str, year: int | None) -> Iterator[Row]:
        levels = self.each.split(".") if self.each else []
        # The cells of each level, read from the output or from an item of that level.
        cells: list[list[Cell]] = [[] for _ in range(len(levels) + 1)]
        for name, path in self.columns.items():
            depth = self._depth(path)
            cells[depth].append(_cell(path.split(".")[depth:], self.write.get(name)))
        for output in self.read(municipality, year):
            yield from _flat(output, levels, cells, [])


def _flat(
    value: Mapping[str, Any], levels: list[str], cells: list[list[Cell]], before: Row
) -> list[Row]:
    """The rows of `value`: its own cells after those `before` it, then one row per item of
    its list at `levels` (a dict's entries as items with a key and a value)."""
    row = before + [cell(value) for cell in cells[0]]
    if not levels:
        return [row]
    items = value[levels[0]]
    if isinstance(items, Mapping):
        items = [{"key": key, "value": item} for key, item in items.items()]
    rows = []
    for item in items:
        rows += _flat(item, levels[1:], cells[1:], row)
    return rows


def _cell(names: list[str], write: Callable[[Any], object] | None) -> Cell:
    """What a column reads: the value at the path of field names, written as `write` says."""
    if len(names) == 1 and write is None:
        return itemgetter(names[0])

    def cell(value: Any) -> object:
        for name in names:
            value = value[name]
        return value if write is None else write(value)

    return cell


class _NoData:
    """A situation figure of a source with no records at all for the picture's period: an
    empty cell marked `no_data`, neither 0 nor withheld."""


NO_DATA = _NoData()


def _decimal_comma(figure: float | _NoData | None) -> str:
    if figure is None or figure is NO_DATA:
        return ""
    return f"{figure:g}".replace(".", ",")


def _withheld(figure: float | _NoData | None) -> str:
    return "yes" if figure is None else ""


def _no_data(figure: float | _NoData | None) -> str:
    return "yes" if figure is NO_DATA else ""


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _given(size: int | None) -> int | str:
    # An audience of none is not given.
    return size or ""


def _rate_part(name: str) -> Callable[[Mapping[str, Any] | None], object]:
    """A column of an activity's rate: its count or its period, empty without a rate."""

    def part(rate: Mapping[str, Any] | None) -> object:
        return "" if rate is None else rate[name]

    return part


# Readers: the outputs a table lays flat, in id order


def _filtered(items: QuerySet[Any], prefix: str, municipality: str, year: int | None) -> Any:
    return selectors.in_place_and_year(items, prefix, municipality, year).order_by("pk")


class PromiseRow(schemas.PromiseOut):
    """A promise as its table reads it: the API's output and its municipality's code, which
    the API names by slug and name only."""

    municipality_code: str


def _promises(municipality: str, year: int | None) -> Iterator[PromiseRow]:
    """Public promises with their commitments and activities, a few hundred at a time."""
    items = list(_filtered(selectors.promises(), "", municipality, year))
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        found = outputs.promises_out(outputs.no_links, chunk)
        for promise, output in zip(chunk, found, strict=True):
            yield {**output, "municipality_code": promise.municipality.code}


def _follow_ups(municipality: str, year: int | None) -> list[schemas.FollowUpOut]:
    items = _filtered(selectors.follow_ups(), "promise__", municipality, year)
    return outputs.follow_ups_out(outputs.no_links, list(items))


def _evaluations(municipality: str, year: int | None) -> list[schemas.EvaluationOut]:
    items = _filtered(selectors.evaluations(), "promise__", municipality, year)
    return outputs.evaluations_out(outputs.no_links, list(items))


def _pictures(municipality: str, year: int | None) -> Iterator[dict[str, Any]]:
    """A municipality's published pictures, each computed on request."""
    pictures = selectors.published_pictures().filter(municipality__slug=municipality)
    if year:
        pictures = pictures.filter(year=year)
    for published in pictures.order_by("year"):
        yield _with_no_data(outputs.picture_out(published))


def _with_no_data(picture: schemas.PictureOut) -> dict[str, Any]:
    """The picture with each problem's figures joined by its sources without data, so the
    table has a row, marked, where the API lists the source in `no_data_sources`."""
    missing = set(picture["no_data_sources"])
    problems = [
        {
            **problem,
            "figures": {
                source: problem["figures"].get(source, NO_DATA)
                for source in Source.values
                if source in problem["figures"] or source in missing
            },
        }
        for problem in picture["problems"]
    ]
    return {**picture, "problems": problems}


TABLES: dict[str, Table] = {
    "loften": Table(
        schemas.PromiseOut,
        _promises,
        columns={
            "promise_id": "id",
            "municipality_code": "municipality_code",
            "municipality": "municipality.name",
            "police_area": "police_area.name",
            "year": "year",
            "title": "title",
            "status": "status",
            "signed_on": "signed_on",
            "published_at": "published_at",
            "commitments": "commitments",
            "activities": "activities",
            # Added at the end, so existing readers keep their columns: what the page says
            # of the promise's year (running, ended, planned), and who withdrew it.
            "phase": "phase",
            "withdrawn_by": "withdrawn_by",
        },
        write={"commitments": len, "activities": len},
    ),
    "aktiviteter": Table(
        schemas.PromiseOut,
        _promises,
        each="activities",
        columns={
            "promise_id": "id",
            "municipality": "municipality.name",
            "year": "year",
            "activity_id": "activities.id",
            "kind": "activities.kind",
            "description": "activities.description",
            "target": "activities.target",
            "unit": "activities.unit",
            "done": "activities.done",
            "pace": "activities.pace",
            "last_done_on": "activities.last_done_on",
            "reached": "activities.reached",
            "audience_size": "activities.audience_size",
            "measures_reach": "activities.measures_reach",
            # Added later, so after the columns first published.
            "rate_count": "activities.rate",
            "rate_per": "activities.rate",
            "minimum": "activities.minimum",
        },
        write={
            "rate_count": _rate_part("count"),
            "rate_per": _rate_part("per"),
            "minimum": _yes_no,
            "audience_size": _given,
            "measures_reach": _yes_no,
        },
    ),
    "uppfoljningar": Table(
        schemas.FollowUpOut,
        _follow_ups,
        each="activities",
        columns={
            "follow_up_id": "id",
            "municipality": "municipality.name",
            "year": "year",
            "period": "period",
            "period_start": "period_start",
            "period_end": "period_end",
            "activity_id": "activities.activity_id",
            "kind": "activities.kind",
            "done_in_period": "activities.done_in_period",
            "done_to_date": "activities.done_to_date",
            "target": "activities.target",
            "pace": "activities.pace",
            "comment": "activities.comment",
        },
    ),
    "utvarderingar": Table(
        schemas.EvaluationOut,
        _evaluations,
        each="activities",
        columns={
            "evaluation_id": "id",
            "municipality": "municipality.name",
            "year": "year",
            "activity_id": "activities.activity_id",
            "kind": "activities.kind",
            "done": "activities.done",
            "target": "activities.target",
            "pace": "activities.pace",
            "reached": "activities.reached",
            "audience_size": "activities.audience_size",
            "measures_reach": "activities.measures_reach",
        },
        write={"audience_size": _given, "measures_reach": _yes_no},
    ),
    # One row per problem and source; a withheld count is empty and marked `withheld`, a
    # source without records for the year is empty and marked `no_data`; a source with
    # records that counted none of a problem has no row, as in the API.
    "lagesbilder": Table(
        schemas.PictureOut,
        _pictures,
        each="problems.figures",
        columns={
            "municipality": "municipality.name",
            "year": "year",
            "rank": "problems.rank",
            "problem": "problems.problem",
            "source": "problems.figures.key",
            "figure": "problems.figures.value",
            "withheld": "problems.figures.value",
            "no_data": "problems.figures.value",
        },
        write={"figure": _decimal_comma, "withheld": _withheld, "no_data": _no_data},
    ),
}
# Tables computed per municipality, which must be named.
NEEDS_MUNICIPALITY = {"lagesbilder"}
