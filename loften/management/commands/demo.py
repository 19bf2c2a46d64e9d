from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core import pagecache
from followup.demo import load_follow_ups
from promises.demo import DemoRefused, load_demo
from situation.demo import load_evidence


class Command(BaseCommand):
    help = "Load the Eslöv demo (idempotent: a second run changes nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with transaction.atomic():
                loaded = load_demo(timezone.localdate())
                coordinator = User.objects.filter(username="samordnare.eslov").first()
                loaded = load_evidence(coordinator) or loaded
                loaded = load_follow_ups(timezone.localdate()) or loaded
                if loaded:
                    pagecache.changed()
        except DemoRefused as error:
            raise CommandError(str(error)) from error
        if loaded:
            self.stdout.write("Demo loaded.")
        else:
            self.stdout.write("Demo already loaded; nothing changed.")
        self.stdout.write(
            "Open http://127.0.0.1:8000/kommun/eslov/2017/ and log in with password 'demo' as:\n"
            "  admin                   platform administrator\n"
            "  samordnare.eslov        coordinator, Eslöv municipality\n"
            "  polis.eslov             police reporter, local police area Eslöv\n"
            "  samordnare.polis.eslov  coordinator, local police area Eslöv\n"
            "  samordnare.exempelby    coordinator, the invented municipality Exempelby\n"
            "  polis.exempelby         police reporter, the invented police area Exempelby\n"
            "The situation picture: http://127.0.0.1:8000/arbete/lagesbild/eslov/2015/"
        )
