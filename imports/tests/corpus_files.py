"""The development corpus under imports/tests/corpus/ (see its README): each case's text,
rendered as the format it stands for, with what a careful reader gets out of it."""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from imports.tests.documents import write_docx, write_wrapped_pdf

FOLDER = Path(__file__).parent / "corpus"
GENRES = ("promise", "news", "follow_up")
FORMATS = ("txt", "html", "docx", "pdf")
RATE_PERIODS = ("week", "month", "quarter", "term", "year")
NEW_KINDS = (
    "drug_operation",
    "licence_inspection",
    "early_intervention",
    "physical_measure",
    "speed_measurement",
    "situation_picture",
    "night_walk",
    "safety_hosts",
)


@dataclass(frozen=True)
class CorpusCase:
    name: str
    genre: str
    source: Path
    expected: dict[str, Any]

    @property
    def text(self) -> str:
        return self.source.read_text(encoding="utf-8")

    def file(self, folder: Path) -> Path:
        """The case as the file a coordinator would upload: docx and pdf are made from the
        text (a line starting with '# ' is a heading; a PDF's paragraphs are wrapped to the
        page, over several pages), txt and html are the source itself."""
        fmt = self.expected["render_as"]
        if fmt not in ("docx", "pdf"):
            return self.source
        lines = [line for line in self.text.splitlines() if line.strip()]
        if fmt == "docx":
            title = lines[0].removeprefix("# ")
            return write_docx(folder / f"{self.name}.docx", title, lines[1:])
        return write_wrapped_pdf(
            folder / f"{self.name}.pdf", [line.removeprefix("# ") for line in lines]
        )


def corpus_cases() -> list[CorpusCase]:
    """Every case of the corpus, in the order of its file names."""
    cases = []
    for genre in GENRES:
        for expected_file in sorted((FOLDER / genre).glob("*.json")):
            sources = [
                p
                for p in expected_file.parent.glob(f"{expected_file.stem}.*")
                if p.suffix != ".json"
            ]
            source = sources[0] if len(sources) == 1 else expected_file.with_suffix(".missing")
            expected = json.loads(expected_file.read_text(encoding="utf-8"))
            cases.append(CorpusCase(expected_file.stem, genre, source, expected))
    return cases


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _cell(value: float | None, width: int) -> str:
    return f"{value:{width}.2f}" if value is not None else f"{'–':>{width}}"


@dataclass
class Score:
    """How the parser read a set of cases, counted as the issue measures it."""

    cases: int = 0
    refused: int = 0
    expected_activities: int = 0
    found_activities: int = 0
    right_activities: int = 0
    expected_signatories: int = 0
    found_signatories: int = 0
    # Every signatory the parser read, right or invented (a quoted officer, a contact).
    read_signatories: int = 0
    years_right: int = 0
    # A follow-up's counts of what was done, right when kind and count are.
    expected_achieved: int = 0
    found_achieved: int = 0
    right_achieved: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        """None when nothing was to be found (a follow-up promises no activity)."""
        return _share(self.right_activities, self.expected_activities)

    @property
    def precision(self) -> float | None:
        """Of the activities found, the share that were to be found; None if none was."""
        if not self.found_activities:
            return None if not self.expected_activities else 0.0
        return self.right_activities / self.found_activities

    @property
    def signatories(self) -> float | None:
        return _share(self.found_signatories, self.expected_signatories)

    @property
    def signatories_precision(self) -> float | None:
        """Of the signatories read, the share that signed; None if none was read."""
        if not self.read_signatories:
            return None if not self.expected_signatories else 0.0
        return min(self.found_signatories, self.read_signatories) / self.read_signatories

    @property
    def years(self) -> float | None:
        return _share(self.years_right, self.cases)

    @property
    def achieved_recall(self) -> float | None:
        """None when no count was to be found (a promise reports none)."""
        return _share(self.right_achieved, self.expected_achieved)

    @property
    def achieved_precision(self) -> float | None:
        if not self.found_achieved:
            return None if not self.expected_achieved else 0.0
        return self.right_achieved / self.found_achieved

    def add(self, other: "Score") -> None:
        for name in (
            "cases",
            "refused",
            "expected_activities",
            "found_activities",
            "right_activities",
            "expected_signatories",
            "found_signatories",
            "read_signatories",
            "years_right",
            "expected_achieved",
            "found_achieved",
            "right_achieved",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed


def first_document(case: CorpusCase, folder: Path) -> dict[str, Any] | None:
    """The parser's first document for the case, or None if it refused the text."""
    from imports.readers import ReadError, read_text
    from imports.reading import parse_text

    try:
        documents = parse_text(read_text(case.file(folder)))["documents"]
    except ReadError:
        return None
    first: dict[str, Any] | None = documents[0] if documents else None
    return first


def _matched(
    name: str, wanted: list[tuple[str, Any]], found: list[tuple[str, Any]], missed: list[str]
) -> int:
    """How many wanted items were found, each found one matching one wanted at most; what
    was missed or invented is added to `missed`."""
    remaining = list(found)
    right = 0
    for item in wanted:
        if item in remaining:
            remaining.remove(item)
            right += 1
        else:
            missed.append(f"{name}: missed {item}")
    missed += [f"{name}: invented {item}" for item in remaining]
    return right


def case_score(case: CorpusCase, folder: Path) -> Score:
    """One case scored: an activity is right when its kind and target are (each found one
    matches one expected at most); a follow-up promises nothing, so anything it yields as a
    target is wrong, and its achieved counts are right by kind and count; signatories are
    found by name; the year must be the promise's."""
    document = first_document(case, folder)
    if document is None:
        score = Score(
            cases=1,
            expected_activities=len(case.expected["activities"]),
            expected_signatories=len(case.expected["signatories"]),
            refused=1,
        )
        score.missed.append(f"{case.name}: refused")
        return score
    return compared(case.name, case.expected, document)


def compared(name: str, expected: dict[str, Any], read: dict[str, Any]) -> Score:
    """What was read (the parser's first document, or a second reader's annotation of the
    same text: both have activities, achieved counts, signatories and a year) scored
    against what was expected."""
    wanted = [(a["kind"], a["target"]) for a in expected["activities"]]
    names = [s["name"] for s in expected["signatories"]]
    score = Score(cases=1, expected_activities=len(wanted), expected_signatories=len(names))
    found = [(a["kind"], a["target"]) for a in read["activities"]]
    score.found_activities = len(found)
    score.right_activities = _matched(name, wanted, found, score.missed)
    done = [(a["kind"], a["done"]) for a in expected.get("achieved", [])]
    counted = [(a["kind"], a["done"]) for a in read.get("achieved", [])]
    score.expected_achieved, score.found_achieved = len(done), len(counted)
    score.right_achieved = _matched(f"{name} achieved", done, counted, score.missed)
    read_names = {s["name"] for s in read["signatories"]}
    score.found_signatories = sum(name in read_names for name in names)
    score.read_signatories = len(read_names)
    score.years_right = int(read["year"] == expected["year"])
    return score


def by_genre(scored: Iterable[tuple[str, Score]]) -> dict[str, Score]:
    """Scores of single cases, each with its genre, added up by genre and, under "all",
    together."""
    scores = {genre: Score() for genre in GENRES}
    total = Score()
    for genre, score in scored:
        scores[genre].add(score)
        total.add(score)
    return {**scores, "all": total}


def corpus_scores(folder: Path) -> dict[str, Score]:
    """The scores of every genre, and of all cases together under "all"."""
    return by_genre((case.genre, case_score(case, folder)) for case in corpus_cases())


def scores_table(scores: dict[str, Score]) -> str:
    """The scores as the issue's table prints them, a row per genre."""
    rows = [
        "genre      cases  recall  precision  signatories  signatories_precision  years  "
        "refused  achieved_recall  achieved_precision"
    ]
    for genre, s in scores.items():
        rows.append(
            f"{genre:9}  {s.cases:5d}  {_cell(s.recall, 6)}  {_cell(s.precision, 9)}  "
            f"{_cell(s.signatories, 11)}  {_cell(s.signatories_precision, 21)}  "
            f"{_cell(s.years, 5)}  {s.refused:7d}  "
            f"{_cell(s.achieved_recall, 15)}  {_cell(s.achieved_precision, 18)}"
        )
    return "\n".join(rows)
