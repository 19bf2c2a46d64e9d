"""Measures `loften parse` on the seed page (text and HTML): pages per second; then its
scores on the development corpus by genre (imports/tests/corpus/), and the slowest case.

Run with `make bench`.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings_test")

import django  # noqa: E402

django.setup()

from imports.readers import read_text  # noqa: E402
from imports.reading import parse_text  # noqa: E402
from imports.tests.corpus_files import corpus_cases, corpus_scores, scores_table  # noqa: E402

PAGES = {
    "seed page, text": ROOT.parent / "shared" / "seeds" / "000_9d60ccaea8afeb8d.txt",
    "seed page, HTML with noise": ROOT / "imports" / "tests" / "texts" / "seed_page.html",
}
ROUNDS = 200


def main() -> None:
    print("page                          rounds  ms_per_page  pages_per_s  activities")
    for name, path in PAGES.items():
        if not path.exists():
            print(f"{name:28}  skipped: {path} not found")
            continue
        start = time.perf_counter()
        for _ in range(ROUNDS):
            result = parse_text(read_text(path))
        elapsed = time.perf_counter() - start
        activities = sum(len(d["activities"]) for d in result["documents"])
        print(
            f"{name:28}  {ROUNDS:6d}  {1000 * elapsed / ROUNDS:11.2f}  "
            f"{ROUNDS / elapsed:11.0f}  {activities:10d}"
        )

    with tempfile.TemporaryDirectory() as folder:
        print(
            "\ndevelopment corpus (goal: recall, precision, signatories, years >= 0.90; 0 refused)"
        )
        print(scores_table(corpus_scores(Path(folder))))
        slowest = max((_timed(case.file(Path(folder))), case.name) for case in corpus_cases())
        print(f"slowest corpus case: {slowest[1]}, {1000 * slowest[0]:.1f} ms")

    # The longest text the staff page takes pasted is 2.5 MB; one paragraph without a stop
    # is the worst shape for reading sentence by sentence. Time grows with the size, not
    # faster.
    print("\none paragraph with no full stop (the worst shape for the sentence rules)")
    for size in (250_000, 1_000_000, 2_500_000):
        text = "Medborgarlöfte 2020\n" + ("polisen ska arbeta för att " * (size // 27))
        start = time.perf_counter()
        parse_text(text)
        print(f"{size / 1e6:4.2f} MB  {time.perf_counter() - start:6.1f} s")

    # Words repeated without a stop, each the start of a rule's open span: the time must
    # double with the size, not grow fourfold (a rule reading all that comes before or
    # after every match would). Each of these once took minutes at 50 kB.
    print("\nhostile repetitions (time at 50 kB and 100 kB; growth near 2 is linear)")
    for phrase in (
        "invånarna tycker att polisen ",
        "Utifrån lägesbilden ",
        "polisen har genomfört 4 trygghetsvandringar och ",
        "medborgarlöftet ska arbeta för att ",
        "3 möten med trafikkontroller samt ",
        "polisen ska arbeta för ökad trygghet ",
        "trafik",
    ):
        times = []
        for size in (50_000, 100_000):
            text = "Medborgarlöfte 2020\n" + phrase * (size // len(phrase))
            start = time.perf_counter()
            parse_text(text)
            times.append(time.perf_counter() - start)
        growth = times[1] / times[0]
        print(f"{phrase.strip()[:40]:42} {times[0]:6.2f} s {times[1]:6.2f} s  ×{growth:.1f}")


def _timed(path: Path) -> float:
    start = time.perf_counter()
    parse_text(read_text(path))
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
