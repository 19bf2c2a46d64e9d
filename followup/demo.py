"""Demo follow-ups and evaluation: Eslöv's years followed up and published and 2016
evaluated, Exempelby's current year with its latest period waiting as a draft. The
assessments are invented and say so."""

from datetime import date, timedelta

from accounts.models import User
from core.clock import on_day, played_at
from followup.models import Evaluation, FollowUp
from followup.selectors import Period, periods_of
from followup.services import (
    evaluation_approve,
    evaluation_start,
    evaluation_update,
    follow_up_approve,
    follow_up_draft,
    follow_up_update,
)
from promises.models import CitizenPromise
from promises.vocabularies import PUBLIC_STATUSES

# A follow-up is published this long after the end of its period.
PUBLISHED_AFTER = timedelta(days=12)
INVENTED = "(Påhittad bedömning i demonstrationen.)"
ASSESSMENTS = [
    "Arbetet har kommit igång enligt planen och samarbetet mellan polis och kommun fungerar.",
    "Aktiviteterna genomförs i den takt som planerats; några kontroller flyttades till hösten.",
    "Efter sommaren har insatserna ökat igen. Vi ser färre klagomål på fortkörning.",
    "Året är genomfört. Det som återstår tas upp i utvärderingen.",
]


def load_follow_ups(today: date) -> bool:
    """Follow up the demo's promises once; False (and nothing changed) when already done."""
    eslov = CitizenPromise.objects.filter(municipality__slug="eslov", status__in=PUBLIC_STATUSES)
    if not eslov.exists() or FollowUp.objects.filter(promise__in=eslov).exists():
        return False
    coordinator = User.objects.get(username="samordnare.eslov")
    for promise in eslov.order_by("year"):
        for period in periods_of(promise):
            if period.end < today:
                text = ASSESSMENTS[(period.number - 1) % len(ASSESSMENTS)]
                _published(promise, period, coordinator, f"{text} {INVENTED}")
    _evaluated(eslov.get(year=2016), coordinator)
    exempelby = CitizenPromise.objects.filter(municipality__slug="exempelby", year=today.year)
    for promise in exempelby:
        other = User.objects.get(username="samordnare.exempelby")
        ended = [p for p in periods_of(promise) if p.end < today]
        for period in ended[:-1]:
            _published(promise, period, other, f"{ASSESSMENTS[0]} {INVENTED}")
        if ended:
            follow_up_draft(promise=promise, number=ended[-1].number, by=None)
    return True


def _published(promise: CitizenPromise, period: Period, by: User, text: str) -> None:
    # Written and published a little after the period, as the coordinator would have.
    with played_at(on_day(period.end + PUBLISHED_AFTER, 10)):
        draft = follow_up_draft(promise=promise, number=period.number, by=by)
        follow_up_update(
            follow_up=draft,
            by=by,
            expected_version=draft.version,
            assessment=text,
            activity_comments={},
            commitment_judgements={},
        )
        follow_up_approve(follow_up=draft, by=by)


def _evaluated(promise: CitizenPromise, by: User) -> None:
    """Eslöv 2016 evaluated at the year's end, with invented judgement."""
    # The demo's past: started and approved in the January after the promise year.
    with played_at(on_day(date(promise.year + 1, 1, 20), 10)):
        evaluation = _evaluation_written(promise, by)
        evaluation_approve(evaluation=evaluation, by=by)
    # A coordinator of each party approves it from the preview, the second one publishing it.
    police = User.objects.get(username="samordnare.polis.eslov")
    with played_at(on_day(date(promise.year + 1, 1, 24), 14)):
        evaluation_approve(evaluation=evaluation, by=police)


def _evaluation_written(promise: CitizenPromise, by: User) -> Evaluation:
    evaluation = evaluation_start(promise=promise, by=by, today=date(promise.year, 12, 31))
    evaluation_update(
        evaluation=evaluation,
        by=by,
        expected_version=evaluation.version,
        summary=(
            "Alla aktiviteter genomfördes som lovat. Klagomålen på trafiken i centrala Eslöv "
            f"blev färre än året innan, men oron finns kvar och arbetet fortsätter. {INVENTED}"
        ),
        commitment_texts={
            line.commitment_id: (
                f"Polisen och kommunen bedömer att insatserna har gett effekt. {INVENTED}",
                "Trafiksäkerheten är fortsatt i fokus 2017.",
                True,
            )
            for line in evaluation.commitments.all()
        },
        activity_carry_over={},
    )
    return evaluation
