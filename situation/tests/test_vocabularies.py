from lib.classify import OTHER, RULES
from situation.event_types import POLICE_EVENT_TYPES
from situation.vocabularies import Problem


def test_the_classifier_speaks_the_problem_vocabulary() -> None:
    assert set(RULES) | {OTHER} == set(Problem.values)


def test_the_taxonomy_holds_every_problem_the_method_names() -> None:
    assert len(Problem) >= 18
    assert Problem.OTHER in Problem.values


def test_the_event_type_table_names_only_problems_of_the_vocabulary() -> None:
    assert len(POLICE_EVENT_TYPES) > 90
    assert {p for p in POLICE_EVENT_TYPES.values() if p} <= set(Problem)
