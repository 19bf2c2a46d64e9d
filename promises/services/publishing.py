"""Publishing a promise: both parties that sign it, the municipality and the local police
area, approve it through one of their coordinators, and the second approval publishes it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.versioning import save_versioned
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

PARTIES = ("municipality", "police")


def promise_is_approved(promise: CitizenPromise) -> bool:
    """Whether a coordinator of each party has approved the promise for publication."""
    return all(getattr(promise, f"{party}_approved_by_id") for party in PARTIES) and all(
        getattr(promise, f"{party}_approved_at") for party in PARTIES
    )


def promise_approval_clear(promise: CitizenPromise) -> list[str]:
    """Forget the approvals (the text may change again); the fields to save."""
    fields = []
    for party in PARTIES:
        setattr(promise, f"{party}_approved_by", None)
        setattr(promise, f"{party}_approved_at", None)
        fields += [f"{party}_approved_by", f"{party}_approved_at"]
    return fields


def _party_for(promise: CitizenPromise, by: User) -> str:
    """The party the user approves for: the first of theirs that has not yet approved."""
    parties = permissions.promise_approval_parties(by, promise)
    if not parties:
        raise ValidationError(
            _("Only a coordinator of the municipality or of the local police area may approve."),
            code="not_a_party",
        )
    # One person approves for one party; an administrator may stand in for both.
    approvers = (promise.municipality_approved_by_id, promise.police_approved_by_id)
    if not by.is_superuser and by.pk in approvers:
        raise ValidationError(
            _("You have already approved. A coordinator of the other party must approve too."),
            code="approved_already",
        )
    waiting = [p for p in parties if getattr(promise, f"{p}_approved_by_id") is None]
    if not waiting:
        raise ValidationError(
            _("Your party has already approved. The other party's coordinator must approve."),
            code="approved_already",
        )
    return waiting[0]


@transaction.atomic
def promise_approve(*, promise: CitizenPromise, by: User) -> CitizenPromise:
    """Approve a signed promise for publication on behalf of the user's party (the
    municipality or the police area). The second party's approval publishes it."""
    if promise.status != PromiseStatus.SIGNED:
        raise ValidationError(
            _("Only a signed promise can be approved for publication."), code="not_signed"
        )
    if not promise.activities.exists():
        raise ValidationError(_("A promise needs at least one activity before it is published."))
    party = _party_for(promise, by)
    before = stored_snapshot(promise)
    now = timezone.now()
    setattr(promise, f"{party}_approved_by", by)
    setattr(promise, f"{party}_approved_at", now)
    fields = [f"{party}_approved_by", f"{party}_approved_at"]
    if promise_is_approved(promise):
        promise.status = PromiseStatus.PUBLISHED
        promise.published_at = promise.published_at or now
        fields += ["status", "published_at"]
    save_versioned(promise, expected_version=promise.version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=promise, by=by, before=before)
    return promise
