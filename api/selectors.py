"""The open data's reads: only published data, each list in a fixed number of queries
however long its page (everything a page shows is fetched with it)."""

from typing import Any

from django.db.models import Prefetch, QuerySet

from followup.models import Evaluation, EvaluationActivity, FollowUp, FollowUpActivity
from followup.selectors import public_evaluations, public_follow_ups
from places.models import Municipality, PoliceArea
from promises.models import Activity, Agreement, CitizenPromise, Commitment
from promises.selectors import public_promises
from situation.models import Motivation, PublishedPicture


def municipalities() -> QuerySet[Municipality]:
    """All 290 municipalities, with the years of their public promises and pictures."""
    return Municipality.objects.select_related("county", "county__police_region").prefetch_related(
        Prefetch(
            "promises",
            queryset=public_promises().only("pk", "year", "municipality_id").order_by("year"),
            to_attr="public_promises",
        ),
        Prefetch(
            "published_pictures",
            queryset=PublishedPicture.objects.only("pk", "year", "municipality_id").order_by(
                "year"
            ),
            to_attr="public_pictures",
        ),
    )


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
    """Public promises with their places; `attach_parts` adds their commitments and
    activities once a page is chosen."""
    return public_promises().select_related("municipality", "police_area")


ACTIVITY_COLUMNS = (
    "pk",
    "promise_id",
    "commitment_id",
    "kind",
    "description",
    "target",
    "unit",
    "focus",
    "done_count",
    "last_done_on",
    "reached_count",
    "audience_size",
)


def attach_parts(page: list[CitizenPromise]) -> None:
    """Give each promise of a page `parts_activities` and `parts_commitments` (plain dicts,
    each commitment with the problems it answers), in three queries for the whole page."""
    ids = [p.pk for p in page]
    activities: dict[int, list[dict[str, Any]]] = {pk: [] for pk in ids}
    for row in (
        Activity.objects.filter(promise_id__in=ids)
        .order_by("position", "pk")
        .values(*ACTIVITY_COLUMNS)
    ):
        activities[row["promise_id"]].append(dict(row))
    problems: dict[int, list[str]] = {}
    for commitment_id, problem in Motivation.objects.filter(
        commitment__promise_id__in=ids
    ).values_list("commitment_id", "problem"):
        problems.setdefault(commitment_id, []).append(problem)
    commitments: dict[int, list[dict[str, Any]]] = {pk: [] for pk in ids}
    for row in (
        Commitment.objects.filter(promise_id__in=ids)
        .order_by("position", "pk")
        .values("pk", "promise_id", "text")
    ):
        commitment = dict(row)
        commitment["problems"] = sorted(problems.get(row["pk"], []))
        commitments[row["promise_id"]].append(commitment)
    for promise in page:
        promise.parts_activities = activities[promise.pk]  # type: ignore[attr-defined]
        promise.parts_commitments = commitments[promise.pk]  # type: ignore[attr-defined]


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
