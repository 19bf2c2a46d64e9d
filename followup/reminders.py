"""E-mail reminders: a follow-up coming due, an activity falling behind its pace.

Each reminder goes once to each person (`ReminderSent` remembers it) and only to those who
have not turned that kind off. The mail itself is sent by a background task."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse

from accounts.models import Role, User
from accounts.permissions import EDITOR_ROLES, people_in, people_over
from core.mail import rendered_mail
from followup.models import FollowUp, ReminderSent
from followup.selectors import periods_of
from followup.tasks import reminder_mail_send
from followup.vocabularies import FOLLOWED_PROMISE_STATUSES, FollowUpStatus, ReminderKind
from lib.pace import Pace, activity_pace
from promises.labels import rate_label
from promises.models import Activity, CitizenPromise

# Who carries an activity out: these roles in one of its responsible organisations.
DOERS = (Role.COORDINATOR, Role.REPORTER, Role.PARTNER)


@dataclass
class ReminderReport:
    follow_up_due: int = 0
    activity_behind: int = 0


def _wanting(people: QuerySet[User], kind: str) -> QuerySet[User]:
    """Those of `people` with an e-mail address who have not turned this kind off."""
    field = "follow_up_due" if kind == ReminderKind.FOLLOW_UP_DUE else "activity_behind"
    return people.exclude(email="").exclude(**{f"reminder_preference__{field}": False})


def _remind(
    people: QuerySet[User], kind: str, about: str, template: str, context: dict[str, Any]
) -> int:
    """Claim the reminder for each person who has not had it, then queue its mail."""
    sent = 0
    for user in _wanting(people, kind):
        claim, created = ReminderSent.objects.get_or_create(user=user, kind=kind, about=about)
        if not created:
            continue
        subject, body = rendered_mail(template, {**context, "user": user})
        reminder_mail_send.enqueue(claim.pk, subject, body)
        sent += 1
    return sent


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _follow_ups_due(today: date) -> int:
    window = today + timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS)
    open_ones = (
        FollowUp.objects.exclude(status=FollowUpStatus.PUBLISHED)
        .filter(due_on__lte=window, promise__status__in=FOLLOWED_PROMISE_STATUSES)
        .select_related("promise", "promise__municipality")
    )
    sent = 0
    for follow_up in open_ones:
        promise = follow_up.promise
        if follow_up.status == FollowUpStatus.APPROVED:
            # Waiting for the police area's co-signature: remind its coordinators.
            people = people_in(
                promise.police_area.organisations.values_list("pk", flat=True), EDITOR_ROLES
            )
            about = f"follow_up:{follow_up.pk}:cosign"
        else:
            people = people_over(promise, EDITOR_ROLES)
            about = f"follow_up:{follow_up.pk}"
        context = {
            "follow_up": follow_up,
            "promise": promise,
            "link": _link("followup:detail", follow_up.pk),
            "settings_link": _link("followup:preferences"),
        }
        sent += _remind(
            people, ReminderKind.FOLLOW_UP_DUE, about, "followup/email/due.txt", context
        )
    return sent


def _activities_behind(today: date) -> int:
    promises = CitizenPromise.objects.filter(status__in=FOLLOWED_PROMISE_STATUSES, year=today.year)
    sent = 0
    for promise in promises.select_related("municipality"):
        number = next(p.number for p in periods_of(promise) if p.start <= today <= p.end)
        activities: QuerySet[Activity] = promise.activities.filter(target__gt=0)
        for activity in activities.prefetch_related("responsible"):
            pace = activity_pace(
                activity.done_count,
                activity.target,
                year=promise.year,
                today=today,
                rate=activity.rate,
            )
            if pace.pace != Pace.BEHIND:
                continue
            doers = people_in([org.pk for org in activity.responsible.all()], DOERS)
            people = User.objects.filter(
                Q(pk__in=people_over(promise, EDITOR_ROLES).values("pk"))
                | Q(pk__in=doers.values("pk"))
            )
            context = {
                "activity": activity,
                "promise": promise,
                "progress": pace,
                # Unrounded, as 0,5 for a target of 1 in July: the whole count the rule
                # rounds to (1) would claim more than an even pace has reached.
                "expected": pace.expected,
                # A rate paces by its periods that have ended: the email says so.
                "rate": rate_label(activity),
                "link": _link("promises:promise_detail", promise.pk),
                "settings_link": _link("followup:preferences"),
            }
            sent += _remind(
                people,
                ReminderKind.ACTIVITY_BEHIND,
                f"activity:{activity.pk}:{number}",
                "followup/email/behind.txt",
                context,
            )
    return sent


def reminders_send(today: date) -> ReminderReport:
    """Send every reminder due today that has not gone out before."""
    return ReminderReport(_follow_ups_due(today), _activities_behind(today))
