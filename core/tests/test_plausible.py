"""An activity's yearly figures have plausible bounds, defined once, and a figure past one is
refused with a message that names the limit, in Swedish as in English."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.plausible import (
    MAX_ACTIVITY_TARGET,
    MAX_AUDIENCE_SIZE,
    implausible_activity_figures,
    validate_activity_target,
    validate_audience_size,
)


def test_the_bounds_are_ten_thousand_times_and_one_and_a_half_million_people() -> None:
    assert (MAX_ACTIVITY_TARGET, MAX_AUDIENCE_SIZE) == (10_000, 1_500_000)


def test_figures_up_to_the_bounds_pass() -> None:
    validate_activity_target(None)
    validate_activity_target(MAX_ACTIVITY_TARGET)
    validate_audience_size(MAX_AUDIENCE_SIZE)
    assert implausible_activity_figures(target=10_000, audience_size=1_500_000) == {}


def test_a_target_past_the_bound_is_refused_naming_the_limit_grouped_the_swedish_way() -> None:
    with translation.override("sv"), pytest.raises(ValidationError) as refused:
        validate_activity_target(10_001)
    assert refused.value.code == "implausible_target"
    assert "10\xa0000" in refused.value.messages[0]


def test_an_audience_past_the_bound_is_refused_naming_the_limit() -> None:
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        validate_audience_size(1_500_001)
    assert "at most 1,500,000 people" in refused.value.messages[0]


def test_each_implausible_figure_is_named_by_its_field() -> None:
    errors = implausible_activity_figures(target=20_000, audience_size=2_000_000)
    assert set(errors) == {"target", "audience_size"}
