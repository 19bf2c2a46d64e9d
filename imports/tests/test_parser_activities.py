"""The parser reads activities the way real promises state them: in running sentences and
news leads as well as lists, with counts after the noun, rates and minimums, and never
from a quote, a caption or a report of what was already done."""

from typing import Any

import pytest

from imports.reading import parse_activities, parse_text
from lib.swedish_numbers import find_rate


def _read(text: str) -> list[tuple[str, int | None]]:
    return [(a.kind, a.target) for a in parse_activities(text)]


def _document(text: str) -> dict[str, Any]:
    documents = parse_text(text)["documents"]
    assert documents, text
    found: dict[str, Any] = documents[0]
    return found


@pytest.mark.parametrize(
    ("text", "target", "rate"),
    [
        ("Polisen gör trafikkontroller vid skolan en gång i månaden.", 12, (1, "month")),
        ("Nattvandring varje vecka i centrum.", 52, (1, "week")),
        ("Polisen patrullerar till fots två kvällar i veckan.", 104, (2, "week")),
        ("Tillsyn av serveringsställen en gång per kvartal.", 4, (1, "quarter")),
        ("Medarbetardialoger en gång per termin.", 2, (1, "term")),
        ("Sök med narkotikahund vid minst fyra tillfällen per termin.", 8, (4, "term")),
        ("Nattvandrarna är ute varje fredag och lördag.", 104, (2, "week")),
        ("Kommunen genomför trygghetsvandringar varannan månad.", 6, (6, "year")),
        ("Polisen genomför minst tio trafikkontroller per år.", 10, (10, "year")),
        ("Polisen gör trafikkontroller 1 gång/månad.", 12, (1, "month")),
        ("Polisen besöker högstadie- och gymnasieskolor varje skoltermin.", 2, (1, "term")),
        ("Polisen håller lektioner i årskurs 8 två gånger per läsår.", 2, (2, "year")),
    ],
)
def test_a_rate_is_the_years_target_and_is_kept(
    text: str, target: int, rate: tuple[int, str]
) -> None:
    (activity,) = parse_activities(text)
    assert activity.target == target
    assert activity.rate == {"count": rate[0], "per": rate[1]}


def test_minst_is_a_minimum_target() -> None:
    (activity,) = parse_activities("Polisen genomför minst sex narkotikainsatser under året.")
    assert (activity.target, activity.minimum) == (6, True)
    (activity,) = parse_activities("Polisen genomför sex narkotikainsatser under året.")
    assert (activity.target, activity.minimum) == (6, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kommunen gör hastighetsmätningar på tolv platser.", ("speed_measurement", 12)),
        ("Tillsyn på 20 serveringsställen under året.", ("licence_inspection", 20)),
        ("Vi startar grannsamverkan i fyra nya områden.", ("neighbourhood_watch", 4)),
        ("Polisen söker efter narkotika med hund minst tre gånger.", ("drug_operation", 3)),
        ("Kommunen sätter upp fyra fartvisare vid infarterna.", ("speed_measurement", 4)),
    ],
)
def test_a_count_after_the_noun_is_the_target(text: str, expected: tuple[str, int]) -> None:
    assert _read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Polisen och kommunen genomför en trygghetsvandring i varje stadsdel.",
        "Polisen genomför flera trafikkontroller under hösten.",
        "Polisen besöker samtliga skolor och föreläser för eleverna i årskurs 8.",
        "Polisen avsätter en arbetsdag för trafikkontroller vid skolstarten.",
        "Kommunen sänker hastigheten till 40 km/h vid skolorna.",
        "Polisen ska göra minst 20 ingripanden mot langning till unga.",
        "Kommunen ska minska klottret med 50 procent genom snabb sanering.",
        "Kommunen flyttar sina två fartvisare till Storgatan.",
        "Kommunen sanerar klotter inom 24 timmar.",
        "Polisen genomför regelbundet trafikkontroller på riksvägen.",
    ],
)
def test_what_is_not_a_count_names_no_target(text: str) -> None:
    activities = parse_activities(text)
    assert activities, text
    assert all(activity.target is None for activity in activities), text


def test_activities_in_running_prose_without_headings_each_once() -> None:
    document = _document(
        "Medborgarlöfte för Exempelstad\n"
        "Invånarna i Exempelstad har berättat att de känner sig otrygga vid torget.\n"
        "Under 2024 kommer polisen att genomföra tolv trafikkontroller vid skolorna. "
        "Kommunen röjer buskage längs gångvägen och förbättrar belysningen i tunneln. "
        "Polis och kommun håller en gemensam lägesbild uppdaterad.\n"
        "Trafikkontrollerna görs främst på morgnarna.\n"
    )
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("traffic_control", 12),
        ("physical_measure", None),
        ("situation_picture", None),
    ]


def test_a_news_lead_that_repeats_the_list_yields_each_activity_once() -> None:
    document = _document(
        "Fler vuxna ute och färre bilar som kör för fort\n"
        "EXEMPELSTAD. Minst 20 trafikkontroller, nattvandring varje helg och "
        "bekymringssamtal med unga. Det lovar polisen och kommunen i år.\n"
        "– Vi vill synas mer på kvällarna och göra fler trafikkontroller, säger Eva Exempel, "
        "kommunpolis.\n"
        "På bilden: Eva Exempel vid en trafikkontroll på Storgatan.\n"
        "Trafikkontrollerna görs på Storgatan. Nattvandringen sköts av föreningen Vaken.\n"
        "Socialtjänsten och polisen kallar unga som åker fast till ett bekymringssamtal.\n"
    )
    activities = [(a["kind"], a["target"], a["minimum"]) for a in document["activities"]]
    assert activities == [
        ("traffic_control", 20, True),
        ("night_walk", 52, False),
        ("early_intervention", None, False),
    ]
    assert document["activities"][1]["rate"] == {"count": 1, "per": "week"}


def test_what_was_done_is_no_activity() -> None:
    document = _document(
        "Medborgarlöfte Exempelstad 2023\n"
        "Förra året lovade polisen tio trafikkontroller. Det blev tolv.\n"
        "Tre trygghetsvandringar har hållits i centrum.\n"
        "I enkäten som skickades ut i höstas svarade många att de undviker torget.\n"
        "Polisen lovar att:\n"
        "• genomföra fyra medborgardialoger\n"
        "• ta bort klotter så snart det har anmälts\n"
    )
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("citizen_dialogue", 4),
        ("physical_measure", None),
    ]


def test_a_follow_up_report_yields_no_activities() -> None:
    text = (
        "Uppföljning av medborgarlöftet 2022\n"
        "Polisen har genomfört 31 trafikkontroller vid skolorna.\n"
        "Kommunen och polisen har gjort åtta tillsyner av serveringsställen.\n"
        "Bekymringssamtal med unga har hållits löpande.\n"
    )
    for document in parse_text(text)["documents"]:
        assert document["activities"] == []


def test_a_promised_action_no_kind_names_is_other() -> None:
    document = _document(
        "Medborgarlöfte Exempelstad 2024\nKommunen lovar att:\n"
        "• starta ett ungdomsråd vid stationen\n"
        "• genomföra två trygghetsvandringar\n"
    )
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("other", None),
        ("safety_walk", 2),
    ]


def test_a_sentence_wrapped_by_a_pdf_is_read_whole() -> None:
    document = _document(
        "Medborgarlöfte Exempelstad 2024\nVi lovar att:\n"
        "Polisen genomför narkotikasök med hund på\ngymnasiet en gång per termin.\n"
    )
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [("drug_operation", 2)]


def test_find_rate_reads_no_rate_where_there_is_none() -> None:
    for text in ("under året", "i år", "inom en vecka", "två veckor på varje plats"):
        assert find_rate(text) is None, text


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("minst en trafikkontroll varje dygn", (1, "day", True)),
        ("två gånger per dag under sommaren", (2, "day", False)),
        ("1 kontroll/dygn", (1, "day", False)),
        ("patrullera centrum varje dygn", (None, "day", False)),
        ("minst en kontroll i månaden", (1, "month", True)),
    ],
)
def test_a_rate_per_day_is_read_with_its_count(text: str, rate: tuple[Any, ...]) -> None:
    found = find_rate(text)
    assert found is not None, text
    assert (found.count, found.per, found.minimum) == rate
    assert found.yearly() == (found.count or 1) * {"day": 365, "month": 12}[found.per]


@pytest.mark.parametrize(
    "text",
    [
        "vi arbetar varje dag med trygghet",
        "bemannad 24 timmar per dygn",
        "öppet dygnet runt",
        "en dags insats",
        "finns på plats tre dagar per vecka",
    ],
)
def test_hours_days_and_every_day_as_a_manner_of_speaking_are_no_rate_per_day(text: str) -> None:
    found = find_rate(text)
    assert found is None or found.per != "day", text


def test_a_promise_of_a_check_every_day_is_365_for_the_year() -> None:
    document = _document(
        "Medborgarlöfte Exempelstad 2025\nPolisen lovar att:\n"
        "• genomföra minst en trafikkontroll varje dygn i centrum\n"
    )
    [activity] = document["activities"]
    assert (activity["kind"], activity["target"], activity["rate"], activity["minimum"]) == (
        "traffic_control",
        365,
        {"count": 1, "per": "day"},
        True,
    )
