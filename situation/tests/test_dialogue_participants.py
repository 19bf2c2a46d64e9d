"""A dialogue's number of participants is known (at least one) or left empty: never 0."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from conftest import Cast, client_for
from situation import services
from situation.models import Dialogue
from situation.tests.factories import concern
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db

URL = "/arbete/lagesbild/eslov/dialog/ny/"
NOT_A_DIALOGUE = "A dialogue with 0 participants is not a dialogue."


def _form(participants: str) -> dict[str, str]:
    return {
        "kind": "citizen",
        "held_on": "2016-09-17",
        "form": "street_stand",
        "title": "Dialog vid torget",
        "participants": participants,
        "concern-TOTAL_FORMS": "5",
        "concern-INITIAL_FORMS": "0",
        "concern-0-text": "Buskörning med mopeder i centrum.",
    }


def test_zero_participants_is_refused_and_empty_means_not_known(cast: Cast) -> None:
    client = client_for(cast.reporter)
    refused = client.post(URL, _form("0"))
    assert refused.status_code == 200
    assert NOT_A_DIALOGUE in str(refused.context["form"].errors["participants"])
    assert 'value="Dialog vid torget"' in refused.content.decode()
    assert not Dialogue.objects.exists()
    assert client.post(URL, _form("")).status_code == 302
    assert Dialogue.objects.get().participants is None


def test_the_service_refuses_zero_participants(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        services.dialogue_create(
            municipality=cast.eslov,
            by=cast.reporter,
            concerns=[],
            kind="citizen",
            held_on=date(2016, 9, 17),
            form="street_stand",
            title="Dialog",
            participants=0,
        )
    assert refused.value.message_dict["participants"][0].startswith(NOT_A_DIALOGUE)
    assert not Dialogue.objects.exists()


def test_a_correction_cannot_set_zero_but_can_say_not_known(cast: Cast) -> None:
    dialogue = concern(cast.eslov, Problem.SPEEDING, date(2016, 9, 1)).dialogue
    url = f"/arbete/lagesbild/post/dialogue/{dialogue.pk}/andra/"
    data = {
        "kind": dialogue.kind,
        "held_on": "2016-09-01",
        "form": dialogue.form,
        "title": dialogue.title,
        "notes": "",
        "reason": "Antalet räknades aldrig.",
    }
    client = client_for(cast.coordinator)
    refused = client.post(url, {**data, "participants": "0"})
    assert NOT_A_DIALOGUE in str(refused.context["form"].errors["participants"])
    dialogue.refresh_from_db()
    assert dialogue.participants == 10
    assert client.post(url, {**data, "participants": ""}).status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.participants is None


def test_the_records_page_says_not_known_rather_than_zero(cast: Cast) -> None:
    known = concern(cast.eslov, Problem.SPEEDING, date(2016, 9, 1), voiced_by=3)
    unknown = concern(cast.eslov, Problem.SPEEDING, date(2016, 10, 1), voiced_by=2)
    Dialogue.objects.filter(pk=unknown.dialogue_id).update(participants=None)
    url = "/arbete/lagesbild/eslov/2016/poster/citizen_dialogues/speeding/"
    page = client_for(cast.coordinator).get(url).content.decode()
    assert known.dialogue.participants == 10 and "10 participants" in page
    assert "participants not known" in page and "· 0 participants" not in page


def test_the_migration_turns_a_stored_zero_into_not_known(cast: Cast) -> None:
    zero = concern(cast.eslov, Problem.SPEEDING, date(2016, 9, 1)).dialogue
    known = concern(cast.eslov, Problem.SPEEDING, date(2016, 9, 2)).dialogue
    Dialogue.objects.filter(pk=zero.pk).update(participants=0)
    migration = importlib.import_module("situation.migrations.0010_dialogue_participants_not_known")
    migration.zero_is_not_known(apps, None)
    zero.refresh_from_db()
    known.refresh_from_db()
    assert (zero.participants, known.participants) == (None, 10)
