"""The page cache's bookkeeping: a write's scopes are bumped once per commit however often
the write names them, and never lost when part of a transaction rolls back."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from core import pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages() -> Iterator[Any]:
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "unit"}
    # Scopes an earlier test named in a transaction that was rolled back wait on the
    # connection for the next commit (as they should); these tests count from none.
    transaction.get_connection()._loften_changed = set()
    with override_settings(CACHES={**settings.CACHES, "pages": local}):
        caches["pages"].clear()
        yield caches["pages"]


def _versions(store: Any) -> dict[str, int]:
    keys = ["pv:m:eslov", "pv:m:lund", "pv:all", "pv:any"]
    return {key: store.get(key) for key in keys}


def test_a_write_naming_its_scopes_thrice_bumps_each_once(
    pages: Any, django_capture_on_commit_callbacks: Any
) -> None:
    pagecache._bump(["m:eslov", "m:lund", "all", "any"])
    before = _versions(pages)
    with django_capture_on_commit_callbacks(execute=True) as hooks:
        for _ in range(3):  # a report, its recount, its audit
            pagecache.changed("eslov")
    after = _versions(pages)
    assert len(hooks) == 3
    assert after["pv:m:eslov"] == before["pv:m:eslov"] + 1
    assert after["pv:all"] == before["pv:all"] + 1
    assert after["pv:m:lund"] == before["pv:m:lund"] and after["pv:any"] == before["pv:any"]


def test_a_scope_named_in_a_rolled_back_savepoint_is_bumped_at_the_next_commit(
    pages: Any, django_capture_on_commit_callbacks: Any
) -> None:
    pagecache._bump(["m:eslov", "m:lund", "all", "any"])
    before = _versions(pages)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            pagecache.changed("lund")
            raise RuntimeError
        pagecache.changed("eslov")
    after = _versions(pages)
    assert after["pv:m:eslov"] == before["pv:m:eslov"] + 1
    # Bumped needlessly, which costs a rendering, never a stale page.
    assert after["pv:m:lund"] == before["pv:m:lund"] + 1
