import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from promises.synth import PromisePlan, synth_promises, synth_promises_remove
from situation.synth import SynthPlan, synth_load, synth_remove


class Command(BaseCommand):
    help = (
        "Make a synthetic national evidence base for benchmarks (police events, complaints, "
        "dialogues, crime statistics over every municipality), reproducibly from a seed. "
        "Replaces earlier synthetic data; --remove only removes it. Demo mode only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        plan = SynthPlan()
        parser.add_argument("--seed", type=int, default=plan.seed)
        parser.add_argument("--events", type=int, default=plan.events)
        parser.add_argument("--complaints", type=int, default=plan.complaints)
        parser.add_argument("--years", type=int, default=plan.years)
        parser.add_argument("--last-year", type=int, default=plan.last_year)
        parser.add_argument(
            "--promises",
            type=int,
            default=0,
            metavar="YEARS",
            help="Also a promise per municipality and year for this many years up to "
            "--last-year, with commitments and activities (default: none).",
        )
        parser.add_argument("--remove", action="store_true", help="Only remove synthetic data.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("Synthetic data may only be made in demo mode (DEMO_MODE=true).")
        if options["remove"]:
            synth_remove()
            synth_promises_remove()
            self.stdout.write("Synthetic data removed.")
            return
        plan = SynthPlan(
            seed=options["seed"],
            events=options["events"],
            complaints=options["complaints"],
            years=options["years"],
            last_year=options["last_year"],
        )
        started = time.perf_counter()
        synth_load(plan, report=self.stdout.write)
        if options["promises"]:
            made = synth_promises(
                PromisePlan(seed=plan.seed, years=options["promises"], last_year=plan.last_year)
            )
            self.stdout.write(f"{made} promises")
        self.stdout.write(f"Done in {time.perf_counter() - started:.0f} s.")
