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


def progress(done: int, target: int | None, elapsed_share: float) -> Progress:
    """Compare `done` with the whole units of `target` that an even pace would have reached."""
    if not target:
        return Progress(done, target, 0.0, Pace.NO_TARGET)
    expected = target * elapsed_share
    if done >= target:
        pace = Pace.REACHED
    elif done < math.floor(expected + 1e-9):
        pace = Pace.BEHIND
    elif done > math.ceil(expected - 1e-9):
        pace = Pace.AHEAD
    else:
        pace = Pace.ON_TRACK
    return Progress(done, target, expected, pace)
