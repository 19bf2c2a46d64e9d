"""The open data as CSV tables, one row per thing, from the same reads as the API: for
spreadsheets and for those who prefer files to an API. Filters: municipality and year."""

from collections.abc import Callable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from api import selectors
from lib.pace import progress
from lib.periods import year_elapsed_share
from promises.models import CitizenPromise
from situation import selectors as situation_selectors
from situation.vocabularies import Source

Row = list[Any]
Table = tuple[list[str], Iterator[Row]]


def _filtered(items: QuerySet[Any], prefix: str, municipality: str, year: int | None) -> Any:
    return selectors.in_place_and_year(items, prefix, municipality, year).order_by("pk")


def _promises_with_parts(
    municipality: str, year: int | None
) -> Iterator[tuple[CitizenPromise, selectors.Parts]]:
    """Public promises with their commitments and activities, a few hundred at a time."""
    items = list(_filtered(selectors.promises(), "", municipality, year))
    for start in range(0, len(items), 500):
        chunk = items[start : start + 500]
        parts = selectors.parts_of(chunk)
        for promise in chunk:
            yield promise, parts[promise.pk]


def promises(municipality: str, year: int | None) -> Table:
    header = [
        "promise_id",
        "municipality_code",
        "municipality",
        "police_area",
        "year",
        "title",
        "status",
        "signed_on",
        "published_at",
        "commitments",
        "activities",
    ]

    def rows() -> Iterator[Row]:
        for p, parts in _promises_with_parts(municipality, year):
            yield [
                p.pk,
                p.municipality.code,
                p.municipality.name,
                p.police_area.name,
                p.year,
                p.title,
                p.status,
                p.signed_on or "",
                p.published_at or "",
                len(parts.commitments),
                len(parts.activities),
            ]

    return header, rows()


def activities(municipality: str, year: int | None) -> Table:
    header = [
        "promise_id",
        "municipality",
        "year",
        "activity_id",
        "kind",
        "description",
        "target",
        "unit",
        "done",
        "pace",
        "last_done_on",
        "reached",
        "audience_size",
    ]
    today = timezone.localdate()

    def rows() -> Iterator[Row]:
        for p, parts in _promises_with_parts(municipality, year):
            share = year_elapsed_share(p.year, today)
            for a in parts.activities:
                pace = progress(a.done_count, a.target, share).pace.value
                yield [
                    p.pk,
                    p.municipality.name,
                    p.year,
                    a.pk,
                    a.kind,
                    a.description,
                    "" if a.target is None else a.target,
                    a.unit,
                    a.done_count,
                    pace,
                    a.last_done_on or "",
                    a.reached_count,
                    a.audience_size or "",
                ]

    return header, rows()


def follow_ups(municipality: str, year: int | None) -> Table:
    header = [
        "follow_up_id",
        "municipality",
        "year",
        "period",
        "period_start",
        "period_end",
        "activity_id",
        "kind",
        "done_in_period",
        "done_to_date",
        "target",
        "pace",
        "comment",
    ]
    items = _filtered(selectors.follow_ups(), "promise__", municipality, year)

    def rows() -> Iterator[Row]:
        for f in items:
            for line in f.activities.all():
                yield [
                    f.pk,
                    f.promise.municipality.name,
                    f.promise.year,
                    f.number,
                    f.period_start,
                    f.period_end,
                    line.activity_id,
                    line.activity.kind,
                    line.done_in_period,
                    line.done_to_date,
                    line.target if line.target is not None else "",
                    line.pace,
                    line.comment,
                ]

    return header, rows()


def evaluations(municipality: str, year: int | None) -> Table:
    header = [
        "evaluation_id",
        "municipality",
        "year",
        "activity_id",
        "kind",
        "done",
        "target",
        "pace",
        "reached",
        "audience_size",
    ]
    items = _filtered(selectors.evaluations(), "promise__", municipality, year)

    def rows() -> Iterator[Row]:
        for e in items:
            for line in e.activities.all():
                yield [
                    e.pk,
                    e.promise.municipality.name,
                    e.promise.year,
                    line.activity_id,
                    line.activity.kind,
                    line.done,
                    line.target if line.target is not None else "",
                    line.pace,
                    line.reached,
                    line.audience_size or "",
                ]

    return header, rows()


def situation(municipality: str, year: int | None) -> Table:
    """Published pictures' figures: one row per problem and source (a withheld count is
    empty and marked). One municipality at a time: each picture is computed on request."""
    header = ["municipality", "year", "rank", "problem", "source", "figure", "withheld"]
    pictures = selectors.published_pictures().filter(municipality__slug=municipality)
    if year:
        pictures = pictures.filter(year=year)

    def rows() -> Iterator[Row]:
        for published in pictures.order_by("year"):
            picture = situation_selectors.year_picture(published.municipality, published.year)
            for rank, row in enumerate(picture.rows, start=1):
                for source in Source.values:
                    if source not in row.figures:
                        continue
                    shown = situation_selectors.public_figure(row.figures[source], source)
                    figure = "" if shown is None else f"{shown:g}".replace(".", ",")
                    yield [
                        published.municipality.name,
                        published.year,
                        rank,
                        row.problem,
                        source,
                        figure,
                        "yes" if shown is None else "",
                    ]

    return header, rows()


TABLES: dict[str, Callable[[str, int | None], Table]] = {
    "loften": promises,
    "aktiviteter": activities,
    "uppfoljningar": follow_ups,
    "utvarderingar": evaluations,
    "lagesbilder": situation,
}
# Tables computed per municipality, which must be named.
NEEDS_MUNICIPALITY = {"lagesbilder"}
