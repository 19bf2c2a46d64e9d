"""Typed readers for settings that come from the environment; they fail loudly on bad values."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """Return the variable as a stripped string, or the default when unset."""
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    """Return the variable as a boolean; anything but a known yes/no word is an error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    """Return the variable as an integer."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    """Return a comma-separated variable as a list of non-empty items."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def tile_origins(url_template: str) -> list[str]:
    """The origin a map tile URL template loads images from, for the CSP: "https://host", or
    "https://*.host" for a template with a {s} subdomain."""
    from urllib.parse import urlsplit

    parts = urlsplit(url_template.replace("{s}.", "SUBDOMAIN."))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []
    host = parts.netloc.replace("SUBDOMAIN.", "*.")
    return [f"{parts.scheme}://{host}"]
