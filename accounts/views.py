"""Login, logout, lockout and password reset pages."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from accounts.services import user_logout_everywhere


def locked_out(request: HttpRequest, original_response: Any, credentials: Any) -> HttpResponse:
    """Shown instead of the login form while an account or address is locked out. It says
    the same whether or not the account exists, so it reveals no usernames."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


@method_decorator(ratelimit(key="ip", rate=settings.LOGIN_RATE, method="POST"), name="post")
class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True


@method_decorator(
    ratelimit(key="ip", rate=settings.PASSWORD_RESET_RATE, method="POST"), name="post"
)
class PasswordResetView(auth_views.PasswordResetView):
    """Sends a reset link if the address belongs to an account; says the same either way."""


@require_POST
@login_required
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    user_logout_everywhere(user=request.user, by=request.user)  # type: ignore[arg-type]
    logout(request)
    messages.success(request, _("You are logged out on every device."))
    return redirect("portal:home")
