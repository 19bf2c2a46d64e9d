from datetime import date

import pytest

from audit.models import AuditEvent
from conftest import Cast, client_for
from situation.models import Complaint, Concern, Dialogue
from situation.vocabularies import Problem

pytestmark = pytest.mark.django_db


def test_a_reporter_registers_a_complaint_filed_under_the_suggested_problem(cast: Cast) -> None:
    response = client_for(cast.reporter).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {
            "received_on": "2016-05-04",
            "receiver": "police",
            "channel": "phone",
            "text": "Bilarna kör alldeles för fort förbi skolan.",
            "place": "Skolan",
        },
    )
    complaint = Complaint.objects.get()
    assert response["Location"] == "/arbete/lagesbild/eslov/2016/poster/complaints/speeding/"
    assert complaint.problem == complaint.suggested_problem == Problem.SPEEDING
    assert complaint.corrected_by is None and complaint.created_by == cast.reporter
    event = AuditEvent.objects.get(model="situation.Complaint")
    assert "skolan" not in str(event.changes)  # the text stays out of the trail


def test_a_chosen_problem_wins_and_counts_as_a_correction(cast: Cast) -> None:
    client_for(cast.coordinator).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {
            "received_on": "2016-05-04",
            "receiver": "municipality",
            "channel": "email",
            "text": "Bilarna kör alldeles för fort förbi skolan.",
            "problem": Problem.UNPROTECTED_ROAD_USERS,
        },
    )
    complaint = Complaint.objects.get()
    assert complaint.problem == Problem.UNPROTECTED_ROAD_USERS
    assert complaint.suggested_problem == Problem.SPEEDING
    assert complaint.corrected_by == cast.coordinator


def test_a_complaint_needs_a_date_and_a_text_and_a_district_of_its_own(cast: Cast) -> None:
    from places.models import District

    lund_district = District.objects.create(municipality=cast.lund, name="Lunds centrum")
    response = client_for(cast.coordinator).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {"receiver": "police", "channel": "phone", "district": lund_district.pk},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"received_on", "text", "district"} <= set(errors)
    assert not Complaint.objects.exists()


def test_a_dialogue_is_registered_with_its_concerns(cast: Cast) -> None:
    data = {
        "kind": "citizen",
        "held_on": "2016-09-17",
        "form": "street_stand",
        "title": "Dialog vid torget",
        "participants": "40",
        "participant_groups": ["residents", "parents"],
        "concern-TOTAL_FORMS": "5",
        "concern-INITIAL_FORMS": "0",
        "concern-0-text": "Buskörning med mopeder i centrum.",
        "concern-0-voiced_by": "9",
        "concern-1-text": "Mörkt i parken.",
        "concern-1-problem": Problem.PHYSICAL_ENVIRONMENT,
    }
    response = client_for(cast.reporter).post("/arbete/lagesbild/eslov/dialog/ny/", data)
    assert response["Location"] == "/arbete/lagesbild/eslov/2016/"
    dialogue = Dialogue.objects.get()
    assert dialogue.participant_groups == ["residents", "parents"]
    mopeds, dark = Concern.objects.order_by("pk")
    assert (mopeds.voiced_by, mopeds.problem) == (9, Problem.RECKLESS_DRIVING)
    assert (dark.voiced_by, dark.problem) == (1, Problem.PHYSICAL_ENVIRONMENT)
    assert mopeds.municipality == cast.eslov and mopeds.dialogue.held_on == date(2016, 9, 17)


def test_viewers_may_read_but_not_register_evidence(cast: Cast) -> None:
    response = client_for(cast.viewer).post(
        "/arbete/lagesbild/eslov/klagomal/nytt/",
        {"received_on": "2016-05-04", "receiver": "police", "channel": "phone", "text": "x"},
    )
    assert response.status_code == 403
    assert not Complaint.objects.exists()


def test_a_misspelt_field_of_a_complaint_or_a_raised_concern_is_refused(cast: Cast) -> None:
    from situation.services import complaint_create, dialogue_create

    with pytest.raises(TypeError):
        complaint_create(
            municipality=cast.eslov,
            by=cast.reporter,
            text="Bilarna kör för fort.",
            received_on=date(2016, 5, 4),
            plase="Skolan",  # type: ignore[call-arg]
        )
    with pytest.raises(TypeError):
        dialogue_create(
            municipality=cast.eslov,
            by=cast.reporter,
            kind="citizen",
            held_on=date(2016, 5, 4),
            form="public_meeting",
            title="Dialog",
            concerns=[{"text": "Mörkt i parken", "voced_by": 3}],  # type: ignore[typeddict-unknown-key]
        )
    assert not Complaint.objects.exists() and not Dialogue.objects.exists()
