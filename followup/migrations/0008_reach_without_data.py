"""Evaluations stored before "missing is not zero" kept 0 as an activity's reach where no
report gave a figure for it (participants, pupils reached). The field may now be empty: None
when no report up to the evaluation's day gave the figure. A stored 0 becomes None when no
report of the activity dated up to the evaluation's `as_of`, in any state (removed ones too,
whenever logged), gives either figure: a 0 that some report gave may be a real zero and stays,
as does every other figure, since published figures are not recounted. Going back writes 0
again, as the old field required."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q

# The report figures that count the people reached (promises.vocabularies.REACH_FIELDS).
GIVEN = Q(pupils_reached__isnull=False) | Q(attendees__isnull=False)


def null_reach_no_report_gave(apps, schema_editor) -> None:
    """Set to None every stored reach of 0 that no report up to the evaluation gave."""
    EvaluationActivity = apps.get_model("followup", "EvaluationActivity")
    ActivityReport = apps.get_model("promises", "ActivityReport")
    given = ActivityReport.objects.filter(
        GIVEN, activity_id=OuterRef("activity_id"), date__lte=OuterRef("evaluation__as_of")
    )
    lines = EvaluationActivity.objects.filter(reached=0).exclude(Exists(given))
    EvaluationActivity.objects.filter(pk__in=list(lines.values_list("pk", flat=True))).update(
        reached=None
    )


def zero_missing_reach(apps, schema_editor) -> None:
    EvaluationActivity = apps.get_model("followup", "EvaluationActivity")
    EvaluationActivity.objects.filter(reached__isnull=True).update(reached=0)


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0007_no_data_is_not_zero_in_old_follow_ups"),
        ("promises", "0015_reach_without_data"),
    ]

    operations = [
        migrations.AlterField(
            model_name="evaluationactivity",
            name="reached",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="reached"),
        ),
        migrations.RunPython(null_reach_no_report_gave, zero_missing_reach, elidable=True),
    ]
