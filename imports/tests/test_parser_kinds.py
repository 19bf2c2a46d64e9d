"""The parser names the kinds of activity real promises hold beyond traffic and dialogue:
drug operations, licence inspections, early interventions, physical measures, speed
measurements, situation picture updates, night walks and safety hosts."""

import pytest

from imports.reading import parse_activities, parse_activity, parse_text
from promises.vocabularies import ActivityKind

# Each sentence as a municipality might write it, with the kind and the count it names
# before the activity (None: a count written after it, not checked here).
SENTENCES = [
    ("Fyra narkotikainsatser i centrum under året.", "drug_operation", 4),
    ("Två sök med narkotikahund på kommunens högstadieskolor.", "drug_operation", 2),
    ("Åtta gemensamma tillsyner av serveringsställen.", "licence_inspection", 8),
    ("Tillsyn på minst 20 serveringsställen.", "licence_inspection", 20),
    ("Tio kontrollköp av tobak och folköl.", "licence_inspection", 10),
    ("30 bekymringssamtal med unga och deras vårdnadshavare.", "early_intervention", 30),
    ("Sex SSPF-möten med skola, socialtjänst och fritid.", "early_intervention", 6),
    ("Ny belysning på fem platser i Stadsparken.", "physical_measure", None),
    ("Tre nya farthinder på Skolvägen.", "physical_measure", 3),
    ("Två klottersaneringar i tunneln vid stationen.", "physical_measure", 2),
    ("Röjning av sly längs gång- och cykelvägen.", "physical_measure", None),
    ("Hastighetsmätningar på tolv platser.", "speed_measurement", None),
    ("Åtta hastighetsmätningar vid skolorna.", "speed_measurement", 8),
    ("Två fartvisare sätts upp vid infarterna.", "speed_measurement", 2),
    ("Fyra uppdateringar av den gemensamma lägesbilden.", "situation_picture", 4),
    ("Tjugo nattvandringar med föreningar.", "night_walk", 20),
    ("Trygghetsvärdar i centrum på helgkvällar.", "safety_hosts", None),
    ("40 pass med fältvärdar vid skolorna.", "safety_hosts", 40),
]


@pytest.mark.parametrize(("text", "kind", "target"), SENTENCES)
def test_the_parser_names_each_new_kind(text: str, kind: str, target: int | None) -> None:
    activity = parse_activity(text)
    assert activity is not None, text
    assert activity.kind == kind
    if target is not None:
        assert activity.target == target


def test_every_new_kind_is_found_in_some_sentence() -> None:
    found = {kind for _text, kind, _target in SENTENCES}
    new = set(ActivityKind.values) - {
        "traffic_operation",
        "traffic_control",
        "safety_walk",
        "citizen_dialogue",
        "employee_dialogue",
        "school_education",
        "neighbourhood_watch",
        "presence_patrol",
        "information_campaign",
        "meeting",
        "survey",
        "other",
    }
    assert found == new


def test_a_night_walk_is_no_longer_a_presence_patrol() -> None:
    walks = parse_activity("Tolv nattvandringar tillsammans med Nattvandrarna.")
    patrols = parse_activity("Tolv närvaropatrulleringar i centrum.")
    assert walks is not None and (walks.kind, walks.target) == ("night_walk", 12)
    assert patrols is not None and patrols.kind == "presence_patrol"


def test_the_situation_picture_another_activity_rests_on_is_no_activity() -> None:
    activities = parse_activities("Fyra riktade trafikinsatser utifrån den aktuella lägesbilden.")
    assert [(a.kind, a.target) for a in activities] == [("traffic_operation", 4)]


def test_a_lägesbildsmöte_updates_the_situation_picture_not_just_a_meeting() -> None:
    activity = parse_activity("Fyra lägesbildsmöten med polis och kommun.")
    assert activity is not None and (activity.kind, activity.target) == ("situation_picture", 4)


def test_a_promise_text_with_the_new_kinds_reads_each_activity() -> None:
    document = parse_text(
        "Medborgarlöfte Exempelstad 2024\nAktiviteter\n"
        "• Fyra narkotikainsatser med narkotikahund vid skolorna.\n"
        "• Tio tillsyner av serveringsställen tillsammans med kommunen.\n"
        "• Tolv nattvandringar med föreningar.\n"
        "• Sex hastighetsmätningar med fartvisare vid Skolvägen.\n"
    )["documents"][0]
    assert [(a["kind"], a["target"]) for a in document["activities"]] == [
        ("drug_operation", 4),
        ("licence_inspection", 10),
        ("night_walk", 12),
        ("speed_measurement", 6),
    ]
