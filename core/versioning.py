"""Optimistic locking: a save is refused when someone else saved the record in between."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Model
from django.utils import timezone
from django.utils.translation import gettext as _


class ConcurrentEditError(ValidationError):
    """The record changed after the editor opened it; their save would overwrite that change."""


def save_versioned(instance: Model, *, expected_version: int, fields: list[str]) -> None:
    """Write `fields` only if the stored version is still `expected_version`, then bump it."""
    values: dict[str, Any] = {name: getattr(instance, name) for name in fields}
    if any(f.name == "updated_at" for f in instance._meta.fields):
        values["updated_at"] = timezone.now()
    updated = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, version=expected_version)
        .update(version=F("version") + 1, **values)
    )
    if not updated:
        raise ConcurrentEditError(
            # One sentence for every kind of record: a name put into it would need its
            # definite form in Swedish ("aktiviteten", "löftet"), which no label gives.
            _(
                "Someone else saved changes here after you opened the page. Your changes were "
                "not saved: reload the page to see the latest version, then make your changes "
                "again."
            ),
            code="concurrent_edit",
        )
    instance.version = expected_version + 1  # type: ignore[attr-defined]
