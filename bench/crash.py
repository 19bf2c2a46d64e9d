"""The crash test: kill -9 the web server and the task worker in the middle of work, start
them again, and count.

On the production stack of bench/load.py (gunicorn, PostgreSQL, Redis, DEBUG off behind the
proxy header) and a `loften db_worker`:

- ten police officers save reports without pause; after a few seconds gunicorn (master and
  workers) is killed with SIGKILL, the officers' saves fail for a while, gunicorn is
  started again and they go on;
- meanwhile an evidence file of 40,000 crime figures, large enough to be stored by the
  worker, is being stored when the worker is killed with SIGKILL; the worker is started
  again.

Then every save the server acknowledged (302) must be in the database exactly once, the
activity's count must equal the sum of its reports, and the evidence file must be stored
wholly or not at all. Prints what it counted; exits 1 when a check fails. Run by `make
bench`; needs what bench/load.py needs.
"""

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import (  # noqa: E402
    BIN,
    DATABASE,
    ROOT,
    _answers,
    _environment,
    _loften,
    _log_through,
    _prepare,
    _start_server,
)

ROWS = 40_000


def _sql(query: str) -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-tAc", query],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _worker(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(BIN / "loften"), "db_worker"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


class Officers:
    """Officers saving reports through the first server, each note unique."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.acknowledged: list[str] = []
        self.failed = 0
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def run(self, number: int) -> None:
        count = 0
        while not self.stop.is_set():
            count += 1
            note = f"Kraschprov {number}-{count}"
            try:
                status = _log_through(self.data, note)
            except OSError:
                status = 0
            with self.lock:
                if status == 302:
                    self.acknowledged.append(note)
                else:
                    self.failed += 1
            if status != 302:
                time.sleep(0.05)


_START_IMPORT = """
from accounts.models import User
from places.models import Municipality
from situation.services.files import file_import_start
rows = "\\n".join(f"Eslöv;2016;Kraschkategori {n};{n % 90}" for n in range(ROWS))
data = ("kommun;år;brottskategori;antal\\n" + rows + "\\n").encode()
run = file_import_start(
    municipality=Municipality.objects.get(slug="eslov"), kind="crime_statistics",
    file_name="krasch.csv", data=data, by=User.objects.get(username="samordnare.eslov"),
)
print(run.pk)
"""

_DECIDE = """
from accounts.models import User
from imports.models import FileImport
from situation.services.files import file_import_decide
file_import_decide(
    run=FileImport.objects.get(pk=PK), action="store_all",
    by=User.objects.get(username="samordnare.eslov"),
)
"""


def _wait_for_status(pk: int, wanted: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _sql(f"SELECT status FROM imports_fileimport WHERE id = {pk}") == wanted:
            return True
        time.sleep(0.05)
    return False


def main() -> int:
    if not _answers(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qtAc", "select 1"]):
        print("crash test: PostgreSQL at 127.0.0.1:5432 does not answer; not run.")
        return 0
    if not _answers(["redis-cli", "-h", "127.0.0.1", "ping"]):
        print("crash test: Redis at 127.0.0.1:6379 does not answer; not run.")
        return 0
    work = Path(tempfile.mkdtemp(prefix="loften-crash-"))
    env = _environment(work / "static")
    data = _prepare(env, work / "static")
    server, worker = _start_server(env), _worker(env)
    officers = Officers(data)
    threads = [threading.Thread(target=officers.run, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    checks: dict[str, Any] = {}
    try:
        pk = int(_loften(env, "shell", "-c", _START_IMPORT.replace("ROWS", str(ROWS))).split()[-1])
        if not _wait_for_status(pk, "checked", 120):
            print("crash test: the evidence file was not checked in time")
            return 1
        _loften(env, "shell", "-c", _DECIDE.replace("PK", str(pk)))
        stored_while_running = _wait_for_status(pk, "storing", 60)
        time.sleep(0.5)
        _kill(worker)  # in the middle of storing the file
        checks["worker killed while the file was storing"] = stored_while_running and (
            _sql(f"SELECT status FROM imports_fileimport WHERE id = {pk}") == "storing"
        )
        time.sleep(2)
        _kill(server)  # in the middle of the officers' saves
        down_at = len(officers.acknowledged)
        time.sleep(2)
        server, worker = _start_server(env), _worker(env)
        time.sleep(4)
        checks["saves acknowledged after the restart"] = len(officers.acknowledged) > down_at
    finally:
        officers.stop.set()
        for thread in threads:
            thread.join(timeout=60)
        for process in (server, worker):
            if process.poll() is None:
                _kill(process)
    notes = _sql(
        "SELECT notes FROM promises_activityreport WHERE notes LIKE 'Kraschprov %'"
    ).splitlines()
    acknowledged = set(officers.acknowledged)
    consistent = _sql(
        "SELECT a.done_count = coalesce(sum(r.count), 0) FROM promises_activity a "
        "LEFT JOIN promises_activityreport r ON r.activity_id = a.id AND r.removed_at IS NULL "
        f"WHERE a.id = {data['activity']} GROUP BY a.id, a.done_count"
    )
    figures = int(
        _sql("SELECT count(*) FROM situation_crimestatistic WHERE category LIKE 'Kraschkategori %'")
    )
    status = _sql(f"SELECT status FROM imports_fileimport WHERE id = {pk}")
    checks.update(
        {
            "every acknowledged save stored": acknowledged <= set(notes),
            "no save stored twice": len(notes) == len(set(notes)),
            "the activity's count is the sum of its reports": consistent == "t",
            "the evidence file stored wholly or not at all": figures in (0, ROWS),
            "its import says which": (figures == ROWS) == (status == "stored"),
        }
    )
    print(
        f"crash test: {len(acknowledged)} saves acknowledged, {officers.failed} refused or "
        f"cut off while the server was down, {len(notes)} stored; evidence file: {figures} of "
        f"{ROWS} rows stored, import {status}"
    )
    for name, passed in checks.items():
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
