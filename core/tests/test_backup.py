"""Backup and restore round trips compare every table, on SQLite and on PostgreSQL."""

from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from promises.models import ActivityReport, CitizenPromise

pytestmark = pytest.mark.django_db(transaction=True)


def _every_table() -> dict[str, list[tuple[Any, ...]]]:
    tables = {}
    with connection.cursor() as cursor:
        for name in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(name)}")
            tables[name] = sorted(cursor.fetchall(), key=repr)
    return tables


def test_restore_brings_back_every_row_of_every_table(demo: None, tmp_path: Path) -> None:
    before = _every_table()
    assert len(before["promises_activityreport"]) > 30
    backup = tmp_path / "core.backup"
    call_command("backup", str(backup))
    ActivityReport.objects.filter(notes__contains="Påhittad").update(count=99)
    CitizenPromise.objects.filter(year=2016).update(title="Ändrad efter backupen")
    ActivityReport.objects.filter(activity__promise__year=2016).delete()
    assert _every_table() != before
    call_command("restore", str(backup), "--yes")
    assert _every_table() == before


def test_restore_refuses_a_file_that_is_not_a_backup(demo: None, tmp_path: Path) -> None:
    before = _every_table()
    bogus = tmp_path / "notes.txt"
    bogus.write_text("inte en backup", encoding="utf-8")
    with pytest.raises(CommandError, match="not a .* backup, so nothing was restored"):
        call_command("restore", str(bogus), "--yes")
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing"), "--yes")
    assert _every_table() == before


def test_a_backup_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    """It holds password hashes, two-factor keys and complaint texts."""
    import os

    previous = os.umask(0o022)
    try:
        call_command("backup", str(tmp_path / "copy.db"))
    finally:
        os.umask(previous)
    assert (tmp_path / "copy.db").stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["copy.db"]
