"""The database cache's table, made by `migrate` itself: a database set up with `loften
migrate` alone has everything the app needs (printed documents and rate limits use it)."""

from typing import Any

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps: Any, schema_editor: Any) -> None:
    # Creates the table of each database cache in CACHES, and leaves existing ones alone.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
