"""Recording to the audit trail. Services call `audit_record` after every write."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

from audit.context import client_address
from audit.models import ACTOR_NAME_LENGTH, AuditAction, AuditEvent
from audit.selectors import person_name
from core.pagecache import changed_record

# Never written to the trail, whatever the model.
SECRET_FIELDS = {"password"}
# Bookkeeping that changes on every save and says nothing to a reader.
NOISE_FIELDS = {
    "version",
    "updated_at",
    "created_at",
    "done_count",
    "last_done_on",
    "reached_count",
    "last_login",
}

Snapshot = dict[str, Any]


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(instance: models.Model) -> Snapshot:
    """The values of a record's own fields and many-to-many links, as plain JSON values."""
    values: Snapshot = {}
    # A model names fields that may hold personal data, which the append-only trail must not
    # copy (complaint texts): their changes are recorded without the values.
    private = getattr(instance, "audit_private_fields", ())
    for field in instance._meta.concrete_fields:
        if field.name in NOISE_FIELDS or field.name in SECRET_FIELDS:
            continue
        if field.name in private:
            values[field.name] = f"({len(str(getattr(instance, field.attname)))})"
            continue
        if field.is_relation:
            # Names read better in a history than ids; the id stays for exactness.
            related = getattr(instance, field.name)
            values[field.name] = f"{related} (#{related.pk})" if related is not None else None
        else:
            values[field.name] = _plain(getattr(instance, field.attname))
    if instance.pk is not None:
        for m2m in instance._meta.many_to_many:
            related_objects = getattr(instance, m2m.name).order_by("pk")
            values[m2m.name] = [f"{obj} (#{obj.pk})" for obj in related_objects]
    return values


def stored_snapshot(instance: models.Model) -> Snapshot:
    """The record as the database holds it now. Take "before" from here: a model form may
    already have written the new values onto the instance in memory."""
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    return snapshot(stored) if stored is not None else {}


def diff(before: Snapshot, after: Snapshot) -> dict[str, list[Any]]:
    """Fields whose value differs, as {field: [before, after]}."""
    names = list(dict.fromkeys([*before, *after]))
    return {n: [before.get(n), after.get(n)] for n in names if before.get(n) != after.get(n)}


def trail_of(instance: models.Model) -> str:
    """Which page's history an event belongs to. A record that is part of a bigger one (an
    activity of a promise) names that one through its `audit_trail` method."""
    part_of = getattr(instance, "audit_trail", None)
    if callable(part_of):
        return str(part_of())
    return f"{instance._meta.model_name}:{instance.pk}"


def audit_record(
    *,
    action: str,
    instance: models.Model,
    by: Any,
    before: Snapshot | None = None,
    after: Snapshot | None = None,
) -> AuditEvent | None:
    """Write one event; a change that changed nothing is not recorded."""
    before = before or {}
    after = (
        after if after is not None else (snapshot(instance) if action != AuditAction.DELETE else {})
    )
    changes = diff(before, after)
    if action == AuditAction.CHANGE and not changes:
        return None
    # Every audited write may change what a public page shows: those pages are stale from
    # the commit on.
    changed_record(instance)
    actor = by if getattr(by, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=actor,
        # Kept for when the account is gone; while it exists, the history names it afresh.
        actor_name=person_name(actor)[:ACTOR_NAME_LENGTH] if actor else "",
        ip_address=client_address(),
        action=action,
        model=instance._meta.label,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        trail=trail_of(instance),
        changes=changes,
    )
