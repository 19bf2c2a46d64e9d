"""A synthetic national set of promises for benchmarks: every municipality, ten years, each
promise with commitments and activities whose done counts are set directly (no reports).

The same seed gives the same data. Nothing here is real: titles say "syntetiskt", and the
police areas are synthetic ones (slugs starting "synt-"), so real data is never touched."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from places.models import Municipality, PoliceArea
from promises.models import Activity, CitizenPromise, Commitment
from promises.vocabularies import ActivityKind, FollowUpCadence, PromiseStatus

SLUG_PREFIX = "synt-"
KINDS = [k for k in ActivityKind.values if k != ActivityKind.OTHER]


@dataclass(frozen=True)
class PromisePlan:
    seed: int = 1
    years: int = 10
    last_year: int = 2025
    activities: int = 5


def synth_promises_remove() -> None:
    """Remove every synthetic promise and police area."""
    areas = PoliceArea.objects.filter(slug__startswith=SLUG_PREFIX)
    CitizenPromise.objects.filter(police_area__in=areas).delete()
    areas.delete()


@transaction.atomic
def synth_promises(plan: PromisePlan) -> int:
    """Replace the synthetic promises with the plan's; returns how many were made."""
    rng = random.Random(plan.seed)
    synth_promises_remove()
    places = list(Municipality.objects.select_related("county").order_by("code"))
    areas = PoliceArea.objects.bulk_create(
        PoliceArea(
            name=f"Syntetiskt lokalpolisområde {m.code}",
            slug=f"{SLUG_PREFIX}{m.code}",
            region_id=m.county.police_region_id,
        )
        for m in places
    )
    for area, place in zip(areas, places, strict=True):
        area.municipalities.add(place)
    first_year = plan.last_year - plan.years + 1
    promises = []
    for place, area in zip(places, areas, strict=True):
        for year in range(first_year, plan.last_year + 1):
            status = PromiseStatus.PUBLISHED
            if year < plan.last_year and rng.random() < 0.7:
                status = PromiseStatus.EVALUATED
            signed = date(year, rng.randint(1, 3), rng.randint(1, 28))
            promises.append(
                CitizenPromise(
                    municipality=place,
                    police_area=area,
                    year=year,
                    title=f"Medborgarlöfte {place.name} {year} (syntetiskt)",
                    introduction="Syntetiskt medborgarlöfte för mätningar.",
                    follow_up=FollowUpCadence.QUARTERLY,
                    signed_on=signed,
                    status=status,
                    published_at=timezone.make_aware(datetime.combine(signed, time(12))),
                )
            )
    CitizenPromise.objects.bulk_create(promises, batch_size=2000)
    commitments = Commitment.objects.bulk_create(
        (
            Commitment(promise=p, text=f"Syntetiskt löfte {n + 1}.", position=n)
            for p in promises
            for n in range(2)
        ),
        batch_size=5000,
    )
    activities = []
    for index, promise in enumerate(promises):
        for n in range(plan.activities):
            target = rng.choice([1, 2, 4, 6, 12, 24, 30, 50])
            share = 1.0 if promise.year < plan.last_year else 0.9
            done = max(0, round(target * share * rng.uniform(0.5, 1.2)))
            activities.append(
                Activity(
                    promise=promise,
                    commitment=commitments[index * 2 + n % 2],
                    kind=rng.choice(KINDS),
                    description=f"Syntetisk aktivitet {n + 1}.",
                    target=target,
                    position=n,
                    done_count=done,
                    reached_count=done * 10,
                )
            )
    Activity.objects.bulk_create(activities, batch_size=5000)
    return len(promises)
