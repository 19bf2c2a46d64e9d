"""Messages built in code reach the interface translated, like the strings of templates:
the parser's and the import's warnings, errors and page messages."""

import ast
from pathlib import Path

from django.utils import translation

from conftest import Cast
from imports.reading import parse_text
from imports.services import _store

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "accounts",
    "api",
    "audit",
    "core",
    "documents",
    "followup",
    "imports",
    "places",
    "portal",
    "promises",
    "situation",
]
# Calls whose text argument a person reads: (name, which argument).
ERRORS = {"ValidationError", "PermissionDenied", "Http404", "ConcurrentEditError"}
MESSAGES = {"error", "success", "warning", "info"}


def _plain_text(node: ast.expr) -> bool:
    """A literal or f-string with words in it, not a call of gettext (possibly with %
    arguments); an f-string that only joins translated parts ("{path}: {problem}") passes."""
    if isinstance(node, ast.BinOp):
        node = node.left
    if isinstance(node, ast.JoinedStr):
        return any(_plain_text(part) for part in node.values if isinstance(part, ast.Constant))
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(c.isalpha() for c in node.value)
    )


def _shown_text(call: ast.Call) -> ast.expr | None:
    func, args = call.func, call.args
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
    if name in ERRORS and args:
        return args[0]
    # django-ninja's HttpError(status, message): the API's answer, read by people too.
    if name == "HttpError" and len(args) > 1:
        return args[1]
    if name in MESSAGES and owner == "messages" and len(args) > 1:
        return args[1]
    if name == "add_error" and len(args) > 1:
        return args[1]
    if name in ("append", "insert") and ("warning" in owner or "problem" in owner) and args:
        return args[-1]
    return None


def test_every_message_built_in_code_goes_through_translation() -> None:
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if {"tests", "migrations", "management"} & set(path.parts):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call):
                    text = _shown_text(node)
                    if text is not None and _plain_text(text):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == [], "wrap these texts in gettext and translate them"


SAMPLE = """Medborgarlöfte för Eslöv 2017

Kommunen och polisen lovar att genomföra trygghetsvandringar och en utbildningsdag
tillsammans med Brandkåren Öst.

Aktiviteter
• Trygghetsvandringar i centrum
• 30 trafikkontroller tillsammans med Brandkåren Öst
"""


def test_the_parsers_and_the_imports_warnings_read_in_swedish(cast: Cast) -> None:
    """A text without signatories, date, cadence or counts, naming an unknown partner."""
    with translation.override("sv"):
        document = parse_text(SAMPLE)["documents"][0]
        document["year"] = 2019
        _promise, swedish = _store(document, cast.eslov, cast.area, cast.coordinator)
    with translation.override("en"):
        english = parse_text(SAMPLE)["documents"][0]["warnings"]
    assert len(swedish) > len(english) >= 3, swedish
    assert "Inga undertecknare hittades." in swedish
    assert "Inget datum för undertecknandet hittades." in swedish
    assert any(w.startswith("Inget antal hittades i:") for w in swedish), swedish
    assert any(w.startswith("Texten anger inte hur ofta") for w in swedish), swedish
    assert not set(swedish) & set(english), "a warning stayed in English"


# The names under which makemessages (xgettext with Django's keywords) finds a text: a
# translation function imported under any other name hides its texts from the catalogue,
# and they stay English in the Swedish interface ("Pace then" did).
EXTRACTED = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}


def test_translation_functions_keep_names_that_makemessages_extracts() -> None:
    hidden = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
                    for alias in node.names:
                        name = alias.asname or alias.name
                        if "gettext" in alias.name and name not in EXTRACTED:
                            hidden.append(f"{path.relative_to(ROOT)}: {alias.name} as {name}")
    assert not hidden, hidden
