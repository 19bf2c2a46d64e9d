import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from accounts.privacy import person_erase, person_export


class Command(BaseCommand):
    help = "Export (as JSON) or erase all personal data of one person, by username."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("username")
        parser.add_argument("--yes", action="store_true", help="Erase without asking.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist as error:
            raise CommandError(f"No account with the username {options['username']!r}.") from error
        if options["action"] == "export":
            self.stdout.write(json.dumps(person_export(user), ensure_ascii=False, indent=2))
            return
        if not options["yes"]:
            answer = input(f"Erase the personal data of {user.username}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes", "j", "ja"):
                raise CommandError("Nothing was erased.")
        person_erase(user=user, by=None)
        self.stdout.write(f"Erased; the account is now {User.objects.get(pk=user.pk).username}.")
