"""Correcting and withdrawing evidence: a complaint, a dialogue, a concern, an imported crime
statistic or survey result, and undoing a whole file import.

Every write is audited with the reason given. A withdrawn record is removed from the
database, so it counts nowhere (the picture, the map, the reasons behind promises, the
API); the audit trail keeps who withdrew it, when, why and its non-private values.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import audit_record, snapshot, stored_snapshot
from core.personal_data import labelled, require_no_personal_data
from imports.models import FileImport, FileImportStatus
from situation.models import Complaint, Concern, CrimeStatistic, Dialogue, SurveyResult
from situation.services.voices import check_corrected_voices

Evidence = Complaint | Dialogue | Concern | CrimeStatistic | SurveyResult

# The fields staff may correct, per kind of record; the rest say where a record came from.
CORRECTABLE_FIELDS: dict[type[Any], tuple[str, ...]] = {
    Complaint: (
        "received_on",
        "receiver",
        "channel",
        "text",
        "place",
        "district",
        "latitude",
        "longitude",
        "problem",
        "may_show_anonymised",
    ),
    Dialogue: ("kind", "held_on", "form", "title", "participants", "notes"),
    Concern: ("text", "voiced_by", "problem"),
    CrimeStatistic: ("reported", "per_100k", "problem"),
    SurveyResult: ("share", "index", "problem"),
}
# The correctable fields that hold free text, checked for personal data.
FREE_TEXT_FIELDS = ("text", "place", "title", "notes")
# Models a file import stores into, by the name its record of changes uses.
IMPORTED_MODELS: dict[str, type[Any]] = {
    "complaint": Complaint,
    "crime_statistic": CrimeStatistic,
    "survey_result": SurveyResult,
}


def _reason_given(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why, so that others can follow the change.")})
    return reason


@transaction.atomic
def evidence_correct(
    *,
    record: Evidence,
    changes: Mapping[str, Any],
    reason: str,
    by: Any,
    confirmed: bool = False,
) -> None:
    """Correct some of a record's fields, keeping the reason in the audit trail. A moved
    record is held to the same place rules as a new one (`Placed.clean`); personal data in
    a changed text needs `confirmed` (NeedsConfirmation)."""
    reason = _reason_given(reason)
    allowed = CORRECTABLE_FIELDS[type(record)]
    unknown = set(changes) - set(allowed)
    if unknown:
        raise ValueError(f"not correctable: {sorted(unknown)}")
    before = stored_snapshot(record)
    # Only texts the correction changes (against the database: a model form has already
    # set them on the record): what was confirmed before is not asked again.
    texts = [name for name in FREE_TEXT_FIELDS if name in changes]
    stored = type(record)._default_manager.filter(pk=record.pk).values(*texts).first() or {}
    changed_texts = [name for name in texts if (changes[name] or "") != (stored.get(name) or "")]
    for name, value in changes.items():
        setattr(record, name, value)
    if isinstance(record, Complaint | Concern) and before.get("problem") != record.problem:
        record.corrected_by, record.corrected_at = by, timezone.now()
    record.full_clean()
    if isinstance(record, Dialogue | Concern):
        check_corrected_voices(record)
    require_no_personal_data(labelled(record, *changed_texts), confirmed=confirmed)
    record.save()
    after = {**snapshot(record), "reason": reason}
    audit_record(action=AuditAction.CHANGE, instance=record, by=by, before=before, after=after)


def _withdraw_one(record: Evidence, reason: str, by: Any) -> None:
    before = stored_snapshot(record)
    audit_record(
        action=AuditAction.DELETE,
        instance=record,
        by=by,
        before=before,
        after={"withdrawal_reason": reason},
    )
    record.delete()


@transaction.atomic
def evidence_withdraw(*, record: Evidence, reason: str, by: Any) -> None:
    """Withdraw a record entered by mistake; a dialogue takes its concerns with it."""
    reason = _reason_given(reason)
    if isinstance(record, Dialogue):
        for concern in record.concerns.all():
            _withdraw_one(concern, reason, by)
    _withdraw_one(record, reason, by)


@transaction.atomic
def file_import_undo(*, run: FileImport, reason: str, by: Any) -> None:
    """Undo a stored file import: remove the records it created and put back the values it
    replaced. Records corrected or withdrawn since are left as they now are."""
    reason = _reason_given(reason)
    if run.status != FileImportStatus.STORED:
        raise ValidationError(_("Only a stored import can be undone."))
    done = run.stored_changes or {}
    removed = restored = 0
    for name, pks in done.get("created", {}).items():
        removed += (
            IMPORTED_MODELS[name]
            .objects.filter(pk__in=pks)
            .delete()[1]
            .get(IMPORTED_MODELS[name]._meta.label, 0)
        )
    for name, pk, old in done.get("replaced", []):
        model = IMPORTED_MODELS[name]
        restored += model.objects.filter(pk=pk).update(
            **{f: model._meta.get_field(f).to_python(v) for f, v in old.items()}
        )
    before = stored_snapshot(run)
    run.status = FileImportStatus.UNDONE
    run.summary = _("Undone. Records removed: %(removed)s. Records put back: %(restored)s.") % {
        "removed": removed,
        "restored": restored,
    }
    run.save(update_fields=["status", "summary"])
    after = {**snapshot(run), "reason": reason}
    audit_record(action=AuditAction.CHANGE, instance=run, by=by, before=before, after=after)
