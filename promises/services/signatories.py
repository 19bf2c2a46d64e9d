"""The people who signed an agreement or a promise, replaced as a whole list."""

from collections.abc import Sequence
from typing import NotRequired, TypedDict

from accounts.models import Organisation, User
from audit.models import AuditAction
from audit.services import audit_record
from promises.models import Agreement, CitizenPromise, Signatory


class Signer(TypedDict):
    """One signatory as a service takes it; the keys are the signatory's fields."""

    name: str
    title: str
    organisation: NotRequired[Organisation | None]


def _lines(owner: CitizenPromise | Agreement) -> list[str]:
    return [str(person) for person in owner.signatories.all()]


def signatories_replace(
    *, owner: CitizenPromise | Agreement, people: Sequence[Signer], by: User | None
) -> None:
    """Replace the signatories of `owner` with `people`, in their order. The caller checks
    that the owner may be changed and holds the transaction."""
    before = _lines(owner)
    owner.signatories.all().delete()
    for position, person in enumerate(people):
        if isinstance(owner, CitizenPromise):
            Signatory.objects.create(position=position, promise=owner, **person)
        else:
            Signatory.objects.create(position=position, agreement=owner, **person)
    audit_record(
        action=AuditAction.CHANGE,
        instance=owner,
        by=by,
        before={"signatories": before},
        after={"signatories": _lines(owner)},
    )
