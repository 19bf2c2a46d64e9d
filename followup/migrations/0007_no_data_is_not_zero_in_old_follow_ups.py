"""Follow-ups stored before "missing is not zero" kept 0 as an outcome's figure for the period
(participants, pupils reached, vehicles checked) where no report of the period gave it at
all. The selector now gives None there ("no data for that period"). This turns those stored
zeros into None: a 0 becomes None when no report of the activity dated in the period, in
any state (removed ones too, whenever logged), gives that figure. A 0 that some report gave
may be a real zero and stays, as does every other figure: published figures are not
recounted. Going back leaves the figures as they are (None is the truer value either way)."""

from django.db import migrations


def _given_in_period(apps, line, name: str) -> bool:
    """Whether any report of the line's activity dated in its period ever gave `name`."""
    ActivityReport = apps.get_model("promises", "ActivityReport")
    follow_up = line.follow_up
    return (
        ActivityReport.objects.filter(
            activity_id=line.activity_id,
            date__gte=follow_up.period_start,
            date__lte=follow_up.period_end,
        )
        .exclude(**{f"{name}__isnull": True})
        .exists()
    )


def null_missing_outcomes(apps, schema_editor) -> None:
    """Set to None every stored period outcome of 0 that no report of the period gave."""
    FollowUpActivity = apps.get_model("followup", "FollowUpActivity")
    lines = FollowUpActivity.objects.select_related("follow_up").order_by("pk")
    for line in lines.iterator():
        outcomes = {name: list(values) for name, values in (line.outcomes or {}).items()}
        changed = False
        for name, values in outcomes.items():
            if values and values[0] == 0 and not _given_in_period(apps, line, name):
                values[0] = None
                changed = True
        if changed:
            FollowUpActivity.objects.filter(pk=line.pk).update(outcomes=outcomes)


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0006_no_data_is_not_zero_in_old_evaluations"),
        ("promises", "0013_activity_target_bounds"),
    ]

    operations = [
        migrations.RunPython(null_missing_outcomes, migrations.RunPython.noop, elidable=True),
    ]
