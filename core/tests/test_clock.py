"""The demo's clock: set back inside the block only, never into the future, never in production."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils import timezone

from core.clock import on_day, played_at


def test_now_tells_the_played_moment_inside_the_block_only() -> None:
    moment = on_day(date(2016, 4, 7), 13)
    with played_at(moment):
        first, second = timezone.now(), timezone.now()
        assert timezone.localdate() == date(2016, 4, 7)
    assert moment < first < second < moment + timedelta(seconds=1), "it ticks, in order"
    assert timezone.now().year >= 2026


def test_the_real_clock_comes_back_after_an_error() -> None:
    with pytest.raises(RuntimeError), played_at(on_day(date(2016, 1, 1))):
        raise RuntimeError
    assert timezone.now().year >= 2026


def test_a_moment_still_to_come_is_played_as_now() -> None:
    before = timezone.now()
    with played_at(before + timedelta(days=400)) as played:
        assert before <= played <= timezone.now() < before + timedelta(minutes=1)


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError), played_at(datetime(2016, 1, 1)):
        pass


@override_settings(DEMO_MODE=False)
def test_the_clock_is_never_set_back_outside_demo_mode() -> None:
    with pytest.raises(ImproperlyConfigured), played_at(on_day(date(2016, 1, 1))):
        pass
    assert timezone.now().year >= 2026
