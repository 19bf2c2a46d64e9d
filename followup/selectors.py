"""Reads of the follow-up: the periods of a promise, the figures of a period read from the
activity log, and which follow-ups the public may see."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from followup.models import (
    Evaluation,
    EvaluationActivity,
    EvaluationCommitment,
    FollowUp,
    FollowUpActivity,
    FollowUpCommitment,
)
from followup.vocabularies import CommitmentStatus, EvaluationStatus, FollowUpStatus
from lib.pace import Pace, Phase, Progress, activity_pace
from lib.periods import compared_spans, periods_of_year
from promises.models import Activity, ActivityReport, CitizenPromise
from promises.selectors import promise_phase, public_promises, staff_promises
from promises.vocabularies import (
    CADENCE_MONTHS,
    OUTCOME_FIELDS,
    OUTCOME_FIELDS_BY_KIND,
    REACH_FIELDS,
)
from situation.models import Motivation
from situation.selectors import Effect, effects


@dataclass(frozen=True)
class Period:
    """One follow-up period of a promise year, numbered from 1, and the day it is due."""

    number: int
    start: date
    end: date
    due_on: date


def periods_of(promise: CitizenPromise) -> list[Period]:
    """The follow-up periods the promise's cadence gives its year."""
    due = timedelta(days=settings.FOLLOW_UP_DUE_DAYS)
    spans = periods_of_year(promise.year, CADENCE_MONTHS[promise.follow_up])
    return [Period(n, start, end, end + due) for n, (start, end) in enumerate(spans, start=1)]


def period_of(promise: CitizenPromise, number: int) -> Period | None:
    """The numbered period of the promise, or None if its cadence has no such period."""
    periods = periods_of(promise)
    return periods[number - 1] if 1 <= number <= len(periods) else None


@dataclass(frozen=True)
class ActivityFigures:
    """What the log says of one activity for a period: done in it, done up to its end, the
    pace at its end, and the outcome figures as {field: [in the period, to date]}; the
    period's figure is None where no report of the period gave it (missing is not zero)."""

    activity: Activity
    done_in_period: int
    progress: Progress
    outcomes: dict[str, list[int | None]] = field(default_factory=dict)
    # None when no report gave the figure: no data, not a reach of none.
    reached: int | None = None

    @property
    def done_to_date(self) -> int:
        return self.progress.done


def period_figures(promise: CitizenPromise, start: date, end: date) -> list[ActivityFigures]:
    """Every activity's figures for the period from `start` to `end`, in one query."""
    in_period = Q(date__gte=start)
    sums: dict[str, Any] = {
        "period": Sum("count", filter=in_period),
        "total": Sum("count"),
        # Pupils reached where reported, otherwise the participants (as the promise page);
        # NULL when no report gave either.
        "reached": Sum(Coalesce(*REACH_FIELDS)),
    }
    for name in OUTCOME_FIELDS:
        sums[f"{name}__period"] = Sum(name, filter=in_period)
        sums[f"{name}__total"] = Sum(name)
    rows: dict[int, dict[str, Any]] = {
        row["activity"]: dict(row)
        for row in ActivityReport.objects.active()
        .filter(activity__promise=promise, date__lte=end)
        .values("activity")
        .annotate(**sums)
        .order_by()
    }
    # Figures up to the year's last day are its result, with no pace left to keep.
    phase = Phase.ENDED if end >= date(promise.year, 12, 31) else Phase.RUNNING
    figures = []
    for activity in promise.activities.all():
        row: dict[str, Any] = rows.get(activity.pk, {})
        outcomes = {
            # A sum over no given figure is NULL: no report of the period counted it.
            name: [row.get(f"{name}__period"), row[f"{name}__total"]]
            for name in OUTCOME_FIELDS_BY_KIND.get(activity.kind, ())
            if row.get(f"{name}__total") is not None
        }
        figures.append(
            ActivityFigures(
                activity,
                row.get("period") or 0,
                activity_pace(
                    row.get("total") or 0,
                    activity.target,
                    year=promise.year,
                    today=end,
                    phase=phase,
                    rate=activity.rate,
                ),
                outcomes,
                row.get("reached"),
            )
        )
    return figures


def suggested_status(paces: list[str]) -> str:
    """A commitment's status from the paces of its activities with targets: fulfilled when
    all are reached, behind when any is behind, otherwise on track."""
    measured = [p for p in paces if p != Pace.NO_TARGET]
    if not measured:
        return CommitmentStatus.NOT_MEASURED
    if all(p == Pace.REACHED for p in measured):
        return CommitmentStatus.FULFILLED
    if any(p in (Pace.BEHIND, Pace.NOT_REACHED) for p in measured):
        return CommitmentStatus.BEHIND
    return CommitmentStatus.ON_TRACK


@dataclass(frozen=True)
class PeriodRow:
    """A period of a promise with its follow-up, if one has been started."""

    period: Period
    follow_up: FollowUp | None
    ended: bool


def period_rows(promise: CitizenPromise, today: date) -> list[PeriodRow]:
    """Every period of the promise's year, with its follow-up and whether it has ended."""
    started = {f.number: f for f in promise.follow_ups.all()}
    return [PeriodRow(p, started.get(p.number), p.end < today) for p in periods_of(promise)]


def _with_lines(follow_ups: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
    return follow_ups.select_related(
        "promise", "promise__municipality", "promise__police_area", "approved_by", "cosigned_by"
    ).prefetch_related(
        Prefetch(
            "activities",
            queryset=FollowUpActivity.objects.select_related("activity", "activity__commitment"),
        ),
        Prefetch("commitments", queryset=FollowUpCommitment.objects.select_related("commitment")),
    )


def commitment_effects(promise: CitizenPromise, as_of: date) -> dict[int, list[Effect]]:
    """For each commitment, what the situation picture shows for the problems it answers,
    before the promise and during it."""
    problems: dict[int, set[str]] = {}
    for commitment_id, problem in Motivation.objects.filter(
        commitment__promise=promise
    ).values_list("commitment_id", "problem"):
        problems.setdefault(commitment_id, set()).add(problem)
    if not problems:
        return {}
    before, after = compared_spans(promise.year, as_of)
    found = effects(
        promise.municipality, set().union(*problems.values()), before=before, after=after
    )
    return {
        commitment_id: [e for e in found if e.problem in wanted]
        for commitment_id, wanted in problems.items()
    }


def evaluation_in_full(pk: int) -> Evaluation | None:
    """One evaluation with its lines, for a staff page (the view asks who may see it)."""
    return (
        Evaluation.objects.filter(pk=pk)
        .select_related("promise", "promise__municipality", "promise__police_area")
        .prefetch_related(
            Prefetch(
                "activities",
                queryset=EvaluationActivity.objects.select_related(
                    "activity", "activity__commitment"
                ),
            ),
            Prefetch(
                "commitments",
                queryset=EvaluationCommitment.objects.select_related("commitment"),
            ),
        )
        .first()
    )


def public_evaluation_of(promise: CitizenPromise) -> Evaluation | None:
    """The published evaluation of a public promise, with its lines."""
    found = public_evaluations().filter(promise=promise).values_list("pk", flat=True)
    return evaluation_in_full(found[0]) if found else None


def follow_up_in_full(pk: int) -> FollowUp | None:
    """One follow-up with its lines, for a staff page (the view asks who may see it)."""
    return _with_lines(FollowUp.objects.filter(pk=pk)).first()


def waiting_follow_ups(user: Any) -> list[FollowUp]:
    """Follow-ups of the user's promises that are not yet published, the soonest due first."""
    return list(
        FollowUp.objects.exclude(status=FollowUpStatus.PUBLISHED)
        .filter(promise__in=staff_promises(user))
        .select_related("promise", "promise__municipality")
        .order_by("due_on", "promise__municipality__name")[:20]
    )


# Public side: published follow-ups and evaluations of public promises only.


def public_follow_ups() -> QuerySet[FollowUp]:
    """Follow-ups the public may read: published, of a promise the public may read."""
    return FollowUp.objects.filter(status=FollowUpStatus.PUBLISHED, promise__in=public_promises())


def public_evaluations() -> QuerySet[Evaluation]:
    """Evaluations the public may read: published, of a promise the public may read."""
    return Evaluation.objects.filter(
        status=EvaluationStatus.PUBLISHED, promise__in=public_promises()
    )


def public_evaluation_or_revision(
    promise: CitizenPromise,
) -> tuple[Evaluation | None, Evaluation | None]:
    """The published evaluation of a public promise with its lines, or else the one being
    revised (published once, then reopened to correct the activity log), of which the
    public is told only that; at most one of the two."""
    found = (
        Evaluation.objects.filter(promise=promise, promise__in=public_promises())
        .filter(Q(status=EvaluationStatus.PUBLISHED) | Q(reopened_at__isnull=False))
        .values_list("pk", "status")
        .first()
    )
    if found is None:
        return None, None
    pk, status = found
    if status == EvaluationStatus.PUBLISHED:
        return evaluation_in_full(pk), None
    return None, Evaluation.objects.get(pk=pk)


def public_follow_ups_of(promise: CitizenPromise) -> list[FollowUp]:
    """The published follow-ups of one promise, in period order."""
    return list(public_follow_ups().filter(promise=promise).order_by("number"))


def public_follow_up(slug: str, year: int, number: int) -> FollowUp | None:
    """A published follow-up by its promise's municipality, year and period."""
    found = public_follow_ups().filter(
        promise__municipality__slug=slug, promise__year=year, number=number
    )
    return _with_lines(found.order_by("promise__police_area__name")).first()


@dataclass(frozen=True)
class LoggedSince:
    """What the activity log says today of one activity of a follow-up whose figures were
    frozen: how many reports dated up to the period's end were logged after the figures
    were read, and the figures they give now."""

    added: int
    done_in_period: int
    done_to_date: int
    target: int | None


def follow_up_lines(follow_up: FollowUp) -> list[tuple[FollowUpActivity, LoggedSince | None]]:
    """The follow-up's activity lines, each with what was logged for its period after the
    figures were frozen, where that changed them (None where the frozen figures still hold,
    and always for a draft, whose figures are read again anyway). Late reports are welcome
    (an officer may log a March walk in April); the published follow-up keeps its figures
    and says what they are today."""
    lines = list(follow_up.activities.all())
    if follow_up.status == FollowUpStatus.DRAFT:
        return [(line, None) for line in lines]
    promise = follow_up.promise
    now = {
        item.activity.pk: item
        for item in period_figures(promise, follow_up.period_start, follow_up.period_end)
    }
    added = dict(
        ActivityReport.objects.active()
        .filter(
            activity__promise=promise,
            date__lte=follow_up.period_end,
            created_at__gt=follow_up.figures_as_of,
        )
        .values("activity")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("activity", "n")
    )
    found: list[tuple[FollowUpActivity, LoggedSince | None]] = []
    for line in lines:
        today = now.get(line.activity_id)
        late = None
        if today is not None and (
            added.get(line.activity_id)
            or today.done_to_date != line.done_to_date
            or today.done_in_period != line.done_in_period
        ):
            late = LoggedSince(
                added.get(line.activity_id, 0),
                today.done_in_period,
                today.done_to_date,
                line.activity.target,
            )
        found.append((line, late))
    return found


# Pace is told only while the promise runs (promises.selectors.promise_phase); once it has
# ended, the follow-ups and the evaluation tell its result, or the pace as it stood then.


class PaceShown(StrEnum):
    """What a follow-up's or evaluation's pace column tells."""

    PACE = "pace"  # the promise runs: the pace now
    PACE_THEN = "pace_then"  # it has ended: the pace at that period's end, as frozen
    RESULT = "result"  # at the year's end or after it: reached or not


def follow_up_pace_shown(follow_up: FollowUp, today: date) -> PaceShown:
    """A follow-up of the year's last period tells the result (its figures are the year's);
    one of an earlier period tells the pace at its end, named so once the promise has ended."""
    if follow_up.period_end >= date(follow_up.promise.year, 12, 31):
        return PaceShown.RESULT
    if promise_phase(follow_up.promise, today) == Phase.ENDED:
        return PaceShown.PACE_THEN
    return PaceShown.PACE


def evaluation_pace_shown(evaluation: Evaluation, today: date) -> PaceShown:
    """An evaluation tells the result once the promise has ended (or its figures reach the
    year's last day), and the pace while the year still runs."""
    ended = promise_phase(evaluation.promise, today) == Phase.ENDED
    if ended or evaluation.as_of >= date(evaluation.promise.year, 12, 31):
        return PaceShown.RESULT
    return PaceShown.PACE


def evaluation_lines(evaluation: Evaluation, today: date) -> list[tuple[EvaluationActivity, str]]:
    """The evaluation's activity lines, each with what its pace column tells: the stored
    pace while the promise runs, and once it has ended its result from the figures (target
    reached or not), never a pace."""
    lines = list(evaluation.activities.all())
    if evaluation_pace_shown(evaluation, today) == PaceShown.PACE:
        return [(line, line.pace) for line in lines]
    year = evaluation.promise.year
    return [
        (
            line,
            activity_pace(
                line.done, line.target, year=year, today=date(year, 12, 31), phase=Phase.ENDED
            ).pace,
        )
        for line in lines
    ]
