"""Reading what a follow-up says was achieved (imports/reading/achieved.py), shape by shape."""

import pytest

from imports.reading import parse_text
from imports.reading.achieved import read_achieved


def counts(*lines: str) -> list[tuple[str, int]]:
    return [(item["kind"], item["done"]) for item in read_achieved(list(lines))]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Polisen har genomfört elva trafikkontroller på landsvägen.", ("traffic_control", 11)),
        ("Nio trygghetsvandringar har hållits under hösten.", ("safety_walk", 9)),
        ("Kommunen har gjort hastighetsmätningar på sex platser.", ("speed_measurement", 6)),
        ("Sök med narkotikahund har gjorts vid 5 tillfällen.", ("drug_operation", 5)),
        ("Klotter har sanerats 21 gånger på skolorna.", ("physical_measure", 21)),
        ("Buskagen har röjts på 14 platser längs ån.", ("physical_measure", 14)),
        ("• 3 nya grannsamverkansområden har startats.", ("neighbourhood_watch", 3)),
        ("Tillsyner: 13 av de 15 utlovade.", ("licence_inspection", 13)),
        ("Nattvandring: 30 kvällar under året", ("night_walk", 30)),
        ("Polisen har hållit 7 möten i SSPF-gruppen.", ("early_intervention", 7)),
        ("Polisen har gjort 25 pass med fotpatrull i centrum.", ("presence_patrol", 25)),
        ("Ett 20-tal informationsbesök på skolorna har genomförts.", ("school_education", 20)),
    ],
)
def test_a_count_of_what_was_done_is_read_with_its_kind(
    line: str, expected: tuple[str, int]
) -> None:
    assert counts(line) == [expected]


def test_a_count_without_a_noun_takes_the_kind_named_before_it() -> None:
    assert counts("Vi lovade minst fem trygghetsvandringar och genomförde sex.") == [
        ("safety_walk", 6)
    ]
    assert counts("Målet var 30 trafikkontroller. Det blev 26.") == [("traffic_control", 26)]


@pytest.mark.parametrize(
    "line",
    [
        "Målet för året var 20 trafikkontroller.",
        "Polisen lovade 12 trygghetsvandringar.",
        "Kommunen har sänkt hastigheten till 40 km/h vid skolan.",
        "Klotter har sanerats inom 24 timmar.",
        "Vid trafikkontrollerna rapporterades 9 personer för rattfylleri.",
        "Föreningen har utbildat 12 nya nattvandrare.",
        "Kommunen har anställt tre trygghetsvärdar.",
        "Trafikkontrollerna har ökat med 15 procent.",
        "En trygghetsvandring hölls i maj.",
        "Nattvandrarna har gått varje helg, med fyra till sex vuxna per kväll.",
    ],
)
def test_what_is_no_achieved_count_of_an_activity_is_not_read_as_one(line: str) -> None:
    assert counts(line) == []


def test_the_target_beside_a_result_is_not_read_as_achieved() -> None:
    assert counts("Trafikkontroller: 12 (mål 20)") == [("traffic_control", 12)]
    assert counts("Polisen har genomfört 21 tillsyner, där löftet var minst 18.") == [
        ("licence_inspection", 21)
    ]


def test_the_done_column_of_a_table_is_read() -> None:
    table = [
        "Aktivitet | Mål | Genomfört | Kommentar",
        "Trafikkontroller | 20 | 23 | fler än planerat",
        "Trygghetsvandringar | 4 | 3 | en inställd",
        "Ny belysning | före sommaren | klar i juni | ",
    ]
    assert counts(*table) == [("traffic_control", 23), ("safety_walk", 3)]


def test_a_follow_up_document_carries_its_counts_and_a_promise_none() -> None:
    follow_up = parse_text(
        "Uppföljning av medborgarlöftet 2023 i Exempelby\n"
        "Polisen har genomfört 14 trafikkontroller vid skolorna.\n"
        "Tre trygghetsvandringar har hållits i centrum.\n"
    )["documents"][0]
    assert follow_up["document_type"] == "follow_up"
    assert [(a["kind"], a["done"]) for a in follow_up["achieved"]] == [
        ("traffic_control", 14),
        ("safety_walk", 3),
    ]
    promise = parse_text(
        "Medborgarlöfte 2024 för Exempelby\nPolisen lovar att genomföra 14 trafikkontroller.\n"
    )["documents"][0]
    assert promise["document_type"] == "promise"
    assert promise["achieved"] == []


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["• 4 stycken trygghetsvandringar har genomförts i Testvik."], [("safety_walk", 4)]),
        (["Polisen har gjort 7 st trafikkontroller vid skolan."], [("traffic_control", 7)]),
        (
            ["Tre större insatser mot narkotikahandeln gjordes vid torget i Exempelby."],
            [("drug_operation", 3)],
        ),
        (["Fem mindre tillsyner har gjorts på krogarna."], [("licence_inspection", 5)]),
        (
            [
                "Tre insatser mot narkotika gjordes i våras. Vidare har två insatser "
                "genomförts under sommaren i parken."
            ],
            [("drug_operation", 3), ("drug_operation", 2)],
        ),
        (["• 3 nya båtsamverkansområden har startats upp."], [("neighbourhood_watch", 3)]),
        (["Polisen har haft polisiär närvaro vid 40 tillfällen."], [("presence_patrol", 40)]),
        (["Fältgruppen har haft 15 samtal med ungdomar."], [("early_intervention", 15)]),
        (["Det blev 14 stycken."], []),
        (["• 2 nya områden för grannsamverkan skulle startas under året."], []),
        (["Fyra nattvandringar ska genomföras i höst."], []),
    ],
)
def test_counts_after_fillers_comparatives_and_in_the_next_sentence(
    lines: list[str], expected: list[tuple[str, int]]
) -> None:
    assert counts(*lines) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trygghet i Testvik\n\nTrafikkontroller\n\nPolisen kommer att göra trafikkontroller "
        "varje vecka.\n\nResultat\n\nPolisen har gjort 40 trafikkontroller.\n\n"
        "Nattvandring\n\nKommunen ska stödja nattvandring.\n\nResultat\n\n"
        "Nattvandrarna har gått 30 kvällar.\n",
        "Medborgarlöftet i Provsala\n\nSkolbesök\n\nPolisen ska besöka skolorna.\n\n"
        "Utfall 2022\n\nPolisen har besökt sex skolor.\n\nTillsyn\n\nKommunen ska göra "
        "tillsyner.\n\nUtfall 2022\n\nKommunen har gjort tolv tillsyner.\n",
    ],
)
def test_a_page_with_results_under_each_part_is_a_follow_up(text: str) -> None:
    document = parse_text(text)["documents"][0]
    assert document["document_type"] == "follow_up"
    assert document["achieved"] and not document["activities"]


def test_what_the_one_quoted_says_he_or_she_did_is_achieved() -> None:
    assert counts(
        "– Vi har varit ute mycket i skolorna. Jag har gjort 12 skolbesök, säger Per Påhitt."
    ) == [("school_education", 12)]
    # What the one quoted thinks or saw is not.
    assert counts("– Det har blivit lugnare på torget, säger Per Påhitt.") == []


def test_occasions_of_measuring_are_counted_and_the_reports_they_led_to_are_not() -> None:
    assert counts(
        "Fyra mättillfällen med kamera har resulterat i 61 rapporter av 580 passerade fordon."
    ) == [("speed_measurement", 4)]
