"""Production refuses to start while a demo account keeps the demo password."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from accounts.demo_guard import refuse_known_demo_passwords
from accounts.models import User

pytestmark = pytest.mark.django_db


@override_settings(DEMO_MODE=False)
def test_start_is_refused_while_a_demo_account_has_the_demo_password() -> None:
    User.objects.create_user(username="polis.eslov", password="demo")
    with pytest.raises(ImproperlyConfigured, match="polis.eslov"):
        refuse_known_demo_passwords()


@override_settings(DEMO_MODE=False)
def test_start_is_allowed_once_the_password_is_changed_or_the_account_closed() -> None:
    user = User.objects.create_user(username="polis.eslov", password="demo")
    User.objects.create_user(username="admin", password="demo", is_active=False)
    user.set_password("a-real-password-2026")
    user.save()
    refuse_known_demo_passwords()


@override_settings(DEMO_MODE=True)
def test_demo_mode_may_keep_the_demo_password() -> None:
    User.objects.create_user(username="admin", password="demo")
    refuse_known_demo_passwords()
