from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from conftest import Cast
from core.dates import day_in_words
from core.versioning import ConcurrentEditError
from lib.pace import Pace
from promises import selectors, services
from promises.models import ActivityReport, CitizenPromise
from promises.tasks import progress_recount
from promises.vocabularies import ActivityKind, PromiseStatus


def _log(cast: Cast, day: date, count: int = 1) -> ActivityReport:
    return services.activity_report_create(
        activity=cast.controls, by=cast.reporter, date=day, count=count
    )


def test_promise_with_no_reports_shows_zero_done(cast: Cast) -> None:
    rows = selectors.promise_progress(cast.published, date(2017, 12, 31))
    assert [(r.progress.done, r.progress.pace) for r in rows] == [
        (0, Pace.BEHIND),
        (0, Pace.BEHIND),
        (0, Pace.BEHIND),
    ]


def test_reports_add_up_and_remember_the_last_date(cast: Cast) -> None:
    _log(cast, date(2017, 3, 1), count=2)
    _log(cast, date(2017, 5, 9))
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 3
    assert cast.controls.last_done_on == date(2017, 5, 9)


def test_target_reached_early_is_reached_not_ahead(cast: Cast) -> None:
    _log(cast, date(2017, 2, 1), count=30)
    cast.controls.refresh_from_db()
    result = selectors.activity_progress(cast.controls, date(2017, 3, 1)).progress
    assert result.pace == Pace.REACHED
    assert result.percent == 100


def test_pace_behind_when_midyear_count_is_short(cast: Cast) -> None:
    _log(cast, date(2017, 1, 10), count=10)
    cast.controls.refresh_from_db()
    assert selectors.activity_progress(cast.controls, date(2017, 7, 2)).progress.pace == Pace.BEHIND


@pytest.mark.parametrize(
    ("day", "bound"),
    [(date(2016, 12, 31), date(2017, 1, 1)), (date(2018, 1, 1), date(2017, 12, 31))],
)
def test_report_outside_the_promise_year_is_refused_naming_the_year_s_bound(
    cast: Cast, day: date, bound: date
) -> None:
    with pytest.raises(ValidationError) as caught:
        _log(cast, day)
    message = caught.value.message_dict["date"][0]
    assert "promise year" in message and day_in_words(bound) in message
    assert not ActivityReport.objects.exists()


def test_more_positives_than_tests_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        services.activity_report_create(
            activity=cast.controls,
            by=cast.reporter,
            date=date(2017, 4, 1),
            breath_tests=3,
            breath_positives=4,
        )
    assert "breath_positives" in caught.value.message_dict
    assert not ActivityReport.objects.exists()


def test_removing_a_report_takes_it_out_of_the_count_but_keeps_it(cast: Cast) -> None:
    report = _log(cast, date(2017, 3, 1))
    _log(cast, date(2017, 4, 1))
    services.activity_report_remove(report=report, by=cast.coordinator)
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 1
    report.refresh_from_db()
    assert report.removed_at is not None and report.removed_by == cast.coordinator
    assert ActivityReport.objects.count() == 2
    with pytest.raises(ValidationError):
        services.activity_report_update(
            report=report, by=cast.coordinator, expected_version=report.version, count=5
        )


def test_second_save_from_a_stale_form_is_refused(cast: Cast) -> None:
    first = CitizenPromise.objects.get(pk=cast.draft.pk)
    second = CitizenPromise.objects.get(pk=cast.draft.pk)
    opened_at = first.version
    services.promise_update(
        promise=first,
        by=cast.coordinator,
        expected_version=opened_at,
        title="Ändrad av första",
    )
    with pytest.raises(ConcurrentEditError) as caught:
        services.promise_update(
            promise=second,
            by=cast.other_coordinator,
            expected_version=opened_at,
            title="Andra",
        )
    assert "Someone else saved" in caught.value.messages[0]
    assert CitizenPromise.objects.get(pk=cast.draft.pk).title == "Ändrad av första"


def test_stale_report_edit_is_refused(cast: Cast) -> None:
    report = _log(cast, date(2017, 3, 1))
    services.activity_report_update(
        report=ActivityReport.objects.get(pk=report.pk),
        by=cast.reporter,
        expected_version=1,
        count=2,
    )
    with pytest.raises(ConcurrentEditError):
        services.activity_report_update(
            report=ActivityReport.objects.get(pk=report.pk),
            by=cast.coordinator,
            expected_version=1,
            count=3,
        )
    assert ActivityReport.objects.get(pk=report.pk).count == 2


def test_status_moves_forward_only_along_the_cycle(cast: Cast) -> None:
    draft = cast.draft
    with pytest.raises(ValidationError):
        services.promise_set_status(
            promise=draft, by=cast.coordinator, status=PromiseStatus.PUBLISHED
        )
    with pytest.raises(ValidationError):  # no signing date yet
        services.promise_set_status(promise=draft, by=cast.coordinator, status=PromiseStatus.SIGNED)
    services.promise_update(
        promise=draft,
        by=cast.coordinator,
        expected_version=draft.version,
        signed_on=date(2018, 2, 1),
    )
    services.promise_set_status(promise=draft, by=cast.coordinator, status=PromiseStatus.SIGNED)
    with pytest.raises(ValidationError):  # nothing to do yet
        services.promise_set_status(
            promise=draft, by=cast.coordinator, status=PromiseStatus.PUBLISHED
        )
    assert CitizenPromise.objects.get(pk=draft.pk).status == PromiseStatus.SIGNED


def test_publishing_stamps_the_time_once(cast: Cast) -> None:
    assert cast.published.published_at is not None
    services.promise_set_status(
        promise=cast.published, by=cast.coordinator, status=PromiseStatus.EVALUATED
    )
    assert CitizenPromise.objects.get(pk=cast.published.pk).status == PromiseStatus.EVALUATED


def test_copy_makes_next_years_draft_with_commitments_and_activities(cast: Cast) -> None:
    _log(cast, date(2017, 3, 1))
    cast.draft.delete()
    copy = services.promise_copy_to_next_year(promise=cast.published, by=cast.coordinator)
    assert (copy.year, copy.status, copy.title) == (
        2018,
        PromiseStatus.DRAFT,
        "Medborgarlöfte 2018",
    )
    assert [a.target for a in copy.activities.all()] == [1, 2, 30]
    assert all(a.done_count == 0 for a in copy.activities.all())
    assert copy.commitments.count() == 1
    assert set(copy.activities.get(position=0).responsible.all()) == {
        cast.rescue_org,
        cast.police_org,
    }
    assert copy.signed_on is None


def test_copy_refused_when_next_year_exists(cast: Cast) -> None:
    with pytest.raises(ValidationError) as caught:
        services.promise_copy_to_next_year(promise=cast.published, by=cast.coordinator)
    assert "2018" in caught.value.messages[0]


def test_signed_or_published_promise_text_cannot_change(cast: Cast) -> None:
    attempts: list[Callable[[], object]] = [
        lambda: services.promise_update(
            promise=cast.published,
            by=cast.coordinator,
            expected_version=cast.published.version,
            title="Ändrad i efterhand",
        ),
        lambda: services.commitment_create(
            promise=cast.published, by=cast.coordinator, text="Nytt löfte i efterhand"
        ),
        lambda: services.activity_update(
            activity=cast.controls,
            by=cast.coordinator,
            expected_version=cast.controls.version,
            target=3,
        ),
        lambda: services.activity_delete(activity=cast.walks, by=cast.coordinator),
        lambda: services.signatory_set(promise=cast.published, by=cast.coordinator, people=[]),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.code == "not_draft"
    cast.published.refresh_from_db()
    assert cast.published.title == "Medborgarlöfte 2017"
    assert cast.published.activities.count() == 3 and cast.published.commitments.count() == 1


def test_draft_cannot_be_logged_yet(cast: Cast) -> None:
    activity = services.activity_create(
        promise=cast.draft, by=cast.coordinator, kind=ActivityKind.OTHER, description="x", target=1
    )
    with pytest.raises(ValidationError) as caught:
        services.activity_report_create(
            activity=activity, by=cast.coordinator, date=date(2018, 3, 1)
        )
    assert caught.value.code == "draft"


def test_activity_with_reports_cannot_be_deleted(cast: Cast) -> None:
    promise = cast.draft
    activity = services.activity_create(
        promise=promise, by=cast.coordinator, kind=ActivityKind.OTHER, description="x", target=1
    )
    spare = services.activity_create(
        promise=promise, by=cast.coordinator, kind=ActivityKind.OTHER, description="y", target=1
    )
    services.promise_update(
        promise=promise,
        by=cast.coordinator,
        expected_version=promise.version,
        signed_on=date(2018, 1, 9),
    )
    services.promise_set_status(promise=promise, by=cast.coordinator, status=PromiseStatus.SIGNED)
    services.activity_report_create(activity=activity, by=cast.coordinator, date=date(2018, 2, 1))
    services.promise_set_status(promise=promise, by=cast.coordinator, status=PromiseStatus.DRAFT)
    with pytest.raises(ValidationError) as caught:
        services.activity_delete(activity=activity, by=cast.coordinator)
    assert "reports in its log" in caught.value.messages[0]
    services.activity_delete(activity=spare, by=cast.coordinator)
    assert list(promise.activities.all()) == [activity]


def test_commitment_of_another_promise_is_refused(cast: Cast) -> None:
    other = cast.lund_draft.commitments.create(text="Lunds")
    with pytest.raises(ValidationError):
        services.activity_update(
            activity=cast.walks,
            by=cast.coordinator,
            expected_version=cast.walks.version,
            commitment=other,
        )


def test_progress_task_repairs_a_drifted_count(cast: Cast) -> None:
    _log(cast, date(2017, 3, 1), count=4)
    type(cast.controls).objects.filter(pk=cast.controls.pk).update(done_count=99)
    result = progress_recount.enqueue(promise_id=cast.published.pk)
    assert result.return_value == 3
    cast.controls.refresh_from_db()
    assert cast.controls.done_count == 4


@time_machine.travel(date(2017, 7, 2))
def test_dashboard_shows_this_years_promises(cast: Cast) -> None:
    dashboard = selectors.dashboard_promises(cast.coordinator, date(2017, 7, 2))
    assert dashboard.year == 2017
    assert dashboard.in_force == [cast.published]
    assert dashboard.drafts == [cast.draft]
    lund = selectors.dashboard_promises(cast.other_coordinator, date(2017, 7, 2))
    assert (lund.year, lund.in_force, lund.drafts) == (None, [], [cast.lund_draft])


def test_a_draft_of_a_later_year_never_pushes_the_promise_in_force_aside(cast: Cast) -> None:
    """A wrongly imported draft for a later year used to become the dashboard's "latest"."""
    later = services.promise_create(
        by=cast.coordinator,
        municipality=cast.eslov,
        police_area=cast.area,
        year=2024,
        title="Hörby 2024",
    )
    dashboard = selectors.dashboard_promises(cast.coordinator, date(2026, 11, 30))
    assert (dashboard.year, dashboard.in_force) == (2017, [cast.published])
    assert dashboard.drafts == [later, cast.draft]
    police = selectors.dashboard_promises(cast.reporter, date(2026, 11, 30))
    assert (police.year, police.in_force) == (2017, [cast.published])


def test_reach_is_shown_as_a_share_of_the_audience(cast: Cast) -> None:
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.DRAFT)
    cast.education.promise.refresh_from_db()
    services.activity_update(
        activity=cast.education,
        by=cast.coordinator,
        expected_version=cast.education.version,
        audience="Alla elever i årskurs 4",
        audience_size=400,
    )
    CitizenPromise.objects.filter(pk=cast.published.pk).update(status=PromiseStatus.PUBLISHED)
    cast.education.promise.refresh_from_db()
    # No report has said how many were reached: no share of the audience, not 0 %.
    assert (cast.education.reached_count, cast.education.reach_percent) == (None, None)
    services.activity_report_create(
        activity=cast.education, by=cast.partner, date=date(2017, 5, 11), pupils_reached=318
    )
    assert (cast.education.reached_count, cast.education.reach_percent) == (318, 80)
    assert cast.walks.reach_percent is None  # audience size unknown
