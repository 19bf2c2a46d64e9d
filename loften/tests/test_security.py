"""Production settings pass Django's deployment check; pages carry strict headers and no
inline script or style, so the Content-Security-Policy can forbid them."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import Cast, client_for, production_setting

ROOT = Path(__file__).resolve().parents[2]


def _check_deploy(static_root: Path, **settings: str | None) -> subprocess.CompletedProcess[str]:
    """`check --deploy` with production settings; a setting given as None is left unset."""
    # The production environment: none of the test run's own variables, no .env file.
    test_only = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEMO_MODE")
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env.update(
        ENV_FILE="",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="loften.example.se",
        DJANGO_SETTINGS_MODULE="loften.settings",
        STATIC_ROOT=str(static_root),
        ACCESSIBILITY_CONTACT_EMAIL="tillganglighet@example.se",
        PRIVACY_CONTACT_EMAIL="dataskydd@example.se",
        DATA_CONTROLLER="Exempelby kommun",
    )
    env.update({k: v for k, v in settings.items() if v is not None})
    for name in (k for k, v in settings.items() if v is None):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    # As after `loften collectstatic`: the static files manifest is in STATIC_ROOT.
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    result = _check_deploy(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("contact", ["", None])
def test_check_deploy_asks_for_the_accessibility_contact(
    tmp_path: Path, contact: str | None
) -> None:
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    result = _check_deploy(tmp_path, ACCESSIBILITY_CONTACT_EMAIL=contact)
    assert result.returncode != 0
    assert "loften.W002" in result.stderr + result.stdout
    assert "is not set" in result.stderr + result.stdout


@pytest.mark.parametrize(
    "settings",
    [
        # A demo put on a server: its own example address is no contact.
        {"DEMO_MODE": "true", "ACCESSIBILITY_CONTACT_EMAIL": None},
        {"ACCESSIBILITY_CONTACT_EMAIL": "tillganglighet@kommun.invalid"},
    ],
)
def test_check_deploy_warns_of_an_accessibility_contact_that_reaches_no_one(
    tmp_path: Path, settings: dict[str, str | None]
) -> None:
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    result = _check_deploy(tmp_path, **settings)
    assert "loften.W002" in result.stderr + result.stdout
    assert "reaches no one" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("settings", "check_id", "says"),
    [
        ({"PRIVACY_CONTACT_EMAIL": None}, "loften.W003", "PRIVACY_CONTACT_EMAIL is not set"),
        ({"PRIVACY_CONTACT_EMAIL": "dpo@example.org"}, "loften.W003", "reaches no one"),
        ({"DATA_CONTROLLER": ""}, "loften.W004", "DATA_CONTROLLER is not set"),
        # A demo put on a server names a fictional controller and contact: both are warned of.
        (
            {"DEMO_MODE": "true", "PRIVACY_CONTACT_EMAIL": None},
            "loften.W003",
            "dataskydd@example.org",
        ),
    ],
)
def test_check_deploy_asks_for_the_privacy_page_contacts(
    tmp_path: Path, settings: dict[str, str | None], check_id: str, says: str
) -> None:
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    result = _check_deploy(tmp_path, **settings)
    assert result.returncode != 0
    assert check_id in result.stderr + result.stdout
    assert says in result.stderr + result.stdout


def test_check_deploy_reports_a_missing_static_files_manifest(tmp_path: Path) -> None:
    result = _check_deploy(tmp_path)
    assert result.returncode != 0
    assert "loften.E001" in result.stderr + result.stdout
    assert str(tmp_path) in result.stderr + result.stdout


def test_production_hashes_passwords_with_argon2() -> None:
    assert production_setting("PASSWORD_HASHERS[0]") == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


PUBLIC = [
    "/",
    "/kommun/eslov/",
    "/kommun/eslov/2017/",
    "/kommun/eslov/2017/utskrift/",
    "/konto/logga-in/",
    "/konto/losenord/",
]
STAFF = ["/arbete/", "/arbete/rapportera/", "/arbete/rapporter/"]
PAGES = PUBLIC + STAFF


def _get(cast: Cast, path: str) -> Any:
    return client_for(cast.coordinator if path in STAFF else None).get(path)


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_strict_security_headers(cast: Cast, path: str) -> None:
    response = _get(cast, path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    assert features["camera"] == features["microphone"] == features["payment"] == "()"
    assert features["geolocation"] == "(self)"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_style(cast: Cast, path: str) -> None:
    html = _get(cast, path).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts and all("src=" in attributes for attributes in scripts)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_health_check_answers_without_login(db: None) -> None:
    response = client_for().get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")
