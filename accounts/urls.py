from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("logga-ut-overallt/", views.logout_everywhere, name="logout_everywhere"),
    path("tvastegs/", views.two_factor_verify, name="two_factor_verify"),
    path("tvastegs/aktivera/", views.two_factor_setup, name="two_factor_setup"),
    path(
        "losenord/",
        views.PasswordResetView.as_view(
            success_url=reverse_lazy("accounts:password_reset_done"),
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "losenord/skickat/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "losenord/ny/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
