"""What the promise cycle holds about a person, for their export (accounts.privacy)."""

from typing import Any

from accounts.models import User
from accounts.privacy import person_part
from promises.models import ActivityReport


@person_part("activity_reports")
def activity_reports_of(user: User) -> list[dict[str, Any]]:
    """The activity reports the person logged, with their notes."""
    return [
        {
            "id": r.pk,
            "date": r.date.isoformat(),
            "activity": str(r.activity),
            "notes": r.notes,
            "reported_at": r.created_at.isoformat(),
        }
        for r in ActivityReport.objects.filter(reported_by=user).select_related("activity")
    ]
