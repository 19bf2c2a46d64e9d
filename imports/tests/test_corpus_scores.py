"""The parser measured on the development corpus, by genre, as the issue measures it on
real texts: recall and precision of activities (right kind and target), signatories found
(and, of those read, the share that signed), promise year found, texts refused; and of
follow-ups, the recall and precision of the counts of what was achieved (right kind and
count). The goal is 0.90 on each and no refusal; the floors below are what the parser
reaches today, so that no change makes it worse unnoticed. Each step that improves the
parser raises them."""

from pathlib import Path

from imports.tests.corpus_files import corpus_scores, scores_table

# Reached today, on all cases together; raised as the parser improves (goal 0.90, 0 refused).
FLOORS = {
    "recall": 0.965,
    "precision": 0.99,
    "signatories": 1.0,
    "signatories_precision": 1.0,
    "years": 1.0,
    "achieved_recall": 0.965,
    "achieved_precision": 0.985,
}
MOST_REFUSED = 0


def test_the_parser_does_not_fall_below_what_it_reaches_on_the_corpus(tmp_path: Path) -> None:
    scores = corpus_scores(tmp_path)
    print("\n" + scores_table(scores))
    total = scores["all"]
    reached = {name: getattr(total, name) or 0.0 for name in FLOORS}
    below = {name: value for name, value in reached.items() if value < FLOORS[name]}
    assert not below, f"below the floor: {below}\n" + "\n".join(total.missed)
    assert total.refused <= MOST_REFUSED, "\n".join(total.missed)
