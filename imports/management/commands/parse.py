import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations

from imports.readers import ReadError, read_text
from imports.reading import parse_text


class Command(BaseCommand):
    help = (
        "Read published promise texts (plain text or saved web pages) and print the "
        "promise documents found, as JSON. Changes nothing in the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)

    # The command line speaks English, so the warnings it prints are not translated.
    @no_translations
    def handle(self, *args: Any, **options: Any) -> None:
        documents: list[dict[str, Any]] = []
        for path in options["files"]:
            try:
                found = parse_text(read_text(path))["documents"]
            except ReadError as error:
                raise CommandError(str(error), returncode=2) from error
            if not found:
                raise CommandError(f"{path}: no citizen promise found in the text", returncode=2)
            documents.extend(found)
        self.stdout.write(json.dumps({"documents": documents}, ensure_ascii=False, indent=2))
