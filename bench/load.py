"""The load benchmark: the production stack on loopback, driven by locust.

It starts what docs/deployment.md describes: gunicorn with the documented number of
workers, PostgreSQL, Redis (the page cache), whitenoise, DEBUG off, every request sent as
through the HTTPS proxy. On the Eslöv demo it measures, for LOAD_SECONDS (10) with
LOAD_USERS (50) users that never pause:

- a static file of the promise page's size, served by the same server: the yardstick;
- each public page alone (start, municipality, promise, national overview, API list), as
  requests per second, p50/p95/p99 and errors, and as a share of the static file's rate;
- the coordinator's start page (logged in, never cached);
- police reporters logging activities (form, then save), with the saved reports counted
  in the database after the run: none may be lost or doubled;
- everything at once (the mix), with a report logged and its page read back while the
  load runs: the new figure must show at once.

The figures go to a Markdown table on standard output and to bench/results/load.json and
load.md, so that commits can be compared. Needs PostgreSQL at 127.0.0.1:5432 (user
postgres) and Redis at 127.0.0.1:6379; says so and stops when they do not answer. The
driver (locust) runs on the same machine and takes CPU from the server: the figures are
what one machine does with both on it.
"""

import csv
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("LOAD_SECONDS", "10"))
USERS = int(os.environ.get("LOAD_USERS", "50"))
# The documented worker count (docs/deployment.md): two per core, plus one.
WORKERS = int(os.environ.get("LOAD_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
PORT = int(os.environ.get("LOAD_PORT", "8765"))
DATABASE = "loften_load"
REDIS_DB = 14
RESULTS = ROOT / "bench" / "results"
GOALS = {"promise": 0.40, "home": 0.25, "municipality": 0.25, "national": 0.25, "api": 0.25}


def _answers(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _environment(static_root: Path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "loften.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "CONN_MAX_AGE": "60",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        # The demo's accounts keep the password "demo", and log in without a second factor.
        "DEMO_MODE": "true",
        "STATIC_ROOT": str(static_root),
        "REQUEST_LOG_LEVEL": "WARNING",
        "ENV_FILE": "",
    }


def _loften(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "loften"), *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"loften {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


_PREPARE = r"""
import json, sys
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.utils import timezone
from accounts.models import User
from promises.models import CitizenPromise

def sessions(name, count):
    user = User.objects.get(username=name)
    keys = []
    for _ in range(count):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys

promise = CitizenPromise.objects.get(municipality__slug="exempelby", year=timezone.localdate().year)
activity = promise.activities.order_by("pk").first()
page = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https").get("/kommun/eslov/2017/")
assert page.status_code == 200, page.status_code
print(json.dumps({
    "promise": "/kommun/eslov/2017/",
    "municipality": "/kommun/eslov/",
    "national": "/sverige/",
    "api": "/api/v1/promises",
    "coordinator_page": "/arbete/",
    "report_form": f"/arbete/rapportera/{activity.pk}/",
    "report_date": timezone.localdate().isoformat(),
    "activity": activity.pk,
    "promise_id": promise.pk,
    "live_page": f"/kommun/exempelby/{promise.year}/",
    "page_bytes": len(page.content),
    "reporter_sessions": sessions("polis.exempelby", 60),
    "coordinator_sessions": sessions("samordnare.exempelby", 60),
}))
"""


def _prepare(env: dict[str, str], static_root: Path) -> dict[str, Any]:
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", DATABASE],
        check=True,
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "-n", str(REDIS_DB), "flushdb"], check=True)
    _loften(env, "migrate", "--no-input", "-v", "0")
    _loften(env, "demo")
    _loften(env, "collectstatic", "--no-input", "-v", "0")
    data: dict[str, Any] = json.loads(
        _loften(env, "shell", "-c", _PREPARE).strip().splitlines()[-1]
    )
    # The yardstick: a file of the promise page's size, served by whitenoise from the same
    # server (found at start-up, like every static file).
    filler = ("<p>" + "Medborgarlöfte i Eslöv. " * 8 + "</p>\n").encode()
    body = (filler * (data["page_bytes"] // len(filler) + 1))[: data["page_bytes"]]
    (static_root / "bench-page.html").write_bytes(body)
    data["static"] = "/static/bench-page.html"
    data["origin"] = f"https://127.0.0.1:{PORT}"
    return data


def _get(
    path: str, headers: dict[str, str] | None = None, port: int = PORT, body: bytes | None = None
) -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"X-Forwarded-Proto": "https", **(headers or {})},
        data=body,
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _start_server(env: dict[str, str], port: int = PORT) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "loften.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            if _get("/readyz", port=port)[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not become ready")


def _locust(scenario: str, data_file: Path, out: Path, users: int = USERS) -> list[dict[str, str]]:
    prefix = out / scenario
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "locustfile.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{SECONDS}s",
            "--host",
            f"http://127.0.0.1:{PORT}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
            "--stop-timeout",
            "5",
        ],
        env={
            **os.environ,
            "LOAD_SCENARIO": scenario,
            "LOAD_DATA": str(data_file),
            "LOAD_ACKNOWLEDGED": str(out / "acknowledged.txt"),
        },
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        return [row for row in csv.DictReader(stats) if row["Name"] != "Aggregated"]


def _row(scenario: str, stats: dict[str, str], static_rate: float | None) -> dict[str, Any]:
    rate = float(stats["Requests/s"])
    return {
        "scenario": scenario,
        "name": stats["Name"],
        "requests": int(stats["Request Count"]),
        "errors": int(stats["Failure Count"]),
        "rps": round(rate, 1),
        "ratio": round(rate / static_rate, 3) if static_rate else None,
        "p50": float(stats["50%"]),
        "p95": float(stats["95%"]),
        "p99": float(stats["99%"]),
    }


def _stored_notes(env: dict[str, str], activity: int) -> list[str]:
    """The notes of the load's reports as stored, one per report row."""
    code = (
        "from promises.models import ActivityReport; "
        f"print('\\n'.join(ActivityReport.objects.filter(activity_id={activity}, "
        "notes__startswith='Belastningsprov').values_list('notes', flat=True)))"
    )
    return [line for line in _loften(env, "shell", "-c", code).splitlines() if line.strip()]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _log_through(data: dict[str, Any], note: str) -> int:
    """A police officer's report saved through the first server: the status it answered."""
    secret = "r" * 32  # a CSRF secret of our own, sent as cookie and as token
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": secret,
            "date": data["report_date"],
            "count": "7",
            "place": "Läskontroll",
            "notes": note,
            "confirmed": "on",
        }
    ).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{data['report_form']}",
        data=body,
        headers={
            "X-Forwarded-Proto": "https",
            "Cookie": f"sessionid={data['reporter_sessions'][-1]}; csrftoken={secret}",
            "Origin": data["origin"],
            "Referer": data["origin"] + data["report_form"],
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _live_check(data: dict[str, Any]) -> dict[str, Any]:
    """While the mix runs: a report saved through the first server, then the count read
    from the database, then the promise read from the second server (its own workers, the
    same Redis and database). The second server must show at least that count: other
    reporters may have added more in between, never less."""
    results = []
    for attempt in range(5):
        status = _log_through(data, f"Läskontroll {attempt}")
        stored = int(
            subprocess.run(
                ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DATABASE, "-tAc",
                 f"SELECT done_count FROM promises_activity WHERE id = {data['activity']}"],
                capture_output=True, text=True, check=True,
            ).stdout.strip()
        )  # fmt: skip
        answer, body = _get(f"/api/v1/promises/{data['promise_id']}", port=PORT + 1)
        shown = next(
            a["done"] for a in json.loads(body)["activities"] if a["id"] == data["activity"]
        )
        page_status, page = _get(data["live_page"], port=PORT + 1)
        results.append(
            {
                "saved": status == 302,
                "stored": stored,
                "shown by the other server": shown,
                "fresh": status == 302 and answer == 200 and page_status == 200 and shown >= stored,
            }
        )
        time.sleep(1)
    return {"all fresh": all(r["fresh"] for r in results), "checks": results}


def _markdown(rows: list[dict[str, Any]], extra: dict[str, Any]) -> str:
    lines = [
        f"Load benchmark, {date.today().isoformat()}: {USERS} users, {SECONDS} s each, "
        f"{WORKERS} gunicorn workers, {os.cpu_count()} cores (locust on the same machine).",
        "",
        "| scenario | request | requests/s | share of static | p50 ms | p95 ms | p99 ms | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else ""
        lines.append(
            f"| {row['scenario']} | {row['name']} | {row['rps']:.1f} | {ratio} | "
            f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | {row['errors']} |"
        )
    lines += ["", *(f"- {key}: {value}" for key, value in extra.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    if not _answers(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qtAc", "select 1"]):
        print("load benchmark: PostgreSQL at 127.0.0.1:5432 does not answer; not run.")
        return
    if not _answers(["redis-cli", "-h", "127.0.0.1", "ping"]):
        print("load benchmark: Redis at 127.0.0.1:6379 does not answer; not run.")
        return
    work = Path(tempfile.mkdtemp(prefix="loften-load-"))
    static_root = work / "static"
    env = _environment(static_root)
    data = _prepare(env, static_root)
    data_file = work / "data.json"
    data_file.write_text(json.dumps(data), encoding="utf-8")
    server = _start_server(env)
    # A second app server on the next port, sharing the database and Redis: a report saved
    # through the first must show at once on the second.
    second = _start_server(env, PORT + 1)
    rows: list[dict[str, Any]] = []
    extra: dict[str, Any] = {}
    try:
        static = _locust("static", data_file, work)[0]
        static_rate = float(static["Requests/s"])
        rows.append(_row("static", static, None))
        for scenario in ("promise", "home", "municipality", "national", "api", "coordinator"):
            for stats in _locust(scenario, data_file, work):
                rows.append(_row(scenario, stats, static_rate))
        logging_stats = _locust("logging", data_file, work)
        rows += [_row("logging", stats, static_rate) for stats in logging_stats]
        # Every save the server acknowledged must be stored, once; a save still under way
        # when the run stopped may be stored without its answer having been read.
        acknowledged = (work / "acknowledged.txt").read_text(encoding="utf-8").split("\n")
        acknowledged = [note for note in acknowledged if note]
        stored = _stored_notes(env, data["activity"])
        extra["reports acknowledged (302)"] = len(acknowledged)
        extra["reports stored"] = len(stored)
        extra["acknowledged but not stored"] = len(set(acknowledged) - set(stored))
        extra["stored twice"] = len(stored) - len(set(stored))
        extra["writes per second"] = round(len(acknowledged) / SECONDS, 1)
        mix = subprocess.Popen(
            [sys.executable, __file__, "--mix-only", str(data_file), str(work)],
            env=os.environ.copy(),
        )
        time.sleep(2)
        extra["read back from the other server during the mix"] = _live_check(data)
        mix.wait()
        with open(work / "mix.json", encoding="utf-8") as mixed:
            rows += [_row("mix", stats, static_rate) for stats in json.load(mixed)]
    finally:
        for process in (server, second):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    goals = {}
    for row in rows:
        goal = GOALS.get(row["scenario"])
        if goal is not None and row["scenario"] == row["name"]:
            goals[row["scenario"]] = {
                "share": row["ratio"],
                "goal": goal,
                "met": bool(row["ratio"] and row["ratio"] >= goal and row["errors"] == 0),
            }
    extra["goals"] = goals
    table = _markdown(rows, extra)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.md").write_text(table, encoding="utf-8")
    (RESULTS / "load.json").write_text(
        json.dumps(
            {
                "date": date.today().isoformat(),
                "users": USERS,
                "seconds": SECONDS,
                "workers": WORKERS,
                "cores": os.cpu_count(),
                "rows": rows,
                **extra,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--mix-only":
        found = _locust("mix", Path(sys.argv[2]), Path(sys.argv[3]))
        (Path(sys.argv[3]) / "mix.json").write_text(json.dumps(found), encoding="utf-8")
    else:
        main()
