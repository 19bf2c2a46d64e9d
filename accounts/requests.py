"""The request a staff view receives once login is required."""

from django.http import HttpRequest

from accounts.models import User


class AuthedRequest(HttpRequest):
    """A request behind login_required: its user is a real account."""

    user: User
