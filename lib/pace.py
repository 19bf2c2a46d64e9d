"""Progress of a countable activity against its target, and its pace through the year."""

import math
from dataclasses import dataclass
from enum import StrEnum


class Pace(StrEnum):
    """Where an activity stands compared with an even spread of its target over the year."""

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
    if done >= target:
        pace = Pace.REACHED
    elif phase == Phase.PLANNED:
        pace = Pace.NOT_STARTED
    elif phase == Phase.ENDED:
        pace = Pace.NOT_REACHED
    elif done < whole_units_expected(expected):
        pace = Pace.BEHIND
    elif done > math.ceil(expected - _EPSILON):
        pace = Pace.AHEAD
    else:
        pace = Pace.ON_TRACK
    return Progress(done, target, expected, pace)
