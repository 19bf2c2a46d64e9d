from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from promises.demo import DemoRefused, load_demo


class Command(BaseCommand):
    help = "Load the Eslöv demo (idempotent: a second run changes nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            loaded = load_demo(timezone.localdate())
        except DemoRefused as error:
            raise CommandError(str(error)) from error
        if loaded:
            self.stdout.write("Demo loaded.")
        else:
            self.stdout.write("Demo already loaded; nothing changed.")
        self.stdout.write(
            "Open http://127.0.0.1:8000/kommun/eslov/2017/ and log in with password 'demo' as:\n"
            "  admin                 platform administrator\n"
            "  samordnare.eslov      coordinator, Eslöv municipality\n"
            "  polis.eslov           police reporter, local police area Eslöv\n"
            "  samordnare.exempelby  coordinator, the invented municipality Exempelby"
        )
