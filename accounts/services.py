"""Writes about accounts."""

from accounts.models import User, _new_session_token
from audit.models import AuditAction
from audit.services import audit_record


def user_logout_everywhere(*, user: User, by: User) -> None:
    """End every session of the user, on every device, by replacing their session token."""
    user.session_token = _new_session_token()
    User.objects.filter(pk=user.pk).update(session_token=user.session_token)
    audit_record(
        action=AuditAction.CHANGE,
        instance=user,
        by=by,
        before={"sessions": "open"},
        after={"sessions": "ended everywhere"},
    )
