"""Planned public occasions of activities: what the calendar feed and the promise page show."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import AuditAction
from audit.services import audit_record, snapshot, stored_snapshot
from core.changes import KEEP, Keep, assign_given
from core.confirm import require_confirmed
from core.personal_data import personal_data_reasons
from core.versioning import save_versioned
from promises.models import Activity, Occasion
from promises.vocabularies import PromiseStatus


def _check(occasion: Occasion) -> None:
    promise = occasion.activity.promise
    if promise.status not in (PromiseStatus.SIGNED, PromiseStatus.PUBLISHED):
        raise ValidationError(
            _("Occasions are planned for a signed or published promise that is still running.")
        )
    errors = {}
    if occasion.starts_at and occasion.starts_at.year != promise.year:
        errors["starts_at"] = _("The occasion must fall in the promise year %(year)s.") % {
            "year": promise.year
        }
    if occasion.ends_at and occasion.starts_at and occasion.ends_at <= occasion.starts_at:
        errors["ends_at"] = _("The end must come after the start.")
    if errors:
        raise ValidationError(errors)


def _require_confirmation(occasion: Occasion, *, confirmed: bool) -> None:
    """The place and description are public, in the calendar feed too: personal data in
    them needs `confirmed`, even for an occasion not open to the public, which may be
    opened later."""
    texts = (occasion.place, occasion.description)
    require_confirmed(personal_data_reasons(*texts, published=True), confirmed=confirmed)


@transaction.atomic
def occasion_create(
    *,
    activity: Activity,
    by: User | None,
    starts_at: datetime,
    place: str,
    ends_at: datetime | None = None,
    description: str = "",
    public: bool = True,
    confirmed: bool = False,
) -> Occasion:
    """Plan an occasion of an activity. Personal data in its place or description needs
    `confirmed`."""
    occasion = Occasion(
        activity=activity,
        created_by=by,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        description=description,
        public=public,
    )
    _check(occasion)
    occasion.full_clean(exclude=["created_by"])
    _require_confirmation(occasion, confirmed=confirmed)
    occasion.save()
    audit_record(action=AuditAction.CREATE, instance=occasion, by=by)
    return occasion


@transaction.atomic
def occasion_update(
    *,
    occasion: Occasion,
    by: User | None,
    expected_version: int,
    starts_at: datetime | Keep = KEEP,
    place: str | Keep = KEEP,
    ends_at: datetime | None | Keep = KEEP,
    description: str | Keep = KEEP,
    public: bool | Keep = KEEP,
    confirmed: bool = False,
) -> Occasion:
    """Change a planned occasion; refused if someone else saved it since it was opened.
    What is not given stays as it is. Personal data needs `confirmed`, as when planning."""
    before = stored_snapshot(occasion)
    fields = assign_given(
        occasion,
        {
            "starts_at": starts_at,
            "place": place,
            "ends_at": ends_at,
            "description": description,
            "public": public,
        },
    )
    _check(occasion)
    occasion.full_clean(exclude=["created_by"])
    _require_confirmation(occasion, confirmed=confirmed)
    save_versioned(occasion, expected_version=expected_version, fields=fields)
    audit_record(action=AuditAction.CHANGE, instance=occasion, by=by, before=before)
    return occasion


@transaction.atomic
def occasion_delete(*, occasion: Occasion, by: User | None) -> None:
    """Cancel a planned occasion."""
    audit_record(
        action=AuditAction.DELETE, instance=occasion, by=by, before=snapshot(occasion), after={}
    )
    occasion.delete()
