"""Writes about accounts."""

from typing import Any

from accounts.models import User, _new_session_token
from audit.models import AuditAction
from audit.services import audit_record


def account_event_record(
    *, user: User, by: User | None, what: str, before: str, after: str
) -> None:
    """Record a change to an account that is a state, not a field (sessions, second factor)."""
    audit_record(
        action=AuditAction.CHANGE, instance=user, by=by, before={what: before}, after={what: after}
    )


def user_logout_everywhere(*, user: User, by: User) -> None:
    """End every session of the user, on every device, by replacing their session token."""
    user.session_token = _new_session_token()
    User.objects.filter(pk=user.pk).update(session_token=user.session_token)
    account_event_record(user=user, by=by, what="sessions", before="open", after="ended everywhere")


def two_factor_confirm(*, user: User, device: Any) -> None:
    """Mark the user's authenticator as confirmed; from now on logins ask for its codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    account_event_record(
        user=user, by=user, what="two-factor authentication", before="off", after="on"
    )
