from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lib.policefeed import FeedError
from situation.services import police_events_fetch
from situation.tasks import police_events_schedule


class Command(BaseCommand):
    help = (
        "fetch: read the police's open events feed (the configured URL, --url or --file) and "
        "store the events not stored before. schedule: queue the periodic background fetch."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["fetch", "schedule"])
        parser.add_argument("--file", type=Path, help="Read the feed from this JSON file.")
        parser.add_argument("--url", help="Fetch from this address instead of the setting.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "schedule":
            queued = police_events_schedule(delay_minutes=0)
            self.stdout.write("Queued." if queued else "Already queued, or no worker backend.")
            return
        try:
            report = police_events_fetch(url=options["url"], path=options["file"])
        except (FeedError, OSError) as error:
            raise CommandError(str(error)) from None
        for position, reason in report.malformed:
            self.stderr.write(f"record {position}: {reason}")
        self.stdout.write(report.summary())
