from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "promises"
    verbose_name = _("Citizen promises")

    def ready(self) -> None:
        # The promise cycle's part of a person's data export.
        from promises import privacy  # noqa: F401
