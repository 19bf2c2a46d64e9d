from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import pagecache
from core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the whole database with the backup in FILE (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask; the current data will be replaced."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not options["yes"]:
            answer = input(f"Replace all data in the database with {path}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                raise CommandError("Nothing was restored.")
        try:
            restore(path)
            # Every stored page shows what the database held before.
            pagecache.changed()
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Database restored from {path}.")
