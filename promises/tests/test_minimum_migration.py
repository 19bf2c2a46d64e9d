"""Rows marked "at least" without a count, stored before the rule, lose the mark; the rest
keep it."""

from importlib import import_module

from django.apps import apps

from conftest import Cast
from promises.models import Activity

untick = import_module("promises.migrations.0020_minimum_needs_a_count").untick


def test_the_migration_unticks_at_least_only_where_nothing_is_counted(cast: Cast) -> None:
    Activity.objects.filter(pk=cast.walks.pk).update(
        minimum=True, target=None, rate_count=None, rate_per=""
    )
    Activity.objects.filter(pk=cast.controls.pk).update(minimum=True, target=12)
    Activity.objects.filter(pk=cast.education.pk).update(
        minimum=True, target=None, rate_count=1, rate_per="month"
    )
    untick(apps, None)
    marked = dict(Activity.objects.values_list("pk", "minimum"))
    assert marked[cast.walks.pk] is False
    assert marked[cast.controls.pk] is True
    assert marked[cast.education.pk] is True
    cast.walks.refresh_from_db()
    cast.walks.full_clean()
