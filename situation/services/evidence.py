"""Writes on the evidence itself: corrected classifications and published pictures."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from places.models import Municipality
from situation.models import Complaint, Concern, PublishedPicture
from situation.vocabularies import Problem


@transaction.atomic
def classification_correct(*, record: Complaint | Concern, problem: str, by: Any) -> None:
    """Set the problem a complaint or concern is filed under; the suggestion stays kept."""
    if problem not in Problem.values:
        raise ValidationError({"problem": _("Choose a problem from the list.")})
    if record.problem == problem:
        return
    before = stored_snapshot(record)
    record.problem = problem
    record.corrected_by = by
    record.corrected_at = timezone.now()
    record.save(update_fields=["problem", "corrected_by", "corrected_at"])
    audit_record(action=AuditAction.CHANGE, instance=record, by=by, before=before)


@transaction.atomic
def picture_publish(*, municipality: Municipality, year: int, by: Any) -> PublishedPicture:
    """Show the year's picture, as aggregate figures only, on the public site."""
    published, created = PublishedPicture.objects.get_or_create(
        municipality=municipality, year=year, defaults={"published_by": by}
    )
    if created:
        audit_record(action=AuditAction.CREATE, instance=published, by=by)
    return published


@transaction.atomic
def picture_unpublish(*, municipality: Municipality, year: int, by: Any) -> None:
    """Take the year's picture off the public site."""
    for published in PublishedPicture.objects.filter(municipality=municipality, year=year):
        audit_record(action=AuditAction.DELETE, instance=published, by=by)
        published.delete()
