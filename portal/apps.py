from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        # Registers the deployment check of the accessibility contact (loften.W002).
        from portal import checks  # noqa: F401
