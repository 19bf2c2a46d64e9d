"""A deployment without the static files manifest is caught by `check --deploy`
(loften.E001) and refused at start-up by both server entry points."""

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.checks import Tags, run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from accounts.models import User
from core.static_check import check_static_manifest, refuse_missing_static_manifest

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def _as_in_production(static_root: Path) -> Any:
    return override_settings(STORAGES=MANIFEST_STORAGE, STATIC_ROOT=str(static_root))


def _deploy_ids() -> list[str]:
    found = run_checks(include_deployment_checks=True, tags=[Tags.staticfiles])
    return [message.id for message in found if message.id]


def test_a_missing_manifest_is_a_deployment_error(tmp_path: Path) -> None:
    with _as_in_production(tmp_path):
        assert "loften.E001" in _deploy_ids()
        (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
        assert "loften.E001" not in _deploy_ids()


def test_the_check_runs_only_for_a_deployment(tmp_path: Path) -> None:
    with _as_in_production(tmp_path):
        assert [m.id for m in check_static_manifest()] == ["loften.E001"]
        ordinary = run_checks(include_deployment_checks=False, tags=[Tags.staticfiles])
        assert "loften.E001" not in [m.id for m in ordinary]


def test_a_storage_without_a_manifest_needs_none() -> None:
    # The test settings, like development, serve the files from their source folders.
    assert check_static_manifest() == []
    refuse_missing_static_manifest()


def test_start_is_refused_without_the_manifest_unless_debugging(tmp_path: Path) -> None:
    with _as_in_production(tmp_path), override_settings(DEBUG=False):
        with pytest.raises(ImproperlyConfigured, match="collectstatic"):
            refuse_missing_static_manifest()
    with _as_in_production(tmp_path), override_settings(DEBUG=True):
        refuse_missing_static_manifest()


def _start(entry_point: str) -> None:
    """Import a server entry point afresh, as a starting server does."""
    sys.modules.pop(entry_point, None)
    importlib.import_module(entry_point)


@pytest.mark.django_db
@pytest.mark.parametrize("entry_point", ["loften.wsgi", "loften.asgi"])
def test_both_entry_points_refuse_the_demo_password_and_a_missing_manifest(
    entry_point: str, tmp_path: Path
) -> None:
    _start(entry_point)  # the test settings start cleanly
    user = User.objects.create_user(username="polis.eslov", password="demo")
    with override_settings(DEMO_MODE=False), pytest.raises(ImproperlyConfigured, match="demo"):
        _start(entry_point)
    user.set_password("a-real-password-2026")
    user.save()
    with _as_in_production(tmp_path), pytest.raises(ImproperlyConfigured, match="manifest"):
        _start(entry_point)
    _start(entry_point)
