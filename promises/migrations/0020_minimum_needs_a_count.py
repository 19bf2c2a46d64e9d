"""An activity marked "at least" with neither a target nor a rate promised nothing to be at
least; such rows, possible before the rule, lose the mark so that they can still be edited,
moved and carried over to the next year."""

from django.db import migrations
from django.db.models import Q


def untick(apps, schema_editor):  # type: ignore[no-untyped-def]
    Activity = apps.get_model("promises", "Activity")
    Activity.objects.filter(minimum=True).filter(
        Q(target__isnull=True) | Q(target=0), rate_count__isnull=True, rate_per=""
    ).update(minimum=False)


class Migration(migrations.Migration):
    dependencies = [("promises", "0019_report_summary")]

    operations = [migrations.RunPython(untick, migrations.RunPython.noop)]
