from django.apps import AppConfig
from django.urls import register_converter


class CoreConfig(AppConfig):
    """Shared infrastructure below every domain app: optimistic locking, safe form fields,
    environment readers, periodic tasks, backup and restore. It imports no app of ours."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the deployment check of the static files manifest (loften.E001).
        from core import static_check  # noqa: F401
        from core.converters import KeyConverter, YearConverter

        register_converter(YearConverter, "year")
        register_converter(KeyConverter, "key")
