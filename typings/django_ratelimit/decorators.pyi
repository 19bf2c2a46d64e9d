# Types for the part of django-ratelimit that Löften uses; the package ships none.
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])

class _RateLimit(Protocol):
    ALL: tuple[str, ...]
    UNSAFE: tuple[str, ...]
    def __call__(
        self,
        group: str | None = ...,
        key: str | Callable[..., str] | None = ...,
        rate: str | Callable[..., str] | None = ...,
        method: str | tuple[str, ...] | list[str] = ...,
        block: bool = ...,
    ) -> Callable[[_F], _F]: ...

ratelimit: _RateLimit
