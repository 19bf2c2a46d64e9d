"""Publishing by both parties: the municipality and the local police area each approve
through one of their coordinators, and the second approval publishes. A promise is
published this way, and so is its evaluation; the pieces that record an approval on any
record with `municipality_approved_by/_at` and `police_approved_by/_at` are shared here."""

from datetime import datetime
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.models import User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.versioning import save_versioned
from promises.models import CitizenPromise
from promises.selectors import publication_gaps
from promises.vocabularies import PromiseStatus

PARTIES = ("municipality", "police")

M = TypeVar("M", bound=Model)


def approvals_complete(approved: Any) -> bool:
    """Whether a coordinator of each party has approved the record for publication."""
    return all(
        getattr(approved, f"{party}_approved_by_id") and getattr(approved, f"{party}_approved_at")
        for party in PARTIES
    )


def approvals_clear(approved: Any) -> list[str]:
    """Forget the approvals (what was approved may change again); the fields to save."""
    fields = []
    for party in PARTIES:
        setattr(approved, f"{party}_approved_by", None)
        setattr(approved, f"{party}_approved_at", None)
        fields += [f"{party}_approved_by", f"{party}_approved_at"]
    return fields


def approval_locked(approved: M) -> M:
    """Lock the record's row until the transaction ends and read it again: two coordinators
    approving at the same moment are taken one after the other, and the second sees the
    first's approval (no lost update, one publication)."""
    type(approved)._default_manager.select_for_update().filter(pk=approved.pk).values_list(
        "pk", flat=True
    ).get()
    approved.refresh_from_db()
    return approved


def approval_party(approved: Any, promise: CitizenPromise, by: User) -> str:
    """The party the user approves for: the first of theirs that has not yet approved."""
    parties = permissions.promise_approval_parties(by, promise)
    if not parties:
        raise ValidationError(
            _("Only a coordinator of the municipality or of the local police area may approve."),
            code="not_a_party",
        )
    # One person approves for one party; an administrator may stand in for both.
    approvers = (approved.municipality_approved_by_id, approved.police_approved_by_id)
    if not by.is_superuser and by.pk in approvers:
        raise ValidationError(
            _("You have already approved. A coordinator of the other party must approve too."),
            code="approved_already",
        )
    waiting = [p for p in parties if getattr(approved, f"{p}_approved_by_id") is None]
    if not waiting:
        raise ValidationError(
            _("Your party has already approved. The other party's coordinator must approve."),
            code="approved_already",
        )
    return waiting[0]


def approval_record(approved: Any, party: str, by: User, now: datetime) -> list[str]:
    """Set the party's approval on the record; the fields to save."""
    setattr(approved, f"{party}_approved_by", by)
    setattr(approved, f"{party}_approved_at", now)
    return [f"{party}_approved_by", f"{party}_approved_at"]


# The promise's own names for the shared pieces.
promise_is_approved = approvals_complete
promise_approval_clear = approvals_clear


@transaction.atomic
def promise_approve(*, promise: CitizenPromise, by: User) -> CitizenPromise:
    """Approve a signed promise for publication on behalf of the user's party (the
    municipality or the police area). The second party's approval publishes it."""
    approval_locked(promise)
    if promise.status != PromiseStatus.SIGNED:
        raise ValidationError(
            _("Only a signed promise can be approved for publication."), code="not_signed"
        )
    if gaps := publication_gaps(promise):
        raise ValidationError(gaps, code="publication_gaps")
    party = approval_party(promise, promise, by)
    before = stored_snapshot(promise)
    now = timezone.now()
    fields = approval_record(promise, party, by, now)
    if approvals_complete(promise):
        promise.status = PromiseStatus.PUBLISHED
        promise.published_at = promise.published_at or now
        fields += ["status", "published_at"]
    save_versioned(promise, expected_version=promise.version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=promise, by=by, before=before)
    return promise
