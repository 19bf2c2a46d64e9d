from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from promises.tasks import progress_recount


class Command(BaseCommand):
    help = "Recount activity progress from the reports (queued for `loften db_worker`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--promise", type=int, help="Only this promise (its id).")

    def handle(self, *args: Any, **options: Any) -> None:
        result = progress_recount.enqueue(promise_id=options["promise"])
        self.stdout.write(f"Queued task {result.id} ({result.status}).")
