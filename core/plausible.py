"""The most an activity's yearly figures can plausibly be, defined once: the model's
validators, the forms, the services and the promise-text import all read these bounds.

A promise is made for one municipality and one year: no yearly target past ten thousand
times, and no audience larger than the largest municipality's population, is anything but
a typo (a date or a postcode read as a count). Past either, the figure is refused with a
message that names the limit.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# The most times an activity can plausibly be done in one promise year.
MAX_ACTIVITY_TARGET = 10_000
# The most people an activity can plausibly reach: more than Stockholm's population.
MAX_AUDIENCE_SIZE = 1_500_000


def _grouped(value: int) -> str:
    return number_format(value, force_grouping=True)


def validate_activity_target(value: int | None) -> None:
    """Refuse a yearly target past MAX_ACTIVITY_TARGET, naming the limit."""
    if value is not None and value > MAX_ACTIVITY_TARGET:
        raise ValidationError(
            _(
                "An activity's target can be at most %(max)s times a year. Check the number: "
                "a date or a total may have been typed instead."
            )
            % {"max": _grouped(MAX_ACTIVITY_TARGET)},
            code="implausible_target",
        )


def validate_audience_size(value: int | None) -> None:
    """Refuse an audience past MAX_AUDIENCE_SIZE, naming the limit."""
    if value is not None and value > MAX_AUDIENCE_SIZE:
        raise ValidationError(
            _(
                "An activity's audience can be at most %(max)s people, more than live in any "
                "municipality. Check the number."
            )
            % {"max": _grouped(MAX_AUDIENCE_SIZE)},
            code="implausible_audience",
        )


def implausible_activity_figures(**figures: Any) -> dict[str, str]:
    """The figures among `target` and `audience_size` past their bounds, by name, each with
    the message that names its limit."""
    checks = {"target": validate_activity_target, "audience_size": validate_audience_size}
    errors = {}
    for name, value in figures.items():
        try:
            checks[name](value)
        except ValidationError as error:
            errors[name] = error.messages[0]
    return errors
