"""The shared confirmation on the promise side: personal data in texts that become public
(the promise's own texts, activities, occasions) and a draft outside its agreement's years
are stored only once confirmed, with everything typed kept until then."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from conftest import Cast, client_for
from core.confirm import NeedsConfirmation
from promises import services
from promises.models import Agreement, CitizenPromise, Commitment, Occasion

pytestmark = pytest.mark.django_db

PHONE = "Frågor? Ring samordnaren på 070-123 45 67."


def _agreement(cast: Cast, first: int, last: int) -> Agreement:
    return services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title=f"Samverkansöverenskommelse {first}–{last}",
        start_year=first,
        end_year=last,
        signed_on=date(first, 3, 1),
    )


def _promise_form(**extra: object) -> dict[str, object]:
    return {
        "title": "Nytt löfte",
        "follow_up": "quarterly",
        "version": 1,
        "sig-TOTAL_FORMS": 2,
        "sig-INITIAL_FORMS": 0,
        "sig-MIN_NUM_FORMS": 2,
        "sig-MAX_NUM_FORMS": 6,
        "sig-0-name": "Anna Andersson",
        "sig-0-title": "Polischef",
        "sig-1-name": "Bo Berg",
        "sig-1-title": "Ordförande",
        **extra,
    }


def test_a_promise_introduction_with_personal_data_is_saved_only_when_confirmed(
    cast: Cast,
) -> None:
    client = client_for(cast.coordinator)
    url = reverse("promises:promise_edit", args=[cast.draft.pk])
    data = _promise_form(introduction=PHONE)
    warned = client.post(url, data)
    page = warned.content.decode()
    assert warned.status_code == 200
    assert "a phone number (070-123 45 67)" in page
    assert "published as it stands" in page
    assert f"{PHONE}</textarea>" in page, "everything typed is kept"
    assert 'name="confirmed" value="1"' in page and "Confirm and save" in page
    assert CitizenPromise.objects.get(pk=cast.draft.pk).introduction == ""
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    assert CitizenPromise.objects.get(pk=cast.draft.pk).introduction == PHONE


def test_a_commitment_and_an_activity_with_personal_data_ask_first(cast: Cast) -> None:
    with pytest.raises(NeedsConfirmation, match="an e-mail address"):
        services.commitment_create(promise=cast.draft, by=cast.coordinator, text="Mejla a@b.se")
    assert not Commitment.objects.filter(promise=cast.draft, text="Mejla a@b.se").exists()
    services.commitment_create(
        promise=cast.draft, by=cast.coordinator, text="Mejla a@b.se", confirmed=True
    )
    with pytest.raises(NeedsConfirmation, match="a phone number"):
        services.activity_create(
            promise=cast.draft, by=cast.coordinator, kind="other", description=PHONE
        )


def test_an_occasion_with_personal_data_in_its_place_asks_and_says_it_is_public(
    cast: Cast,
) -> None:
    client = client_for(cast.coordinator)
    url = reverse("promises:occasion_create", args=[cast.walks.pk])
    data = {
        "starts_at": "2017-05-02T18:00",
        "place": "Hos Kalle, ring 0701234567",
        "description": "Trygghetsvandring",
        "public": "on",
    }
    warned = client.post(url, data)
    page = warned.content.decode()
    assert warned.status_code == 200
    assert "a phone number (0701234567)" in page and "public pages" in page
    assert 'value="Hos Kalle, ring 0701234567"' in page
    assert not Occasion.objects.exists()
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    assert Occasion.objects.get().place == data["place"]


def test_an_occasion_description_is_checked_when_changed_too(cast: Cast) -> None:
    occasion = services.occasion_create(
        activity=cast.walks,
        by=cast.coordinator,
        starts_at=datetime(2017, 5, 2, 18, tzinfo=ZoneInfo("Europe/Stockholm")),
        place="Stortorget",
    )
    with pytest.raises(NeedsConfirmation, match="personal identity number"):
        services.occasion_update(
            occasion=occasion,
            by=cast.coordinator,
            expected_version=occasion.version,
            description="Anmälan till 811218-9876",
        )
    occasion.refresh_from_db()
    assert occasion.description == ""


def test_a_draft_outside_its_agreements_years_is_saved_only_when_confirmed(cast: Cast) -> None:
    agreement = _agreement(cast, 2014, 2017)
    client = client_for(cast.coordinator)
    url = reverse("promises:promise_edit", args=[cast.draft.pk])  # a draft for 2018
    data = _promise_form(agreement=agreement.pk)
    warned = client.post(url, data)
    page = warned.content.decode()
    assert warned.status_code == 200
    assert "The promise is for 2018, but the agreement" in page and "2014–2017" in page
    assert CitizenPromise.objects.get(pk=cast.draft.pk).agreement is None
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    assert CitizenPromise.objects.get(pk=cast.draft.pk).agreement == agreement


def test_a_draft_within_its_agreements_years_asks_nothing(cast: Cast) -> None:
    agreement = _agreement(cast, 2015, 2018)
    url = reverse("promises:promise_edit", args=[cast.draft.pk])
    saved = client_for(cast.coordinator).post(url, _promise_form(agreement=agreement.pk))
    assert saved.status_code == 302
    assert CitizenPromise.objects.get(pk=cast.draft.pk).agreement == agreement


def test_a_new_draft_outside_its_agreements_years_asks_first(cast: Cast) -> None:
    agreement = _agreement(cast, 2015, 2018)
    with pytest.raises(NeedsConfirmation, match="covers 2015–2018"):
        services.promise_create(
            by=cast.coordinator,
            municipality=cast.eslov,
            police_area=cast.area,
            year=2019,
            title="Medborgarlöfte 2019",
            agreement=agreement,
        )
    assert not CitizenPromise.objects.filter(year=2019).exists()


def test_copying_past_the_agreements_last_year_warns(cast: Cast) -> None:
    agreement = _agreement(cast, 2015, 2018)
    CitizenPromise.objects.filter(pk=cast.draft.pk).update(agreement=agreement)
    url = reverse("promises:promise_copy", args=[cast.draft.pk])
    page = client_for(cast.coordinator).post(url, follow=True).content.decode()
    assert "The promise is for 2019, but the agreement" in page
    assert CitizenPromise.objects.filter(year=2019, agreement=agreement).exists()


def test_a_reports_place_is_checked_and_every_reason_is_asked_at_once(cast: Cast) -> None:
    client = client_for(cast.reporter)
    url = reverse("promises:report_create", args=[cast.controls.pk])
    place = "Utanför Kalle Anderssons hus"
    data = {"date": "2017-05-04", "count": 2, "place": place}
    services.activity_report_create(
        activity=cast.controls,
        by=cast.reporter,
        date=date(2017, 5, 4),
        count=2,
        place=place,
        confirmed=True,
    )
    warned = client.post(url, data)
    page = warned.content.decode()
    assert warned.status_code == 200
    assert "a name (Kalle Anderssons)" in page and "never published" in page
    assert "The log already holds the same report" in page
    assert page.count('name="confirmed" value="1"') == 1, "one question, one confirmation"
    assert cast.controls.reports.count() == 1
    assert client.post(url, {**data, "confirmed": "1"}).status_code == 302
    assert cast.controls.reports.count() == 2
