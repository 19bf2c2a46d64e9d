"""Partial updates: an update service's fields default to KEEP, the stored value stays."""

from collections.abc import Mapping
from enum import Enum
from typing import Final

from django.db.models import Model


class Keep(Enum):
    """The type of KEEP, so that a signature can say `title: str | Keep = KEEP`."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP


def assign_given(instance: Model, values: Mapping[str, object]) -> list[str]:
    """Set the fields whose value is not KEEP; return their names, for a save of those only."""
    given = [name for name, value in values.items() if value is not KEEP]
    for name in given:
        setattr(instance, name, values[name])
    return given
