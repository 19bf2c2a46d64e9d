"""Writes of the collaboration agreements between a municipality and its police area."""

from collections.abc import Iterable, Sequence
from datetime import date

from django.db import transaction

from accounts.models import Organisation, User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.changes import KEEP, Keep, assign_given
from core.personal_data import labelled, require_no_personal_data
from core.versioning import save_versioned
from places.models import Municipality, PoliceArea
from promises.models import Agreement
from promises.services.signatories import Signer, signatories_replace


@transaction.atomic
def agreement_create(
    *,
    by: User | None,
    municipality: Municipality,
    police_area: PoliceArea,
    title: str,
    start_year: int,
    end_year: int,
    signed_on: date | None = None,
    signed_month_only: bool = False,
    summary: str = "",
    follow_ups_cosigned: bool = False,
    parties: Iterable[Organisation] = (),
    people: Sequence[Signer] = (),
    confirmed: bool = False,
) -> Agreement:
    """Record a collaboration agreement between a municipality and its police area. Personal
    data in its title or summary, which are public, needs `confirmed` (NeedsConfirmation)."""
    agreement = Agreement(
        municipality=municipality,
        police_area=police_area,
        title=title,
        start_year=start_year,
        end_year=end_year,
        signed_on=signed_on,
        signed_month_only=signed_month_only,
        summary=summary,
        follow_ups_cosigned=follow_ups_cosigned,
    )
    agreement.full_clean()
    _require_no_personal_data(agreement, confirmed=confirmed)
    agreement.save()
    agreement.parties.set(parties)
    audit_record(action=AuditAction.CREATE, instance=agreement, by=by)
    if people:
        signatories_replace(owner=agreement, people=people, by=by)
    return agreement


@transaction.atomic
def agreement_update(
    *,
    agreement: Agreement,
    by: User | None,
    expected_version: int,
    title: str | Keep = KEEP,
    start_year: int | Keep = KEEP,
    end_year: int | Keep = KEEP,
    signed_on: date | None | Keep = KEEP,
    signed_month_only: bool | Keep = KEEP,
    summary: str | Keep = KEEP,
    follow_ups_cosigned: bool | Keep = KEEP,
    parties: Iterable[Organisation] | Keep = KEEP,
    people: Sequence[Signer] | Keep = KEEP,
    confirmed: bool = False,
) -> Agreement:
    """Change an agreement; refused if someone else saved it since `expected_version`.
    What is not given stays as it is. Personal data in its title or summary needs
    `confirmed`."""
    before = stored_snapshot(agreement)
    fields = assign_given(
        agreement,
        {
            "title": title,
            "start_year": start_year,
            "end_year": end_year,
            "signed_on": signed_on,
            "signed_month_only": signed_month_only,
            "summary": summary,
            "follow_ups_cosigned": follow_ups_cosigned,
        },
    )
    agreement.full_clean(exclude=["municipality", "police_area"])
    _require_no_personal_data(agreement, confirmed=confirmed)
    save_versioned(agreement, expected_version=expected_version, fields=fields)
    if parties is not KEEP:
        agreement.parties.set(parties)
    audit_record(action=AuditAction.CHANGE, instance=agreement, by=by, before=before)
    if people is not KEEP:
        signatories_replace(owner=agreement, people=people, by=by)
    return agreement


def _require_no_personal_data(agreement: Agreement, *, confirmed: bool) -> None:
    texts = labelled(agreement, "title", "summary")
    require_no_personal_data(texts, confirmed=confirmed, published=True)
