"""How many voiced a concern cannot exceed how many took part in its dialogue, when that
number is known. One rule for registering a dialogue and for correcting either side."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from situation.models import Concern, Dialogue


def voices_error(*, voiced_by: int | None, participants: int | None) -> str | None:
    """Why a concern voiced by `voiced_by` cannot belong to a dialogue of `participants`, in
    words naming both numbers; None when it can (or a number is not known)."""
    if voiced_by is None or participants is None or voiced_by <= participants:
        return None
    return _(
        "%(voiced_by)s people voiced this concern, but only %(participants)s took part in "
        "the dialogue. Check both numbers."
    ) % {"voiced_by": voiced_by, "participants": participants}


def check_voices(*, voices: Iterable[int | None], participants: int | None) -> None:
    """Refuse concerns of a new dialogue voiced by more people than took part (an error of
    the whole dialogue: the concerns have no form fields of their own here)."""
    for voiced_by in voices:
        error = voices_error(voiced_by=voiced_by, participants=participants)
        if error:
            raise ValidationError(error, code="voices")


def check_corrected_voices(record: Dialogue | Concern) -> None:
    """Refuse a corrected concern voiced by more than its dialogue's participants, or a
    corrected dialogue with fewer participants than one of its concerns was voiced by."""
    if isinstance(record, Concern):
        participants = Dialogue.objects.values_list("participants", flat=True).get(
            pk=record.dialogue_id
        )
        error = voices_error(voiced_by=record.voiced_by, participants=participants)
        if error:
            raise ValidationError({"voiced_by": error})
        return
    most = record.concerns.aggregate(most=Max("voiced_by"))["most"]
    if most is not None and record.participants is not None and most > record.participants:
        raise ValidationError(
            {
                "participants": _(
                    "A concern of this dialogue was voiced by %(voiced_by)s people, more than "
                    "the %(participants)s participants given. Check both numbers."
                )
                % {"voiced_by": most, "participants": record.participants}
            }
        )
