"""An activity's rate, and an activity without a target told by what was done, on a 375 px
phone: the words are on screen, nothing is hidden and nothing sticks out sideways."""

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from accounts.models import User
from promises import services
from promises.models import Activity, CitizenPromise

from .conftest import HAVE_BROWSER
from .test_phone_layout import MEASURE, _log_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not HAVE_BROWSER, reason="Debian's chromium package is not installed"),
]

PHONE = {"width": 375, "height": 740}


def _rated() -> CitizenPromise:
    promise = CitizenPromise.objects.get(municipality__slug="eslov", year=2017)
    walks = Activity.objects.filter(promise=promise, kind="safety_walk").first()
    assert walks is not None
    Activity.objects.filter(pk=walks.pk).update(rate_count=4, rate_per="term", minimum=True)
    patrols = Activity.objects.create(
        promise=promise,
        kind="presence_patrol",
        description="Närvaro i centrum på fredags- och lördagskvällar under hela året",
        position=99,
    )
    for day in (date(2017, 2, 3), date(2017, 3, 11), date(2017, 5, 4)):
        services.activity_report_create(activity=patrols, by=None, date=day)
    return promise


def _fits(page: Any) -> None:
    found = page.evaluate(MEASURE)
    assert found["scroll"] <= found["width"] and found["out"] == [], found


def test_rates_and_uncounted_activities_fit_a_phone(
    live_server: Any, browser: Any, demo: None
) -> None:
    promise = _rated()
    context = browser.new_context(viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/kommun/eslov/2017/")
    for words in ("minst 4 gånger per termin", "Genomförd 3 gånger, senast 4 maj"):
        assert page.get_by_text(words).first.is_visible(), words
    _fits(page)
    _log_in(page, live_server.url, "samordnare.eslov")
    page.goto(f"{live_server.url}{reverse('promises:promise_detail', args=[promise.pk])}")
    assert page.get_by_text("Genomförd 3 gånger, senast 4 maj").first.is_visible()
    _fits(page)
    draft = services.promise_create(
        by=User.objects.get(username="samordnare.eslov"),
        municipality=promise.municipality,
        police_area=promise.police_area,
        year=2018,
        title="Utkast 2018",
    )
    page.goto(f"{live_server.url}{reverse('promises:activity_create', args=[draft.pk])}")
    for name in ("rate_count", "rate_per", "minimum"):
        assert page.locator(f"[name={name}]").is_visible(), name
    _fits(page)
    context.close()
