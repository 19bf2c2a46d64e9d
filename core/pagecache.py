"""Public pages, the open data API and the feeds read the same for every visitor until their
data change. A rendered answer is kept in the shared cache (Redis in production) and served
again, a 304 to a client that already holds it, without the database; every write that
changes what a page shows makes it stale when its transaction commits.

How it stays true: the pages are in scopes, one per municipality (everything under
/kommun/<slug>/) and one national (the rest). Each scope has a version in the cache. An
answer is stored with the versions of its scopes as they were read *before* the page was
rendered, and served only while they are unchanged. A write bumps its scopes' versions once
it is committed (a municipality's and the national one; every scope when the write cannot
say where it shows). A page rendered while a write commits was stored under the old version,
so it is never served after the bump. The key also holds the language, the day (progress is
reckoned by the day), a five-minute slot of the clock (an occasion leaves "upcoming" when it
starts) and the release, so a deploy never serves pages of the old code.

Only anonymous visitors are served from the cache: a request with a session or a flash
message is answered afresh, and a page that set a cookie or used a CSRF token is not
stored, so nobody gets another visitor's menu or token."""

import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from functools import cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control

from core import replicas

log = logging.getLogger(__name__)

ALIAS = "pages"
NATIONAL = "all"
# Bumped by a write that cannot say where it shows: every page is stale.
EVERYWHERE = "any"
# A page is rendered again at least this often, for what changes with the clock alone.
CLOCK_SECONDS = 300
# Where a cached page's answer comes from, for tests and for curious operators.
HEADER = "X-Page-Cache"
# Answers under these are never public pages: no lookup is made for them.
_NEVER = ("/arbete/", "/konto/", "/admin/", "/sprak/", "/static/", "/healthz", "/readyz")
_MUNICIPAL = "/kommun/"
_API = "/api/"
# Headers never stored with an answer: they belong to one request.
_OWN = ("Set-Cookie", "X-Request-ID", HEADER)
# What a 304 leaves out of the answer it stands for: the rest it repeats (RFC 9110, 15.4.5),
# CORS included, so that a script of another site may read it.
_BODY_ONLY = ("Content-Type", "Content-Disposition", "Content-Length")
# Skipped when the tree is hashed for the release: not code, or not ours.
_NOT_CODE = {
    ".venv",
    "var",
    "staticfiles",
    "node_modules",
    ".git",
    "__pycache__",
    "docs",
    "test-artifacts",
}

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


def _cache() -> Any:
    return caches[ALIAS]


class _Recent:
    """The pages this process served last, so that a hit reads only the small versions
    from Redis, not the page. An entry is used only at the versions Redis gives now, so it
    is never staler than the shared cache. Bounded (PAGE_CACHE_LOCAL_ENTRIES), least
    recently used out first."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, versions: list[Any]) -> dict[str, Any] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry["versions"] != versions:
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > settings.PAGE_CACHE_LOCAL_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


_recent = _Recent()


@cache
def release() -> str:
    """What distinguishes this code from the last deploy's: RELEASE when set (the image's
    commit), else a digest of the names, sizes and times of the code, templates and
    translations, taken once per process."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder, names, files in os.walk(base):
        names[:] = sorted(n for n in names if n not in _NOT_CODE)
        for name in sorted(files):
            if name.endswith((".py", ".html", ".txt", ".mo", ".css", ".js", ".svg")):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def _version_key(scope: str) -> str:
    return f"pv:{scope}"


def _bumped_key(scope: str) -> str:
    """When the scope last changed (kept only with a replica: core.replicas)."""
    return f"pt:{scope}"


def scopes_of_path(path: str) -> tuple[str, ...]:
    """The scopes a page at `path` shows: its municipality's or the national one."""
    if path.startswith(_MUNICIPAL):
        slug = path[len(_MUNICIPAL) :].split("/", 1)[0]
        return (EVERYWHERE, f"m:{slug}")
    return (EVERYWHERE, NATIONAL)


def _fresh_version() -> int:
    # A version made anew (after the cache lost it) never repeats an older one.
    return time.time_ns() // 1000


def _bump(scopes: Iterable[str]) -> None:
    store = _cache()
    for scope in scopes:
        key = _version_key(scope)
        try:
            try:
                store.incr(key)
            except ValueError:  # not there: any version differs from the stored pages'
                store.set(key, _fresh_version(), None)
            if replicas.configured():
                store.set(_bumped_key(scope), time.time(), None)
        except Exception:
            # The write is committed; only the cache failed. Its pages expire within
            # PAGE_CACHE_SECONDS.
            log.exception("could not mark the pages of %s as changed", scope)


def _bump_pending(connection: Any) -> None:
    """Bumps what this connection's writes named and no earlier commit hook has bumped."""
    pending: set[str] = getattr(connection, "_loften_changed", set())
    scopes, connection._loften_changed = sorted(pending), set()
    if scopes:
        _bump(scopes)


def changed(*municipality_slugs: str) -> None:
    """Marks the pages of these municipalities, and the national ones, as stale once the
    current transaction commits (at once outside one). No slug: every page.

    A transaction that writes a report, its recount and its audit names the same scopes
    thrice: the first commit hook bumps them all once and the others find nothing left.
    Every call still adds its own hook, so a scope named in a transaction rolled back is
    at worst bumped at the next commit, never left out."""
    scopes = [f"m:{slug}" for slug in municipality_slugs if slug]
    scopes = [*scopes, NATIONAL] if scopes else [EVERYWHERE]
    connection = transaction.get_connection()
    pending: set[str] = getattr(connection, "_loften_changed", set())
    connection._loften_changed = pending | set(scopes)
    transaction.on_commit(lambda: _bump_pending(connection), robust=True)


# Followed from a written record to the municipality whose pages show it.
_PARENTS = ("promise", "activity", "follow_up", "evaluation", "agreement", "owner", "picture")


def _municipality_slugs(instance: object, depth: int = 0) -> set[str] | None:
    """The municipalities a record shows in, by its `municipality`, its `municipalities` or
    a parent's (a report's activity's promise's); None when it cannot say."""
    try:
        place = getattr(instance, "municipality", None)
        if place is not None and getattr(place, "slug", None):
            return {place.slug}
        many = getattr(instance, "municipalities", None)
        if many is not None and hasattr(many, "values_list") and getattr(instance, "pk", None):
            slugs = set(many.values_list("slug", flat=True))
            if slugs:
                return slugs
        if depth < 3:
            for name in _PARENTS:
                parent = getattr(instance, name, None)
                if isinstance(parent, Model):
                    found = _municipality_slugs(parent, depth + 1)
                    if found:
                        return found
    except Exception:  # a parent gone or not loadable: say nothing rather than guess
        return None
    return None


def changed_record(instance: object) -> None:
    """Marks the pages that show `instance` as stale on commit: its municipality's and the
    national ones, or every page when it is not tied to a municipality."""
    changed(*sorted(_municipality_slugs(instance) or ()))


def cached_page(view: V) -> V:
    """Marks a public view's answers as cacheable (see the module's doc)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        response._cacheable_page = True  # type: ignore[attr-defined]
        return response

    return wrapper  # type: ignore[return-value]


def _etag(content: bytes) -> str:
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _matches(request: HttpRequest, etag: str) -> bool:
    wanted = request.headers.get("If-None-Match", "")
    return wanted.strip() == "*" or etag in [tag.strip() for tag in wanted.split(",")]


def _public(response: HttpResponseBase) -> None:
    """Any cache may keep a public answer; a shared one (a proxy, a CDN) for
    PUBLIC_CACHE_SECONDS before it asks again, a browser asks every time."""
    if "Cache-Control" not in response:
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PUBLIC_CACHE_SECONDS
        )


class PageCacheMiddleware:
    """Serves anonymous GET and HEAD requests for public pages from the page cache, stores
    what the views marked with `cached_page` (and the open data API's answers), and answers
    If-None-Match with 304. Sits below the language middleware (the language is part of
    the key) and above everything that touches the session or the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._eligible(request):
            return self.get_response(request)
        scopes = scopes_of_path(request.path)
        key = self._key(request)
        version_keys = [_version_key(scope) for scope in scopes]
        bumped_keys = [_bumped_key(scope) for scope in scopes] if replicas.configured() else []
        try:
            # The versions are small and always read; the page itself only when this
            # process does not hold it at those versions already.
            found = _cache().get_many([*version_keys, *bumped_keys])
            versions = [found.get(k) for k in version_keys]
            entry = _recent.get(key, versions)
            if entry is None and None not in versions:
                entry = _cache().get(key)
        except Exception:
            log.exception("the page cache cannot be read; answering without it")
            return self.get_response(request)
        if entry is not None and None not in versions and entry["versions"] == versions:
            _recent.put(key, entry)
            return self._from_entry(request, entry)
        versions = self._started(version_keys, versions)
        # One request renders a stale page; the others asking for it meanwhile wait for
        # it rather than render it too (a promise in the news is asked for by hundreds at
        # the moment a report makes it stale).
        rendering = f"{key}:rendering:{'-'.join(str(v) for v in versions)}"
        try:
            renders = _cache().add(rendering, 1, settings.PAGE_RENDER_WAIT_SECONDS)
        except Exception:
            renders = True
        if not renders:
            waited = self._wait_for(key, rendering, versions)
            if waited is not None:
                return self._from_entry(request, waited)
        # Right after a write the replica may not have it yet: such a page is rendered
        # from the primary, or it would be stored, too old, under the write's version.
        now = time.time()
        recent = any(now - found.get(k, 0) < settings.REPLICA_PIN_SECONDS for k in bumped_keys)
        try:
            with replicas.primary() if recent else nullcontext():
                return self._render(request, key, versions)
        finally:
            if renders:
                try:
                    _cache().delete(rendering)
                except Exception:  # expires by itself
                    log.exception("the page cache cannot be written")

    def _render(self, request: HttpRequest, key: str, versions: list[Any]) -> HttpResponseBase:
        response = self.get_response(request)
        if not self._storable(request, response):
            return response
        assert isinstance(response, HttpResponse)
        if "ETag" not in response:
            response["ETag"] = _etag(response.content)
        _public(response)
        self._store(key, versions, response)
        response[HEADER] = "miss"
        if _matches(request, response["ETag"]):
            return self._not_modified(response)
        return response

    @staticmethod
    def _wait_for(key: str, rendering: str, versions: list[Any]) -> dict[str, Any] | None:
        """The page another request is rendering, once it is stored; None when that request
        gave up (the page was not stored: a 404, say) or took too long."""
        deadline = time.monotonic() + settings.PAGE_RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.005)
            try:
                found = _cache().get_many([key, rendering])
            except Exception:
                return None
            entry = found.get(key)
            if entry is not None and entry["versions"] == versions:
                _recent.put(key, entry)
                return dict(entry)
            if rendering not in found:
                return None
        return None

    @staticmethod
    def _eligible(request: HttpRequest) -> bool:
        if request.method not in ("GET", "HEAD") or request.path.startswith(_NEVER):
            return False
        # A visitor with a session may be logged in (their own menu); one with a flash
        # message waiting must see it.
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies

    @staticmethod
    def _key(request: HttpRequest) -> str:
        parts = "\n".join(
            (
                release(),
                # Pages may hold absolute addresses: one asked for by another name or scheme
                # is kept apart (no Host header can put its name into others' pages).
                request.scheme or "",
                request.get_host(),
                str(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)),
                timezone.localdate().isoformat(),
                # Some pages change with the clock, not with a write: an occasion leaves
                # "upcoming" when it starts. No page is kept past its five minutes.
                str(int(time.time() // CLOCK_SECONDS)),
                "htmx" if request.headers.get("HX-Request") else "",
                request.get_full_path(),
            )
        )
        return "pg:" + hashlib.sha256(parts.encode()).hexdigest()

    @staticmethod
    def _started(keys: list[str], versions: list[Any]) -> list[Any]:
        """The versions, with any the cache lost made anew (so that no older page matches)."""
        if None not in versions:
            return versions
        started = []
        for key, version in zip(keys, versions, strict=True):
            if version is None:
                _cache().add(key, _fresh_version(), None)
                version = _cache().get(key)
                if replicas.configured():  # what the replica holds is unknown: wait
                    _cache().set(_bumped_key(key[len("pv:") :]), time.time(), None)
            started.append(version)
        return started

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponseBase) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
            return False
        if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
            "Cache-Control", ""
        ):
            return False
        if getattr(response, "_cacheable_page", False):
            return True
        # The open data API's answers (not its browsable HTML documentation).
        return request.path.startswith(_API) and not response.get("Content-Type", "").startswith(
            "text/html"
        )

    @staticmethod
    def _store(key: str, versions: list[Any], response: HttpResponse) -> None:
        entry = {
            "versions": versions,
            "status": response.status_code,
            "headers": [(name, value) for name, value in response.items() if name not in _OWN],
            "content": response.content,
        }
        try:
            _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
        except Exception:
            log.exception("the page cache cannot be written")
        else:
            _recent.put(key, entry)

    def _from_entry(self, request: HttpRequest, entry: dict[str, Any]) -> HttpResponseBase:
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        if _matches(request, response["ETag"]):
            return self._not_modified(response)
        return response

    @staticmethod
    def _not_modified(response: HttpResponseBase) -> HttpResponseBase:
        answer = HttpResponseNotModified()
        for name, value in response.items():
            if name not in _BODY_ONLY:
                answer[name] = value
        return answer
