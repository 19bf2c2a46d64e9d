"""The evidence services themselves refuse personal data that nobody confirmed, naming the
field it was found in, so that no caller (a page, a command, a task) can store it unasked."""

from datetime import date

import pytest

from conftest import Cast, client_for
from core.confirm import NeedsConfirmation
from situation import services
from situation.models import Complaint, Concern, Dialogue
from situation.tests.factories import complaint
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db

PHONE = "ring 070-123 45 67"
Texts = dict[str, str] | None


def _complaint(cast: Cast, texts: Texts = None, *, confirmed: bool = False) -> Complaint:
    return services.complaint_create(
        municipality=cast.eslov,
        by=cast.reporter,
        text=(texts or {}).get("text", "Bilar kör för fort."),
        place=(texts or {}).get("place", ""),
        received_on=date(2016, 5, 4),
        confirmed=confirmed,
    )


def _dialogue(cast: Cast, texts: Texts = None, *, confirmed: bool = False) -> Dialogue:
    return services.dialogue_create(
        municipality=cast.eslov,
        by=cast.coordinator,
        kind="citizen",
        held_on=date(2016, 9, 17),
        form="street_stand",
        title=(texts or {}).get("title", "Dialog vid torget"),
        place=(texts or {}).get("place", ""),
        concerns=[{"text": (texts or {}).get("concern", "Fortkörning."), "place": ""}],
        confirmed=confirmed,
    )


@pytest.mark.parametrize("field", ["text", "place"])
def test_complaint_create_refuses_personal_data_naming_the_field(cast: Cast, field: str) -> None:
    with pytest.raises(NeedsConfirmation) as refused:
        _complaint(cast, {field: f"Skolan, {PHONE}"})
    assert refused.value.has("personal_data")
    assert refused.value.messages[0].startswith(f"{field.capitalize()}: ")
    assert "a phone number (070-123 45 67)" in refused.value.messages[0]
    assert not Complaint.objects.exists()


def test_complaint_create_stores_personal_data_once_confirmed(cast: Cast) -> None:
    stored = _complaint(cast, {"place": f"Skolan, {PHONE}"}, confirmed=True)
    assert stored.place == f"Skolan, {PHONE}"


@pytest.mark.parametrize(
    ("field", "label"),
    [("title", "Title"), ("place", "Place"), ("concern", "Concern 1")],
)
def test_dialogue_create_refuses_personal_data_naming_the_field(
    cast: Cast, field: str, label: str
) -> None:
    with pytest.raises(NeedsConfirmation) as refused:
        _dialogue(cast, {field: f"Möte med Kalle Andersson, {PHONE}"})
    assert all(message.startswith(f"{label}: ") for message in refused.value.messages)
    assert "a name (Kalle Andersson)" in refused.value.messages[0]
    assert not Dialogue.objects.exists() and not Concern.objects.exists()


def test_dialogue_create_stores_personal_data_once_confirmed(cast: Cast) -> None:
    stored = _dialogue(cast, {"title": f"Dialog, {PHONE}"}, confirmed=True)
    assert stored.title == f"Dialog, {PHONE}"
    assert stored.concerns.count() == 1


def test_evidence_correct_refuses_a_corrected_text_with_personal_data(cast: Cast) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2), text="Fortkörning.")
    with pytest.raises(NeedsConfirmation) as refused:
        services.evidence_correct(
            record=found, changes={"place": f"Torget, {PHONE}"}, reason="Plats", by=cast.reporter
        )
    assert refused.value.messages[0].startswith("Place: ")
    found.refresh_from_db()
    assert found.place == ""
    services.evidence_correct(
        record=found,
        changes={"place": f"Torget, {PHONE}"},
        reason="Plats",
        by=cast.reporter,
        confirmed=True,
    )
    found.refresh_from_db()
    assert found.place == f"Torget, {PHONE}"


def test_evidence_correct_does_not_ask_again_about_a_text_it_leaves_as_it_was(
    cast: Cast,
) -> None:
    found = complaint(cast.eslov, Problem.SPEEDING, date(2016, 3, 2), text=f"Oro, {PHONE}")
    services.evidence_correct(
        record=found,
        changes={"text": f"Oro, {PHONE}", "received_on": date(2016, 3, 3)},
        reason="Datum",
        by=cast.reporter,
    )
    found.refresh_from_db()
    assert found.received_on == date(2016, 3, 3)


def test_the_dialogue_page_keeps_a_title_and_place_with_personal_data_and_asks(
    cast: Cast,
) -> None:
    data = {
        "kind": "citizen",
        "held_on": "2016-09-17",
        "form": "street_stand",
        "title": "Dialog hos Kalle Andersson",
        "place": f"Torget, {PHONE}",
        "participants": "40",
        "concern-TOTAL_FORMS": "5",
        "concern-INITIAL_FORMS": "0",
        "concern-0-text": "Fortkörning vid skolan.",
    }
    client = client_for(cast.coordinator)
    response = client.post("/arbete/lagesbild/eslov/dialog/ny/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Title: " in page and "Place: " in page
    assert 'value="Dialog hos Kalle Andersson"' in page
    assert f'value="Torget, {PHONE}"' in page
    assert "Fortkörning vid skolan." in page
    assert not Dialogue.objects.exists()
    confirmed = client.post("/arbete/lagesbild/eslov/dialog/ny/", {**data, "confirmed": "1"})
    assert confirmed.status_code == 302
    assert Dialogue.objects.get().place == f"Torget, {PHONE}"
