"""Users, the organisations they work for, and their roles in each."""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def _new_session_token() -> str:
    return secrets.token_hex(16)


class User(AbstractUser):
    """A person who signs in: staff of a municipality, the police or a partner."""

    # Part of every session's check: replacing it ends all of the user's sessions.
    session_token = models.CharField(max_length=32, default=_new_session_token, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        # A page names the person, never their login name: that is half of what signs in.
        return self.get_full_name() or str(_("a user without a name"))

    def audit_name(self) -> str:
        """The person as the audit trail names them: their name and the organisations they
        work for, e.g. "Kim Kommun (Eslövs kommun)"."""
        organisations = ", ".join(
            Organisation.objects.filter(memberships__user=self)
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()
        )
        return f"{self} ({organisations})" if organisations else str(self)

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django ties sessions to the password hash; we add the session token so that
        # "log out everywhere" can end them without touching the password.
        return salted_hmac(
            "loften.accounts.User.session",
            f"{self.password}:{self.session_token}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class OrganisationKind(models.TextChoices):
    POLICE_AREA = "police_area", _("Local police area")
    MUNICIPALITY = "municipality", _("Municipality")
    RESCUE_SERVICE = "rescue_service", _("Rescue service")
    SCHOOL = "school", _("School")
    HOUSING_COMPANY = "housing_company", _("Housing company")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A party to the work: the police area, the municipality or a partner."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        "places.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
        help_text=_("For a municipality: which one. Its coordinators manage its promises."),
    )
    police_area = models.ForeignKey(
        "places.PoliceArea",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("local police area"),
        help_text=_("For the police: which local police area."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    REPORTER = "reporter", _("Reporter")
    PARTNER = "partner", _("Partner")
    MODERATOR = "moderator", _("Moderator")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user's role in one organisation; a user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    def audit_trail(self) -> str:
        """Changes show in the history of the user."""
        return f"user:{self.user_id}"
