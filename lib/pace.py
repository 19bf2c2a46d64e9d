"""Progress of a countable activity against its target, and its pace through the year."""

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lib.periods import PER_YEAR, period_ends, periods_ended, year_elapsed_share


class Pace(StrEnum):
    """Where an activity stands compared with what is expected of it by now: its rate's
    periods that have ended, or else an even spread of its target over the year."""

    NO_TARGET = "no_target"
    REACHED = "reached"
    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    # Once the year is over there is no pace, only the result: reached (above) or not.
    NOT_REACHED = "not_reached"
    # A draft, or a promise whose year has not begun, has no pace yet.
    NOT_STARTED = "not_started"


class Phase(StrEnum):
    """Where a promise is in time, which decides whether its activities have a pace."""

    PLANNED = "planned"
    RUNNING = "running"
    ENDED = "ended"


@dataclass(frozen=True)
class Progress:
    """Done against target, with the count expected by now and the resulting pace."""

    done: int
    target: int | None
    expected: float
    pace: Pace

    @property
    def percent(self) -> int:
        """Share of the target done, capped at 100, for a progress bar."""
        if not self.target:
            return 0
        return min(100, round(100 * self.done / self.target))


@dataclass(frozen=True)
class Rate:
    """A rate an activity is promised at: `count` times per period (a key of PER_YEAR)."""

    count: int
    per: str

    @property
    def yearly(self) -> int:
        """The times the rate adds up to over a year, the activity's yearly target."""
        return self.count * PER_YEAR[self.per]


# `target * share` is a float: a half or a whole in exact arithmetic (183/366 of a target of
# 1) must not count as a hair below it.
_EPSILON = 1e-9


def whole_units_expected(expected: float) -> int:
    """The whole number of times an even pace has reached by now: `expected` rounded to the
    nearest whole, a half rounded up (0.5 is 1, 1.49 is 1, 1.5 is 2)."""
    return math.floor(expected + 0.5 + _EPSILON)


def progress(
    done: int, target: int | None, elapsed_share: float, phase: Phase = Phase.RUNNING
) -> Progress:
    """Compare `done` with `expected = target * elapsed_share`, an even spread of the target
    over the year; a promise not yet running has no pace, and one whose year has ended only
    its result.

    Behind when `done` is below `expected` rounded to the nearest whole (a half rounded up),
    that is when an even pace is at least half a time ahead of what is done. Ahead when
    `done` is above `expected` rounded up. On track in between. So a target of 1 with nothing
    done is behind from the day an even pace has gone half the way, 2 July (1 July in a leap
    year), rather than only on 31 December; docs/architecture.md works through targets 1, 2
    and 30."""
    if not target:
        return Progress(done, target, 0.0, Pace.NO_TARGET)
    expected = target * elapsed_share
    behind_below = whole_units_expected(expected)
    pace = _judged(done, target, behind_below, math.ceil(expected - _EPSILON), phase)
    return Progress(done, target, expected, pace)


def activity_pace(
    done: int,
    target: int | None,
    *,
    year: int,
    today: date,
    phase: Phase = Phase.RUNNING,
    rate: Rate | None = None,
) -> Progress:
    """Done against target for an activity of a promise for `year`, with the pace by the end
    of `today`: the one entry point every page, document, follow-up and reminder asks.

    An activity with a rate is expected to have been done `count` times for each period of
    the rate that has fully ended (a termly activity is not behind in April). A target below
    the rate's year (a promise that starts mid-year) is read as the year's last periods: none
    is expected until the periods left can only just hold it. Without a rate, or with a
    target beyond what the rate gives a year, the target is spread evenly (`progress`)."""
    if not target or rate is None or target > rate.yearly:
        return progress(done, target, year_elapsed_share(year, today), phase)
    periods = len(period_ends(rate.per, year))
    ended = periods_ended(rate.per, year, today)

    def expected_after(ended: int) -> int:
        return max(0, target - rate.count * (periods - ended))

    expected = expected_after(ended)
    # Ahead only beyond what is due by the end of the period under way.
    due = expected_after(min(ended + 1, periods))
    return Progress(done, target, float(expected), _judged(done, target, expected, due, phase))


def _judged(done: int, target: int, behind_below: int, ahead_above: int, phase: Phase) -> Pace:
    if done >= target:
        return Pace.REACHED
    if phase == Phase.PLANNED:
        return Pace.NOT_STARTED
    if phase == Phase.ENDED:
        return Pace.NOT_REACHED
    if done < behind_below:
        return Pace.BEHIND
    if done > ahead_above:
        return Pace.AHEAD
    return Pace.ON_TRACK
