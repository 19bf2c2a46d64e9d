"""Reading the audit trail as a page's history, in words a coordinator reads."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent

_EXTRA_LABELS = {"signatories": _("signatories"), "password": _("password")}


@dataclass(frozen=True)
class ChangeRow:
    label: Any
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    event: AuditEvent
    kind: Any
    rows: list[ChangeRow]
    # Who wrote, as people know them; None when nobody did (a command, the system).
    who: str | None = None


def person_name(person: Any) -> str:
    """A person as the trail names them: a user model's `audit_name` (their name and
    organisation) when it has one, else its display name; never their login name."""
    named = getattr(person, "audit_name", None)
    return str(named() if callable(named) else person)


def _model(label: str) -> type[Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


# A day or a moment as the trail stores it: ISO 8601, a moment in UTC with its offset.
_ISO_MOMENT = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def moment_in_words(value: date | datetime) -> str:
    """A day ("30 november 2026") or a moment in local time ("30 november 2026 14:19"), as
    the interface's language writes it."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "j F Y H:i")
    return formats.date_format(value, "j F Y")


def _moment(value: str) -> str | None:
    """A stored day or moment in words, or None when `value` is not one."""
    if not _ISO_MOMENT.match(value):
        return None
    try:
        if len(value) == 10:
            return moment_in_words(date.fromisoformat(value))
        return moment_in_words(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


# A related record as the trail stores it: its name, then its id for exactness ("Eslöv (#122)").
_RELATED = re.compile(r"^(?P<name>.*?) ?\(#\d+\)$", re.DOTALL)


def _related_name(value: Any) -> str:
    """A related record's name without its database id (empty when it had no name)."""
    found = _RELATED.match(str(value))
    return found["name"].strip() if found else str(value)


def _shown(model: type[Model] | None, name: str, value: Any) -> Any:
    if value in (None, "", []):
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and (moment := _moment(value)):
        return moment
    field = None
    if model is not None:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
    if field is not None and field.is_relation:
        # A reader knows a record by its name; a database id tells them nothing.
        names = [_related_name(v) for v in (value if isinstance(value, list) else [value])]
        return ", ".join(n for n in names if n) or "–"
    choices = dict(getattr(field, "choices", None) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return choices.get(value, value)


def _label(model: type[Model] | None, name: str) -> Any:
    if name in _EXTRA_LABELS:
        return _EXTRA_LABELS[name]
    try:
        return model._meta.get_field(name).verbose_name if model else name  # type: ignore[union-attr]
    except FieldDoesNotExist:
        return name


def _who(event: AuditEvent, names: dict[int, str]) -> str | None:
    """The person behind an event as they are named today (their name may have been added
    since), or as the trail kept them once the account is gone."""
    if event.actor_id is None:
        return event.actor_name or None
    if event.actor_id not in names:
        names[event.actor_id] = person_name(event.actor)
    return names[event.actor_id]


def history(trail: str, limit: int = 100) -> list[HistoryEntry]:
    """The newest events of one trail (e.g. 'citizenpromise:12'), with labelled changes."""
    entries = []
    names: dict[int, str] = {}
    for event in AuditEvent.objects.filter(trail=trail).select_related("actor")[:limit]:
        model = _model(event.model)
        shown = [
            ChangeRow(_label(model, name), _shown(model, name, before), _shown(model, name, after))
            for name, (before, after) in event.changes.items()
        ]
        # A change a reader cannot see (moments that differ by less than a minute) is noise.
        rows = [row for row in shown if row.before != row.after]
        kind = model._meta.verbose_name if model else event.model
        entries.append(HistoryEntry(event, kind, rows, _who(event, names)))
    return entries


def data_version() -> str:
    """A word that changes whenever anything is written (every write is audited) and at
    midnight (progress is reckoned by the day): for caches of what the data shows."""
    from django.utils import timezone

    # The newest event's id, not its time: ids only grow, whatever the clocks say.
    newest = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    return f"{timezone.localdate().isoformat()}:{newest or 0}"


def latest_change_at() -> Any:
    """When the newest write was recorded, or None before any."""
    return AuditEvent.objects.order_by("-at").values_list("at", flat=True).first()
