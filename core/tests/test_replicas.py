"""Where a request reads: anonymous public reads from the replica, everything else from
the primary. The decision is what is tested here (the database behind each alias is the
same in the test run); bench/replica.py runs it against a real streaming replica."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import router
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from core import pagecache, replicas
from promises.models import CitizenPromise

# The replica alias is added for these tests alone, to see where reads would go.
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")

WITH_REPLICA = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}


@pytest.fixture
def replica() -> Iterator[None]:
    with override_settings(DATABASES=WITH_REPLICA):
        yield


def _reads_from(request: HttpRequest) -> tuple[str, HttpResponse]:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(router.db_for_read(CitizenPromise))
        return HttpResponse("ok")

    response = replicas.ReplicaMiddleware(view)(request)
    assert isinstance(response, HttpResponse)
    return seen[0], response


def _get(**cookies: str) -> HttpRequest:
    request = RequestFactory().get("/kommun/eslov/2017/")
    request.COOKIES.update(cookies)
    return request


def test_an_anonymous_read_goes_to_the_replica(replica: None) -> None:
    assert _reads_from(_get())[0] == "replica"


def test_a_logged_in_user_reads_from_the_primary(replica: None) -> None:
    assert _reads_from(_get(**{settings.SESSION_COOKIE_NAME: "abc"}))[0] == "default"


def test_a_write_reads_from_the_primary_and_pins_the_client_there(replica: None) -> None:
    where, response = _reads_from(RequestFactory().post("/sprak/", {"language": "en"}))
    assert where == "default"
    pin = response.cookies[replicas.PIN_COOKIE]
    assert int(pin["max-age"]) == settings.REPLICA_PIN_SECONDS and pin["httponly"]
    # The page after the form reads what the form saved.
    assert _reads_from(_get(**{replicas.PIN_COOKIE: "1"}))[0] == "default"


def test_writes_and_migrations_never_go_to_the_replica(replica: None) -> None:
    assert router.db_for_write(CitizenPromise) == "default"
    assert router.allow_migrate("replica", "promises") is False
    assert router.allow_migrate("default", "promises") is True


def test_without_a_replica_everything_reads_from_the_primary() -> None:
    assert "replica" not in settings.DATABASES
    assert _reads_from(_get())[0] == "default"


def test_reads_outside_a_request_stay_on_the_primary(replica: None) -> None:
    assert router.db_for_read(CitizenPromise) == "default"  # commands, tasks


def _renders_from(fetch: Callable[[], Any]) -> str:
    """Where a page rendered on a cache miss reads from."""
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(router.db_for_read(CitizenPromise))
        response = HttpResponse("page")
        response._cacheable_page = True  # type: ignore[attr-defined]
        return response

    chain = replicas.ReplicaMiddleware(pagecache.PageCacheMiddleware(view))
    request = fetch()
    request.LANGUAGE_CODE = "en"
    chain(request)
    return seen[0] if seen else "cache"


@pytest.fixture
def page_cache(replica: None) -> Iterator[None]:
    pages = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"}
    with override_settings(CACHES={**settings.CACHES, "pages": pages}):
        from django.core.cache import caches

        caches["pages"].clear()
        yield


def test_a_page_rendered_right_after_a_write_reads_from_the_primary(
    page_cache: None, time_machine: Any
) -> None:
    import time

    now = time.time()  # at the start of a five-minute slot of the page cache's keys
    time_machine.move_to(now - now % pagecache.CLOCK_SECONDS + 1, tick=False)
    pagecache._recent.clear()
    pagecache._bump(["m:eslov", "all"])  # what a committed write does
    assert _renders_from(_get) == "default"
    time_machine.shift(settings.REPLICA_PIN_SECONDS + 1)
    # Later, a page not yet stored (another query) is rendered from the replica.
    assert _renders_from(lambda: RequestFactory().get("/kommun/eslov/2017/?a=1")) == "replica"
    assert _renders_from(_get) == "cache"
