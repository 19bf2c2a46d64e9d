from typing import Any

import pytest

from lib.ranking import SEEN_SHARE, rank, relative_change


def keys(ranked: list[Any]) -> list[str]:
    return [r.key for r in ranked]


def test_a_problem_three_sources_see_ranks_above_one_a_single_source_sees_loudly() -> None:
    figures = {
        "burglary": {"police_events": 400},
        "speeding": {"complaints": 3, "citizen_dialogues": 5, "police_events": 40},
    }
    ranked = rank(figures, now={}, before={})
    assert keys(ranked) == ["speeding", "burglary"]
    assert ranked[0].seen_by == ["complaints", "citizen_dialogues", "police_events"]


def test_among_problems_seen_by_as_many_sources_the_stronger_ranks_higher() -> None:
    figures = {
        "littering": {"complaints": 2, "police_events": 10},
        "vandalism": {"complaints": 8, "police_events": 50},
    }
    assert keys(rank(figures, now={}, before={})) == ["vandalism", "littering"]


def test_every_source_weighs_at_most_one_whatever_its_volume() -> None:
    ranked = rank({"theft": {"police_events": 10_000}, "fraud": {"complaints": 1}}, {}, {})
    assert {r.key: r.score for r in ranked} == {"theft": 1.0, "fraud": 1.0}


def test_growth_lifts_and_decline_lowers_a_problem() -> None:
    figures = {"violence": {"police_events": 10}, "robbery": {"police_events": 10}}
    ranked = rank(
        figures, now={"violence": 10, "robbery": 10}, before={"violence": 5, "robbery": 20}
    )
    assert keys(ranked) == ["violence", "robbery"]
    assert ranked[0].change == pytest.approx(1.0)
    assert ranked[1].change == pytest.approx(-0.5)
    assert ranked[0].score == pytest.approx(1.5) and ranked[1].score == pytest.approx(0.75)


def test_growth_cannot_outweigh_a_source() -> None:
    figures = {"a": {"complaints": 1, "police_events": 1}, "b": {"police_events": 1}}
    ranked = rank(figures, now={"b": 100}, before={"b": 1})
    assert keys(ranked) == ["a", "b"]


def test_a_source_must_see_a_problem_beyond_a_trace_to_count_for_breadth() -> None:
    figures = {"a": {"police_events": 1000, "complaints": 1}, "b": {"complaints": 100}}
    ranked = {r.key: r for r in rank(figures, {}, {})}
    assert ranked["a"].seen_by == ["police_events"]
    assert ranked["a"].strengths["complaints"] < SEEN_SHARE


def test_problems_with_no_figures_are_left_out_and_ties_keep_the_given_order() -> None:
    figures = {"x": {"complaints": 0}, "y": {"complaints": 2}, "z": {"complaints": 2}}
    assert keys(rank(figures, {}, {})) == ["y", "z"]


def test_relative_change_needs_something_to_compare_with() -> None:
    assert relative_change(5, 0) is None
    assert relative_change(15, 10) == pytest.approx(0.5)
