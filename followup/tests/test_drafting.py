"""Follow-ups are drafted the day after their period ends, with the log's figures."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from conftest import Cast
from followup.models import FollowUp
from followup.services import follow_up_draft, follow_up_refresh, follow_ups_draft_due
from followup.tasks import follow_up_daily, next_run_at
from followup.vocabularies import CommitmentStatus
from lib.pace import Pace
from promises import services
from promises.models import Activity, ActivityReport, CitizenPromise
from promises.vocabularies import OUTCOME_FIELDS_BY_KIND, FollowUpCadence

from .conftest import log

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 6, 0, tzinfo=STOCKHOLM)


# Each cadence: the last day of its first period of 2017, and how many periods it has.
CADENCES = [
    (FollowUpCadence.MONTHLY, date(2017, 1, 31), 12),
    (FollowUpCadence.QUARTERLY, date(2017, 3, 31), 4),
    (FollowUpCadence.TERTIAL, date(2017, 4, 30), 3),
    (FollowUpCadence.BIANNUAL, date(2017, 6, 30), 2),
    (FollowUpCadence.YEARLY, date(2017, 12, 31), 1),
]


@pytest.mark.parametrize(("cadence", "last_day", "periods"), CADENCES)
def test_a_follow_up_is_drafted_the_day_after_its_period_ends(
    cast: Cast, cadence: str, last_day: date, periods: int
) -> None:
    CitizenPromise.objects.filter(pk=cast.published.pk).update(follow_up=cadence)
    with time_machine.travel(_at(last_day), tick=False):
        follow_up_daily.enqueue()
    assert not FollowUp.objects.exists(), "nothing is drafted on the period's last day"

    next_day = date.fromordinal(last_day.toordinal() + 1)
    with time_machine.travel(_at(next_day), tick=False):
        follow_up_daily.enqueue()
        follow_up_daily.enqueue()  # a second run the same day drafts nothing more
    drafted = FollowUp.objects.get()
    assert (drafted.promise, drafted.number) == (cast.published, 1)
    assert drafted.period_start == date(2017, 1, 1)
    assert drafted.period_end == last_day
    assert (drafted.due_on - last_day).days == 14
    assert drafted.status == "draft"
    if periods > 1:
        with time_machine.travel(_at(date(2017, 12, 31)), tick=False):
            follow_ups_draft_due(today=timezone.localdate())
        assert FollowUp.objects.count() == periods - 1, "the last period ends on 31 December"


def test_promises_in_draft_and_older_years_are_not_drafted_automatically(cast: Cast) -> None:
    with time_machine.travel(_at(date(2019, 2, 1)), tick=False):
        assert follow_ups_draft_due(today=timezone.localdate()) == []
    # The 2018 draft promise is not agreed yet; the 2017 one is two years old.
    assert not FollowUp.objects.exists()


def _reports(cast: Cast) -> None:
    log(cast, cast.controls, date(2017, 2, 1), count=3, vehicles_checked=40, breath_tests=30)
    log(cast, cast.controls, date(2017, 4, 2), count=2, vehicles_checked=25, breath_positives=None)
    log(cast, cast.controls, date(2017, 6, 30), count=1, breath_tests=12, breath_positives=1)
    gone = log(cast, cast.controls, date(2017, 5, 5), count=4, vehicles_checked=99)
    services.activity_report_remove(report=gone, by=cast.coordinator)
    log(cast, cast.controls, date(2017, 7, 1), count=5)  # after the period
    log(cast, cast.walks, date(2017, 5, 20), attendees=14, observations=6)
    log(cast, cast.walks, date(2017, 6, 10), attendees=9)


def _expected(cast: Cast, activity: Activity, start: date, end: date) -> dict[str, object]:
    """The log read the plain way, report by report, to compare with the follow-up."""
    reports = ActivityReport.objects.filter(
        activity=activity, removed_at__isnull=True, date__lte=end
    )
    in_period = [r for r in reports if r.date >= start]
    outcomes = {}
    for name in OUTCOME_FIELDS_BY_KIND[activity.kind]:
        values = [getattr(r, name) for r in reports if getattr(r, name) is not None]
        if values:
            period = [getattr(r, name) or 0 for r in in_period]
            outcomes[name] = [sum(period), sum(values)]
    return {
        "done_in_period": sum(r.count for r in in_period),
        "done_to_date": sum(r.count for r in reports),
        "outcomes": outcomes,
    }


def test_the_figures_equal_the_activity_log(cast: Cast) -> None:
    _reports(cast)
    with time_machine.travel(_at(date(2017, 7, 3)), tick=False):
        follow_up = follow_up_draft(promise=cast.published, number=2, by=cast.coordinator)
    lines = {line.activity_id: line for line in follow_up.activities.all()}
    assert set(lines) == {cast.controls.pk, cast.walks.pk, cast.education.pk}
    for activity in (cast.controls, cast.walks, cast.education):
        line = lines[activity.pk]
        got = {
            "done_in_period": line.done_in_period,
            "done_to_date": line.done_to_date,
            "outcomes": line.outcomes,
        }
        assert got == _expected(cast, activity, date(2017, 4, 1), date(2017, 6, 30))
    controls = lines[cast.controls.pk]
    assert (controls.done_in_period, controls.done_to_date, controls.target) == (3, 6, 30)
    assert controls.outcomes["vehicles_checked"] == [25, 65]
    assert controls.outcomes["breath_tests"] == [12, 42]
    # Half the year has passed at 30 June: 15 of 30 expected, 6 done.
    assert controls.pace == Pace.BEHIND and round(controls.expected) == 15
    walks = lines[cast.walks.pk]
    assert walks.pace == Pace.REACHED
    assert walks.outcomes == {"attendees": [23, 23], "observations": [6, 6]}
    # The one commitment has no activities tied to it: nothing measures it.
    judged = follow_up.commitments.get()
    assert judged.suggested_status == CommitmentStatus.NOT_MEASURED


def test_commitment_status_is_suggested_from_its_activities_pace(cast: Cast) -> None:
    commitment = cast.published.commitments.get()
    cast.published.activities.update(commitment=commitment)
    log(cast, cast.walks, date(2017, 2, 2), count=2)
    log(cast, cast.education, date(2017, 3, 2))
    with time_machine.travel(_at(date(2017, 4, 3)), tick=False):
        follow_up = follow_up_draft(promise=cast.published, number=1, by=None)
    # The controls (0 of 30 at the end of March) are behind, so the commitment is.
    assert follow_up.commitments.get().suggested_status == CommitmentStatus.BEHIND
    for day in range(1, 9):
        log(cast, cast.controls, date(2017, 3, day))
    with time_machine.travel(_at(date(2017, 4, 4)), tick=False):
        follow_up_refresh(follow_up=follow_up, by=cast.coordinator)
    assert follow_up.commitments.get().suggested_status == CommitmentStatus.ON_TRACK


def test_a_report_logged_late_counts_once_the_figures_are_read_again(cast: Cast) -> None:
    with time_machine.travel(_at(date(2017, 4, 3)), tick=False):
        follow_up = follow_up_draft(promise=cast.published, number=1, by=cast.coordinator)
        log(cast, cast.controls, date(2017, 3, 30), count=2)
        assert follow_up.activities.get(activity=cast.controls).done_in_period == 0
        follow_up_refresh(follow_up=follow_up, by=cast.coordinator)
    assert follow_up.activities.get(activity=cast.controls).done_in_period == 2


def test_a_period_that_has_not_ended_cannot_be_followed_up(cast: Cast) -> None:
    with time_machine.travel(_at(date(2017, 3, 31)), tick=False):
        with pytest.raises(ValidationError, match="ends on 31 March 2017"):
            follow_up_draft(promise=cast.published, number=1, by=cast.coordinator)
        with pytest.raises(ValidationError, match="no period 5"):
            follow_up_draft(promise=cast.published, number=5, by=cast.coordinator)


def test_a_draft_promise_is_not_followed_up(cast: Cast) -> None:
    with time_machine.travel(_at(date(2019, 1, 2)), tick=False):
        with pytest.raises(ValidationError, match="Only a signed or published"):
            follow_up_draft(promise=cast.draft, number=1, by=cast.coordinator)


def test_the_next_daily_run_is_at_the_configured_hour() -> None:
    before = datetime(2017, 3, 5, 5, 59, tzinfo=STOCKHOLM)
    after = datetime(2017, 3, 5, 6, 0, tzinfo=STOCKHOLM)
    assert timezone.localtime(next_run_at(before)) == after
    assert timezone.localtime(next_run_at(after)) == datetime(2017, 3, 6, 6, 0, tzinfo=STOCKHOLM)


def test_the_command_runs_the_day_and_names_a_bad_date(cast: Cast) -> None:
    out = StringIO()
    call_command("followup", "run", "--date", "2017-04-01", stdout=out)
    assert "2017-04-01: follow-ups drafted: 1, reminders sent: 0 due" in out.getvalue()
    with pytest.raises(CommandError, match="--date 2017-13-01: not a date"):
        call_command("followup", "run", "--date", "2017-13-01")
