"""Logging in, lockout, password reset and ending sessions, as an attacker would try them."""

import re
from typing import Any

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from conftest import Cast, client_for

LOGIN = "/konto/logga-in/"
GOOD = "correct-horse-battery-staple"


@pytest.fixture
def person(db: None) -> User:
    return User.objects.create_user(username="anna", password=GOOD, email="anna@example.se")


def _login(client: Client, username: str, password: str, address: str = "192.0.2.1") -> str:
    response = client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)
    if response.status_code == 302:
        return "in"
    return "locked" if response.status_code == 429 else "refused"


def test_argon2_hashes_passwords() -> None:
    hasher = Argon2PasswordHasher()
    encoded = hasher.encode("x" * 16, hasher.salt())
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("x" * 16, encoded) and not hasher.verify("y" * 16, encoded)


def test_wrong_password_and_unknown_user_get_the_same_answer(person: User) -> None:
    wrong = client_for().post(LOGIN, {"username": "anna", "password": "nope"})
    unknown = client_for().post(LOGIN, {"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_account_is_locked_after_five_failures_even_with_the_right_password(
    person: User,
) -> None:
    answers = [_login(client_for(), "anna", "wrong", address=f"192.0.2.{n + 1}") for n in range(5)]
    assert answers == ["refused"] * 4 + ["locked"]
    assert _login(client_for(), "anna", GOOD, address="192.0.2.99") == "locked"


def test_an_address_is_locked_after_five_failures_across_accounts(person: User) -> None:
    for n in range(5):
        _login(client_for(), f"guess{n}", "wrong", address="198.51.100.9")
    assert _login(client_for(), "anna", GOOD, address="198.51.100.9") == "locked"
    assert _login(client_for(), "anna", GOOD, address="198.51.100.10") == "in"


def test_lockout_says_so_clearly_and_the_same_for_unknown_accounts(person: User) -> None:
    for name in ("anna", "nobody"):
        for n in range(5):
            _login(client_for(), name, "wrong", address=f"203.0.113.{n + 1}")
    known = client_for().post(
        LOGIN, {"username": "anna", "password": GOOD}, REMOTE_ADDR="203.0.113.50"
    )
    unknown = client_for().post(
        LOGIN, {"username": "nobody", "password": GOOD}, REMOTE_ADDR="203.0.113.51"
    )
    assert known.status_code == unknown.status_code == 429
    assert "locked for 15 minutes" in known.content.decode()
    assert _main(known.content) == _main(unknown.content)


def _main(html: bytes) -> str:
    text = html.decode()
    return text[text.index("<main") : text.index("</main>")]


def test_password_reset_mails_only_real_accounts_and_answers_the_same(person: User) -> None:
    url = reverse("accounts:password_reset")
    real = client_for().post(url, {"email": "anna@example.se"})
    fake = client_for().post(url, {"email": "nobody@example.se"})
    assert real.status_code == fake.status_code == 302
    assert real["Location"] == fake["Location"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.se"]
    link = re.search(r"https?://[^/]+(/konto/losenord/ny/\S+)", str(mail.outbox[0].body))
    assert link is not None
    client = client_for()
    form_page = client.get(link.group(1), follow=True)
    new = "a-brand-new-password-2026"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    assert _login(client_for(), "anna", new) == "in"


def test_password_reset_answers_alike_for_known_and_unknown_addresses(
    person: User, settings: Any
) -> None:
    """The page only queues the work: it never looks the address up, and sends no mail,
    whether or not an account has it; the timing reveals nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    url = reverse("accounts:password_reset")
    asked: list[str] = []
    for address in ("anna@example.se", "nobody@example.se"):
        with CaptureQueriesContext(connection) as queries:
            assert client_for().post(url, {"email": address}).status_code == 302
        asked += [q["sql"] for q in queries.captured_queries]
    assert asked and not [sql for sql in asked if User._meta.db_table in sql]
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 2


def test_password_reset_is_rate_limited_per_address(person: User) -> None:
    url = reverse("accounts:password_reset")
    answers = [
        client_for().post(url, {"email": f"x{n}@example.se"}, REMOTE_ADDR="192.0.2.77").status_code
        for n in range(6)
    ]
    assert answers == [302] * 5 + [429]


def test_log_out_everywhere_ends_every_session(cast: Cast) -> None:
    phone, laptop = client_for(), client_for()
    for client in (phone, laptop):
        client.force_login(cast.coordinator)
        assert client.get(reverse("promises:dashboard")).status_code == 200
    phone.post(reverse("accounts:logout_everywhere"))
    response = laptop.get(reverse("promises:dashboard"))
    assert response.status_code == 302 and LOGIN in response["Location"]
    assert phone.get(reverse("promises:dashboard")).status_code == 302
    laptop.force_login(User.objects.get(pk=cast.coordinator.pk))
    assert laptop.get(reverse("promises:dashboard")).status_code == 200


def test_sessions_expire_after_eight_hours_without_use(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    client.get(reverse("promises:dashboard"))
    assert client.session.get_expiry_age() == 8 * 60 * 60
