"""What the open data API returns: public facts only, never a person's text or contact.

Each output is declared here once, as a typed dict. `api.outputs` builds them (mypy holds
every built answer to its declaration), django-ninja describes them in the OpenAPI
description, and the CSV tables (`api.tables`) name their columns by these fields. A dict
is written out as it is built; a pydantic model would be validated or constructed field by
field on the way, which takes two to three times as long for a page of 200 promises."""

from datetime import date, datetime
from typing import Annotated, Any, Literal, NotRequired

from ninja import Schema
from pydantic import Field

# pydantic reads typed dicts from typing_extensions on Python before 3.12.
from typing_extensions import TypedDict

from promises.vocabularies import ActivityKind, RatePeriod

PublicStatus = Literal["published", "evaluated", "withdrawn"]
Pace = Literal["no_target", "reached", "ahead", "on_track", "behind", "not_reached", "not_started"]
# Where a promise is in time: running this year, ended (its year over, evaluated or
# withdrawn), or planned (its year not yet begun).
Phase = Literal["planned", "running", "ended"]


class IndexOut(TypedDict):
    """What the API's own address answers: where its description and its lists are."""

    title: str
    description: str
    documentation: str
    openapi: str
    open_data: str
    lists: dict[str, str]


class CountyOut(TypedDict):
    code: str
    name: str


class PlaceRef(TypedDict):
    slug: str
    name: str


class MunicipalityOut(TypedDict):
    code: str
    name: str
    slug: str
    county: CountyOut
    police_region: PlaceRef
    promise_years: list[int]
    situation_years: list[int]
    url: str


class PoliceAreaOut(TypedDict):
    slug: str
    name: str
    region: PlaceRef
    municipalities: list[str]


class AgreementOut(TypedDict):
    id: int
    title: str
    municipality: PlaceRef
    police_area: PlaceRef
    start_year: int
    end_year: int
    signed_on: date | None
    summary: str
    parties: list[str]


class CommitmentOut(TypedDict):
    id: int
    text: str
    problems: list[str]


class RateOut(TypedDict):
    count: Annotated[int, Field(description="times per period")]
    per: RatePeriod


class ActivityOut(TypedDict):
    id: int
    commitment_id: int | None
    kind: ActivityKind
    kind_label: str
    description: str
    target: int | None
    unit: str
    rate: Annotated[
        RateOut | None,
        Field(
            description='The rate the promise states ("once a month"), of which `target` is '
            "the year's count; null if it states none. The pace of an activity with a rate "
            "counts the rate's periods that have ended."
        ),
    ]
    minimum: Annotated[
        bool, Field(description="whether the promise says at least (minst) the target or rate")
    ]
    focus: list[str]
    done: int
    last_done_on: date | None
    pace: Pace
    percent: int
    measures_reach: Annotated[
        bool, Field(description="whether this kind of activity counts the people it reaches")
    ]
    # None for a kind that does not count people reached (measures_reach false), and where
    # no report gave the figure: missing is not zero.
    reached: int | None
    audience_size: int | None


class PromiseOut(TypedDict):
    id: int
    url: str
    pdf: str
    municipality: PlaceRef
    police_area: PlaceRef
    agreement_id: int | None
    year: int
    title: str
    status: PublicStatus
    introduction: str
    situation: str
    effect: str
    follow_up: str
    evaluation_due: date | None
    signed_on: date | None
    published_at: datetime | None
    withdrawn_at: datetime | None
    withdrawal_reason: str
    withdrawn_by: Annotated[
        Literal["municipality", "police"] | None,
        Field(
            description="The party that withdrew the promise; null if it is not withdrawn, or "
            "was withdrawn before the party was recorded."
        ),
    ]
    phase: Phase
    progress_as_of: date
    commitments: list[CommitmentOut]
    activities: list[ActivityOut]


class FollowUpActivityOut(TypedDict):
    activity_id: int
    kind: ActivityKind
    done_in_period: int
    done_to_date: int
    target: int | None
    pace: Pace
    outcomes: Annotated[
        dict[str, list[int | None]],
        Field(
            description="[in the period, to date] per outcome figure; the period's is null "
            "when no report of the period gave it: no data, not zero"
        ),
    ]
    comment: str


class FollowUpCommitmentOut(TypedDict):
    commitment_id: int
    status: str
    comment: str


class FollowUpOut(TypedDict):
    id: int
    url: str
    promise_id: int
    municipality: PlaceRef
    year: int
    period: int
    period_start: date
    period_end: date
    published_at: datetime | None
    assessment: str
    activities: list[FollowUpActivityOut]
    commitments: list[FollowUpCommitmentOut]


class EffectOut(TypedDict):
    """A source's figure for a problem before the promise and during it. A figure is null
    when it is withheld (`suppressed`: a count under the small-count limit) or when the
    source has no records at all for that period (`no_data_before`, `no_data_after`):
    missing is not zero."""

    problem: str
    source: str
    before: Annotated[
        float | None,
        Field(description="null: withheld (suppressed) or no data for that period"),
    ]
    after: Annotated[
        float | None,
        Field(description="null: withheld (suppressed) or no data for that period"),
    ]
    suppressed: bool
    no_data_before: Annotated[
        bool, Field(description="the source has no records at all for the period before")
    ]
    no_data_after: Annotated[
        bool, Field(description="the source has no records at all for the promise's period")
    ]


class EvaluationCommitmentOut(TypedDict):
    commitment_id: int
    effects: list[EffectOut]
    partners_assessment: str
    next_year: str


class EvaluationActivityOut(TypedDict):
    activity_id: int
    kind: ActivityKind
    done: int
    target: int | None
    pace: Pace
    measures_reach: Annotated[
        bool, Field(description="whether this kind of activity counts the people it reaches")
    ]
    # None for a kind that does not count people reached (measures_reach false), and where
    # no report up to the evaluation gave the figure: missing is not zero.
    reached: int | None
    audience_size: int | None
    outcomes: dict[str, int]


class EvaluationOut(TypedDict):
    id: int
    url: str
    promise_id: int
    municipality: PlaceRef
    year: int
    summary: str
    compared_before: list[date]
    compared_during: list[date]
    published_at: datetime | None
    activities: list[EvaluationActivityOut]
    commitments: list[EvaluationCommitmentOut]


class PictureRef(TypedDict):
    municipality: PlaceRef
    year: int
    url: str


class ProblemFigures(TypedDict):
    rank: int
    problem: str
    label: str
    figures: dict[str, float | None]
    suppressed: list[str]
    change: float | None


class PictureOut(TypedDict):
    """A published picture. A problem's `figures` leave out a source that counted none of
    it; a source in `no_data_sources` has no records at all for the year, so it is missing
    from every problem's figures because there is no data, not because it counted 0."""

    municipality: PlaceRef
    year: int
    # The figures are those published; evidence changed since is only flagged.
    published_at: datetime
    published_again_at: datetime | None
    evidence_changed_since: bool
    small_count_limit: int
    problems: list[ProblemFigures]
    no_data_sources: Annotated[
        list[str],
        Field(
            description="sources with no records at all for the picture's period: "
            "no data for that period, not 0"
        ),
    ]


# Errors: the structure is django-ninja's, the messages (`detail`, `msg`) are in the
# request's language (`api.errors`).


class ErrorOut(Schema):
    detail: str


class InvalidParameter(TypedDict):
    """One parameter refused: where it is (`loc`: "query" or "path", then its name), what is
    wrong (`type`, pydantic's error type) and the limit it broke (`ctx`), which stay the same
    in every language; `msg` says it to a person in the request's language."""

    type: str
    loc: list[str | int]
    msg: str
    ctx: NotRequired[dict[str, Any]]


class ValidationErrorOut(Schema):
    detail: list[InvalidParameter]
