from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from imports.tabular import TableError
from situation.services.files import IMPORT_KINDS, file_import


class Command(BaseCommand):
    help = (
        "Import evidence from a CSV or XLSX file: crime_statistics, survey_results or "
        "complaints. The whole file is checked first; with any error nothing is stored "
        "unless --keep-valid is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["import"])
        parser.add_argument("kind", choices=sorted(IMPORT_KINDS))
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--keep-valid", action="store_true", help="Store the good rows, skip the bad."
        )
        parser.add_argument(
            "--personal-data-needed",
            action="store_true",
            help="Store complaint rows that seem to hold personal data: it is needed.",
        )
        parser.add_argument("--by", help="Username recorded as the importer.")

    def handle(self, *args: Any, **options: Any) -> None:
        by = None
        if options["by"]:
            by = User.objects.filter(username=options["by"]).first()
            if by is None:
                raise CommandError(f"No account with the username {options['by']!r}.")
        path: Path = options["file"]
        try:
            report = file_import(
                kind=options["kind"],
                file_name=path.name,
                data=path.read_bytes(),
                by=by,
                keep_valid=options["keep_valid"],
                personal_data_confirmed=options["personal_data_needed"],
            )
        except (TableError, OSError) as error:
            raise CommandError(f"{path}: {error}") from None
        for row_error in report.errors:
            self.stderr.write(f"{path.name}: {row_error}")
        if report.errors_left_out:
            self.stderr.write(f"{path.name}: and {report.errors_left_out} more errors")
        for row, column, kinds in report.personal_data:
            found = ", ".join(kinds)
            self.stderr.write(f"{path.name}: row {row}, column {column}: personal data? {found}")
        self.stdout.write(report.summary())
        if report.personal_data and not report.stored and not report.errors:
            raise CommandError(
                "Nothing was stored. Remove the personal data, or use --personal-data-needed."
            )
        if report.errors and not report.stored:
            raise CommandError("Nothing was stored. Correct the rows above, or use --keep-valid.")
