"""An activity's rate ("en gång i månaden"): a count and a period together or neither, the
year's target counted from it when none is typed, kept when one is, from the service, the
staff form and the import alike."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from conftest import Cast, client_for
from imports.reading import parse_text
from imports.services import _store
from promises import services
from promises.models import Activity

pytestmark = pytest.mark.django_db


def _create(cast: Cast, **fields: Any) -> Activity:
    return services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind="presence_patrol", description="P", **fields
    )


@pytest.mark.parametrize(
    ("count", "per", "target"),
    [
        (1, "day", 365),
        (1, "week", 52),
        (1, "month", 12),
        (2, "quarter", 8),
        (4, "term", 8),
        (10, "year", 10),
    ],
)
def test_a_rate_without_a_target_gives_the_years_target(
    cast: Cast, count: int, per: str, target: int
) -> None:
    activity = _create(cast, rate_count=count, rate_per=per)
    activity.refresh_from_db()
    assert (activity.target, activity.rate_count, activity.rate_per) == (target, count, per)


def test_a_target_typed_by_hand_is_kept_beside_the_rate(cast: Cast) -> None:
    activity = _create(cast, target=6, rate_count=1, rate_per="month", minimum=True)
    activity.refresh_from_db()
    assert (activity.target, activity.rate_count, activity.minimum) == (6, 1, True)


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"rate_count": 2}, "rate_per"), ({"rate_per": "month"}, "rate_count")],
)
def test_half_a_rate_is_refused_naming_the_missing_field(
    cast: Cast, fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(cast, **fields)
    assert list(refused.value.message_dict) == [field]
    assert not cast.draft.activities.exists()


def test_a_rate_past_the_plausible_year_is_refused_on_the_count(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(cast, rate_count=200, rate_per="week")
    assert "at most 10,000 times a year" in refused.value.message_dict["rate_count"][0]


def test_the_database_refuses_half_a_rate_written_past_the_service(cast: Cast) -> None:
    activity = _create(cast, target=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(rate_count=3)


def test_an_update_that_clears_the_target_counts_it_from_the_rate(cast: Cast) -> None:
    activity = _create(cast, target=5)
    services.activity_update(
        activity=activity,
        by=cast.coordinator,
        expected_version=activity.version,
        target=None,
        rate_count=2,
        rate_per="month",
    )
    activity.refresh_from_db()
    assert (activity.target, activity.rate_count, activity.rate_per) == (24, 2, "month")


def test_a_promise_carried_over_keeps_its_activities_rates(cast: Cast) -> None:
    _create(cast, rate_count=4, rate_per="term", minimum=True)
    copy = services.promise_copy_to_next_year(promise=cast.draft, by=cast.coordinator)
    copied = copy.activities.get()
    assert (copied.rate_count, copied.rate_per, copied.minimum, copied.target) == (
        4,
        "term",
        True,
        8,
    )


def test_the_staff_form_takes_a_rate_and_counts_the_target(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    response = client.post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {
            "kind": "presence_patrol",
            "description": "Närvaro i centrum",
            "rate_count": 1,
            "rate_per": "month",
            "minimum": "on",
        },
    )
    assert response.status_code == 302
    activity = cast.draft.activities.get()
    assert (activity.target, activity.rate_count, activity.rate_per, activity.minimum) == (
        12,
        1,
        "month",
        True,
    )
    edit = client.get(reverse("promises:activity_edit", args=[cast.draft.pk, activity.pk]))
    page = edit.content.decode()
    assert 'name="rate_count"' in page and 'value="month" selected' in page


def test_the_staff_form_names_the_field_of_half_a_rate_and_keeps_the_rest(cast: Cast) -> None:
    response = client_for(cast.coordinator).post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {"kind": "presence_patrol", "description": "Närvaro i centrum", "rate_count": 2},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["rate_per"]
    assert "Närvaro i centrum" in response.content.decode()
    assert not cast.draft.activities.exists()


def test_an_imported_text_stores_the_rate_and_minimum_it_states(cast: Cast) -> None:
    text = (
        "Medborgarlöfte Eslöv 2019\n\nAktiviteter\n"
        "- Polisen genomför trafikkontroller vid minst fyra tillfällen per termin.\n"
        "- Gemensam trygghetsvandring en gång i månaden.\n"
        "- Trafikkontroller vid 30 tillfällen.\n"
    )
    document = parse_text(text)["documents"][0]
    promise, _warnings = _store(document, cast.eslov, cast.area, cast.coordinator)
    stored = [
        (a.rate_count, a.rate_per, a.minimum, a.target) for a in promise.activities.order_by("pk")
    ]
    assert stored == [(4, "term", True, 8), (1, "month", False, 12), (None, "", False, 30)]
    assert promise.year == 2019


def test_a_target_counted_from_the_rate_follows_a_changed_rate(cast: Cast) -> None:
    # The staff form sends back the target it was shown: 12, counted from "once a month".
    activity = _create(cast, rate_count=1, rate_per="month")
    services.activity_update(
        activity=activity,
        by=cast.coordinator,
        expected_version=activity.version,
        target=12,
        rate_count=1,
        rate_per="week",
    )
    activity.refresh_from_db()
    assert (activity.target, activity.rate_per) == (52, "week")


def test_a_target_typed_beside_a_rate_stays_when_the_rate_changes(cast: Cast) -> None:
    activity = _create(cast, target=6, rate_count=1, rate_per="month")
    services.activity_update(
        activity=activity,
        by=cast.coordinator,
        expected_version=activity.version,
        target=6,
        rate_count=2,
        rate_per="month",
    )
    activity.refresh_from_db()
    assert (activity.target, activity.rate_count) == (6, 2)


def test_the_staff_form_counts_the_target_anew_when_the_rate_changes(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    fields = {"kind": "safety_walk", "description": "Trygghetsvandring i centrum"}
    client.post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {**fields, "rate_count": 1, "rate_per": "month"},
    )
    activity = cast.draft.activities.get()
    response = client.post(
        reverse("promises:activity_edit", args=[cast.draft.pk, activity.pk]),
        {**fields, "target": 12, "rate_count": 1, "rate_per": "week", "version": activity.version},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.target, activity.rate_per) == (52, "week")


def test_a_target_of_nought_beside_a_rate_is_counted_from_the_rate(cast: Cast) -> None:
    # 0 promises nothing: the page showed "once a month" above "Not carried out yet", no pace.
    activity = _create(cast, target=0, rate_count=1, rate_per="month")
    activity.refresh_from_db()
    assert activity.target == 12


def test_at_least_without_a_target_or_a_rate_is_refused_on_the_field(cast: Cast) -> None:
    with pytest.raises(ValidationError) as refused:
        _create(cast, minimum=True)
    assert list(refused.value.message_dict) == ["minimum"]
    assert not cast.draft.activities.exists()


def test_the_staff_form_refuses_at_least_without_a_target_or_a_rate(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "sv"
    response = client.post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {"kind": "safety_walk", "description": "Trygghetsvandring", "minimum": "on"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["minimum"]
    assert "”Minst” kräver ett mål eller en takt" in response.content.decode()
    assert not cast.draft.activities.exists()


def test_an_import_drops_at_least_without_a_target_or_a_rate_and_says_so(cast: Cast) -> None:
    document = parse_text("Medborgarlöfte Eslöv 2019\n\nAktiviteter\n- Trafikkontroller.\n")[
        "documents"
    ][0]
    document["activities"][0].update(target=None, rate=None, minimum=True)
    promise, warnings = _store(document, cast.eslov, cast.area, cast.coordinator)
    assert promise.activities.get().minimum is False
    assert any("“At least” was dropped" in warning for warning in warnings)
