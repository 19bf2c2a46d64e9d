"""The Eslöv demo: the 2016 and 2017 promises as the seed page states them, written in our
own words, an invented activity log, and the invented municipality Exempelby."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.demo_guard import DEMO_PASSWORD
from accounts.models import Membership, Organisation, OrganisationKind, Role, User
from core.clock import on_day, played_at
from places.emblem import demo_emblem
from places.models import County, Logo, Municipality, PoliceArea, PoliceRegion
from promises import services
from promises.models import Activity, Agreement, CitizenPromise
from promises.vocabularies import ActivityKind as K
from promises.vocabularies import EvidenceSource as E
from promises.vocabularies import FocusTag as F
from promises.vocabularies import FollowUpCadence, PromiseStatus

INVENTED = "Påhittad exempelpost i demonstrationen."

ESLOV_SIGNATORIES: list[services.Signer] = [
    {"name": "Anna-Karin Boije", "title": "Lokalpolisområdeschef"},
    {"name": "Johan Andersson", "title": "Kommunstyrelsens ordförande"},
]


class DemoRefused(Exception):
    """The demo may only be loaded in demo mode."""


def load_demo(today: date) -> bool:
    """Load the demo once; returns False (and changes nothing) when it is already there."""
    if not settings.DEMO_MODE:
        raise DemoRefused("The demo and its accounts exist only in demo mode (DEMO_MODE=true).")
    if CitizenPromise.objects.filter(municipality__slug="eslov", year=2016).exists():
        return False
    with transaction.atomic():
        orgs = _eslov_organisations()
        admin = _users(orgs)
        _eslov_2016(orgs, admin)
        _eslov_2017(orgs, admin)
        _exempelby(today)
    return True


def _demo_logo(municipality: Municipality, colour: tuple[int, int, int]) -> None:
    # An emblem of our own, never a real coat of arms: the demo's documents show a logo.
    Logo.objects.update_or_create(
        municipality=municipality,
        defaults={"data": demo_emblem(colour=colour), "content_type": "image/png"},
    )


def _eslov_organisations() -> dict[str, Any]:
    eslov = Municipality.objects.get(slug="eslov")
    _demo_logo(eslov, (11, 79, 138))
    area = PoliceArea.objects.create(
        name="Lokalpolisområde Eslöv",
        slug="lpo-eslov",
        region=PoliceRegion.objects.get(slug="syd"),
    )
    area.municipalities.add(eslov)
    orgs: dict[str, Any] = {
        "municipality": Organisation.objects.create(
            name="Eslövs kommun", kind=OrganisationKind.MUNICIPALITY, municipality=eslov
        ),
        "police": Organisation.objects.create(
            name="Lokalpolisområde Eslöv", kind=OrganisationKind.POLICE_AREA, police_area=area
        ),
        "rescue": Organisation.objects.create(
            name="Räddningstjänsten Syd", kind=OrganisationKind.RESCUE_SERVICE
        ),
        "eslov": eslov,
        "area": area,
    }
    agreement = Agreement.objects.create(
        municipality=eslov,
        police_area=area,
        title="Samverkansöverenskommelse mellan Eslövs kommun och polisen 2015–2018",
        start_year=2015,
        end_year=2018,
        signed_on=date(2015, 11, 1),
        signed_month_only=True,
        summary=(
            "Kommunen och polisen tog under 2015 fram en gemensam överenskommelse om det "
            "brottsförebyggande och trygghetsskapande arbetet, byggd på lokal lägesbild, "
            "trygghetsmätningar, medborgardialoger och medarbetardialoger. De årliga "
            "medborgarlöftena kompletterar den."
        ),
    )
    agreement.parties.set([orgs["municipality"], orgs["police"]])
    orgs["agreement"] = agreement
    return orgs


def _user(username: str, first: str, last: str, **flags: Any) -> User:
    user = User(username=username, first_name=first, last_name=last, **flags)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _users(orgs: dict[str, Any]) -> User:
    admin = _user("admin", "Demo", "Administratör", is_staff=True, is_superuser=True)
    coordinator = _user("samordnare.eslov", "Demo", "Samordnare Eslöv")
    Membership.objects.create(
        user=coordinator, organisation=orgs["municipality"], role=Role.COORDINATOR
    )
    police = _user("polis.eslov", "Demo", "Polis Eslöv")
    Membership.objects.create(user=police, organisation=orgs["police"], role=Role.REPORTER)
    police_coordinator = _user("samordnare.polis.eslov", "Demo", "Samordnare Polisen Eslöv")
    Membership.objects.create(
        user=police_coordinator, organisation=orgs["police"], role=Role.COORDINATOR
    )
    return admin


def _promise(orgs: dict[str, Any], by: User, year: int, **data: Any) -> CitizenPromise:
    # The demo's past: written on the morning of its signing day, not today.
    with played_at(on_day(data["signed_on"], 9)):
        promise = _promise_written(orgs, by, year, **data)
    # Signed, approved and published that same day.
    with played_at(on_day(data["signed_on"], 13)):
        services.promise_set_status(promise=promise, by=by, status=PromiseStatus.SIGNED)
        # A coordinator of each party approves the publication.
        for approver in ("samordnare.eslov", "samordnare.polis.eslov"):
            services.promise_approve(promise=promise, by=User.objects.get(username=approver))
    return promise


# Which commitment an activity carries out, by a word its text uses: the traffic work the
# first commitment, the walks and dialogues the commitments that name them.
COMMITMENT_WORDS: dict[str, str] = {
    K.TRAFFIC_OPERATION: "trafik",
    K.TRAFFIC_CONTROL: "trafik",
    K.SAFETY_WALK: "trygghetsvandring",
    K.CITIZEN_DIALOGUE: "medborgardialog",
}


def _commitment_of(promise: CitizenPromise, kind: str) -> Any:
    word = COMMITMENT_WORDS.get(kind)
    if word is None:
        return None
    return next((c for c in promise.commitments.all() if word in c.text.casefold()), None)


def _promise_written(orgs: dict[str, Any], by: User, year: int, **data: Any) -> CitizenPromise:
    commitments = data.pop("commitments")
    activities = data.pop("activities")
    promise = services.promise_create(
        by=by,
        municipality=orgs["eslov"],
        police_area=orgs["area"],
        year=year,
        agreement=orgs["agreement"],
        **data,
    )
    for position, text in enumerate(commitments):
        services.commitment_create(promise=promise, by=by, text=text, position=position)
    for position, (kind, target, unit, description, extra) in enumerate(activities):
        services.activity_create(
            promise=promise,
            by=by,
            kind=kind,
            target=target,
            unit=unit,
            description=description,
            position=position,
            commitment=_commitment_of(promise, kind),
            responsible=extra.pop("responsible", [orgs["municipality"], orgs["police"]]),
            **extra,
        )
    services.signatory_set(
        promise=promise,
        by=by,
        people=[
            {**ESLOV_SIGNATORIES[0], "organisation": orgs["police"]},
            {**ESLOV_SIGNATORIES[1], "organisation": orgs["municipality"]},
        ],
    )
    return promise


def _eslov_2016(orgs: dict[str, Any], by: User) -> None:
    promise = _promise(
        orgs,
        by,
        2016,
        title="Medborgarlöften i Eslövs kommun 2016",
        introduction=(
            "Polisen och Eslövs kommun har en samverkansöverenskommelse för 2015–2018, "
            "undertecknad i november 2015. Medborgarlöftena kompletterar den med konkreta "
            "insatser som riktar sig direkt till invånarna och deras upplevda trygghet, som "
            "en förlängning av polisens ordinarie brottsförebyggande arbete."
        ),
        situation=(
            "Polisens nationella trygghetsmätning 2013 visade att invånarna i Eslövs kommun "
            "överlag känner sig trygga i sin närmiljö.\n\n"
            "Klagomål till polisen och kommunen visade däremot att många upplever trafiken i "
            "centrala Eslöv som otrygg. Samma bild kom fram i medborgardialogerna."
        ),
        evidence_sources=[
            E.SITUATION_PICTURE,
            E.SAFETY_SURVEY,
            E.CITIZEN_DIALOGUE,
            E.EMPLOYEE_DIALOGUE,
            E.COMPLAINTS,
        ],
        commitments=[
            "Vi arbetar tillsammans för en säkrare trafik i centrala Eslöv, med fokus på "
            "beteende och oskyddade trafikanter.",
            "Vi genomför gemensamma trygghetsvandringar med polis, kommun och andra berörda "
            "för att hitta platser som känns otrygga och föreslå åtgärder.",
            "Vi håller gemensamma medborgardialoger för att ta vara på invånarnas kunskap, "
            "erfarenheter och idéer om de lokala problemen.",
        ],
        activities=[
            (
                K.TRAFFIC_OPERATION,
                2,
                "insatser",
                "Riktade trafikinsatser i centrala Eslöv mot oskyddade trafikanter.",
                {"focus": [F.UNPROTECTED_ROAD_USERS, F.BEHAVIOUR], "place": "centrala Eslöv"},
            ),
            (K.SAFETY_WALK, 2, "vandringar", "Gemensamma trygghetsvandringar i kommunen.", {}),
            (
                K.CITIZEN_DIALOGUE,
                2,
                "tillfällen",
                "Tillfällen för gemensam medborgardialog i kommunen.",
                {},
            ),
        ],
        effect=(
            "Tryggheten i kommunen ska öka. Invånarna ska få mer inflytande och märka att "
            "polisen och kommunen bryr sig om de lokala problemen."
        ),
        follow_up=FollowUpCadence.QUARTERLY,
        evaluation_due=date(2016, 12, 31),
        evaluation_plan="En sammanfattning och utvärdering görs före årsskiftet 2016/2017.",
        signed_on=date(2016, 4, 7),
    )
    police = orgs["police"]
    _log(
        promise,
        [
            (
                0,
                date(2016, 5, 19),
                {"place": "Stortorget", "vehicles_checked": 64, "other_violations": 7},
            ),
            (
                0,
                date(2016, 9, 22),
                {"place": "Västergatan", "vehicles_checked": 51, "other_violations": 4},
            ),
            (1, date(2016, 4, 27), {"place": "Östra Eslöv", "attendees": 14, "observations": 9}),
            (1, date(2016, 10, 12), {"place": "Centrum", "attendees": 18, "observations": 11}),
            (2, date(2016, 6, 4), {"place": "Stadsparken", "attendees": 40}),
            (2, date(2016, 11, 16), {"place": "Medborgarhuset", "attendees": 27}),
        ],
        [orgs["municipality"], police],
    )


def _eslov_2017(orgs: dict[str, Any], by: User) -> None:
    promise = _promise(
        orgs,
        by,
        2017,
        title="Medborgarlöften i Eslöv 2017",
        introduction=(
            "Medborgarlöftet bygger vidare på samverkansöverenskommelsen mellan Eslövs kommun "
            "och polisen. Det ska ta bättre vara på invånarnas kunskap och engagemang och "
            "stärka förtroendet mellan invånare, polis och kommun."
        ),
        situation=(
            "Samverkan mellan polis och kommun är en förutsättning för att förebygga brott och "
            "skapa trygghet. Årets löfte har tagits fram utifrån den lokala lägesbilden, "
            "medborgardialoger och medarbetardialoger."
        ),
        evidence_sources=[E.SITUATION_PICTURE, E.CITIZEN_DIALOGUE, E.EMPLOYEE_DIALOGUE],
        commitments=[
            "Lokalpolisområde Eslöv och kommunen arbetar tillsammans för att öka trafiksäkerheten.",
        ],
        activities=[
            (
                K.SCHOOL_EDUCATION,
                1,
                "dag",
                "Kunskaps- och utbildningsdag för alla elever i årskurs 4 i Eslövs kommun, "
                "genomförd av Räddningstjänsten Syd och polisen.",
                {
                    "audience": "Alla elever i årskurs 4 i Eslövs kommun",
                    "responsible": [orgs["rescue"], orgs["police"]],
                },
            ),
            (K.SAFETY_WALK, 2, "vandringar", "Gemensamma trygghetsvandringar i Eslövs kommun.", {}),
            (
                K.TRAFFIC_OPERATION,
                4,
                "insatser",
                "Riktade trafikinsatser som väljs utifrån den aktuella lägesbilden.",
                {},
            ),
            (
                K.TRAFFIC_CONTROL,
                30,
                "kontroller",
                "Trafikkontroller med inriktning på hastighet, beteende samt alkohol och droger.",
                {"focus": [F.SPEED, F.BEHAVIOUR, F.ALCOHOL_DRUGS], "responsible": [orgs["police"]]},
            ),
            (
                K.CITIZEN_DIALOGUE,
                2,
                "tillfällen",
                "Gemensamma medborgardialoger i Eslövs kommun.",
                {},
            ),
        ],
        effect=(
            "Tillsammans bidrar vi till ett tryggt Eslöv: invånarna får mer inflytande och ser "
            "att polisen och kommunen bryr sig om de lokala problemen."
        ),
        follow_up=FollowUpCadence.QUARTERLY,
        evaluation_due=date(2017, 12, 31),
        evaluation_plan="En sammanfattning och utvärdering presenteras före utgången av 2017.",
        signed_on=date(2017, 2, 15),
    )
    entries: list[tuple[int, date, dict[str, Any]]] = [
        (0, date(2017, 5, 11), {"place": "Räddningsstationen", "pupils_reached": 318}),
        (1, date(2017, 4, 20), {"place": "Norra Eslöv", "attendees": 16, "observations": 12}),
        (1, date(2017, 10, 5), {"place": "Centrum", "attendees": 21, "observations": 8}),
        (4, date(2017, 3, 25), {"place": "Stortorget", "attendees": 55}),
        (4, date(2017, 9, 16), {"place": "Biblioteket", "attendees": 33}),
    ]
    for n, day in enumerate(
        (date(2017, 3, 9), date(2017, 6, 1), date(2017, 8, 24), date(2017, 11, 2))
    ):
        entries.append(
            (
                2,
                day,
                {
                    "place": "centrala Eslöv",
                    "vehicles_checked": 40 + 7 * n,
                    "other_violations": 3 + n,
                },
            )
        )
    # 26 of the 30 traffic controls: room for the demo's visitor to log one more.
    for n in range(26):
        day = date(2017, 1, 16) + timedelta(days=13 * n)
        entries.append(
            (
                3,
                day,
                {
                    "place": ("Väg 113", "Kanalgatan", "Trehäradsvägen", "Bruksgatan")[n % 4],
                    "vehicles_checked": 20 + (n * 7) % 25,
                    "speeding_violations": 2 + n % 5,
                    "other_violations": n % 3,
                    "breath_tests": 15 + (n * 5) % 20,
                    "breath_positives": 1 if n % 9 == 0 else 0,
                },
            )
        )
    _log(promise, entries, [orgs["police"]])


def _log(
    promise: CitizenPromise,
    entries: list[tuple[int, date, dict[str, Any]]],
    organisations: list[Organisation],
) -> None:
    """The invented log, reported by the demo's police officer as a real one would be."""
    reporter = User.objects.get(username="polis.eslov")
    activities = list(promise.activities.all())
    for index, day, figures in entries:
        # Logged on the day it tells of, as an officer back from the street would.
        with played_at(on_day(day, 16)):
            services.activity_report_create(
                activity=activities[index],
                by=reporter,
                date=day,
                organisations=organisations,
                notes=INVENTED,
                **figures,
            )


def _exempelby(today: date) -> None:
    """An invented municipality, so that access between municipalities can be tried."""
    place = Municipality.objects.create(
        code="9901",
        name="Exempelby (påhittad)",
        slug="exempelby",
        county=County.objects.get(code="12"),
    )
    _demo_logo(place, (32, 110, 70))
    area = PoliceArea.objects.create(
        name="Lokalpolisområde Exempelby (påhittat)",
        slug="lpo-exempelby",
        region=PoliceRegion.objects.get(slug="syd"),
    )
    area.municipalities.add(place)
    org = Organisation.objects.create(
        name="Exempelby kommun (påhittad)",
        kind=OrganisationKind.MUNICIPALITY,
        municipality=place,
    )
    police = Organisation.objects.create(
        name="Lokalpolisområde Exempelby (påhittat)",
        kind=OrganisationKind.POLICE_AREA,
        police_area=area,
    )
    coordinator = _user("samordnare.exempelby", "Demo", "Samordnare Exempelby")
    Membership.objects.create(user=coordinator, organisation=org, role=Role.COORDINATOR)
    # A police officer of another area, to try what the police see across the boundary.
    officer = _user("polis.exempelby", "Demo", "Polis Exempelby")
    Membership.objects.create(user=officer, organisation=police, role=Role.REPORTER)
    promise = services.promise_create(
        by=coordinator,
        municipality=place,
        police_area=area,
        year=today.year,
        title=f"Medborgarlöfte för Exempelby {today.year} (påhittat exempel)",
        situation="Påhittad lägesbild: oro för mopedåkning och nedskräpning vid skolorna.",
        evidence_sources=[E.CITIZEN_DIALOGUE, E.COMPLAINTS],
        effect="Påhittat exempel: färre störningar kring skolorna.",
        signed_on=date(today.year, 1, 20),
    )
    specs = [
        (K.PRESENCE_PATROL, 24, "pass", "Närvaro vid skolorna på kvällstid.", [F.MOPEDS, F.YOUTH]),
        (
            K.SAFETY_WALK,
            2,
            "vandringar",
            "Trygghetsvandring runt centrum.",
            [F.LIGHTING_ENVIRONMENT],
        ),
        (
            K.INFORMATION_CAMPAIGN,
            1,
            "kampanj",
            "Kampanj mot nedskräpning.",
            [F.LITTERING_VANDALISM],
        ),
        (
            K.NIGHT_WALK,
            15,
            "kvällar",
            "Nattvandring med föreningen Nattvandrarna i Exempelby (påhittad) på "
            "fredagskvällar, med samling vid fritidsgården.",
            [F.YOUTH, F.PUBLIC_ORDER],
        ),
        (
            K.SPEED_MEASUREMENT,
            6,
            "mätningar",
            "Hastighetsmätningar med fartvisare vid Exempelskolan, där mopeder och bilar "
            "kör för fort.",
            [F.SPEED, F.MOPEDS],
        ),
    ]
    activities = [
        services.activity_create(
            promise=promise,
            by=coordinator,
            kind=kind,
            target=target,
            unit=unit,
            description=text,
            focus=focus,
            responsible=[org, police],
            position=n,
        )
        for n, (kind, target, unit, text, focus) in enumerate(specs)
    ]
    with played_at(on_day(date(today.year, 1, 20), 13)):
        services.signatory_set(
            promise=promise,
            by=coordinator,
            people=[
                {
                    "name": "Eva Exempel",
                    "title": "Kommunstyrelsens ordförande",
                    "organisation": org,
                },
                {"name": "Per Påhitt", "title": "Lokalpolisområdeschef", "organisation": police},
            ],
        )
        services.promise_set_status(promise=promise, by=coordinator, status=PromiseStatus.SIGNED)
        # Exempelby has no police coordinator of its own: the administrator approves for it.
        for approver in (coordinator, User.objects.get(username="admin")):
            services.promise_approve(promise=promise, by=approver)
    _exempelby_occasions(activities[1], coordinator, today)
    start = date(today.year, 1, 25)
    for n in range(max(0, (today - start).days // 30)):
        day = start + timedelta(days=30 * n)
        with played_at(on_day(day, 16)):
            services.activity_report_create(
                activity=activities[0],
                by=coordinator,
                date=day,
                place="Exempelskolan",
                observations=n % 4,
                notes=INVENTED,
                organisations=[police],
            )
    _exempelby_night_walks(activities[3], coordinator, today)
    services.promise_create(
        by=coordinator,
        municipality=place,
        police_area=area,
        year=today.year + 1,
        title=f"Utkast: medborgarlöfte för Exempelby {today.year + 1} (påhittat)",
        situation="Internt utkast som inte är publicerat.",
    )


def _exempelby_occasions(walk: Activity, by: User, today: date) -> None:
    """Two coming safety walks open to the public, if the year still has room for them."""
    for weeks, place in (
        (1, "Torget i Exempelby (påhittat)"),
        (3, "Stationen i Exempelby (påhittat)"),
    ):
        day = today + timedelta(weeks=weeks)
        if day.year != today.year:
            continue
        starts = timezone.make_aware(datetime.combine(day, time(18, 0)))
        services.occasion_create(
            activity=walk,
            by=by,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1, minutes=30),
            place=place,
            description="Påhittad trygghetsvandring: alla är välkomna, samling vid platsen.",
            public=True,
        )


def _exempelby_night_walks(walk: Activity, by: User, today: date) -> None:
    """The volunteers' night walks so far: one Friday in three, from the end of January."""
    day = date(today.year, 1, 27)
    day += timedelta(days=(4 - day.weekday()) % 7)
    for n in range(walk.target or 0):
        if day >= today:
            break
        with played_at(on_day(day, 23)):
            services.activity_report_create(
                activity=walk,
                by=by,
                date=day,
                place="Centrum och fritidsgården",
                attendees=5 + n % 4,
                observations=n % 3,
                notes=INVENTED,
            )
        day += timedelta(weeks=3)
