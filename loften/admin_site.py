"""Django's admin with its login held to the same rate limit as the staff login."""

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse

from accounts.limits import login_rate_limit


class LoftenAdminSite(AdminSite):
    """The admin site; only its login differs from Django's: /admin/login/ counts against
    the same per-client login limit as the staff login."""

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        limited = login_rate_limit()(super().login)
        return limited(request, extra_context)  # type: ignore[no-any-return]


class LoftenAdminConfig(AdminConfig):
    """Installs the admin with LoftenAdminSite as its default site."""

    default_site = "loften.admin_site.LoftenAdminSite"
