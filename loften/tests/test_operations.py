"""What operators and load balancers read: the readiness check, the request id that ties
a log line to an answer, and logs as one JSON object a line."""

import json
import logging
from typing import Any

import pytest
from django.core.cache.backends.base import BaseCache
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from conftest import client_for
from core.logs import RequestIdFilter, current_request_id

pytestmark = pytest.mark.django_db


def test_ready_when_the_database_and_caches_answer() -> None:
    response = client_for().get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True and body["database"] == "ok"
    assert body["caches"]["default"] == "ok" and body["pending_migrations"] == []


def test_a_pending_migration_makes_the_server_not_ready() -> None:
    last = MigrationRecorder.Migration.objects.filter(app="promises").order_by("-id").first()
    assert last is not None
    last.delete()  # as if the code were deployed before `loften migrate`
    response = client_for().get("/readyz")
    assert response.status_code == 503
    assert response.json()["pending_migrations"] == [f"promises.{last.name}"]


class _Broken(BaseCache):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__({})

    def set(self, *args: Any, **kwargs: Any) -> None:
        raise ConnectionError("redis://secret@10.0.0.5:6379 refused")


def test_an_unreachable_cache_makes_the_server_not_ready_without_telling_its_address() -> None:
    broken = {"BACKEND": f"{__name__}._Broken"}
    with override_settings(CACHES={"default": broken, "pages": broken}):
        response = client_for().get("/readyz")
    assert response.status_code == 503
    assert response.json()["caches"]["pages"] == "unreachable (ConnectionError)"
    assert b"secret" not in response.content and b"10.0.0.5" not in response.content


def test_every_answer_carries_a_request_id_and_keeps_a_plain_one_from_the_proxy() -> None:
    made = client_for().get("/healthz")["X-Request-ID"]
    assert len(made) == 32 and made != client_for().get("/healthz")["X-Request-ID"]
    given = client_for().get("/healthz", headers={"x-request-id": "lb-7f3a.91"})
    assert given["X-Request-ID"] == "lb-7f3a.91"
    hostile = client_for().get("/healthz", headers={"x-request-id": 'x"\n{"level":"ERROR"}'})
    assert hostile["X-Request-ID"] != 'x"\n{"level":"ERROR"}' and len(hostile["X-Request-ID"]) == 32


def test_a_log_line_is_one_json_object_with_the_request_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from django.conf import settings
    from pythonjsonlogger.json import JsonFormatter

    spec: dict[str, Any] = settings.LOGGING["formatters"]["json"]  # type: ignore[index]
    formatter = JsonFormatter(
        spec["fmt"], rename_fields=spec["rename_fields"], timestamp=spec["timestamp"]
    )
    requests_log = logging.getLogger("loften.requests")
    with caplog.at_level(logging.INFO, logger="loften.requests"):
        caplog.handler.addFilter(RequestIdFilter())
        response = client_for().get("/healthz", headers={"x-request-id": "abc-123"})
    assert requests_log.name == "loften.requests"
    records = [r for r in caplog.records if r.name == "loften.requests"]
    assert len(records) == 1
    line = json.loads(formatter.format(records[0]))
    assert line["request_id"] == "abc-123" == response["X-Request-ID"]
    assert (line["level"], line["method"], line["path"], line["status"]) == (
        "INFO",
        "GET",
        "/healthz",
        200,
    )
    assert "\n" not in formatter.format(records[0])
    assert line["time"].endswith("+00:00") and "T" in line["time"]
    assert current_request_id() == ""  # nothing lingers after the answer


def test_the_settings_log_json_outside_debug() -> None:
    from conftest import production_setting

    assert production_setting("LOG_FORMAT") == "json"
    assert production_setting("LOG_FORMAT", DEBUG="true") == "text"
