from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from followup.services import follow_up_daily_run
from followup.tasks import follow_up_schedule


class Command(BaseCommand):
    help = (
        "run: draft the follow-ups of periods that have ended and send the day's reminders "
        "(what the daily background run does). schedule: queue the daily background run."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["run", "schedule"])
        parser.add_argument(
            "--date", help="Run as if today were this day (YYYY-MM-DD); default: today."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "schedule":
            queued = follow_up_schedule()
            self.stdout.write("Queued." if queued else "Already queued, or no worker backend.")
            return
        today = timezone.localdate()
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(f"--date {options['date']}: not a date (YYYY-MM-DD)") from None
        report = follow_up_daily_run(today=today)
        self.stdout.write(
            f"{today.isoformat()}: follow-ups drafted: {report['drafted']}, reminders sent: "
            f"{report['follow_up_due']} due, {report['activity_behind']} behind pace."
        )
