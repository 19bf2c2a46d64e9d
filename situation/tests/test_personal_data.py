"""Free text with personal data is stored only once the person typing it has been warned and
has confirmed that it is needed."""

import pytest

from conftest import Cast, client_for
from situation.models import Complaint, Concern, Dialogue

pytestmark = pytest.mark.django_db

COMPLAINT = {
    "received_on": "2016-05-04",
    "receiver": "police",
    "channel": "phone",
    "text": "Grannen Kalle Svensson kör för fort, ring honom på 070-123 45 67.",
    "place": "Skolan",
}
DIALOGUE = {
    "kind": "citizen",
    "held_on": "2016-09-17",
    "form": "street_stand",
    "title": "Dialog vid torget",
    "participants": "40",
    "notes": "Kontakt: anna.berg@exempel.se",
    "concern-TOTAL_FORMS": "5",
    "concern-INITIAL_FORMS": "0",
    "concern-0-text": "Bilen ABC 123 står på trottoaren varje natt.",
    "concern-0-voiced_by": "2",
}


def test_a_complaint_with_a_name_and_a_phone_number_comes_back_with_a_warning(
    cast: Cast,
) -> None:
    response = client_for(cast.reporter).post("/arbete/lagesbild/eslov/klagomal/nytt/", COMPLAINT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "seems to hold personal data" in page
    assert "a name (Kalle Svensson)" in page and "a phone number (070-123 45 67)" in page
    # Everything typed is kept, and the box to store anyway is offered.
    assert "ring honom på 070-123 45 67.</textarea>" in page
    assert 'name="confirmed"' in page
    assert not Complaint.objects.exists()


def test_a_complaint_with_personal_data_is_stored_once_confirmed(cast: Cast) -> None:
    response = client_for(cast.reporter).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/", {**COMPLAINT, "confirmed": "1"}
    )
    assert response.status_code == 302
    assert Complaint.objects.get().text == COMPLAINT["text"]


def test_a_complaint_without_personal_data_is_stored_without_a_question(cast: Cast) -> None:
    response = client_for(cast.reporter).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {**COMPLAINT, "text": "Bilarna kör för fort förbi skolan varje morgon."},
    )
    assert response.status_code == 302
    assert Complaint.objects.count() == 1


def test_a_dialogue_warns_about_its_notes_and_its_concerns(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    response = client.post("/arbete/lagesbild/eslov/dialog/ny/", DIALOGUE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "an e-mail address (anna.berg@exempel.se)" in page
    assert "a vehicle registration number (ABC 123)" in page
    assert "Bilen ABC 123 står på trottoaren varje natt." in page
    assert not Dialogue.objects.exists() and not Concern.objects.exists()

    confirmed = client.post("/arbete/lagesbild/eslov/dialog/ny/", {**DIALOGUE, "confirmed": "1"})
    assert confirmed.status_code == 302
    assert Concern.objects.get().text == DIALOGUE["concern-0-text"]


def test_a_concern_alone_with_an_identity_number_is_warned_about(cast: Cast) -> None:
    data = {**DIALOGUE, "notes": "", "concern-0-text": "Anmälaren 811218-9876 är orolig."}
    response = client_for(cast.reporter).post("/arbete/lagesbild/eslov/dialog/ny/", data)
    assert "a personal identity number (811218-9876)" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_no_confirmation_lets_a_viewer_register_evidence(cast: Cast) -> None:
    response = client_for(cast.viewer).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/", {**COMPLAINT, "confirmed": "1"}
    )
    assert response.status_code == 403
    assert not Complaint.objects.exists()
