"""Login, logout, lockout and password reset pages."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from accounts import two_factor
from accounts.limits import login_rate_limit, password_reset_rate_limit
from accounts.services import two_factor_confirm, user_logout_everywhere
from accounts.tasks import password_reset_mail


class LoginForm(AuthenticationForm):
    """Django's login form sets the username's length limit only on the widget, so a
    longer name is still tried, and recorded by the lockout, which then fails on a database
    that enforces its column's length. Here a name no account can have is refused first."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))  # type: ignore[attr-defined]


def locked_out(request: HttpRequest, original_response: Any, credentials: Any) -> HttpResponse:
    """Shown instead of the login form while an account or address is locked out. It says
    the same whether or not the account exists, so it reveals no usernames."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)


@method_decorator(login_rate_limit(), name="post")
class LoginView(auth_views.LoginView):
    redirect_authenticated_user = True
    authentication_form = LoginForm


@method_decorator(password_reset_rate_limit(), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    """Sends a reset link if the address belongs to an account; says the same either way.
    Requests are limited per client address (core.http.client_address). The account is
    looked up and the mail sent in a background task, so that the answer takes as long for
    a known address as for an unknown one."""

    def form_valid(self, form: Any) -> HttpResponse:
        password_reset_mail.enqueue(
            email=form.cleaned_data["email"],
            domain=self.request.get_host(),
            use_https=self.request.is_secure(),
            language=translation.get_language() or settings.LANGUAGE_CODE,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
        )
        return redirect(self.get_success_url())


@require_POST
@login_required
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    user_logout_everywhere(user=request.user, by=request.user)  # type: ignore[arg-type]
    logout(request)
    messages.success(request, _("You are logged out on every device."))
    return redirect("portal:home")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("promises:dashboard")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Connect an authenticator app: scan the code, then prove it with one code from it."""
    user = request.user
    if two_factor.confirmed_device(user):  # type: ignore[arg-type]
        return redirect(f"{reverse('accounts:two_factor_verify')}?next={_next_url(request)}")
    device = two_factor.pending_device(user)  # type: ignore[arg-type]
    error = ""
    if request.method == "POST":
        if device.verify_token(request.POST.get("token", "").replace(" ", "")):
            two_factor_confirm(user=user, device=device)  # type: ignore[arg-type]
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on for your account."))
            return redirect(_next_url(request))
        error = _("That code did not match. Check the clock of your phone and try the newest code.")
    return render(
        request,
        "registration/two_factor_setup.html",
        {
            "qr": two_factor.qr_svg(device),
            "secret": two_factor.secret_in_groups(device),
            "error": error,
            "next": _next_url(request),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of logging in: a code from the authenticator app."""
    device = two_factor.confirmed_device(request.user)  # type: ignore[arg-type]
    if device is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?next={_next_url(request)}")
    error = ""
    if request.method == "POST":
        if device.verify_token(request.POST.get("token", "").replace(" ", "")):
            otp_login(request, device)
            return redirect(_next_url(request))
        error = _(
            "That code did not match, or too many codes were tried: wait a moment "
            "and try the newest code."
        )
    return render(
        request, "registration/two_factor_verify.html", {"error": error, "next": _next_url(request)}
    )
