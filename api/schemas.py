"""What the open data API returns: public facts only, never a person's text or contact."""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Schema

from promises.vocabularies import ActivityKind

PublicStatus = Literal["published", "evaluated", "withdrawn"]
Pace = Literal["no_target", "reached", "ahead", "on_track", "behind"]


class CountyOut(Schema):
    code: str
    name: str


class PlaceRef(Schema):
    slug: str
    name: str


class MunicipalityOut(Schema):
    code: str
    name: str
    slug: str
    county: CountyOut
    police_region: PlaceRef
    promise_years: list[int]
    situation_years: list[int]
    url: str


class PoliceAreaOut(Schema):
    slug: str
    name: str
    region: PlaceRef
    municipalities: list[str]


class AgreementOut(Schema):
    id: int
    title: str
    municipality: PlaceRef
    police_area: PlaceRef
    start_year: int
    end_year: int
    signed_on: date | None
    summary: str
    parties: list[str]


class CommitmentOut(Schema):
    id: int
    text: str
    problems: list[str]


class ActivityOut(Schema):
    id: int
    commitment_id: int | None
    kind: ActivityKind
    kind_label: str
    description: str
    target: int | None
    unit: str
    focus: list[str]
    done: int
    last_done_on: date | None
    pace: Pace
    percent: int
    reached: int
    audience_size: int | None


class PromiseOut(Schema):
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
    progress_as_of: date
    commitments: list[CommitmentOut]
    activities: list[ActivityOut]


class FollowUpActivityOut(Schema):
    activity_id: int
    kind: ActivityKind
    done_in_period: int
    done_to_date: int
    target: int | None
    pace: Pace
    outcomes: dict[str, list[int]]
    comment: str


class FollowUpCommitmentOut(Schema):
    commitment_id: int
    status: str
    comment: str


class FollowUpOut(Schema):
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


class EffectOut(Schema):
    problem: str
    source: str
    before: float | None
    after: float | None
    suppressed: bool


class EvaluationCommitmentOut(Schema):
    commitment_id: int
    effects: list[EffectOut]
    partners_assessment: str
    next_year: str


class EvaluationActivityOut(Schema):
    activity_id: int
    kind: ActivityKind
    done: int
    target: int | None
    pace: Pace
    reached: int
    audience_size: int | None
    outcomes: dict[str, int]


class EvaluationOut(Schema):
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


class PictureRef(Schema):
    municipality: PlaceRef
    year: int
    url: str


class ProblemFigures(Schema):
    rank: int
    problem: str
    label: str
    figures: dict[str, float | None]
    suppressed: list[str]
    change: float | None


class PictureOut(Schema):
    municipality: PlaceRef
    year: int
    small_count_limit: int
    problems: list[ProblemFigures]


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]
