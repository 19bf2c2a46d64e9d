"""Measures `loften parse` on the seed page (text and HTML): pages per second.

Run with `make bench`.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loften.settings_test")

import django  # noqa: E402

django.setup()

from imports.parser import parse_text  # noqa: E402
from imports.readers import read_text  # noqa: E402

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


if __name__ == "__main__":
    main()
