"""The kinds of activity beyond traffic and dialogue (drug operations, licence inspections,
early interventions, physical measures, speed measurements, situation picture updates,
night walks, safety hosts) are offered, shown, logged and limited like every other kind."""

from datetime import date

import pytest
from django.urls import reverse

from conftest import Cast, client_for, sign_for_both
from promises import services
from promises.models import Activity, ActivityReport, CitizenPromise, ReportLimit
from promises.vocabularies import (
    OUTCOME_FIELDS_BY_KIND,
    ActivityKind,
    PromiseStatus,
    measures_reach,
)

pytestmark = pytest.mark.django_db

SWEDISH = {
    "drug_operation": "Narkotikainsats",
    "licence_inspection": "Tillsyn av alkohol och tobak",
    "early_intervention": "Tidig insats för unga",
    "physical_measure": "Fysisk åtgärd",
    "speed_measurement": "Hastighetsmätning",
    "situation_picture": "Uppdatering av lägesbilden",
    "night_walk": "Nattvandring",
    "safety_hosts": "Trygghetsvärdar",
}


def _published(cast: Cast, year: int, kinds: list[str]) -> CitizenPromise:
    promise = services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=year,
        title=f"Medborgarlöfte {year}",
        signed_on=date(year, 2, 1),
    )
    services.commitment_create(promise=promise, by=cast.coordinator, text="Tryggare centrum")
    for position, kind in enumerate(kinds):
        services.activity_create(
            promise=promise,
            by=cast.coordinator,
            kind=kind,
            target=4,
            description=f"Påhittad aktivitet {position}",
            responsible=[cast.municipality_org, cast.police_org],
            position=position,
        )
    sign_for_both(promise, cast.coordinator)
    services.promise_set_status(promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED)
    for approver in (cast.coordinator, cast.admin):
        services.promise_approve(promise=promise, by=approver)
    return promise


def test_the_activity_form_offers_every_new_kind_in_swedish(cast: Cast) -> None:
    page = (
        client_for(cast.coordinator, language="sv")
        .get(reverse("promises:activity_create", args=[cast.draft.pk]))
        .content.decode()
    )
    for value, label in SWEDISH.items():
        assert f'<option value="{value}">{label}</option>' in page, value
    assert '<option value="other">Annat</option>' in page


def test_the_activity_form_saves_a_new_kind(cast: Cast) -> None:
    client_for(cast.coordinator, language="sv").post(
        reverse("promises:activity_create", args=[cast.draft.pk]),
        {"kind": "licence_inspection", "description": "Tillsyn av serveringsställen", "target": 8},
    )
    activity = cast.draft.activities.get()
    assert (activity.kind, activity.target) == (ActivityKind.LICENCE_INSPECTION, 8)


def test_a_public_promise_page_names_the_new_kinds_in_swedish(cast: Cast) -> None:
    _published(cast, 2019, ["night_walk", "licence_inspection", "early_intervention"])
    page = client_for(language="sv").get("/kommun/eslov/2019/").content.decode()
    for kind in ("night_walk", "licence_inspection", "early_intervention"):
        assert SWEDISH[kind] in page, kind
    english = client_for(language="en").get("/kommun/eslov/2019/").content.decode()
    assert "Night walk" in english and "Licence inspection" in english


def test_a_kind_without_outcome_figures_is_logged_by_its_count(cast: Cast) -> None:
    promise = _published(cast, 2019, ["physical_measure"])
    measure = promise.activities.get()
    client = client_for(cast.reporter, language="sv")
    form = client.get(reverse("promises:report_create", args=[measure.pk])).context["form"]
    assert form.outcome_fields() == []
    response = client.post(
        reverse("promises:report_create", args=[measure.pk]),
        {"date": "2019-05-04", "count": 2, "place": "Stadsparken"},
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.done_count == 2


def test_a_night_walk_counts_its_volunteers_and_observations(cast: Cast) -> None:
    promise = _published(cast, 2019, ["night_walk"])
    walk = promise.activities.get()
    client = client_for(cast.reporter)
    form = client.get(reverse("promises:report_create", args=[walk.pk])).context["form"]
    assert {"attendees", "observations"} <= set(form.fields)
    client.post(
        reverse("promises:report_create", args=[walk.pk]),
        {"date": "2019-09-13", "count": 1, "place": "Centrum", "attendees": 9},
    )
    assert ActivityReport.objects.get(activity=walk).attendees == 9


def test_which_new_kinds_count_people_reached() -> None:
    # The young people of a talk are reached; a night walk's volunteers are not.
    assert measures_reach(ActivityKind.EARLY_INTERVENTION)
    for kind in (
        ActivityKind.NIGHT_WALK,
        ActivityKind.DRUG_OPERATION,
        ActivityKind.LICENCE_INSPECTION,
        ActivityKind.PHYSICAL_MEASURE,
        ActivityKind.SPEED_MEASUREMENT,
        ActivityKind.SITUATION_PICTURE,
        ActivityKind.SAFETY_HOSTS,
    ):
        assert not measures_reach(kind), kind


def test_an_implausible_count_of_a_new_kind_is_refused(cast: Cast) -> None:
    promise = _published(cast, 2019, ["situation_picture"])
    update: Activity = promise.activities.get()
    limit = ReportLimit.for_kind(ActivityKind.SITUATION_PICTURE).max_count
    response = client_for(cast.reporter).post(
        reverse("promises:report_create", args=[update.pk]),
        {"date": "2019-05-04", "count": limit + 1},
    )
    assert "count" in response.context["form"].errors
    assert not ActivityReport.objects.exists()


def test_every_kind_has_limits_and_outcome_figures() -> None:
    assert set(OUTCOME_FIELDS_BY_KIND) == set(ActivityKind.values)
    for kind in ActivityKind.values:
        limit = ReportLimit.for_kind(kind)
        assert limit.max_count >= 1 and limit.far_past_percent >= 100, kind
