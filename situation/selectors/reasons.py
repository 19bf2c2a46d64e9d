"""Why a promise was made: the problems its commitments answer, with the evidence behind
them, and which problems of a picture a promise answers."""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from places.models import Municipality
from situation.models import Complaint, Concern, Motivation
from situation.selectors.picture import is_published, year_picture


@dataclass
class Reason:
    """One problem a commitment answers, with the evidence summary of the year before."""

    problem: str
    label: str
    figures: dict[str, float]
    cited: list[Complaint | Concern]


@dataclass
class Why:
    """Why a promise was made: per commitment, the problems and the evidence behind them."""

    year: int
    figures_shown: bool
    commitments: list[tuple[Any, list[Reason]]]

    @property
    def any(self) -> bool:
        return any(reasons for _commitment, reasons in self.commitments)


def evidence_year(promise: Any) -> int:
    """The year whose evidence a promise rests on: the one before it was signed."""
    year: int = promise.signed_on.year if promise.signed_on else promise.year
    return year - 1


def promise_why(promise: Any, *, public: bool) -> Why:
    """The motivations of a promise's commitments. The public sees figures only when that
    year's picture is published, and never the cited records."""
    year = evidence_year(promise)
    motivations = list(
        Motivation.objects.filter(commitment__promise=promise)
        .prefetch_related(*([] if public else ["complaints", "concerns"]))
        .order_by("commitment__position", "commitment_id", "problem")
    )
    show = bool(motivations) and (not public or is_published(promise.municipality, year))
    rows = {r.problem: r for r in year_picture(promise.municipality, year).rows} if show else {}
    by_commitment: dict[int, list[Reason]] = defaultdict(list)
    for motivation in motivations:
        row = rows.get(motivation.problem)
        cited: list[Complaint | Concern] = []
        if not public:
            cited = [*motivation.complaints.all(), *motivation.concerns.all()]
        by_commitment[motivation.commitment_id].append(
            Reason(
                motivation.problem,
                str(motivation.get_problem_display()),
                row.figures if row else {},
                cited,
            )
        )
    commitments = [(c, by_commitment.get(c.pk, [])) for c in promise.commitments.all()]
    return Why(year, show, commitments)


def answering_promises(
    municipality: Municipality, year: int, *, public: bool
) -> dict[str, list[tuple[int, Any]]]:
    """Per problem, the promises of this year or the next whose commitments answer it, as
    (year, promise) pairs."""
    from promises.models import CitizenPromise
    from promises.vocabularies import PUBLIC_STATUSES

    promises = CitizenPromise.objects.filter(municipality=municipality, year__in=[year, year + 1])
    if public:
        promises = promises.filter(status__in=PUBLIC_STATUSES)
    answered: dict[str, dict[int, Any]] = defaultdict(dict)
    for motivation in Motivation.objects.filter(commitment__promise__in=promises).select_related(
        "commitment__promise"
    ):
        promise = motivation.commitment.promise
        answered[motivation.problem][promise.pk] = promise
    return {
        problem: sorted(((p.year, p) for p in found.values()), key=lambda pair: pair[0])
        for problem, found in answered.items()
    }
