"""Agreements and withdrawal reasons are public: their services refuse personal data that
nobody confirmed, naming the field, and the agreement page keeps what was typed."""

import pytest
from django.urls import reverse

from conftest import Cast, client_for
from core.confirm import NeedsConfirmation
from promises import services
from promises.models import Agreement
from promises.vocabularies import PromiseStatus

pytestmark = pytest.mark.django_db

PHONE = "ring 070-123 45 67"
Texts = dict[str, str] | None


def _create(cast: Cast, texts: Texts = None, *, confirmed: bool = False) -> Agreement:
    return services.agreement_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        title=(texts or {}).get("title", "Överenskommelse"),
        summary=(texts or {}).get("summary", ""),
        start_year=2015,
        end_year=2018,
        confirmed=confirmed,
    )


@pytest.mark.parametrize("field", ["title", "summary"])
def test_agreement_create_refuses_personal_data_naming_the_field(cast: Cast, field: str) -> None:
    with pytest.raises(NeedsConfirmation) as refused:
        _create(cast, {field: f"Frågor: {PHONE}"})
    assert refused.value.messages[0].startswith(f"{field.capitalize()}: ")
    assert "a phone number (070-123 45 67)" in refused.value.messages[0]
    assert "published" in refused.value.messages[0]
    assert not Agreement.objects.exists()


def test_agreement_create_stores_personal_data_once_confirmed(cast: Cast) -> None:
    assert _create(cast, {"summary": PHONE}, confirmed=True).summary == PHONE


def test_agreement_update_refuses_personal_data_until_confirmed(cast: Cast) -> None:
    agreement = _create(cast)
    with pytest.raises(NeedsConfirmation):
        services.agreement_update(
            agreement=agreement,
            by=cast.coordinator,
            expected_version=agreement.version,
            summary=PHONE,
        )
    agreement.refresh_from_db()
    assert agreement.summary == ""
    services.agreement_update(
        agreement=agreement,
        by=cast.coordinator,
        expected_version=agreement.version,
        summary=PHONE,
        confirmed=True,
    )
    agreement.refresh_from_db()
    assert agreement.summary == PHONE


def test_promise_withdraw_refuses_a_reason_with_personal_data_until_confirmed(
    cast: Cast,
) -> None:
    reason = f"Kontakta Kalle Andersson, {PHONE}"
    with pytest.raises(NeedsConfirmation) as refused:
        services.promise_withdraw(promise=cast.published, by=cast.coordinator, reason=reason)
    assert "a name (Kalle Andersson)" in refused.value.messages[0]
    cast.published.refresh_from_db()
    assert cast.published.status == PromiseStatus.PUBLISHED
    services.promise_withdraw(
        promise=cast.published, by=cast.coordinator, reason=reason, confirmed=True
    )
    cast.published.refresh_from_db()
    assert cast.published.withdrawal_reason == reason


def test_the_agreement_page_keeps_a_summary_with_personal_data_and_asks(cast: Cast) -> None:
    data = {
        "title": "Överenskommelse 2015–2018",
        "summary": f"Frågor till Kalle Andersson, {PHONE}",
        "start_year": 2015,
        "end_year": 2018,
        "municipality": cast.eslov.pk,
        "police_area": cast.area.pk,
        "parties": [cast.municipality_org.pk, cast.police_org.pk],
        "sig-TOTAL_FORMS": 2,
        "sig-INITIAL_FORMS": 0,
        "sig-MIN_NUM_FORMS": 2,
        "sig-MAX_NUM_FORMS": 6,
    }
    client = client_for(cast.coordinator)
    response = client.post(reverse("promises:agreement_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Summary: " in page and 'name="confirmed"' in page
    assert f"Frågor till Kalle Andersson, {PHONE}</textarea>" in page
    assert not Agreement.objects.exists()
    confirmed = client.post(reverse("promises:agreement_create"), {**data, "confirmed": "1"})
    assert confirmed.status_code == 302
    assert Agreement.objects.get().summary == data["summary"]
