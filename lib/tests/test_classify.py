from collections import Counter

import pytest

from lib.classify import OTHER, RULES, classify, words
from lib.tests.classification_sentences import SENTENCES


def test_classification_accuracy_on_our_sentences_is_at_least_85_percent() -> None:
    wrong = []
    for text, expected in SENTENCES:
        got = classify(text).problem
        if got != expected:
            wrong.append(f"  {expected} -> {got}: {text}")
    per_problem = Counter(expected for _, expected in SENTENCES)
    accuracy = 1 - len(wrong) / len(SENTENCES)
    print(
        f"\nclassifier: {accuracy:.1%} right on {len(SENTENCES)} sentences "
        f"({len(per_problem)} problems)"
    )
    print("\n".join(wrong))
    assert len(SENTENCES) >= 60
    assert accuracy >= 0.85


def test_every_problem_has_rules_and_sentences() -> None:
    codes = set(RULES) | {OTHER}
    assert {expected for _, expected in SENTENCES} == set(RULES)
    assert len(codes) == 18


def test_a_text_without_any_keyword_is_other_with_no_confidence() -> None:
    suggestion = classify("Tack för ett bra möte i onsdags.")
    assert suggestion.problem == OTHER
    assert suggestion.confidence == 0.0


def test_confidence_grows_with_evidence_and_falls_with_disagreement() -> None:
    thin = classify("Det är lite skräp.")
    strong = classify("Nedskräpning: skräp, fimpar och sopor överallt.")
    mixed = classify("Skräp och klotter vid stationen.")
    assert thin.problem == strong.problem == "littering"
    assert 0 < thin.confidence < strong.confidence <= 1
    assert mixed.confidence < strong.confidence


def test_words_are_read_case_and_punctuation_free() -> None:
    assert words("EPA-traktorer, Ölycke; 30!") == ["epa-traktorer", "ölycke", "30"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Han kör från jobbet varje dag.", OTHER),  # "från" is no robbery
        ("Parkeringen är större än förut.", OTHER),  # "större" is no disturbance
        ("Rattfylleri på E22.", "impaired_driving"),  # not people drunk in public
        ("Cykelstöld vid stationen.", "theft"),  # the theft, not the cyclist
    ],
)
def test_words_that_look_alike_are_not_confused(text: str, problem: str) -> None:
    assert classify(text).problem == problem
