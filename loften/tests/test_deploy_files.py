"""The production files shipped beside the code: the systemd units are valid and start
commands that exist, and the compose stack starts and answers its readiness check where
Docker can run it."""

import json
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = sorted((ROOT / "deploy" / "systemd").glob("loften-*"))
IMAGES = ("postgres:16", "redis:7", "caddy:2", "python:3.11-slim-bookworm")


def test_every_unit_is_shipped() -> None:
    names = {unit.name for unit in UNITS}
    assert {"loften-web.service", "loften-worker@.service", "loften-backup.timer"} <= names


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_the_unit_is_valid_where_the_code_is_installed(unit: Path, tmp_path: Path) -> None:
    """systemd's own check of the unit, with /srv/loften standing for this checkout (whose
    .venv holds the programs the unit starts)."""
    for source in UNITS:
        text = source.read_text(encoding="utf-8").replace("/srv/loften", str(ROOT))
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    target = tmp_path / unit.name
    if unit.name.endswith("@.service"):
        target = tmp_path / unit.name.replace("@.", "@1.")
        shutil.copy(tmp_path / unit.name, target)
    checked = subprocess.run(
        ["systemd-analyze", "verify", str(target)], capture_output=True, text=True
    )
    assert checked.returncode == 0 and not checked.stderr.strip(), checked.stderr


def test_the_units_start_commands_of_ours() -> None:
    commands = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "loften"), "help", "--commands"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "loften.settings_test"},
    ).stdout.split()
    started = [
        match.group(1)
        for unit in UNITS
        for match in re.finditer(r"/bin/loften (\w+)", unit.read_text(encoding="utf-8"))
    ]
    assert started and not [name for name in started if name not in commands]


def _docker_ready() -> str | None:
    """Why the compose stack cannot be tried here, or None when it can."""
    if not shutil.which("docker"):
        return "Docker is not installed"
    if subprocess.run(["docker", "info"], capture_output=True).returncode != 0:
        return "the Docker daemon does not answer"
    missing = [
        image
        for image in IMAGES
        if subprocess.run(["docker", "image", "inspect", image], capture_output=True).returncode
    ]
    if missing:
        return f"the base images {missing} are not on this machine (the test pulls nothing)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.skipif(bool(_docker_ready()), reason=_docker_ready() or "")
def test_the_compose_stack_starts_and_is_ready() -> None:
    https = _free_port()
    env = {
        **os.environ,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "HTTP_PORT": str(_free_port()),
        "HTTPS_PORT": str(https),
        "CSRF_TRUSTED_ORIGINS": f"https://localhost:{https}",
    }
    project = ["docker", "compose", "--project-name", f"loftentest{https}"]
    try:
        subprocess.run(
            [*project, "up", "--detach", "--build", "--wait"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=900,
        )
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # Caddy's own
        with urllib.request.urlopen(
            f"https://localhost:{https}/readyz", context=context, timeout=30
        ) as answer:
            body = json.load(answer)
        assert body["ready"] is True and body["caches"]["pages"] == "ok"
    finally:
        subprocess.run([*project, "down", "--volumes"], cwd=ROOT, env=env, timeout=300)
