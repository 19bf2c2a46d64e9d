"""Figures that cannot be true are not logged: a count implausible for its kind is refused,
one far past the target or the same as a report already logged needs the reporter's
confirmation, and a removed report can be restored. The same rules hold wherever a report
is written (the service) and on the staff pages."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from conftest import Cast, client_for
from portal.selectors import Filters, national_overview
from promises import services
from promises.models import ActivityReport, ReportLimit
from promises.vocabularies import (
    OUTCOME_FIELDS_BY_KIND,
    OUTCOME_MAX_DEFAULTS,
    REPORT_LIMIT_DEFAULTS,
    ActivityKind,
)

JULY = date(2017, 7, 1)


def _create_url(cast: Cast) -> str:
    return reverse("promises:report_create", args=[cast.controls.pk])


def _post(cast: Cast, **data: Any) -> Any:
    form = {"date": "2017-05-04", "count": 1, "place": "Väg 113", **data}
    return client_for(cast.reporter).post(_create_url(cast), form)


def _log(cast: Cast, count: int, place: str = "Väg 113", **data: Any) -> ActivityReport:
    return services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=date(2017, 5, 4), count=count,
        place=place, **data,
    )  # fmt: skip


def test_every_activity_kind_has_a_default_limit(db: None) -> None:
    assert set(REPORT_LIMIT_DEFAULTS) == set(ActivityKind.values)
    for kind in ActivityKind.values:
        limit = ReportLimit.for_kind(kind)
        assert limit.max_count >= 1 and limit.far_past_percent >= 100


def test_an_implausible_count_is_refused_naming_the_limit(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="at most 50 times") as refused:
        _log(cast, 500)
    assert "count" in refused.value.message_dict
    response = _post(cast, count=500, notes="Hela månaden")
    errors = str(response.context["form"].errors["count"])
    assert "One report of traffic control can count at most 50 times" in errors
    assert "Hela månaden" in response.content.decode(), "what was typed is kept"
    assert not ActivityReport.objects.exists()
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 0


def test_an_administrators_limit_overrides_the_default(cast: Cast) -> None:
    ReportLimit.objects.create(
        kind=ActivityKind.TRAFFIC_CONTROL, max_count=10, far_past_percent=120
    )
    with pytest.raises(ValidationError, match="at most 10 times"):
        _log(cast, 11)
    for place in ("Första", "Andra", "Tredje"):
        _log(cast, 10, place=place)
    with pytest.raises(services.ReportNeedsConfirmation, match="more than 120 %"):
        _log(cast, 10, place="Fjärde")  # 30 of 30 is fine, 40 of 30 is not
    _log(cast, 10, place="Fjärde", confirmed=True)
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 40


def test_a_report_far_past_the_target_needs_confirmation_and_keeps_what_was_typed(
    cast: Cast,
) -> None:
    _log(cast, 40, place="Riksväg 17")
    response = _post(cast, count=25, place="Väg 113", notes="Kvällspass", vehicles_checked=420)
    page = response.content.decode()
    assert response.status_code == 200
    assert "brings traffic control to 65 against a target of 30" in page
    assert 'name="confirmed" value="1"' in page
    assert "Kvällspass" in page and 'value="420"' in page and 'value="25"' in page
    assert ActivityReport.objects.count() == 1, "nothing saved before confirmation"
    confirmed = _post(cast, count=25, notes="Kvällspass", vehicles_checked=420, confirmed="1")
    assert confirmed.status_code == 302
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 65


def test_an_exact_duplicate_is_warned_about_and_saved_only_when_confirmed(cast: Cast) -> None:
    _log(cast, 2, place="Väg 113")
    response = _post(cast, count=2, place="väg 113 ")
    assert "The log already holds the same report" in response.content.decode()
    back = reverse("promises:promise_detail", args=[cast.published.pk])
    assert f'href="{back}"' in response.content.decode(), "cancel leads back, saving nothing"
    assert ActivityReport.objects.count() == 1
    assert _post(cast, count=3, place="Väg 113").status_code == 302, "another count is no twin"
    assert _post(cast, count=2, place="Väg 113", confirmed="1").status_code == 302
    assert ActivityReport.objects.count() == 3


def test_corrections_are_checked_as_logging_is(cast: Cast) -> None:
    first = _log(cast, 2, place="Väg 113")
    second = _log(cast, 3, place="Torget")
    url = reverse("promises:report_edit", args=[second.pk])
    client = client_for(cast.reporter)
    form = {"date": "2017-05-04", "place": "Torget", "version": second.version}
    refused = client.post(url, {**form, "count": 500})
    assert "at most 50 times" in str(refused.context["form"].errors["count"])
    twin = client.post(url, {**form, "count": 2, "place": "Väg 113"})
    assert "The log already holds the same report" in twin.content.decode()
    # A note added to a report confirmed before asks nothing again.
    services.activity_report_update(
        report=first, by=cast.reporter, expected_version=first.version, notes="Sent"
    )
    second.refresh_from_db()
    assert second.count == 3 and second.place == "Torget"


def test_removing_asks_first_and_the_report_can_be_restored(cast: Cast) -> None:
    report = _log(cast, 2)
    client = client_for(cast.reporter)
    remove_url = reverse("promises:report_remove", args=[report.pk])
    edit_page = client.get(reverse("promises:report_edit", args=[report.pk])).content.decode()
    assert f'href="{remove_url}"' in edit_page, "the remove button only leads to a question"
    question = client.get(remove_url)
    assert "Remove the report?" in question.content.decode()
    report.refresh_from_db()
    assert report.removed_at is None, "asking removes nothing"
    removed = client.post(remove_url, follow=True)
    page = removed.content.decode()
    assert "This report was removed on" in page and "Restore the report" in page
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 0
    client.post(reverse("promises:report_restore", args=[report.pk]))
    report.refresh_from_db()
    cast.controls.refresh_from_db()
    assert report.removed_at is None and cast.controls.done_count == 2
    restored = (
        AuditEvent.objects.filter(model="promises.ActivityReport", object_id=str(report.pk))
        .order_by("pk")
        .last()
    )
    assert restored is not None and restored.actor == cast.reporter
    removed_at_before, removed_at_after = restored.changes["removed_at"]
    assert removed_at_before and removed_at_after is None


@pytest.mark.parametrize(
    ("actor", "status"),
    [("other_coordinator", 404), ("partner", 403), ("viewer", 403), ("anonymous", 302)],
)
def test_only_the_author_or_a_coordinator_may_remove_or_restore(
    cast: Cast, actor: str, status: int
) -> None:
    report = _log(cast, 2)
    services.activity_report_remove(report=report, by=cast.reporter)
    client = client_for(None if actor == "anonymous" else getattr(cast, actor))
    for name in ("report_restore", "report_remove"):
        response = client.post(reverse(f"promises:{name}", args=[report.pk]))
        assert response.status_code == status, name
    report.refresh_from_db()
    assert report.removed_at is not None


def test_a_removed_report_counts_nowhere_public(cast: Cast) -> None:
    kept = _log(cast, 4)
    removed = _log(cast, 7, place="Fel rad")
    services.activity_report_remove(report=removed, by=cast.coordinator)

    def figures() -> tuple[int, int, str]:
        totals = national_overview(Filters(year=2017), JULY).kinds
        national = next(t.done for t in totals if t.kind == ActivityKind.TRAFFIC_CONTROL)
        api = client_for().get(f"/api/v1/promises/{cast.published.pk}").json()
        done = next(a["done"] for a in api["activities"] if a["kind"] == "traffic_control")
        csv = client_for().get(reverse("portal:open_data_csv", args=["aktiviteter"]))
        return national, done, csv.content.decode()

    national, api_done, csv = figures()
    assert national == 4 and api_done == 4 and ";traffic_control;Trafikkontroller;30;;4;" in csv
    services.activity_report_restore(report=removed, by=cast.coordinator)
    assert figures()[:2] == (11, 11)
    assert kept.removed_at is None


def test_a_withdrawn_promises_log_is_closed_too(cast: Cast) -> None:
    report = _log(cast, 2)
    services.promise_withdraw(promise=cast.published, by=cast.coordinator, reason="Ersatt.")
    with pytest.raises(ValidationError, match="withdrawn, so its activity log is closed"):
        _log(cast, 1, place="Efteråt")
    with pytest.raises(ValidationError, match="activity log is closed"):
        services.activity_report_remove(report=report, by=cast.coordinator)
    page = client_for(cast.reporter).get(_create_url(cast)).content.decode()
    assert "activity log is closed" in page and 'class="report-form"' not in page
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 2


def test_an_administrator_sets_a_limit_in_the_admin(cast: Cast) -> None:
    admin = client_for(cast.admin)
    assert admin.get(reverse("admin:promises_reportlimit_changelist")).status_code == 200
    response = admin.post(
        reverse("admin:promises_reportlimit_add"),
        {"kind": ActivityKind.SAFETY_WALK, "max_count": 1, "far_past_percent": 100},
    )
    assert response.status_code == 302
    assert ReportLimit.for_kind(ActivityKind.SAFETY_WALK).max_count == 1
    with pytest.raises(ValidationError, match="at most 1 time\\."):
        services.activity_report_create(
            activity=cast.walks, by=cast.coordinator, date=date(2017, 5, 4), count=2
        )
    assert (
        client_for(cast.coordinator)
        .get(reverse("admin:promises_reportlimit_changelist"))
        .status_code
        == 302
    ), "coordinators do not reach the admin"


def test_every_figure_a_kind_asks_for_has_a_default_bound(db: None) -> None:
    assert set(OUTCOME_MAX_DEFAULTS) == set(ActivityKind.values)
    for kind, names in OUTCOME_FIELDS_BY_KIND.items():
        assert set(OUTCOME_MAX_DEFAULTS[kind]) == set(names), kind
        for name in names:
            assert ReportLimit.for_kind(kind).outcome_max(name) >= 1


def test_an_implausible_outcome_figure_is_refused_naming_the_field_and_the_limit(
    cast: Cast,
) -> None:
    with pytest.raises(ValidationError) as refused:
        _log(cast, 1, vehicles_checked=1_000_000)
    assert refused.value.message_dict["vehicles_checked"] == [
        "At most 2,000 vehicles checked in a report of traffic control that counts 1 time. "
        "Check the number; if it is right, an administrator can raise the limit."
    ]
    response = _post(cast, vehicles_checked=1_000_000, notes="Hela dagen")
    errors = str(response.context["form"].errors["vehicles_checked"])
    assert "At most 2,000 vehicles checked" in errors
    assert "Hela dagen" in response.content.decode(), "what was typed is kept"
    assert not ActivityReport.objects.exists()
    # A report that counts three controls may check three times as many.
    assert _log(cast, 3, vehicles_checked=6000).vehicles_checked == 6000
    with pytest.raises(ValidationError, match="At most 6,000 vehicles checked .* 3 times"):
        _log(cast, 3, place="Riksväg 17", vehicles_checked=6001)


def test_an_administrator_sets_the_bound_of_a_figure_and_blank_keeps_the_default(
    cast: Cast,
) -> None:
    admin = client_for(cast.admin)
    response = admin.post(
        reverse("admin:promises_reportlimit_add"),
        {
            "kind": ActivityKind.TRAFFIC_CONTROL,
            "max_count": 50,
            "far_past_percent": 200,
            "max_breath_tests": 100,
        },
    )
    assert response.status_code == 302
    with pytest.raises(ValidationError, match="At most 100 breath tests"):
        _log(cast, 1, vehicles_checked=500, breath_tests=101)
    assert _log(cast, 1, vehicles_checked=2000, breath_tests=100).vehicles_checked == 2000


_VEHICLES = "vehicles checked"


@pytest.mark.parametrize(
    ("figures", "field", "whole"),
    [
        ({"vehicles_checked": 10, "other_violations": 11}, "other_violations", _VEHICLES),
        ({"vehicles_checked": 1, "speeding_violations": 2}, "speeding_violations", _VEHICLES),
        ({"drug_tests": 4, "drug_positives": 5}, "drug_positives", "drug tests"),
        ({"breath_tests": 10, "breath_positives": 11}, "breath_positives", "breath tests"),
    ],
)
def test_a_figure_cannot_outnumber_the_figure_it_is_part_of(
    cast: Cast, figures: dict[str, Any], field: str, whole: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _log(cast, 1, **figures)
    assert refused.value.message_dict[field] == [f"Cannot be more than {whole}."]
    response = _post(cast, **figures)
    assert f"Cannot be more than {whole}." in str(response.context["form"].errors[field])
    assert not ActivityReport.objects.exists()


FAR_AWAY = {"latitude": "67.85570", "longitude": "20.22510"}  # Kiruna, 1,380 km north


def test_a_map_point_well_outside_the_municipality_is_refused_on_the_field(cast: Cast) -> None:
    assert cast.eslov.reach_km == 60
    with pytest.raises(ValidationError) as refused:
        _log(cast, 1, latitude=Decimal(FAR_AWAY["latitude"]), longitude=Decimal("20.2251"))
    message = refused.value.message_dict["latitude"][0]
    assert message.startswith("This point lies 1,383 km from the centre of Eslöv, well outside")
    assert "within 60 km" in message
    response = _post(cast, notes="Vid rondellen", **FAR_AWAY)
    assert "well outside it" in str(response.context["form"].errors["latitude"])
    assert "Vid rondellen" in response.content.decode(), "what was typed is kept"
    swapped = _post(cast, latitude="13.30381", longitude="55.83864")
    assert "are they swapped?" in str(swapped.context["form"].errors["latitude"])
    assert not ActivityReport.objects.exists()
    # A point in the countryside of the municipality, and one just over its border, are fine.
    assert _post(cast, latitude="55.93", longitude="13.52").status_code == 302
    assert _post(cast, place="Lund", latitude="55.70470", longitude="13.19100").status_code == 302


def test_a_point_is_refused_when_a_report_is_corrected_too(cast: Cast) -> None:
    report = _log(cast, 1)
    with pytest.raises(ValidationError, match="well outside"):
        services.activity_report_update(
            report=report,
            by=cast.reporter,
            expected_version=report.version,
            latitude=Decimal("59.33"),
            longitude=Decimal("18.06"),
        )


def test_a_point_outside_sweden_is_refused_even_where_no_centre_is_known(cast: Cast) -> None:
    municipality = cast.controls.promise.municipality
    municipality.latitude = municipality.longitude = None
    municipality.save()
    with pytest.raises(ValidationError) as refused:
        _log(cast, 1, latitude=Decimal("52.52"), longitude=Decimal("13.40"))
    message = refused.value.message_dict["latitude"][0]
    assert "lies outside Sweden" in message and "describe the place in words" in message
    # Far from Eslöv, but in Sweden: without a centre there is no reach to hold it to.
    assert _log(cast, 1, latitude=Decimal("59.33"), longitude=Decimal("18.06")).pk


def test_the_report_form_opens_its_map_on_the_municipality(cast: Cast) -> None:
    page = client_for(cast.reporter).get(_create_url(cast)).content.decode()
    assert 'data-lat="55.8393" data-lng="13.3039" data-zoom="10"' in page


def test_every_implausible_field_is_named_at_once(cast: Cast) -> None:
    response = _post(cast, count=500, vehicles_checked=1_000_000, other_violations=3, **FAR_AWAY)
    errors = response.context["form"].errors
    assert set(errors) == {"count", "vehicles_checked", "latitude"}


def test_the_count_box_asks_for_one_or_more_and_says_why(cast: Cast) -> None:
    """The box allowed 0, which the server then refused with a generic message."""
    page = client_for(cast.reporter).get(_create_url(cast)).content.decode()
    box = next(tag for tag in page.split("<input") if 'name="count"' in tag)
    assert 'min="1"' in box
    response = _post(cast, count=0)
    assert "at least one time" in str(response.context["form"].errors["count"])
    assert not ActivityReport.objects.exists()
