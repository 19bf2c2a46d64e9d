"""bench/score_sample.py scores the parser on a local sample of annotated pages and, given a
second reader's annotations of the same pages, how far the two readers agree. Tried on two
cases of our own corpus, with a second reader who missed one activity and named another
kind for one more."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from imports.tests.corpus_files import FOLDER

ROOT = Path(__file__).resolve().parent.parent.parent
CASES = ("003-provsala-undertecknat-lofte", "005-norra-skargarden-tre-kommuner")


def _run(*arguments: Path | str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "score_sample.py"), *map(str, arguments)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def _row(output: str, heading: str) -> list[str]:
    """The "all" row of the table printed under the heading."""
    part = output.split(heading, 1)[1]
    return next(line for line in part.splitlines() if line.startswith("all")).split()


def test_the_parser_and_a_second_reader_are_scored_against_the_first(tmp_path: Path) -> None:
    sample, second = tmp_path / "sample", tmp_path / "second"
    sample.mkdir()
    second.mkdir()
    wanted = 0
    for name in CASES:
        for source in (FOLDER / "promise").glob(f"{name}.*"):
            shutil.copy(source, sample / source.name)
        expected = json.loads((FOLDER / "promise" / f"{name}.json").read_text(encoding="utf-8"))
        wanted += len(expected["activities"])
        expected["activities"] = expected["activities"][1:]  # missed the first
        expected["activities"][0]["kind"] = "other"  # and read another kind for one
        (second / f"{name}.json").write_text(json.dumps(expected), encoding="utf-8")

    output = _run(sample, "--second-reader", second)

    parser_row = _row(output, "the parser against the first reader (2 pages)")
    assert parser_row[1:4] == ["2", "1.00", "1.00"]
    reader_row = _row(output, "the second reader against the first (2 pages read by both)")
    recall = (wanted - 4) / wanted
    assert reader_row[2] == f"{recall:.2f}"
    assert f"activities both readers agree on: {wanted - 4}; the parser reads {wanted - 4}" in (
        output
    )


def test_a_json_file_without_its_text_is_named(tmp_path: Path) -> None:
    (tmp_path / "001-alone.json").write_text("{}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "score_sample.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert "001-alone.json: expected one text beside it, found 0" in done.stderr
