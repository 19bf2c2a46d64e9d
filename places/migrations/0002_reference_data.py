"""Loads the 7 police regions, 21 counties and 290 municipalities shipped in places/data/."""

from django.db import migrations


def load(apps, schema_editor):
    from places.reference_data import load_reference_data

    load_reference_data(
        apps.get_model("places", "PoliceRegion"),
        apps.get_model("places", "County"),
        apps.get_model("places", "Municipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("places", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
