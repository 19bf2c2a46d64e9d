"""Reads of the situation picture that need care: the ranking, the records behind each figure,
the reasons behind promises and the map."""

from situation.selectors.maps import MAP_SOURCES, map_features, quarter_bounds
from situation.selectors.picture import (
    COUNTED_SOURCES,
    SMALL_COUNT,
    Effect,
    Picture,
    ProblemRow,
    by_quarter,
    effects,
    evidence_of_year,
    evidence_years,
    is_published,
    public_figure,
    published_years,
    records_behind,
    situation_picture,
    year_picture,
)
from situation.selectors.reasons import (
    Reason,
    Why,
    answering_promises,
    evidence_year,
    promise_why,
)

__all__ = [
    "COUNTED_SOURCES",
    "SMALL_COUNT",
    "Effect",
    "MAP_SOURCES",
    "Picture",
    "ProblemRow",
    "Reason",
    "Why",
    "answering_promises",
    "by_quarter",
    "effects",
    "evidence_of_year",
    "evidence_year",
    "evidence_years",
    "is_published",
    "map_features",
    "promise_why",
    "public_figure",
    "published_years",
    "quarter_bounds",
    "records_behind",
    "situation_picture",
    "year_picture",
]
