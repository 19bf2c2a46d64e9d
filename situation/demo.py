"""The Eslöv demo's evidence base: invented but plausible, and marked as invented.

The seed says that complaints to the police and the municipality showed people felt unsafe
in the traffic of central Eslöv, that citizen dialogues confirmed it (the 2016 promise), that
the 2017 promise rests on the local situation picture, citizen and employee dialogues, and
that the national safety survey of 2013 found residents on the whole felt safe. Every record
below is invented to fit those facts; none is real.
"""

import random
from datetime import date, datetime, timedelta
from typing import Any

from accounts.models import User
from core.clock import on_day, played_at
from lib.classify import classify
from lib.policefeed import STOCKHOLM
from places.models import District, Municipality
from situation.models import (
    Complaint,
    Concern,
    CrimeStatistic,
    Dialogue,
    PictureApproval,
    PublishedPicture,
    SurveyResult,
)
from situation.selectors.approvals import figures_fingerprint
from situation.selectors.picture import year_picture
from situation.services.events import police_events_store
from situation.services.evidence import complaint_create, dialogue_create
from situation.services.publishing import picture_approve
from situation.vocabularies import Channel, DialogueForm, DialogueKind, Problem, Receiver

P = Problem
INVENTED = "(påhittad demonstrationspost)"
CENTRE = (55.8393, 13.3036)
# A rough outline of central Eslöv for the map (longitude, latitude), drawn for the demo.
CENTRE_OUTLINE = {
    "type": "Polygon",
    "coordinates": [
        [[13.292, 55.832], [13.316, 55.832], [13.316, 55.847], [13.292, 55.847], [13.292, 55.832]]
    ],
}
# Police event ids far above the feed's own, so the demo never collides with real events.
FIRST_EVENT_ID = 990_000_000

# (problem, text) of complaints, by the year they came in.
COMPLAINTS: dict[int, list[tuple[str, str]]] = {
    2015: [
        (P.SPEEDING, "Bilarna kör alldeles för fort genom centrum på kvällarna."),
        (P.SPEEDING, "Ingen håller hastigheten förbi skolan vid morgonlämningen."),
        (P.SPEEDING, "Fortkörningen på genomfartsgatan i centrum måste stoppas."),
        (P.SPEEDING, "Vi vill ha farthinder, bilisterna gasar upp mellan rondellerna."),
        (P.SPEEDING, "Det körs i långt över 30 på gatorna runt torget."),
        (
            P.UNPROTECTED_ROAD_USERS,
            "Barnen vågar inte korsa vägen vid övergångsstället till skolan.",
        ),
        (P.UNPROTECTED_ROAD_USERS, "Det är farligt för cyklister i korsningen vid stationen."),
        (
            P.UNPROTECTED_ROAD_USERS,
            "Bilar stannar inte för gående vid övergångsstället vid torget.",
        ),
        (P.UNPROTECTED_ROAD_USERS, "Trafiken i centrum känns otrygg för oss som går och cyklar."),
        (
            P.UNPROTECTED_ROAD_USERS,
            "Cykelbanan slutar tvärt och cyklisterna tvingas ut bland bilarna.",
        ),
        (P.UNPROTECTED_ROAD_USERS, "Äldre med rullator hinner inte över innan bilarna kör."),
        (P.RECKLESS_DRIVING, "Buskörning med bilar runt torget varje fredagskväll."),
        (P.RECKLESS_DRIVING, "Mopeder kör på gångbanan och i parken."),
        (
            P.RECKLESS_DRIVING,
            "EPA-traktorer kör runt i centrum och varvar motorerna sent på natten.",
        ),
        (P.TRAFFIC_ACCIDENTS, "Nästan påkörd vid stationen, det har varit flera tillbud där."),
        (P.LITTERING, "Det skräpar ner i parken, fimpar och burkar överallt."),
        (P.LITTERING, "Soporna vid återvinningen svämmar över varje helg."),
        (P.VANDALISM, "Klotter på väggarna vid gångtunneln."),
        (
            P.YOUTH_GATHERINGS,
            "Ungdomar samlas vid busstationen på kvällarna och det känns otryggt.",
        ),
        (P.PHYSICAL_ENVIRONMENT, "Gångvägen genom parken är helt mörk, belysningen fungerar inte."),
    ],
    2016: [
        (P.SPEEDING, "Fortfarande många som kör för fort genom centrum."),
        (
            P.SPEEDING,
            "Hastigheten på infarten är alldeles för hög, det är ett under att ingen skadats.",
        ),
        (P.SPEEDING, "Bilar kör fort förbi förskolan trots skyltarna."),
        (
            P.IMPAIRED_DRIVING,
            "Jag misstänker rattfylleri, samma bil kör vingligt varje lördagsnatt.",
        ),
        (P.IMPAIRED_DRIVING, "Fler nykterhetskontroller behövs, folk kör hem från krogen."),
        (P.RECKLESS_DRIVING, "Rivstarter och burnouts vid parkeringen varje kväll."),
        (P.RECKLESS_DRIVING, "Vårdslös körning med mopeder på skolgården efter skoltid."),
        (P.UNPROTECTED_ROAD_USERS, "Skolvägen saknar cykelbana och känns otrygg för barnen."),
        (P.UNPROTECTED_ROAD_USERS, "Fotgängare tvingas ut i gatan där trottoaren är avstängd."),
        (
            P.TRAFFIC_ACCIDENTS,
            "Två bilar krockade i korsningen i förra veckan, det behövs åtgärder.",
        ),
        (P.VANDALISM, "Busskuren har fått rutorna krossade igen."),
        (P.BURGLARY, "Flera inbrott i källarförråden i vårt hus."),
        (P.PUBLIC_INTOXICATION, "Berusade personer sitter och dricker vid torget hela dagarna."),
        (P.LITTERING, "Nedskräpningen vid badplatsen är värre än någonsin."),
    ],
    2017: [
        (P.SPEEDING, "Det körs fortfarande för fort vid skolan på morgonen."),
        (P.RECKLESS_DRIVING, "Buskörning på industriområdet på helgerna."),
        (P.THEFT, "Cykelstölderna vid stationen är ett stort problem."),
        (P.LITTERING, "Skräp och fimpar vid torget efter helgerna."),
    ],
}

# Dialogues: (kind, held on, form, title, participants, groups, [(problem, concern, voices)]).
DIALOGUES: list[tuple[str, date, str, str, int, list[str], list[tuple[str, str, int]]]] = [
    (
        DialogueKind.CITIZEN,
        date(2015, 9, 19),
        DialogueForm.STREET_STAND,
        "Medborgardialog vid torget",
        64,
        ["residents", "parents", "seniors"],
        [
            (P.SPEEDING, "Bilar kör för fort genom centrum.", 21),
            (
                P.UNPROTECTED_ROAD_USERS,
                "Otryggt att gå och cykla i centrum, särskilt för barn.",
                17,
            ),
            (P.RECKLESS_DRIVING, "Buskörning kring torget på kvällarna.", 8),
            (P.LITTERING, "Skräpigt i parken.", 5),
            (P.PHYSICAL_ENVIRONMENT, "Mörka gångvägar i parken.", 4),
        ],
    ),
    (
        DialogueKind.CITIZEN,
        date(2015, 10, 14),
        DialogueForm.PUBLIC_MEETING,
        "Öppet möte om tryggheten i centrala Eslöv",
        38,
        ["residents", "businesses", "associations"],
        [
            (P.UNPROTECTED_ROAD_USERS, "Skolvägarna i centrum upplevs som farliga.", 15),
            (P.SPEEDING, "Hastigheten på gatorna runt stationen.", 11),
            (P.YOUTH_GATHERINGS, "Ungdomar samlas vid busstationen.", 6),
        ],
    ),
    (
        DialogueKind.CITIZEN,
        date(2016, 5, 21),
        DialogueForm.STREET_STAND,
        "Medborgardialog under vårmarknaden",
        71,
        ["residents", "young_people", "seniors"],
        [
            (P.SPEEDING, "Fortkörning på infarterna.", 19),
            (P.IMPAIRED_DRIVING, "Rattfylleri på helgnätterna.", 9),
            (P.UNPROTECTED_ROAD_USERS, "Barnens väg till skolan.", 14),
            (P.LITTERING, "Nedskräpning vid badplatsen.", 6),
        ],
    ),
    (
        DialogueKind.CITIZEN,
        date(2016, 10, 6),
        DialogueForm.SCHOOL,
        "Dialog med föräldrar på en skola",
        42,
        ["parents", "school_staff"],
        [
            (
                P.UNPROTECTED_ROAD_USERS,
                "Barn i årskurs 4 som cyklar till skolan behöver kunna trafikreglerna.",
                18,
            ),
            (P.SPEEDING, "Bilar kör fort vid skolan vid lämning och hämtning.", 16),
        ],
    ),
    (
        DialogueKind.EMPLOYEE,
        date(2016, 9, 13),
        DialogueForm.WORKPLACE_MEETING,
        "Medarbetardialog i lokalpolisområdet",
        23,
        ["police_staff", "municipal_staff"],
        [
            (P.SPEEDING, "Hastighetsöverträdelser på infarterna i kontrollerna.", 9),
            (P.IMPAIRED_DRIVING, "Alkohol och droger i trafiken, fler kontroller behövs.", 11),
            (P.RECKLESS_DRIVING, "Beteendet i trafiken: mobil, rödljus, omkörningar.", 7),
        ],
    ),
]

# Police event types of the demo's invented feed, with how many in a year.
EVENT_MIX = {
    "Trafikolycka": 38,
    "Trafikolycka, personskada": 11,
    "Trafikolycka, singel": 9,
    "Trafikkontroll": 24,
    "Rattfylleri": 17,
    "Trafikbrott": 13,
    "Inbrott": 28,
    "Stöld": 30,
    "Stöld/inbrott": 9,
    "Skadegörelse": 17,
    "Misshandel": 15,
    "Bråk": 10,
    "Fylleri/LOB": 8,
    "Narkotikabrott": 11,
    "Bedrägeri": 7,
    "Rån": 2,
    "Ofog barn/ungdom": 6,
    "Brand": 14,
    "Sammanfattning natt": 20,
}

# Reported crimes in Eslöv (invented figures of a plausible size), by category and year.
CRIMES = {
    "Misshandel": (P.VIOLENCE, {2015: 182, 2016: 176, 2017: 170}),
    "Skadegörelse": (P.VANDALISM, {2015: 512, 2016: 478, 2017: 455}),
    "Inbrott i bostad": (P.BURGLARY, {2015: 131, 2016: 118, 2017: 109}),
    "Stöld ur och från fordon": (P.THEFT, {2015: 304, 2016: 287, 2017: 262}),
    "Rattfylleri": (P.IMPAIRED_DRIVING, {2015: 61, 2016: 74, 2017: 69}),
    "Narkotikabrott": (P.DRUG_DEALING, {2015: 244, 2016: 259, 2017: 268}),
    "Bedrägeri": (P.FRAUD, {2015: 356, 2016: 402, 2017: 431}),
    "Trafikbrott": (P.RECKLESS_DRIVING, {2015: 388, 2016: 405, 2017: 392}),
}


def load_evidence(by: User | None) -> bool:
    """Load the demo's evidence once; False (and nothing changed) when it is there already."""
    eslov = Municipality.objects.get(slug="eslov")
    if Dialogue.objects.filter(municipality=eslov).exists():
        return False
    centre, _created = District.objects.get_or_create(
        municipality=eslov, name="Centrala Eslöv", defaults={"outline": CENTRE_OUTLINE}
    )
    rng = random.Random(2015)
    _complaints(eslov, centre, by, rng)
    _dialogues(eslov, centre, by)
    for year in (2015, 2016, 2017):
        police_events_store(records=feed_year(eslov.name, year, rng))
    _statistics(eslov, centre)
    _motivations(eslov, by)
    for year in (2015, 2016):
        _publish(eslov, year)
    return True


# The demo's coordinators of each party approve a year's picture in the February after it.
APPROVERS = (("samordnare.eslov", 8), ("samordnare.polis.eslov", 12))


def _publish(eslov: Municipality, year: int) -> None:
    """Publish the year's picture as the two parties would: the municipality approves it on
    8 February of the next year and the police on the 12th, which publishes it."""
    moment = None
    for username, day in APPROVERS:
        approver = User.objects.filter(username=username).first()
        if approver is None:
            return
        seen = figures_fingerprint(year_picture(eslov, year))
        picture_approve(municipality=eslov, year=year, by=approver, seen_figures=seen)
        moment = datetime(year + 1, 2, day, 13, tzinfo=STOCKHOLM)
        PictureApproval.objects.filter(municipality=eslov, year=year, approved_by=approver).update(
            approved_at=moment
        )
    PublishedPicture.objects.filter(municipality=eslov, year=year).update(published_at=moment)


def _near_centre(rng: random.Random) -> tuple[float, float]:
    return (
        round(CENTRE[0] + rng.uniform(-0.006, 0.006), 5),
        round(CENTRE[1] + rng.uniform(-0.01, 0.01), 5),
    )


def _complaints(eslov: Municipality, centre: District, by: User | None, rng: random.Random) -> None:
    # Through the same service as the staff form: where the rules suggest another problem
    # than the one given here, the record shows the coordinator's correction.
    for year, entries in COMPLAINTS.items():
        for number, (problem, text) in enumerate(entries):
            latitude, longitude = _near_centre(rng)
            complaint_create(
                municipality=eslov,
                by=by,
                text=f"{text} {INVENTED}",
                problem=problem,
                district=centre,
                place="Centrala Eslöv",
                latitude=latitude,
                longitude=longitude,
                received_on=date(year, 1 + number * 11 // len(entries), 1 + number % 27),
                receiver=Receiver.POLICE if number % 2 else Receiver.MUNICIPALITY,
                channel=[Channel.EMAIL, Channel.PHONE, Channel.WEB_FORM][number % 3],
                may_show_anonymised=number % 3 == 0,
            )


def _dialogues(eslov: Municipality, centre: District, by: User | None) -> None:
    for kind, held_on, form, title, participants, groups, concerns in DIALOGUES:
        dialogue_create(
            municipality=eslov,
            by=by,
            concerns=[
                {"text": text, "voiced_by": voices, "problem": problem}
                for problem, text, voices in concerns
            ],
            district=centre,
            place="Centrala Eslöv",
            kind=kind,
            held_on=held_on,
            form=form,
            title=f"{title} {INVENTED}",
            participants=participants,
            participant_groups=groups,
            notes=INVENTED,
        )


def feed_year(location: str, year: int, rng: random.Random) -> list[dict[str, Any]]:
    """A year of invented events for one place, written exactly as the police's feed writes
    them (unpadded hour, space before the offset, "lat,lng" as one string)."""
    records = []
    offset = FIRST_EVENT_ID + (year - 2000) * 10_000
    growth = 1.0 + 0.08 * (year - 2015)
    types = [t for t, n in EVENT_MIX.items() for _ in range(round(n * growth))]
    for number, event_type in enumerate(types):
        moment = datetime(year, 1, 1) + timedelta(minutes=rng.randrange(365 * 24 * 60))
        latitude, longitude = _near_centre(rng)
        day = f"{moment.day} {_MONTHS[moment.month - 1]} {moment:%H.%M}"
        records.append(
            {
                "id": offset + number,
                "datetime": f"{moment:%Y-%m-%d} {moment.hour}:{moment:%M:%S} {_offset(moment)}",
                "name": f"{day}, {event_type}, {location}",
                "summary": f"Påhittad händelse i demonstrationen ({event_type.lower()}).",
                "url": "",
                "type": event_type,
                "location": {"name": location, "gps": f"{latitude},{longitude}"},
            }
        )
    return records


def _offset(moment: datetime) -> str:
    """Sweden's UTC offset at that local time, written "+01:00" or "+02:00"."""
    raw = moment.replace(tzinfo=STOCKHOLM).strftime("%z")
    return f"{raw[:3]}:{raw[3:]}"


_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def _statistics(eslov: Municipality, centre: District) -> None:
    for category, (problem, by_year) in CRIMES.items():
        for year, reported in by_year.items():
            CrimeStatistic.objects.create(
                municipality=eslov,
                year=year,
                category=category,
                problem=problem,
                reported=reported,
                per_100k=round(reported * 100_000 / 33_000, 1),
            )
    survey = [
        ("Otrygg ute ensam sent en kväll i det egna bostadsområdet", "", 2013, 16.0, None),
        ("Bilar som körs på ett störande sätt är ett stort problem", "", 2013, 31.0, None),
        ("Nedskräpning är ett stort problem", "", 2013, 22.0, None),
        (
            "Bilar som körs på ett störande sätt är ett stort problem",
            "Centrala Eslöv",
            2015,
            38.0,
            None,
        ),
        ("Nedskräpning är ett stort problem", "Centrala Eslöv", 2015, 19.0, None),
        ("Otryggt att gå och cykla i trafiken i centrum", "Centrala Eslöv", 2015, 34.0, None),
    ]
    for question, area, year, share, index in survey:
        suggestion = classify(question)
        SurveyResult.objects.create(
            municipality=eslov,
            district=centre if area else None,
            area=area,
            year=year,
            question=question,
            problem=suggestion.problem if suggestion.confidence >= 0.5 else "",
            share=share,
            index=index,
        )


# What each promise's first commitment answers, by promise year: the 2016 promise the traffic
# of central Eslöv (behaviour and unprotected road users), the 2017 promise speed, behaviour
# and alcohol/drugs in traffic, as the seed's promises say.
MOTIVATIONS = {
    2016: [P.UNPROTECTED_ROAD_USERS, P.RECKLESS_DRIVING, P.SPEEDING],
    2017: [P.SPEEDING, P.RECKLESS_DRIVING, P.IMPAIRED_DRIVING, P.UNPROTECTED_ROAD_USERS],
}


def _motivations(eslov: Municipality, by: User | None) -> None:
    from promises.models import CitizenPromise
    from situation.services import commitment_motivate

    for year, problems in MOTIVATIONS.items():
        promise = CitizenPromise.objects.filter(municipality=eslov, year=year).first()
        commitment = promise.commitments.order_by("position").first() if promise else None
        if promise is None or commitment is None:
            continue
        evidence_year = year - 1
        # Written with the promise, on the morning of its signing day.
        with played_at(on_day(promise.signed_on or date(year, 1, 1), 9)):
            commitment_motivate(
                commitment=commitment,
                problems=list(problems),
                complaints=list(
                    Complaint.objects.filter(
                        municipality=eslov, received_on__year=evidence_year, problem__in=problems
                    )[:4]
                ),
                concerns=list(
                    Concern.objects.filter(
                        municipality=eslov,
                        dialogue__held_on__year=evidence_year,
                        problem__in=problems,
                    )
                ),
                by=by,
            )
