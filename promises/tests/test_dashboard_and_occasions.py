"""Small things a user met: an occasion that ends before it starts is named on its field,
and the dashboard links an agreement only for those who may open it."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import Cast, client_for
from promises import services
from promises.models import Occasion

pytestmark = pytest.mark.django_db


def test_an_occasion_ending_before_it_starts_is_refused_on_its_field(cast: Cast) -> None:
    url = reverse("promises:occasion_create", args=[cast.walks.pk])
    response = client_for(cast.coordinator).post(
        url,
        {
            "starts_at": "2017-05-02T18:00",
            "ends_at": "2017-05-02T17:00",
            "place": "Stortorget",
            "description": "Trygghetsvandring",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["ends_at"] == ["An occasion must end after it starts."]
    assert "occasion_ends_after_it_starts" not in response.content.decode()
    assert not Occasion.objects.exists()


def test_the_dashboard_links_an_agreement_only_for_its_coordinators(cast: Cast) -> None:
    agreement = services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title="Samverkansöverenskommelse 2015–2018",
        start_year=2015,
        end_year=2018,
        signed_on=date(2015, 3, 1),
    )
    edit = reverse("promises:agreement_edit", args=[agreement.pk])
    assert edit in client_for(cast.coordinator).get("/arbete/").content.decode()
    page = client_for(cast.reporter).get("/arbete/").content.decode()
    assert "Samverkansöverenskommelse 2015–2018" in page
    assert edit not in page
    assert client_for(cast.reporter).get(edit).status_code == 403
