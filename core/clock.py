"""A stand-in clock for building the demo's past.

The demo plays years that are long gone: a 2016 promise is approved on the day it was
signed, a follow-up published after its period, a report logged on the day it tells of.
The services stamp their records with `django.utils.timezone.now`, so while the demo is
built that clock is set to the moment being played. Only the demo's loaders use this, and
it refuses outside demo mode, so no real record is ever back-dated.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

# The true clock, kept before any block sets it back.
_REAL_NOW = timezone.now


def on_day(day: date, hour: int = 12) -> datetime:
    """An aware moment at `hour` o'clock local time on `day`."""
    return timezone.make_aware(datetime.combine(day, time(hour)))


@contextmanager
def played_at(moment: datetime) -> Iterator[datetime]:
    """Within the block, `timezone.now()` tells `moment` (never later than the real now),
    ticking one microsecond per reading so that records keep their order. Yields the moment
    actually played."""
    if not settings.DEMO_MODE:
        raise ImproperlyConfigured("The clock is only set back while the demo is built.")
    if timezone.is_naive(moment):
        raise ValueError("played_at needs an aware moment.")
    previous = timezone.now
    # The demo's past never lies in the future: a moment not reached yet is played as now.
    start = min(moment, _REAL_NOW())
    readings = 0

    def played_now() -> datetime:
        nonlocal readings
        readings += 1
        return start + timedelta(microseconds=readings)

    timezone.now = played_now
    try:
        yield start
    finally:
        timezone.now = previous
