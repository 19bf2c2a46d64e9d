"""Cursor pagination: each page ends with the cursor of its last item (its id), and the
next page starts after it. Seeking by the indexed id stays fast however deep the page, and a
client walking the list misses nothing when items are added meanwhile."""

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest

M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CURSOR_PATTERN = r"^[0-9]{1,18}$"


def page(
    request: HttpRequest, items: QuerySet[M], cursor: str | None, limit: int
) -> tuple[list[M], str | None]:
    """One page of `items` in id order after `cursor`, and the address of the next page."""
    if cursor:
        items = items.filter(pk__gt=int(cursor))
    found = list(items.order_by("pk")[: limit + 1])
    if len(found) <= limit:
        return found, None
    found = found[:limit]
    query = request.GET.copy()
    query["cursor"] = str(found[-1].pk)
    return found, request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def envelope(results: list[Any], next_url: str | None) -> dict[str, Any]:
    return {"results": results, "next": next_url}
