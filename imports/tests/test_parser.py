"""The parser on the messy phrasings real promise texts use."""

from typing import Any

from imports.reading import parse_activity, parse_text


def _one(text: str) -> dict[str, Any]:
    documents = parse_text(text)["documents"]
    assert len(documents) == 1
    found: dict[str, Any] = documents[0]
    return found


def test_number_words_digits_and_minimum_counts() -> None:
    cases = {
        "Tolv trafikkontroller vid skolorna.": 12,
        "Femton trygghetsvandringar under året.": 15,
        "Minst 4 medborgardialoger.": 4,
        "Tjugofem riktade trafikinsatser mot mopeder.": 25,
        "Femtio hastighetskontroller.": 50,
    }
    for text, target in cases.items():
        activity = parse_activity(text)
        assert activity is not None and activity.target == target, text


def test_approximate_counts_name_no_target_and_warn() -> None:
    document = _one(
        "Medborgarlöfte för Exempelstad 2024\nAktiviteter\n"
        "• Ett tiotal trygghetsvandringar i centrum.\n"
    )
    assert document["activities"][0]["target"] is None
    assert any("No count" in warning for warning in document["warnings"])


def test_school_year_and_years_are_not_targets() -> None:
    activity = parse_activity("Utbildningsdag för alla elever i årskurs 8 under 2024.")
    assert activity is not None and activity.target == 1


def test_activities_in_running_sentences() -> None:
    document = _one(
        "Medborgarlöfte Exempelstad 2023\nVi lovar\n"
        "Polisen och kommunen lovar att minska otryggheten vid resecentrum. Under året kommer "
        "30 trafikkontroller att genomföras. Dessutom genomförs tre trygghetsvandringar.\n"
        "2023-03-01\nEva Exempel, kommunstyrelsens ordförande\n"
    )
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("traffic_control", 30),
        ("safety_walk", 3),
    ]
    assert document["signatories"] == [
        {"name": "Eva Exempel", "title": "kommunstyrelsens ordförande"}
    ]


def test_dates_in_the_usual_forms() -> None:
    for line, expected in (
        ("15 februari 2017", "2017-02-15"),
        ("15/2 2017", "2017-02-15"),
        ("2017-02-15", "2017-02-15"),
    ):
        document = _one(
            f"Medborgarlöfte Exempelstad 2017\nAktiviteter\n• Två trygghetsvandringar.\n{line}\n"
        )
        assert document["signed_on"] == expected, line


def test_cadences() -> None:
    for words, cadence in (
        ("varje månad", "monthly"),
        ("kvartalsvis", "quarterly"),
        ("en gång per år", "yearly"),
        ("varje halvår", "biannual"),
    ):
        document = _one(
            f"Medborgarlöfte Exempelstad 2022\nAktiviteter\n• Två möten.\n"
            f"Uppföljning\nLöftet följs upp {words}.\n"
        )
        assert document["follow_up"] == cadence, words


def test_background_text_does_not_invent_activities() -> None:
    document = _one(
        "Medborgarlöfte Exempelstad 2021\nBakgrund\n"
        "Vid fyra medborgardialoger och två trygghetsvandringar 2020 framkom oro för "
        "nedskräpning.\nAktiviteter\n• En informationskampanj mot nedskräpning.\n"
    )
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("information_campaign", 1)
    ]
    assert document["activities"][0]["focus"] == ["littering_vandalism"]
