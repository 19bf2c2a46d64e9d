"""The API's refusals in the request's language: a parameter that is not valid keeps the
structure django-ninja gives it (`type`, `loc`, `ctx`), which clients read, and only its
`msg`, which people read, is said in Swedish or English instead of pydantic's English."""

import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from api.schemas import InvalidParameter

Message = Callable[[dict[str, Any]], str]


def _at_least(ctx: dict[str, Any]) -> str:
    return _("Must be %(limit)s or more.") % {"limit": ctx["ge"]}


def _at_most(ctx: dict[str, Any]) -> str:
    return _("Must be %(limit)s or less.") % {"limit": ctx["le"]}


def _more_than(ctx: dict[str, Any]) -> str:
    return _("Must be more than %(limit)s.") % {"limit": ctx["gt"]}


def _less_than(ctx: dict[str, Any]) -> str:
    return _("Must be less than %(limit)s.") % {"limit": ctx["lt"]}


def _too_long(ctx: dict[str, Any]) -> str:
    limit = ctx["max_length"]
    return ngettext(
        "Must be at most %(limit)d character long.",
        "Must be at most %(limit)d characters long.",
        limit,
    ) % {"limit": limit}


def _too_short(ctx: dict[str, Any]) -> str:
    limit = ctx["min_length"]
    return ngettext(
        "Must be at least %(limit)d character long.",
        "Must be at least %(limit)d characters long.",
        limit,
    ) % {"limit": limit}


def _pattern(ctx: dict[str, Any]) -> str:
    return _("Must match the pattern %(pattern)s.") % {"pattern": ctx["pattern"]}


def _one_of(ctx: dict[str, Any]) -> str:
    # pydantic lists the allowed values as "'a', 'b' or 'c'", its "or" in English; the codes
    # themselves are the same in every language.
    values = ", ".join(re.findall(r"'[^']*'", str(ctx.get("expected", ""))))
    return _("Must be one of %(values)s.") % {"values": values}


def _whole_number(ctx: dict[str, Any]) -> str:
    return _("Must be a whole number.")


def _required(ctx: dict[str, Any]) -> str:
    return _("Required.")


# pydantic's error types that the API's parameters can give (whole numbers with limits, text
# with a length and a pattern, a choice of codes, a required path part).
MESSAGES: dict[str, Message] = {
    "greater_than_equal": _at_least,
    "less_than_equal": _at_most,
    "greater_than": _more_than,
    "less_than": _less_than,
    "string_too_long": _too_long,
    "string_too_short": _too_short,
    "string_pattern_mismatch": _pattern,
    "literal_error": _one_of,
    "enum": _one_of,
    "int_parsing": _whole_number,
    "int_from_float": _whole_number,
    "int_type": _whole_number,
    "missing": _required,
}


def invalid_parameters(errors: list[dict[str, Any]]) -> list[InvalidParameter]:
    """Each refused parameter as django-ninja describes it, with its message translated."""
    return [_translated(error) for error in errors]


def _translated(error: dict[str, Any]) -> InvalidParameter:
    ctx = error.get("ctx") or {}
    message = MESSAGES.get(error["type"])
    out: InvalidParameter = {
        "type": error["type"],
        "loc": list(error["loc"]),
        "msg": message(ctx) if message else _("Not a valid value."),
    }
    if "ctx" in error:
        out["ctx"] = error["ctx"]
    return out
