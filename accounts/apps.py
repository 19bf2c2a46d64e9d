from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and access")

    def ready(self) -> None:
        # Accounts change in the admin, not through services: signals feed the audit trail.
        from accounts import signals  # noqa: F401
