"""The docs keep up with the code: every setting and command of ours is documented, and
every interface string has its Swedish translation."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _settings_variables() -> set[str]:
    source = (ROOT / "loften" / "settings.py").read_text(encoding="utf-8")
    return set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', source))


def test_settings_read_the_variables_we_expect() -> None:
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "LANGUAGE_CODE"} <= (
        _settings_variables()
    )


@pytest.mark.parametrize("doc", [".env.example", "docs/configuration.md"])
def test_every_setting_is_documented(doc: str) -> None:
    text = (ROOT / doc).read_text(encoding="utf-8")
    missing = sorted(v for v in _settings_variables() if v not in text)
    assert missing == [], f"{doc} does not mention {missing}"


def test_the_situation_picture_documents_its_settings_and_commands() -> None:
    text = (ROOT / "docs" / "situation.md").read_text(encoding="utf-8")
    settings = {v for v in _settings_variables() if v.startswith(("POLICE_EVENTS_", "MAP_"))}
    commands = [p.stem for p in (ROOT / "situation" / "management" / "commands").glob("[a-z]*.py")]
    assert settings and commands
    missing = sorted(v for v in settings if v not in text)
    missing += sorted(f"loften {name}" for name in commands if f"loften {name}" not in text)
    assert missing == []


def test_every_command_of_ours_is_documented() -> None:
    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    ours = [p.stem for p in ROOT.glob("*/management/commands/*.py") if p.stem != "__init__"]
    assert ours, "no commands found"
    missing = sorted(name for name in ours if f"loften {name}" not in text)
    assert missing == []


@pytest.mark.parametrize("doc", ["docs/reports.md", "docs/import-format.md"])
def test_every_activity_kind_is_documented(doc: str) -> None:
    from promises.vocabularies import ActivityKind

    text = (ROOT / doc).read_text(encoding="utf-8")
    missing = sorted(kind for kind in ActivityKind.values if f"`{kind}`" not in text)
    assert missing == [], f"{doc} does not mention {missing}"


def test_readme_opens_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:12]
    assert any(line.startswith("make run") for line in head)
    assert any(line.startswith("make test") for line in head)


@pytest.mark.skipif(
    shutil.which("msgattrib") is None,
    reason="gettext's msgattrib is not installed (make test installs it)",
)
def test_every_interface_string_has_a_swedish_translation() -> None:
    catalogue = ROOT / "locale" / "sv" / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgattrib", "--only-fuzzy", str(catalogue)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", "fuzzy entries in the Swedish catalogue"
    result = subprocess.run(
        ["msgattrib", "--untranslated", str(catalogue)], capture_output=True, text=True, check=True
    )
    untranslated = re.findall(r'^msgid "(.+)"$', result.stdout, flags=re.M)
    assert untranslated == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_catalogue_holds_every_string_in_the_code(tmp_path: Path) -> None:
    # Extract the strings from a copy of the code, so the real catalogue is never touched.
    ignore = shutil.ignore_patterns(".venv", "var", "staticfiles", ".git", "__pycache__", "*.mo")
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=ignore)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-l",
            "sv",
            "--no-location",
            "--no-obsolete",
            "--ignore=tests",
            "--ignore=bench",
            "-v",
            "0",
        ],
        cwd=copy,
        env=env,
        check=True,
    )
    catalogue = "locale/sv/LC_MESSAGES/django.po"
    # msgcmp fails when a string of the code (the fresh extraction) is not in the catalogue.
    result = subprocess.run(
        ["msgcmp", "--use-untranslated", str(ROOT / catalogue), str(copy / catalogue)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        "the catalogue is out of date, run `make messages` and translate:\n" + result.stderr
    )
