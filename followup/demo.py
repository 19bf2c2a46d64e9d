"""Demo follow-ups: Eslöv's years followed up and published, Exempelby's current year with
its latest period waiting as a draft. The assessments are invented and say so."""

from datetime import date

from accounts.models import User
from followup.models import FollowUp
from followup.selectors import periods_of
from followup.services import follow_up_approve, follow_up_draft, follow_up_update
from promises.models import CitizenPromise
from promises.vocabularies import PUBLIC_STATUSES

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
                _published(promise, period.number, coordinator, f"{text} {INVENTED}")
    exempelby = CitizenPromise.objects.filter(municipality__slug="exempelby", year=today.year)
    for promise in exempelby:
        other = User.objects.get(username="samordnare.exempelby")
        ended = [p for p in periods_of(promise) if p.end < today]
        for period in ended[:-1]:
            _published(promise, period.number, other, f"{ASSESSMENTS[0]} {INVENTED}")
        if ended:
            follow_up_draft(promise=promise, number=ended[-1].number, by=None)
    return True


def _published(promise: CitizenPromise, number: int, by: User, text: str) -> None:
    draft = follow_up_draft(promise=promise, number=number, by=by)
    follow_up_update(
        follow_up=draft,
        by=by,
        expected_version=draft.version,
        assessment=text,
        activity_comments={},
        commitment_judgements={},
    )
    follow_up_approve(follow_up=draft, by=by)
