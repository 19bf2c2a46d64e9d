"""A piece of evidence is placed in Sweden, near its municipality."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from conftest import Cast, client_for
from situation import services
from situation.models import Complaint, Dialogue

pytestmark = pytest.mark.django_db


def test_a_complaint_placed_far_from_its_municipality_is_refused_on_the_form(cast: Cast) -> None:
    data = {
        "received_on": "2016-05-04",
        "receiver": "police",
        "channel": "phone",
        "text": "Bilarna kör alldeles för fort förbi skolan.",
        "place": "Skolan",
        "latitude": "59.3326",
        "longitude": "18.0649",
    }
    url = "/arbete/lagesbild/eslov/klagomal/nytt/"
    response = client_for(cast.reporter).post(url, data)
    assert response.status_code == 200
    assert "481 km from the centre of Eslöv" in str(response.context["form"].errors["latitude"])
    assert "förbi skolan" in response.content.decode(), "what was typed is kept"
    assert not Complaint.objects.exists()
    near = client_for(cast.reporter).post(url, {**data, "latitude": "55.84", "longitude": "13.30"})
    assert near.status_code == 302 and Complaint.objects.get().latitude == 55.84


def test_a_complaint_or_dialogue_outside_sweden_is_refused_by_the_service(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        services.complaint_create(
            municipality=cast.eslov,
            by=cast.reporter,
            text="Klotter.",
            received_on=date(2016, 5, 4),
            latitude=13.30,
            longitude=55.84,
        )
    assert "outside Sweden" in refused.value.message_dict["latitude"][0]
    with pytest.raises(ValidationError, match="outside Sweden"):
        services.dialogue_create(
            municipality=cast.eslov,
            by=cast.reporter,
            concerns=[],
            kind="citizen",
            held_on=date(2016, 9, 17),
            form="street_stand",
            title="Dialog vid torget",
            participants=40,
            latitude=0.0,
            longitude=0.0,
        )
    assert not Complaint.objects.exists() and not Dialogue.objects.exists()
