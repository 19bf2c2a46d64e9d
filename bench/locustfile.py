"""The visitors of the load benchmark (bench/load.py starts locust with this file).

LOAD_SCENARIO names who visits: one page alone ("static", "home", "municipality",
"promise", "api", "national", "coordinator", "logging"), or "mix", all of them at once in
the proportions of a day when a promise is in the news. LOAD_DATA is the JSON file
bench/load.py wrote: the addresses, the staff sessions and the activity to log.

Every request says it came through the HTTPS proxy (X-Forwarded-Proto), as in production.
Cookies are sent by hand: the session and CSRF cookies are Secure, and the client would not
send them back over the loopback's plain HTTP."""

import itertools
import json
import os
import re
from typing import Any

from locust import FastHttpUser, constant, task

SCENARIO = os.environ.get("LOAD_SCENARIO", "mix")
with open(os.environ["LOAD_DATA"], encoding="utf-8") as data_file:
    DATA: dict[str, Any] = json.load(data_file)
PROXY = {"X-Forwarded-Proto": "https"}
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_sessions = itertools.cycle(DATA["reporter_sessions"])
_coordinators = itertools.cycle(DATA["coordinator_sessions"])
_numbers = itertools.count(1)

PAGES = {
    "static": DATA["static"],
    "home": "/",
    "municipality": DATA["municipality"],
    "promise": DATA["promise"],
    "api": DATA["api"],
    "national": DATA["national"],
}


class _Visitor(FastHttpUser):
    abstract = True
    wait_time = constant(0)

    def _get(self, url: str, name: str, cookie: str = "") -> None:
        headers = {**PROXY, "Cookie": cookie} if cookie else PROXY
        with self.client.get(url, headers=headers, name=name, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")


def _page_task(name: str) -> Any:
    def visit(self: _Visitor) -> None:
        self._get(PAGES[name], name)

    visit.__name__ = f"visit_{name}"
    return visit


# What readers read: in the mix, mostly the promise in the news.
_READING: Any = (
    {
        _page_task("promise"): 6,
        _page_task("municipality"): 2,
        _page_task("home"): 2,
        _page_task("national"): 1,
        _page_task("api"): 1,
    }
    if SCENARIO == "mix"
    else [_page_task(SCENARIO if SCENARIO in PAGES else "static")]
)


class Reader(_Visitor):
    """A citizen reading the public pages (one of them, or all in the mix)."""

    abstract = SCENARIO != "mix" and SCENARIO not in PAGES
    tasks = _READING
    weight = 8


class Coordinator(_Visitor):
    """A coordinator on their start page."""

    abstract = SCENARIO not in ("mix", "coordinator")

    def on_start(self) -> None:
        self.cookie = f"sessionid={next(_coordinators)}"

    @task
    def start_page(self) -> None:
        self._get(DATA["coordinator_page"], "coordinator", self.cookie)


class Reporter(_Visitor):
    """A police officer logging that an activity was carried out: the form, then the save.
    A save is counted as done only when it answers with the redirect to the promise. The
    CSRF cookie is one secret per officer, made here, as a browser keeps the one it got."""

    abstract = SCENARIO not in ("mix", "logging")

    def on_start(self) -> None:
        secret = f"{next(_numbers):032d}"
        self.cookie = f"sessionid={next(_sessions)}; csrftoken={secret}"

    @task
    def log_activity(self) -> None:
        form = self.client.get(
            DATA["report_form"], headers={**PROXY, "Cookie": self.cookie}, name="logging form"
        )
        token = _TOKEN.search(form.text or "")
        if not token:
            return
        number = next(_numbers)
        note = f"Belastningsprov {os.getpid()}-{number}"
        origin = DATA["origin"]
        with self.client.post(
            DATA["report_form"],
            data={
                "csrfmiddlewaretoken": token.group(1),
                "date": DATA["report_date"],
                "count": "1",
                "place": f"Provgatan {number}",
                "notes": note,
                "confirmed": "on",
            },
            headers={
                **PROXY,
                "Cookie": self.cookie,
                "Origin": origin,
                "Referer": origin + DATA["report_form"],
            },
            name="logging save",
            catch_response=True,
            allow_redirects=False,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"{answer.status_code}: not saved")
            else:
                # What the server acknowledged, for bench/load.py to find in the database.
                with open(os.environ["LOAD_ACKNOWLEDGED"], "a", encoding="utf-8") as done:
                    done.write(f"{note}\n")
