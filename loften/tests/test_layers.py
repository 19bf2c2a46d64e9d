"""The apps stay layered as docs/architecture.md draws them: every import of one app by
another points down the list below, and no module reads another app's views. A new upward
import fails here; if it is truly needed, name it in EXCEPTIONS and give the reason in
docs/architecture.md."""

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Bottom first: an app may import the apps before it in this list, and no other.
LAYERS = [
    "lib",
    "core",
    "documents",
    "audit",
    "places",
    "accounts",
    "promises",
    "imports",
    "situation",
    "followup",
    "api",
    "portal",
    "loften",
]

# (importing module, imported app): why the import points up. Each is named in
# docs/architecture.md as well.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _imports(path: Path) -> Iterator[str]:
    """Every absolute module name the file imports, at any depth of the code."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _app_modules() -> Iterator[tuple[str, Path]]:
    """(app, file) for the code of every app, its tests and migrations left out."""
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "tests" not in parts and "migrations" not in parts:
                yield app, path


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def test_every_app_is_in_a_layer() -> None:
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")} | {"lib", "loften"}
    assert apps == set(LAYERS)


def test_imports_between_apps_point_down() -> None:
    upward = []
    for app, path in _app_modules():
        below = set(LAYERS[: LAYERS.index(app)])
        for name in _imports(path):
            target = name.split(".")[0]
            if target in LAYERS and target != app and target not in below:
                if (_module_name(path), target) not in EXCEPTIONS:
                    upward.append(f"{_module_name(path)} imports {name}")
    assert upward == []


def test_no_module_imports_another_apps_views() -> None:
    found = []
    for app, path in _app_modules():
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] in LAYERS and parts[0] != app and "views" in parts[1:]:
                found.append(f"{_module_name(path)} imports {name}")
    assert found == []


def test_exceptions_are_named_in_the_architecture_notes() -> None:
    notes = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert [m for m, _app in EXCEPTIONS if f"`{m}`" not in notes] == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    """The walk finds an import inside a function as well as at the top of a module."""
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from portal.views import home\n", encoding="utf-8")
    assert "portal.views" in set(_imports(module))
