from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations

from accounts.models import User
from imports.models import ImportedDocument
from imports.services import ImportRefused, import_files
from places.models import Municipality


class Command(BaseCommand):
    help = (
        "Store the promise documents found in the files as drafts of a municipality. "
        "All or nothing; importing the same file again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--municipality", required=True, help="The municipality's slug.")
        parser.add_argument("--by", help="Username to record as the importer.")
        parser.add_argument(
            "--other-municipality",
            action="store_true",
            help="Import a text that names another municipality under --municipality all the same.",
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
                named_elsewhere_confirmed=options["other_municipality"],
            )
        except ImportRefused as refused:
            hint = ""
            if refused.named_elsewhere:
                hint = (
                    f"\nTo import it under {municipality.name} all the same, run again with "
                    "--other-municipality."
                )
            raise CommandError(
                "Nothing was imported:\n  " + "\n  ".join(refused.problems) + hint, returncode=2
            ) from refused
        for promise in result.created:
            warnings = ImportedDocument.objects.get(promise=promise).warnings
            note = f" ({len(warnings)} warnings to check)" if warnings else ""
            self.stdout.write(f"Draft created: {promise.title} ({promise.year}){note}")
        for line in result.unchanged:
            self.stdout.write(f"Nothing changed: {line}")
