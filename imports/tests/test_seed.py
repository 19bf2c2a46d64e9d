"""The seed page parses into exactly the two Eslöv documents, with every fact it states."""

from pathlib import Path
from typing import Any

import pytest

from imports.readers import read_text
from imports.reading import parse_text

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_9d60ccaea8afeb8d.txt"
HTML = Path(__file__).resolve().parent / "texts" / "seed_page.html"
BOTH = "Lokalpolisområde Eslöv", "Eslövs kommun"


def _documents(path: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = parse_text(read_text(path))["documents"]
    return found


@pytest.fixture(params=["text", "html"])
def seed(request: pytest.FixtureRequest) -> list[dict[str, Any]]:
    if request.param == "text" and not SEED.exists():
        pytest.skip(f"the seed page is not beside the repository ({SEED})")
    return _documents(SEED if request.param == "text" else HTML)


def _kinds_and_targets(document: dict[str, Any]) -> list[tuple[str, int | None]]:
    return [(a["kind"], a["target"]) for a in document["activities"]]


def test_two_documents_newest_first(seed: list[dict[str, Any]]) -> None:
    assert [(d["municipality"], d["police_area"], d["year"]) for d in seed] == [
        ("Eslöv", "Lokalpolisområde Eslöv", 2017),
        ("Eslöv", "Lokalpolisområde Eslöv", 2016),
    ]


def test_2017_activities_kinds_targets_focus_and_partners(seed: list[dict[str, Any]]) -> None:
    document = seed[0]
    assert _kinds_and_targets(document) == [
        ("school_education", 1),
        ("safety_walk", 2),
        ("traffic_operation", 4),
        ("traffic_control", 30),
        ("citizen_dialogue", 2),
    ]
    education, walks, operations, controls, dialogues = document["activities"]
    assert education["partners"] == ["Räddningstjänsten Syd", "Polisen"]
    assert controls["focus"] == ["speed", "behaviour", "alcohol_drugs"]
    assert walks["partners"] == dialogues["partners"] == list(BOTH)
    assert operations["partners"][0] == "Lokalpolisområde Eslöv"


def test_2017_dates_signatories_effect_and_evaluation(seed: list[dict[str, Any]]) -> None:
    document = seed[0]
    assert document["signed_on"] == "2017-02-15"
    assert document["signatories"] == [
        {"name": "Anna-Karin Boije", "title": "Lokalpolisområdeschef"},
        {"name": "Johan Andersson", "title": "Kommunstyrelsens ordförande"},
    ]
    assert document["effect"].startswith("Tillsammans skall vi bidra till ett tryggt Eslöv")
    assert "innan utgången av 2017" in document["evaluation"]
    assert document["follow_up"] is None  # the 2017 text does not say
    assert document["warnings"] == []


def test_2016_commitments_activities_and_quarterly_follow_up(
    seed: list[dict[str, Any]],
) -> None:
    document = seed[1]
    assert _kinds_and_targets(document) == [
        ("traffic_operation", 2),
        ("safety_walk", 2),
        ("citizen_dialogue", 2),
    ]
    assert document["activities"][0]["focus"] == ["unprotected_road_users"]
    assert len(document["commitments"]) == 3
    assert all("lovar" in commitment for commitment in document["commitments"])
    assert document["follow_up"] == "quarterly"
    assert document["signed_on"] == "2016-04-07"
    assert [s["name"] for s in document["signatories"]] == ["Anna-Karin Boije", "Johan Andersson"]
    assert "klagomål" in document["situation"]


def test_page_noise_never_becomes_content(seed: list[dict[str, Any]]) -> None:
    text = repr(seed).lower()
    for noise in ("javascript", "sök på polisen", "till toppen", "kakor", "godkänn"):
        assert noise not in text
