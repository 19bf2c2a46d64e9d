"""The development corpus under imports/tests/corpus/ (see its README): each case's text,
rendered as the format it stands for, with what a careful reader gets out of it."""

import json
from dataclasses import dataclass
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
