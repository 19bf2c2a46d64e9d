"""Personal data: purging what has passed its retention period, and one person's export and
erasure. docs/personal-data.md is the register of what is kept, why and for how long.

The audit trail is append-only for the application. Retention and erasure are the two
exceptions the law asks for: they remove addresses and names from it and nothing else, and
each run is itself recorded in the trail.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.utils import timezone

from accounts.models import Membership, User, _new_session_token
from accounts.services import account_event_record
from audit.models import AuditAction, AuditEvent
from core import pagecache

PersonPart = Callable[[User], list[dict[str, Any]]]
_PERSON_PARTS: dict[str, PersonPart] = {}


def person_part(name: str) -> Callable[[PersonPart], PersonPart]:
    """Register what an app above accounts holds about a person (its reports, sign-ups …),
    for the export. Each app registers its part when it is ready, so accounts imports none
    of them and a new app adds its part without changing this module."""

    def register(part: PersonPart) -> PersonPart:
        _PERSON_PARTS[name] = part
        return part

    return register


@dataclass
class PurgeReport:
    """What a purge removed, by kind, for the operator to read."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, count: int) -> None:
        self.counts[what] = self.counts.get(what, 0) + count


def _days_ago(days: int) -> Any:
    return timezone.now() - timedelta(days=days)


def _clear_audit_addresses(events: models.QuerySet[AuditEvent]) -> int:
    # The one sanctioned edit of the trail: the plain QuerySet.update, not the guarded one.
    return models.QuerySet.update(events.exclude(ip_address=None), ip_address=None)


def _login_records(before: Any, report: PurgeReport, *, delete: bool) -> None:
    for model, label in (
        (AccessLog, "login records"),
        (AccessFailureLog, "failed logins"),
        (AccessAttempt, "login attempt counters"),
    ):
        old = model.objects.filter(attempt_time__lt=before)
        report.add(label, old.count())
        if delete:
            old.delete()


@transaction.atomic
def purge(*, dry_run: bool = False) -> PurgeReport:
    """Remove personal data that has passed its retention period (see the settings)."""
    report = PurgeReport()
    addresses = AuditEvent.objects.filter(
        at__lt=_days_ago(settings.RETENTION_AUDIT_ADDRESS_DAYS)
    ).exclude(ip_address=None)
    report.add("addresses in the audit trail", addresses.count())
    if not dry_run:
        _clear_audit_addresses(addresses)
    _login_records(_days_ago(settings.RETENTION_LOGIN_RECORDS_DAYS), report, delete=not dry_run)
    sessions = Session.objects.filter(expire_date__lt=timezone.now())
    report.add("expired sessions", sessions.count())
    dormant = User.objects.filter(
        is_active=False, last_login__lt=_days_ago(settings.RETENTION_INACTIVE_ACCOUNT_DAYS)
    ).exclude(username__startswith=ERASED_PREFIX)
    report.add("closed accounts' personal data", dormant.count())
    if not dry_run:
        sessions.delete()
        for user in dormant:
            _anonymise(user)
        if any(report.counts.values()):
            AuditEvent.objects.create(
                action=AuditAction.DELETE,
                model="accounts.PersonalData",
                object_id="purge",
                object_repr="retention purge",
                trail="privacy:purge",
                changes={k: [v, 0] for k, v in report.counts.items() if v},
            )
            pagecache.changed()
    return report


ERASED_PREFIX = "raderad-"


def _anonymise(user: User) -> None:
    pseudonym = f"{ERASED_PREFIX}{user.pk}"
    old_username = user.username
    User.objects.filter(pk=user.pk).update(
        username=pseudonym,
        first_name="",
        last_name="",
        email="",
        is_active=False,
        password="!",
        session_token=_new_session_token(),
        last_login=None,
    )
    Membership.objects.filter(user=user).delete()
    events = AuditEvent.objects.filter(actor=user)
    _clear_audit_addresses(events)
    models.QuerySet.update(events, actor_name=pseudonym)
    # Events about the account itself name the person and hold their old values.
    about = AuditEvent.objects.filter(trail=f"user:{user.pk}")
    models.QuerySet.update(about, object_repr=pseudonym, changes={}, ip_address=None)
    for model in (AccessLog, AccessFailureLog, AccessAttempt):
        model.objects.filter(username=old_username).delete()


def person_export(user: User) -> dict[str, Any]:
    """Everything Löften holds about one person, as plain data (a subject access request)."""
    return {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_active": user.is_active,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        **{name: part(user) for name, part in _PERSON_PARTS.items()},
        "audit_trail": [
            {
                "at": e.at.isoformat(),
                "action": e.action,
                "record": e.object_repr,
                "from_address": e.ip_address,
                "changes": e.changes,
            }
            for e in AuditEvent.objects.filter(actor=user).order_by("at")
        ],
        "logins": [
            {"at": a.attempt_time.isoformat(), "from_address": a.ip_address}
            for a in AccessLog.objects.filter(username=user.username)
        ],
        "failed_logins": [
            {"at": a.attempt_time.isoformat(), "from_address": a.ip_address}
            for a in AccessFailureLog.objects.filter(username=user.username)
        ],
    }


@transaction.atomic
def person_erase(*, user: User, by: User | None) -> None:
    """Erase one person: name, e-mail, login and addresses go; what they did stays, under a
    pseudonym, because public records must show that the work was done."""
    _anonymise(user)
    user.refresh_from_db()
    account_event_record(user=user, by=by, what="personal data", before="kept", after="erased")
