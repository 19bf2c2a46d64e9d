"""Production serves its static files by the names in the manifest that `collectstatic`
writes (ManifestStaticFilesStorage, whitenoise's compressed variant). Without that manifest
every page that links a stylesheet or script answers with a server error, so a deployment
without it is caught by `check --deploy` and refused at start-up."""

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import CheckMessage, Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages


def static_manifest_problem() -> str | None:
    """What is missing for the static files storage to serve its files, or None when
    nothing is (or the storage keeps no manifest, as in development)."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return None
    if not settings.STATIC_ROOT:
        return "STATIC_ROOT is not set, so there is no static files manifest to serve from."
    if storage.manifest_storage.exists(storage.manifest_name):
        return None
    return (
        f"STATIC_ROOT ({settings.STATIC_ROOT}) has no static files manifest "
        f"({storage.manifest_name}). Run `loften collectstatic --no-input` first."
    )


@register(Tags.staticfiles, deploy=True)
def check_static_manifest(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """loften.E001: the deployment has no static files manifest."""
    problem = static_manifest_problem()
    if problem is None:
        return []
    return [
        Error(
            problem,
            hint="collectstatic writes the manifest into STATIC_ROOT; see docs/deployment.md.",
            id="loften.E001",
        )
    ]


def refuse_missing_static_manifest() -> None:
    """Stop start-up outside DEBUG while the static files manifest is missing."""
    if settings.DEBUG:
        return
    problem = static_manifest_problem()
    if problem is not None:
        raise ImproperlyConfigured(f"Refusing to start: {problem}")
