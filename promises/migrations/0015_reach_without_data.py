"""An activity's reach was stored as 0 where no report gave a figure for it (participants,
pupils reached), so the API said `reached: 0` for a walk nobody counted. The field may now be
empty: None when no report gave the figure, 0 only when reports recorded 0. A stored 0 becomes
None when no live report of the activity gives either figure, as the recount sums only live
reports; every other figure stays. Going back writes 0 again, as the old field required."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q

# The report figures that count the people reached (promises.vocabularies.REACH_FIELDS).
GIVEN = Q(pupils_reached__isnull=False) | Q(attendees__isnull=False)


def null_reach_no_report_gave(apps, schema_editor) -> None:
    """Set to None every stored reach of 0 that no live report of the activity gave."""
    Activity = apps.get_model("promises", "Activity")
    ActivityReport = apps.get_model("promises", "ActivityReport")
    given = ActivityReport.objects.filter(
        GIVEN, activity_id=OuterRef("pk"), removed_at__isnull=True
    )
    Activity.objects.filter(reached_count=0).exclude(Exists(given)).update(reached_count=None)


def zero_missing_reach(apps, schema_editor) -> None:
    Activity = apps.get_model("promises", "Activity")
    Activity.objects.filter(reached_count__isnull=True).update(reached_count=0)


class Migration(migrations.Migration):
    dependencies = [
        ("promises", "0014_withdrawn_by_party"),
    ]

    operations = [
        migrations.AlterField(
            model_name="activity",
            name="reached_count",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(null_reach_no_report_gave, zero_missing_reach, elidable=True),
    ]
