"""A synthetic national evidence base for benchmarks: every municipality, several years,
police events in the feed's own format, complaints, dialogues and crime statistics.

The same seed gives the same data. Nothing here is real; texts say "syntetisk".
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from lib.policefeed import STOCKHOLM
from places.models import Municipality
from situation.event_types import POLICE_EVENT_TYPES
from situation.models import Complaint, Concern, CrimeStatistic, Dialogue, PoliceEvent
from situation.services.events import police_events_store
from situation.vocabularies import Channel, DialogueForm, DialogueKind, Problem, Receiver

# Synthetic ids start far above the feed's own and the demo's.
FIRST_EVENT_ID = 2_000_000_000
BATCH = 20_000

_COUNTED_TYPES = [t for t, p in POLICE_EVENT_TYPES.items() if p is not None]
_ALL_TYPES = list(POLICE_EVENT_TYPES)
_PROBLEMS = [p for p in Problem.values if p != Problem.OTHER]
_TEXTS: dict[str, str] = {
    Problem.SPEEDING: "Bilar kör för fort på gatan.",
    Problem.RECKLESS_DRIVING: "Buskörning på parkeringen.",
    Problem.IMPAIRED_DRIVING: "Misstänkt rattfylleri på helgerna.",
    Problem.UNPROTECTED_ROAD_USERS: "Farligt för cyklister och gående.",
    Problem.TRAFFIC_ACCIDENTS: "Flera olyckor i korsningen.",
    Problem.PUBLIC_DISORDER: "Bråk och oväsen på natten.",
    Problem.LITTERING: "Skräp och fimpar överallt.",
    Problem.VANDALISM: "Klotter och krossade rutor.",
    Problem.PUBLIC_INTOXICATION: "Berusade personer vid torget.",
    Problem.DRUG_DEALING: "Det langas narkotika.",
    Problem.BURGLARY: "Inbrott i förråden.",
    Problem.THEFT: "Cykelstölder vid stationen.",
    Problem.VIOLENCE: "Misshandel utanför krogen.",
    Problem.ROBBERY: "Ungdomar blir rånade.",
    Problem.YOUTH_GATHERINGS: "Ungdomsgäng samlas på kvällarna.",
    Problem.PHYSICAL_ENVIRONMENT: "Trasig belysning i gångtunneln.",
    Problem.FRAUD: "Äldre blir lurade i telefon.",
}


@dataclass(frozen=True)
class SynthPlan:
    seed: int = 1
    events: int = 1_000_000
    complaints: int = 100_000
    years: int = 5
    last_year: int = 2025
    first_id: int = FIRST_EVENT_ID


def _weights(rng: random.Random, places: list[Municipality]) -> list[float]:
    # Some municipalities are much larger than others: a long-tailed weight per place.
    return [rng.paretovariate(1.2) for _ in places]


def _moment(rng: random.Random, plan: SynthPlan) -> datetime:
    first = datetime(plan.last_year - plan.years + 1, 1, 1)
    return first + timedelta(minutes=rng.randrange(plan.years * 365 * 24 * 60))


def feed_records(plan: SynthPlan, places: list[Municipality]) -> Iterator[dict[str, Any]]:
    """The plan's police events as feed records, spread over municipalities by size."""
    rng = random.Random(plan.seed)
    weights = _weights(rng, places)
    chosen = rng.choices(places, weights=weights, k=plan.events)
    for number, place in enumerate(chosen):
        moment = _moment(rng, plan)
        event_type = rng.choice(_COUNTED_TYPES if rng.random() < 0.8 else _ALL_TYPES)
        offset = moment.replace(tzinfo=STOCKHOLM).strftime("%z")
        yield {
            "id": plan.first_id + number,
            "datetime": f"{moment:%Y-%m-%d} {moment.hour}:{moment:%M:%S} {offset[:3]}:{offset[3:]}",
            "name": f"{moment:%d %B %H.%M}, {event_type}, {place.name}",
            "summary": "Syntetisk händelse för prestandamätning.",
            "url": "",
            "type": event_type,
            "location": {
                "name": place.name,
                "gps": f"{55 + rng.random() * 13:.4f},{11 + rng.random() * 13:.4f}",
            },
        }


def _complaints(plan: SynthPlan, places: list[Municipality]) -> Iterator[Complaint]:
    rng = random.Random(plan.seed + 1)
    weights = _weights(rng, places)
    for place in rng.choices(places, weights=weights, k=plan.complaints):
        problem = rng.choice(_PROBLEMS)
        yield Complaint(
            municipality=place,
            received_on=_moment(rng, plan).date(),
            receiver=rng.choice(Receiver.values),
            channel=rng.choice(Channel.values),
            text=f"{_TEXTS[problem]} (syntetisk)",
            problem=problem,
            suggested_problem=problem,
            suggested_confidence=0.75,
        )


def _dialogues(plan: SynthPlan, places: list[Municipality]) -> None:
    rng = random.Random(plan.seed + 2)
    for year in range(plan.last_year - plan.years + 1, plan.last_year + 1):
        dialogues = [
            Dialogue(
                municipality=place,
                kind=DialogueKind.CITIZEN if half == 0 else DialogueKind.EMPLOYEE,
                held_on=date(year, 3 + 6 * half, 1 + rng.randrange(27)),
                form=DialogueForm.PUBLIC_MEETING,
                title="Syntetisk dialog",
                participants=rng.randrange(10, 80),
            )
            for place in places
            for half in (0, 1)
        ]
        Dialogue.objects.bulk_create(dialogues, batch_size=BATCH)
        concerns = [
            Concern(
                dialogue=dialogue,
                municipality_id=dialogue.municipality_id,
                text=_TEXTS[problem],
                problem=problem,
                voiced_by=rng.randrange(1, 25),
            )
            for dialogue in dialogues
            for problem in rng.sample(_PROBLEMS, 4)
        ]
        Concern.objects.bulk_create(concerns, batch_size=BATCH)


def _statistics(plan: SynthPlan, places: list[Municipality]) -> None:
    rng = random.Random(plan.seed + 3)
    rows = [
        CrimeStatistic(
            municipality=place,
            year=year,
            category=f"Syntetisk kategori {problem}",
            problem=problem,
            reported=rng.randrange(5, 2000),
        )
        for place in places
        for year in range(plan.last_year - plan.years + 1, plan.last_year + 1)
        for problem in rng.sample(_PROBLEMS, 8)
    ]
    CrimeStatistic.objects.bulk_create(rows, batch_size=BATCH)


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def synth_load(plan: SynthPlan, report: Callable[[str], None] = lambda _line: None) -> None:
    """Replace all synthetic evidence with the plan's (other evidence is left alone)."""
    places = list(Municipality.objects.order_by("code"))
    synth_remove()
    stored = 0
    for chunk in _chunks(feed_records(plan, places), BATCH):
        stored += police_events_store(records=chunk).new
        if stored % 200_000 == 0:
            report(f"{stored} police events")
    report(f"{stored} police events")
    for chunk in _chunks(_complaints(plan, places), BATCH):
        Complaint.objects.bulk_create(chunk, batch_size=BATCH)
    report(f"{plan.complaints} complaints")
    _dialogues(plan, places)
    _statistics(plan, places)
    report("dialogues and crime statistics")


def synth_remove() -> None:
    """Remove everything synth_load made."""
    PoliceEvent.objects.filter(id__gte=FIRST_EVENT_ID).delete()
    Complaint.objects.filter(text__endswith="(syntetisk)").delete()
    Dialogue.objects.filter(title="Syntetisk dialog").delete()
    CrimeStatistic.objects.filter(category__startswith="Syntetisk kategori").delete()
