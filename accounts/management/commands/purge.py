from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from accounts.privacy import purge


class Command(BaseCommand):
    help = "Remove personal data past its retention period, and report what was removed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only report what would be removed."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        report = purge(dry_run=options["dry_run"])
        verb = "Would remove" if options["dry_run"] else "Removed"
        for what, count in report.counts.items():
            self.stdout.write(f"{verb} {count} {what}.")
