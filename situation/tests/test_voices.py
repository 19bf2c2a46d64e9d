"""A concern cannot be voiced by more people than took part in its dialogue, when that number
is known: on registering, and on correcting either the concern or the dialogue."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from conftest import Cast, client_for
from situation import services
from situation.models import Concern, Dialogue
from situation.services.voices import voices_error
from situation.tests.factories import concern
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db


def test_the_rule_names_both_numbers_and_lets_unknowns_pass() -> None:
    message = voices_error(voiced_by=12, participants=10)
    assert message is not None and "12" in message and "10" in message
    assert voices_error(voiced_by=10, participants=10) is None
    assert voices_error(voiced_by=12, participants=None) is None
    assert voices_error(voiced_by=None, participants=10) is None


def test_the_service_refuses_a_dialogue_whose_concern_outnumbers_its_participants(
    cast: Cast,
) -> None:
    def register(participants: int | None) -> Dialogue:
        return services.dialogue_create(
            municipality=cast.eslov,
            by=cast.reporter,
            concerns=[{"text": "Buskörning.", "voiced_by": 12}],
            kind="citizen",
            held_on=date(2016, 9, 17),
            form="street_stand",
            title="Dialog",
            participants=participants,
        )

    with pytest.raises(ValidationError, match="12 people voiced this concern, but only 10"):
        register(10)
    assert not Dialogue.objects.exists() and not Concern.objects.exists()
    assert register(None).concerns.get().voiced_by == 12


def test_correcting_a_concern_past_its_dialogue_is_refused(cast: Cast) -> None:
    raised = concern(cast.eslov, Problem.LITTERING, date(2016, 9, 1), voiced_by=4)
    url = f"/arbete/lagesbild/post/concern/{raised.pk}/andra/"
    data = {"text": raised.text, "problem": Problem.LITTERING, "reason": "Räknade fel."}
    client = client_for(cast.coordinator)
    refused = client.post(url, {**data, "voiced_by": "11"})
    assert "11 people voiced this concern, but only 10 took part" in refused.content.decode()
    raised.refresh_from_db()
    assert raised.voiced_by == 4
    assert client.post(url, {**data, "voiced_by": "10"}).status_code == 302
    raised.refresh_from_db()
    assert raised.voiced_by == 10


def test_correcting_a_dialogue_below_a_concern_is_refused(cast: Cast) -> None:
    dialogue = concern(cast.eslov, Problem.LITTERING, date(2016, 9, 1), voiced_by=8).dialogue
    with pytest.raises(ValidationError) as refused:
        services.evidence_correct(
            record=dialogue, changes={"participants": 5}, reason="Räknade fel.", by=cast.reporter
        )
    message = refused.value.message_dict["participants"][0]
    assert "voiced by 8 people, more than the 5 participants" in message
    dialogue.refresh_from_db()
    assert dialogue.participants == 10
    services.evidence_correct(
        record=dialogue, changes={"participants": 8}, reason="Räknade fel.", by=cast.reporter
    )
    dialogue.refresh_from_db()
    assert dialogue.participants == 8
    event = AuditEvent.objects.get(model="situation.Dialogue", action="change")
    assert event.changes["participants"] == [10, 8]
