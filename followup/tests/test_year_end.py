"""Figures up to a promise year's last day give the result, not a pace."""

from datetime import date

import pytest

from conftest import Cast
from followup.selectors import period_figures, suggested_status
from followup.vocabularies import CommitmentStatus
from lib.pace import Pace

pytestmark = pytest.mark.django_db


def _paces(cast: Cast, end: date) -> dict[int, str]:
    figures = period_figures(cast.published, date(2017, 7, 1), end)
    return {f.activity.pk: f.progress.pace for f in figures}


def test_the_last_period_of_the_year_tells_the_result(cast: Cast) -> None:
    assert _paces(cast, date(2017, 9, 30))[cast.controls.pk] == Pace.BEHIND
    assert _paces(cast, date(2017, 12, 31))[cast.controls.pk] == Pace.NOT_REACHED
    assert suggested_status([Pace.NOT_REACHED, Pace.REACHED]) == CommitmentStatus.BEHIND
