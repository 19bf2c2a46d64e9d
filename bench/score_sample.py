"""Scores `loften parse` on a local sample of real published pages, kept outside the
repository (their texts are not ours to commit), annotated as the development corpus is
(imports/tests/corpus/README.md): each page a text file and a JSON file of the same stem.

    python bench/score_sample.py SAMPLE [SAMPLE …] [--second-reader FOLDER …]

prints the parser's scores by genre. With --second-reader, folders of a second reader's
JSON files for the same pages (the same stems, annotated without seeing the first), it
also prints how far the two readers agree by the same measure, and the parser's recall on
what both readers agree on. Two readers who follow the same rules do not agree fully; that
agreement is the most a parser can be expected to reach against one of them.
"""

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings_test")

import django  # noqa: E402

django.setup()

from imports.tests.corpus_files import (  # noqa: E402
    CorpusCase,
    by_genre,
    case_score,
    compared,
    first_document,
    scores_table,
)


def sample_cases(folder: Path) -> list[CorpusCase]:
    """The annotated pages of a sample folder, in the order of their names."""
    cases = []
    for expected_file in sorted(folder.glob("*.json")):
        sources = [p for p in folder.glob(f"{expected_file.stem}.*") if p.suffix != ".json"]
        if len(sources) != 1:
            raise SystemExit(f"{expected_file}: expected one text beside it, found {len(sources)}")
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        expected.setdefault("render_as", sources[0].suffix.lstrip("."))
        cases.append(CorpusCase(expected_file.stem, expected["genre"], sources[0], expected))
    return cases


def _pairs(activities: list[dict[str, Any]]) -> Counter[tuple[str, int | None]]:
    return Counter((a["kind"], a["target"]) for a in activities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("samples", nargs="+", type=Path)
    parser.add_argument("--second-reader", nargs="*", type=Path, default=[])
    options = parser.parse_args()
    cases = [case for folder in options.samples for case in sample_cases(folder)]
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    print(f"the parser against the first reader ({len(cases)} pages)")
    print(scores_table(by_genre([(case.genre, case_score(case, folder)) for case in cases])))
    if not options.second_reader:
        return
    seconds = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for second in options.second_reader
        for path in second.glob("*.json")
    }
    both = [case for case in cases if case.name in seconds]
    print(f"\nthe second reader against the first ({len(both)} pages read by both)")
    print(
        scores_table(
            by_genre([(c.genre, compared(c.name, c.expected, seconds[c.name])) for c in both])
        )
    )
    agreed = right = 0
    for case in both:
        shared = _pairs(case.expected["activities"]) & _pairs(seconds[case.name]["activities"])
        document = first_document(case, folder)
        read = _pairs(document["activities"]) if document else Counter()
        agreed += sum(shared.values())
        right += sum((shared & read).values())
    if agreed:
        print(
            f"\nactivities both readers agree on: {agreed}; the parser reads {right} of them "
            f"({right / agreed:.2f})"
        )


if __name__ == "__main__":
    main()
