"""A published situation picture: its figures as frozen when it was published, and how the
evidence has changed since.

A published picture is a statement by the police and the municipality, so the public pages,
the API, its CSV and the printed documents show the figures as published. When evidence of
the year is added, corrected or withdrawn later, the figures stay; staff see which figures
now differ and may publish the picture again, which is audited.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from places.models import Municipality
from situation.labels import change_text, figure_text
from situation.models import PublishedPicture
from situation.selectors.picture import Picture, ProblemRow, _month_starts, year_picture
from situation.vocabularies import Problem, Source


def picture_figures(picture: Picture) -> dict[str, Any]:
    """A picture as plain JSON values, to be kept with its publication."""
    return {
        "start": picture.start.isoformat(),
        "end": picture.end.isoformat(),
        "previous_start": picture.previous_start.isoformat(),
        "rows": [
            {
                "problem": row.problem,
                "figures": row.figures,
                "seen_by": row.seen_by,
                "now": row.now,
                "before": row.before,
                "change": row.change,
                "score": row.score,
                "monthly": row.monthly,
            }
            for row in picture.rows
        ],
        "totals": picture.totals,
        "without_data": sorted(picture.without_data),
    }


def frozen_picture(published: PublishedPicture) -> Picture:
    """The picture exactly as it was published (labels in today's language)."""
    kept: dict[str, Any] = published.figures or picture_figures(
        year_picture(published.municipality, published.year)
    )
    start, end = date.fromisoformat(kept["start"]), date.fromisoformat(kept["end"])
    labels = dict(Problem.choices)
    picture = Picture(
        municipality=published.municipality,
        start=start,
        end=end,
        previous_start=date.fromisoformat(kept["previous_start"]),
        months=_month_starts(start, end),
        totals=dict(kept["totals"]),
        without_data=set(kept["without_data"]),
    )
    picture.rows = [
        ProblemRow(label=str(labels.get(row["problem"], row["problem"])), **row)
        for row in kept["rows"]
    ]
    return picture


def published_picture(municipality: Municipality, year: int) -> PublishedPicture | None:
    """The publication of a year's picture, or None when it is not public."""
    return (
        PublishedPicture.objects.filter(municipality=municipality, year=year)
        .select_related("municipality", "published_by", "updated_by")
        .first()
    )


@dataclass(frozen=True)
class FigureChange:
    """One figure of a published picture that the evidence no longer gives."""

    problem: str
    label: str
    column: str
    published: str
    now: str


def _row_texts(picture: Picture, row: ProblemRow | None) -> dict[str, str]:
    texts = {
        str(label): ("–" if row is None else figure_text(picture.figure(row, source)))
        for source, label in Source.choices
    }
    texts[_("Change")] = "–" if row is None else change_text(row.change)
    return texts


def figure_changes(published: Picture, now: Picture) -> list[FigureChange]:
    """The figures, per problem and column, that differ between the published picture and
    the picture the evidence gives now; in the published picture's order."""
    before = {row.problem: row for row in published.rows}
    after = {row.problem: row for row in now.rows}
    labels = dict(Problem.choices)
    found = []
    for problem in [*before, *(p for p in after if p not in before)]:
        old = _row_texts(published, before.get(problem))
        new = _row_texts(now, after.get(problem))
        found += [
            FigureChange(problem, str(labels.get(problem, problem)), column, old[column], value)
            for column, value in new.items()
            if old[column] != value
        ]
    return found


def evidence_changed(published: PublishedPicture) -> bool:
    """Whether the evidence now gives other figures than the ones published."""
    now = year_picture(published.municipality, published.year)
    return bool(figure_changes(frozen_picture(published), now))
