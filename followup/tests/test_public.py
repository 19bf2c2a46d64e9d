"""The public sees a follow-up only once it is published, and only of a public promise."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for
from followup import services
from followup.models import FollowUp
from followup.selectors import public_follow_ups
from promises.models import CitizenPromise
from promises.vocabularies import PromiseStatus

from .conftest import log

APRIL = datetime(2017, 4, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def follow_up(cast: Cast) -> FollowUp:
    log(cast, cast.controls, date(2017, 3, 1), count=4, vehicles_checked=50)
    with time_machine.travel(APRIL, tick=False):
        draft = services.follow_up_draft(promise=cast.published, number=1, by=None)
    return services.follow_up_update(
        follow_up=draft,
        by=cast.coordinator,
        expected_version=draft.version,
        assessment="Hemlig bedömning under arbete.",
        activity_comments={cast.controls.pk: "Intern kommentar."},
        commitment_judgements={},
    )


def _public_url(cast: Cast) -> str:
    return reverse("portal:follow_up", args=["eslov", 2017, 1])


def test_a_draft_is_not_public(cast: Cast, follow_up: FollowUp) -> None:
    assert client_for().get(_public_url(cast)).status_code == 404
    page = client_for().get(reverse("portal:promise", args=["eslov", 2017])).content.decode()
    assert "Hemlig bedömning" not in page and "Follow-up 1" not in page
    assert not public_follow_ups().exists()


def test_a_published_follow_up_is_public_with_its_figures(cast: Cast, follow_up: FollowUp) -> None:
    services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    promise_page = client_for().get(reverse("portal:promise", args=["eslov", 2017]))
    assert _public_url(cast) in promise_page.content.decode()
    page = client_for().get(_public_url(cast)).content.decode()
    assert "Hemlig bedömning under arbete." in page
    assert "Intern kommentar." in page
    assert "Vehicles checked: 50" in page


def test_a_published_follow_up_of_a_promise_that_is_not_public_stays_hidden(
    cast: Cast, follow_up: FollowUp
) -> None:
    services.follow_up_approve(follow_up=follow_up, by=cast.coordinator)
    # Moved back to signed by hand (as an administrator might): no longer public.
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.SIGNED)
    assert client_for().get(_public_url(cast)).status_code == 404
    assert not public_follow_ups().exists()


def test_other_municipalities_staff_cannot_open_it(cast: Cast, follow_up: FollowUp) -> None:
    url = reverse("followup:detail", args=[follow_up.pk])
    assert client_for(cast.other_coordinator).get(url).status_code == 404
    assert client_for(cast.other_coordinator).post(url, {"assessment": "x"}).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.assessment == "Hemlig bedömning under arbete."
