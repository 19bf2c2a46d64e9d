from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations

from accounts.models import User
from core.confirm import NeedsConfirmation
from imports.models import ImportedDocument
from imports.services import NAMED_ELSEWHERE, FollowUpResult, ImportRefused, import_files
from places.models import Municipality


class Command(BaseCommand):
    help = (
        "Store the promise documents found in the files as drafts of a municipality, and "
        "attach follow-up documents' achieved counts to the municipality's promise of their "
        "year. All or nothing; importing the same file again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--municipality", required=True, help="The municipality's slug.")
        parser.add_argument("--by", help="Username to record as the importer.")
        parser.add_argument(
            "--confirm",
            "--other-municipality",
            dest="confirmed",
            action="store_true",
            help=(
                "Import all the same what the import asks to confirm: a text that names "
                "another municipality than --municipality, or personal data in a text."
            ),
        )

    # The command line speaks English, so the warnings it prints are not translated.
    @no_translations
    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(
                f"No municipality with the slug {options['municipality']!r}.", returncode=2
            )
        by = User.objects.filter(username=options["by"]).first() if options["by"] else None
        try:
            result = import_files(
                paths=options["files"],
                municipality=municipality,
                by=by,
                confirmed=options["confirmed"],
            )
        except ImportRefused as refused:
            raise CommandError(
                "Nothing was imported:\n  " + "\n  ".join(refused.problems), returncode=2
            ) from refused
        except NeedsConfirmation as asked:
            flag = "--other-municipality" if asked.has(NAMED_ELSEWHERE) else "--confirm"
            raise CommandError(
                "Nothing was imported; check first:\n  "
                + "\n  ".join(asked.messages)
                + f"\nTo import it all the same, run again with {flag} (--confirm and "
                "--other-municipality do the same).",
                returncode=2,
            ) from asked
        for promise in result.created:
            warnings = ImportedDocument.objects.get(promise=promise).warnings
            note = f" ({len(warnings)} warnings to check)" if warnings else ""
            self.stdout.write(f"Draft created: {promise.title} ({promise.year}){note}")
        for follow_up in result.follow_ups:
            self._write_follow_up(follow_up)
        for line in result.unchanged:
            self.stdout.write(f"Nothing changed: {line}")

    def _write_follow_up(self, result: FollowUpResult) -> None:
        promise = result.promise
        self.stdout.write(
            f"Follow-up attached: {result.source_name} → {promise.title} ({promise.year})"
        )
        for match in result.matches:
            read = f"{match.kind_label} {match.done} (“{match.text}”)"
            activity = match.activity
            if activity is None or match.reason:
                self.stdout.write(f"  not attached: {read}: {match.reason}")
            elif match.report is not None:
                self.stdout.write(
                    f"  attached: {read} → {activity.description}: "
                    f"{match.recorded} recorded before, report of {match.report.count} added"
                )
            else:
                self.stdout.write(
                    f"  attached: {read} → {activity.description}: "
                    f"{match.recorded} already recorded, nothing added"
                )
