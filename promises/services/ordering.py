"""The order of a promise's commitments and activities, changed one step at a time."""

from django.db import transaction

from accounts.models import User
from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.versioning import save_versioned
from promises.models import Activity, Commitment
from promises.services.promises import promise_require_draft

PromiseItem = Commitment | Activity


@transaction.atomic
def promise_item_move(
    *, item: PromiseItem, by: User | None, expected_version: int, up: bool
) -> bool:
    """Move a commitment or an activity one place up or down among its promise's; False when
    it is already first or last. Refused if someone changed it since `expected_version`."""
    promise_require_draft(item.promise)
    siblings: list[PromiseItem] = list(
        type(item)
        ._default_manager.select_for_update()
        .filter(promise_id=item.promise_id)
        .order_by("position", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    # Older items may share a position; numbering them all afresh makes every move one step.
    for position, sibling in enumerate(siblings):
        moved = sibling.pk == item.pk
        if sibling.position == position and not moved:
            continue
        before = stored_snapshot(sibling)
        sibling.position = position
        version = expected_version if moved else sibling.version
        save_versioned(sibling, expected_version=version, fields=["position"])
        audit_record(action=AuditAction.CHANGE, instance=sibling, by=by, before=before)
    moved_item = next(sibling for sibling in siblings if sibling.pk == item.pk)
    item.position, item.version = moved_item.position, moved_item.version
    return True
