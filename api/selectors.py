"""The open data's reads: only published data, each list in a fixed number of queries
however long its page (everything a page shows is fetched with it)."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from django.db.models import Prefetch, QuerySet

from followup.models import Evaluation, EvaluationActivity, FollowUp, FollowUpActivity
from followup.selectors import public_evaluations, public_follow_ups
from places.models import Municipality, PoliceArea
from promises.models import Activity, Agreement, CitizenPromise, Commitment
from promises.selectors import public_promises
from situation.models import Motivation, PublishedPicture


def municipalities() -> QuerySet[Municipality]:
    """All 290 municipalities with their county and police region; `years_of` adds the
    years of their public promises and pictures once a page is chosen."""
    return Municipality.objects.select_related("county", "county__police_region")


@dataclass(frozen=True)
class Years:
    """The years a municipality has public promises and published situation pictures of."""

    promises: list[int] = field(default_factory=list)
    pictures: list[int] = field(default_factory=list)


def years_of(places: list[Municipality]) -> dict[int, Years]:
    """Each municipality's years of public promises and pictures, in two queries for the
    whole page, by municipality id."""
    ids = [place.pk for place in places]
    years = {pk: Years() for pk in ids}
    promise_years = (
        public_promises().filter(municipality_id__in=ids).values_list("municipality_id", "year")
    )
    for municipality_id, year in promise_years.order_by("year"):
        years[municipality_id].promises.append(year)
    picture_years = PublishedPicture.objects.filter(municipality_id__in=ids).values_list(
        "municipality_id", "year"
    )
    for municipality_id, year in picture_years.order_by("year"):
        years[municipality_id].pictures.append(year)
    return years


def police_areas() -> QuerySet[PoliceArea]:
    return PoliceArea.objects.select_related("region").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.only("pk", "slug"))
    )


def agreements() -> QuerySet[Agreement]:
    """Agreements that a public promise rests on."""
    return (
        Agreement.objects.filter(pk__in=public_promises().values("agreement_id"))
        .select_related("municipality", "police_area")
        .prefetch_related("parties")
    )


def promises() -> QuerySet[CitizenPromise]:
    """Public promises with their places; `parts_of` adds their commitments and activities
    once a page is chosen."""
    return public_promises().select_related("municipality", "police_area")


class ActivityRow(NamedTuple):
    """An activity of a public promise as the open data reads it: the stored row, no model."""

    pk: int
    promise_id: int
    commitment_id: int | None
    kind: str
    description: str
    target: int | None
    unit: str
    rate_count: int | None
    rate_per: str
    minimum: bool
    focus: list[str] | None
    done_count: int
    last_done_on: date | None
    reached_count: int | None
    audience_size: int | None


class CommitmentRow(NamedTuple):
    """A commitment of a public promise, with the problems it answers (sorted)."""

    pk: int
    text: str
    problems: list[str]


@dataclass(frozen=True)
class Parts:
    """A promise's commitments and activities, in their order on the promise."""

    commitments: list[CommitmentRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)


def parts_of(page: list[CitizenPromise]) -> dict[int, Parts]:
    """The parts of each promise of a page, by promise id, in three queries for the whole
    page: plain rows, as model objects would take several times as long."""
    ids = [p.pk for p in page]
    parts = {pk: Parts() for pk in ids}
    activities = Activity.objects.filter(promise_id__in=ids).order_by("position", "pk")
    for row in activities.values_list(*ActivityRow._fields):
        activity = ActivityRow._make(row)
        parts[activity.promise_id].activities.append(activity)
    problems: dict[int, list[str]] = {}
    for commitment_id, problem in Motivation.objects.filter(
        commitment__promise_id__in=ids
    ).values_list("commitment_id", "problem"):
        problems.setdefault(commitment_id, []).append(problem)
    commitments = Commitment.objects.filter(promise_id__in=ids).order_by("position", "pk")
    for pk, promise_id, text in commitments.values_list("pk", "promise_id", "text"):
        parts[promise_id].commitments.append(CommitmentRow(pk, text, sorted(problems.get(pk, []))))
    return parts


def follow_ups() -> QuerySet[FollowUp]:
    """Published follow-ups of public promises, with their lines."""
    return (
        public_follow_ups()
        .select_related("promise", "promise__municipality")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=FollowUpActivity.objects.select_related("activity").order_by(
                    "activity__position", "activity__pk"
                ),
            ),
            "commitments",
        )
    )


def evaluations() -> QuerySet[Evaluation]:
    """Published evaluations of public promises, with their lines."""
    return (
        public_evaluations()
        .select_related("promise", "promise__municipality")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=EvaluationActivity.objects.select_related("activity").order_by(
                    "activity__position", "activity__pk"
                ),
            ),
            "commitments",
        )
    )


def published_pictures() -> QuerySet[PublishedPicture]:
    return PublishedPicture.objects.select_related("municipality")


def in_place_and_year(
    items: QuerySet[Any], prefix: str, municipality: str | None, year: int | None
) -> QuerySet[Any]:
    """Narrow to a municipality (slug) and a year; `prefix` reaches the promise
    ("" for promises, "promise__" for follow-ups and evaluations)."""
    if municipality:
        items = items.filter(**{f"{prefix}municipality__slug": municipality})
    if year:
        items = items.filter(**{f"{prefix}year": year})
    return items
