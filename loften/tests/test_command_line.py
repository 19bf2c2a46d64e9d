"""The command line as a new user meets it: a missing setting is one clear line, and a
database made by `loften migrate` alone serves every public page, printed ones included."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOFTEN = [sys.executable, "-c", "from loften.manage import main; main()"]
# A published promise of Eslöv, then its public PDF fetched as a citizen would.
FETCH_PDF = """
import django
django.setup()
from datetime import date
from django.test import Client
from places.models import Municipality, PoliceArea, PoliceRegion
from promises import services
region = PoliceRegion.objects.first()
area = PoliceArea.objects.create(name="LPO Eslöv", slug="lpo-eslov", region=region)
eslov = Municipality.objects.get(slug="eslov")
promise = services.promise_create(by=None, municipality=eslov, police_area=area, year=2017,
    title="Medborgarlöfte 2017", signed_on=date(2017, 2, 15))
services.activity_create(promise=promise, by=None, kind="traffic_control", target=30,
    description="Kontroller")
from accounts.models import Organisation, User
services.signatory_set(promise=promise, by=None, people=[
    {"name": "K", "title": "Ordförande", "organisation": Organisation.objects.create(
        name="Eslövs kommun", kind="municipality", municipality=eslov)},
    {"name": "P", "title": "Chef", "organisation": Organisation.objects.create(
        name="LPO Eslöv", kind="police_area", police_area=area)},
])
services.promise_set_status(promise=promise, by=None, status="signed")
for name in ("admin.a", "admin.b"):  # each stands in for one of the two parties
    admin = User.objects.create_superuser(name, f"{name}@example.org", "x")
    services.promise_approve(promise=promise, by=admin)
response = Client().get("/kommun/eslov/2017/pdf/")
print(response.status_code, response["Content-Type"])
"""


def _environment(**env: str) -> dict[str, str]:
    """The environment of a new user's shell: none of the test run's settings, no .env."""
    test_only = ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG", "DEMO_MODE", "DATABASE_URL")
    clean = {k: v for k, v in os.environ.items() if k not in test_only}
    return {**clean, "PYTHONPATH": str(ROOT), "ENV_FILE": "", **env}


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, env=_environment(**env), capture_output=True, text=True, check=False
    )


def test_every_command_without_settings_says_what_is_missing_in_one_line() -> None:
    for command in (["parse", "promise.html"], ["migrate"], ["check"]):
        result = _run([*LOFTEN, *command])
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "SECRET_KEY must be set" in lines[0], lines


def test_a_wrong_setting_is_named_in_one_line_too() -> None:
    result = _run([*LOFTEN, "check"], DEBUG="maybe")
    assert result.returncode == 1
    assert result.stderr.strip() == "loften: DEBUG must be true or false, not 'maybe'"


def test_migrate_alone_makes_everything_the_public_pdf_needs(tmp_path: Path) -> None:
    env = {
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "loften.settings",
        "ALLOWED_HOSTS": "testserver",
    }
    migrated = _run([*LOFTEN, "migrate", "--no-input", "-v", "0"], **env)
    assert migrated.returncode == 0, migrated.stderr
    fetched = _run([sys.executable, "-c", FETCH_PDF], **env)
    assert fetched.returncode == 0, fetched.stderr[-2000:]
    assert fetched.stdout.split() == ["200", "application/pdf"]
    # Running it again changes nothing and fails on nothing.
    assert _run([*LOFTEN, "migrate", "--no-input", "-v", "0"], **env).returncode == 0
