"""Writes on the evidence itself: corrected classifications and registered records."""

from collections.abc import Sequence
from datetime import date
from typing import Any, NotRequired, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditAction
from audit.services import audit_record, stored_snapshot
from core.personal_data import labelled, require_no_personal_data
from lib.classify import classify
from places.models import District, Municipality
from promises.models import Commitment
from situation.models import Complaint, Concern, Dialogue, Motivation
from situation.services.voices import check_voices
from situation.vocabularies import Channel, Problem, Receiver


class Reasons(TypedDict):
    """Why a commitment was made, as `commitment_motivate` takes it."""

    commitment: Commitment
    problems: list[str]
    complaints: list[Complaint]
    concerns: list[Concern]


class RaisedConcern(TypedDict):
    """A concern raised in a dialogue, as `dialogue_create` takes it."""

    text: str
    problem: NotRequired[str]
    voiced_by: NotRequired[int | None]
    place: NotRequired[str]


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


def _motivation_snapshot(motivation: Motivation) -> dict[str, Any]:
    return stored_snapshot(motivation)


@transaction.atomic
def commitment_motivate(
    *,
    commitment: Commitment,
    problems: list[str],
    complaints: list[Complaint],
    concerns: list[Concern],
    by: Any,
) -> None:
    """Set which problems a commitment answers, and which records it cites as showing them.

    A cited record must be of the commitment's municipality and filed under a chosen problem.
    """
    unknown = [p for p in problems if p not in Problem.values]
    if unknown:
        raise ValidationError({"problems": _("Choose problems from the list.")})
    municipality_id = commitment.promise.municipality_id
    cited: list[Complaint | Concern] = [*complaints, *concerns]
    for record in cited:
        if record.municipality_id != municipality_id or record.problem not in problems:
            raise ValidationError(
                _("A cited record must be of the same municipality and one of the chosen problems.")
            )
    existing = {m.problem: m for m in Motivation.objects.filter(commitment=commitment)}
    for problem, motivation in existing.items():
        if problem not in problems:
            audit_record(action=AuditAction.DELETE, instance=motivation, by=by)
            motivation.delete()
    for problem in problems:
        found = existing.get(problem)
        before = _motivation_snapshot(found) if found else None
        motivation = found or Motivation.objects.create(commitment=commitment, problem=problem)
        motivation.complaints.set([c for c in complaints if c.problem == problem])
        motivation.concerns.set([c for c in concerns if c.problem == problem])
        action = AuditAction.CHANGE if before is not None else AuditAction.CREATE
        audit_record(action=action, instance=motivation, by=by, before=before)


@transaction.atomic
def commitments_motivate(*, reasons: Sequence[Reasons], by: Any) -> None:
    """Set the reasons behind several commitments at once: all are saved, or none."""
    for reason in reasons:
        commitment_motivate(by=by, **reason)


def _classified(text: str, chosen: str, by: Any) -> dict[str, Any]:
    """The problem fields of a new record: the staff's choice, or else the suggestion."""
    suggestion = classify(text)
    problem = chosen or suggestion.problem
    corrected = bool(chosen) and chosen != suggestion.problem
    return {
        "problem": problem,
        "suggested_problem": suggestion.problem,
        "suggested_confidence": suggestion.confidence,
        "corrected_by": by if corrected else None,
        "corrected_at": timezone.now() if corrected else None,
    }


@transaction.atomic
def complaint_create(
    *,
    municipality: Municipality,
    by: Any,
    text: str,
    received_on: date,
    problem: str = "",
    receiver: str = Receiver.POLICE,
    channel: str = Channel.OTHER,
    place: str = "",
    district: District | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    may_show_anonymised: bool = False,
    confirmed: bool = False,
) -> Complaint:
    """Register a complaint; without a chosen problem it is filed under the suggestion.
    Personal data in its text or place needs `confirmed` (NeedsConfirmation)."""
    complaint = Complaint(
        municipality=municipality,
        text=text,
        created_by=by,
        received_on=received_on,
        receiver=receiver,
        channel=channel,
        place=place,
        district=district,
        latitude=latitude,
        longitude=longitude,
        may_show_anonymised=may_show_anonymised,
        **_classified(text, problem, by),
    )
    complaint.full_clean()
    require_no_personal_data(labelled(complaint, "text", "place"), confirmed=confirmed)
    complaint.save()
    audit_record(action=AuditAction.CREATE, instance=complaint, by=by)
    return complaint


@transaction.atomic
def dialogue_create(
    *,
    municipality: Municipality,
    by: Any,
    concerns: Sequence[RaisedConcern],
    kind: str,
    held_on: date,
    form: str,
    title: str,
    participants: int | None = None,
    participant_groups: Sequence[str] = (),
    place: str = "",
    district: District | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    notes: str = "",
    confirmed: bool = False,
) -> Dialogue:
    """Register a citizen or employee dialogue with the concerns raised in it; none may be
    voiced by more people than took part. Personal data in its title, place, notes or
    concerns needs `confirmed` (NeedsConfirmation)."""
    check_voices(voices=[raised.get("voiced_by") for raised in concerns], participants=participants)
    dialogue = Dialogue(
        municipality=municipality,
        created_by=by,
        kind=kind,
        held_on=held_on,
        form=form,
        title=title,
        participants=participants,
        participant_groups=list(participant_groups),
        place=place,
        district=district,
        latitude=latitude,
        longitude=longitude,
        notes=notes,
    )
    dialogue.full_clean()
    require_no_personal_data(
        {**labelled(dialogue, "title", "place", "notes"), **_concern_texts(concerns)},
        confirmed=confirmed,
    )
    dialogue.save()
    audit_record(action=AuditAction.CREATE, instance=dialogue, by=by)
    for raised in concerns:
        _concern_create(dialogue=dialogue, by=by, **raised)
    return dialogue


def _concern_texts(concerns: Sequence[RaisedConcern]) -> dict[str, str]:
    """The concerns' texts and places, labelled by their number."""
    texts = {}
    for number, raised in enumerate(concerns, start=1):
        texts[_("concern %(number)s") % {"number": number}] = raised.get("text", "")
        texts[_("place of concern %(number)s") % {"number": number}] = raised.get("place", "")
    return texts


def _concern_create(
    *,
    dialogue: Dialogue,
    by: Any,
    text: str,
    problem: str = "",
    voiced_by: int | None = None,
    place: str = "",
) -> None:
    concern = Concern(
        dialogue=dialogue,
        municipality=dialogue.municipality,
        district=dialogue.district,
        text=text,
        voiced_by=voiced_by or 1,
        place=place,
        **_classified(text, problem, by),
    )
    concern.full_clean()
    concern.save()
    audit_record(action=AuditAction.CREATE, instance=concern, by=by)
