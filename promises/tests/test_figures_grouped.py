"""Counts on the promise and follow-up pages are grouped by thousands the Swedish way
("1 234", a non-breaking space), as in the printed documents; a year never is ("2026")."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conftest import Cast, client_for
from followup import services as followup_services
from followup.tests.conftest import log
from promises import services
from promises.models import Activity

pytestmark = pytest.mark.django_db

APRIL = datetime(2017, 4, 3, 9, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_a_target_of_1234_reads_1_234_and_the_year_2026_stays_whole(cast: Cast) -> None:
    promise = services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=2026,
        title="Medborgarlöfte Eslöv 2026",
    )
    services.activity_create(
        promise=promise,
        by=cast.coordinator,
        kind="traffic_control",
        description="Trafikkontroller",
        target=1234,
        unit="kontroller",
    )
    client = client_for(cast.coordinator, language="sv")
    page = client.get(reverse("promises:promise_detail", args=[promise.pk])).content.decode()
    assert "Trafikkontroll: 1\xa0234 kontroller" in page
    assert "av 1\xa0234 kontroller" in page
    assert "2026" in page and "2\xa0026" not in page


def test_the_public_promise_page_groups_the_figures_and_not_the_year(cast: Cast) -> None:
    Activity.objects.filter(pk=cast.controls.pk).update(target=1234, done_count=1234)
    page = client_for(language="sv").get(reverse("portal:promise", args=["eslov", 2017]))
    text = page.content.decode()
    assert "<strong>1\xa0234</strong> av 1\xa0234" in text
    assert "2017" in text and "2\xa0017" not in text


def test_a_follow_up_groups_the_counts_and_not_the_year(cast: Cast) -> None:
    Activity.objects.filter(pk=cast.controls.pk).update(target=5000)
    cast.controls.refresh_from_db()
    # A report counts at most 50 controls: 24 of 50 and one of 34 make 1234.
    for day, count in enumerate([50] * 24 + [34], start=1):
        log(cast, cast.controls, date(2017, 1 + day // 28, 1 + day % 28), count=count)
    with time_machine.travel(APRIL, tick=False):
        draft = followup_services.follow_up_draft(promise=cast.published, number=1, by=None)
    client = client_for(cast.coordinator, language="sv")
    page = client.get(reverse("followup:detail", args=[draft.pk])).content.decode()
    assert ">1\xa0234</td>" in page and "1\xa0234 av 5\xa0000" in page
    assert "2017" in page and "2\xa0017" not in page
