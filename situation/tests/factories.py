"""Small helpers that put evidence in the database for the tests."""

import json
from datetime import date, datetime
from itertools import count
from typing import Any

from django.utils import timezone

from places.models import Municipality
from situation.models import Complaint, Concern, Dialogue, PoliceEvent
from situation.vocabularies import DialogueForm, DialogueKind

_ids = count(1_000_000)


def complaint(municipality: Municipality, problem: str, on: date, **extra: Any) -> Complaint:
    defaults: dict[str, Any] = {"text": f"Klagomål om {problem} (påhittat).", "place": ""}
    defaults.update(extra)
    return Complaint.objects.create(
        municipality=municipality, problem=problem, received_on=on, **defaults
    )


def concern(
    municipality: Municipality,
    problem: str,
    on: date,
    voiced_by: int = 1,
    kind: str = DialogueKind.CITIZEN,
) -> Concern:
    dialogue = Dialogue.objects.create(
        municipality=municipality,
        kind=kind,
        held_on=on,
        form=DialogueForm.PUBLIC_MEETING,
        title="Dialog (påhittad)",
        participants=10,
    )
    return Concern.objects.create(
        dialogue=dialogue,
        municipality=municipality,
        problem=problem,
        text=f"Oro för {problem}.",
        voiced_by=voiced_by,
    )


def event(municipality: Municipality | None, problem: str, at: datetime | date) -> PoliceEvent:
    if not isinstance(at, datetime):
        at = datetime(at.year, at.month, at.day, 12)
    at = timezone.make_aware(at) if timezone.is_naive(at) else at
    event_id = next(_ids)
    return PoliceEvent.objects.create(
        id=event_id,
        happened_at=at,
        name=f"Händelse {event_id}",
        event_type="Test",
        location_name=municipality.name if municipality else "Skåne län",
        municipality=municipality,
        problem=problem,
        raw=json.dumps({"id": event_id}),
        fetched_at=timezone.now(),
    )


def police_coordinator(area_org: Any) -> Any:
    """A coordinator of the local police area, who approves pictures for the police."""
    from accounts.models import Membership, Role, User

    user, created = User.objects.get_or_create(
        username="polis.samordnare", defaults={"first_name": "Pia", "last_name": "Polis"}
    )
    if created:
        Membership.objects.create(user=user, organisation=area_org, role=Role.COORDINATOR)
    return user


def publish_by_both(cast: Any, year: int) -> Any:
    """Publish the year's picture of Eslöv as both parties do: each approves the figures
    its preview shows. The publication."""
    from situation import services
    from situation.selectors import figures_fingerprint, year_picture

    published = None
    for approver in (cast.coordinator, police_coordinator(cast.police_org)):
        seen = figures_fingerprint(year_picture(cast.eslov, year))
        published = services.picture_approve(
            municipality=cast.eslov, year=year, by=approver, seen_figures=seen
        )
    assert published is not None
    return published
