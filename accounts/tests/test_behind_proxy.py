"""Behind the documented reverse proxy every request comes from the proxy's address: the
lockout, the rate limits, the audit trail and the API throttle must still tell the clients
apart by the address the proxy forwards, and must not believe what a client writes itself."""

from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from accounts.models import User
from audit.models import AuditEvent
from conftest import Cast, client_for

LOGIN = "/konto/logga-in/"
ADMIN_LOGIN = "/admin/login/"
GOOD = "correct-horse-battery-staple"
PROXY = "10.0.0.2"
ATTACKER, COLLEAGUE = "203.0.113.66", "198.51.100.20"


@pytest.fixture
def behind_proxy(settings: Any) -> Any:
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


@pytest.fixture
def anna(db: None) -> User:
    return User.objects.create_user(username="anna", password=GOOD, email="anna@example.se")


def _via_proxy(forwarded: str) -> dict[str, Any]:
    """What the app sees of a request the proxy passed on: its own address, and the client's
    appended to X-Forwarded-For."""
    return {"REMOTE_ADDR": PROXY, "headers": {"X-Forwarded-For": forwarded}}


def _login(username: str, password: str, forwarded: str, url: str = LOGIN) -> str:
    data = {"username": username, "password": password}
    response = client_for().post(url, data, **_via_proxy(forwarded))
    if response.status_code == 302:
        return "in"
    return "locked" if response.status_code == 429 else "refused"


def test_five_bad_logins_lock_out_only_that_client(behind_proxy: None, anna: User) -> None:
    answers = [_login(f"guess{n}", "wrong", ATTACKER) for n in range(5)]
    assert answers == ["refused"] * 4 + ["locked"]
    assert _login("anna", GOOD, ATTACKER) == "locked"
    assert _login("anna", GOOD, COLLEAGUE) == "in"


def test_a_client_cannot_escape_its_lockout_by_writing_its_own_header(
    behind_proxy: None, anna: User
) -> None:
    # The proxy appends the address it saw; what the attacker sent stays to the left.
    for n in range(5):
        _login(f"guess{n}", "wrong", f"192.0.2.{n + 1}, {ATTACKER}")
    assert _login("anna", GOOD, f"198.51.100.99, {ATTACKER}") == "locked"
    assert _login("anna", GOOD, f"{ATTACKER}, {COLLEAGUE}") == "in"


def test_without_trust_a_spoofed_header_is_ignored(settings: Any, anna: User) -> None:
    settings.TRUST_X_FORWARDED_FOR = False
    for n in range(5):
        _login(f"guess{n}", "wrong", f"192.0.2.{n + 1}")
    # All came from one connection, whatever they claimed: that connection is locked out.
    assert _login("anna", GOOD, COLLEAGUE) == "locked"
    direct = client_for().post(LOGIN, {"username": "anna", "password": GOOD}, REMOTE_ADDR=COLLEAGUE)
    assert direct.status_code == 302


@override_settings(LOGIN_RATE="3/m")
def test_login_posts_are_limited_per_client(behind_proxy: None, anna: User) -> None:
    answers = [_login("anna", "wrong", ATTACKER) for _ in range(4)]
    assert answers == ["refused"] * 3 + ["locked"]
    assert _login("bert", "wrong", COLLEAGUE) == "refused"


@override_settings(LOGIN_RATE="3/m")
def test_the_admin_login_is_limited_like_the_staff_login(behind_proxy: None, anna: User) -> None:
    answers = [_login(f"guess{n}", "wrong", ATTACKER, url=ADMIN_LOGIN) for n in range(4)]
    assert answers == ["refused"] * 3 + ["locked"]
    assert _login("guess", "wrong", COLLEAGUE, url=ADMIN_LOGIN) == "refused"


@override_settings(LOGIN_RATE="3/m")
def test_the_two_login_forms_share_one_counter(behind_proxy: None, anna: User) -> None:
    assert _login("guess0", "wrong", ATTACKER) == "refused"
    assert _login("guess1", "wrong", ATTACKER, url=ADMIN_LOGIN) == "refused"
    assert _login("guess2", "wrong", ATTACKER) == "refused"
    assert _login("guess3", "wrong", ATTACKER, url=ADMIN_LOGIN) == "locked"


def test_password_reset_is_limited_per_client(behind_proxy: None, anna: User) -> None:
    url = reverse("accounts:password_reset")

    def ask(forwarded: str) -> int:
        return (
            client_for().post(url, {"email": "x@example.se"}, **_via_proxy(forwarded)).status_code
        )

    assert [ask(ATTACKER) for _ in range(6)] == [302] * 5 + [429]
    assert ask(COLLEAGUE) == 302


@override_settings(API_RATE="3/m")
def test_the_api_throttle_counts_each_client(behind_proxy: None, db: None) -> None:
    def get(forwarded: str) -> int:
        return client_for().get("/api/v1/police-areas", **_via_proxy(forwarded)).status_code

    assert [get(f"192.0.2.{n}, {ATTACKER}") for n in range(4)] == [200] * 3 + [429]
    assert get(COLLEAGUE) == 200


def test_the_audit_trail_records_the_client_not_the_proxy(behind_proxy: None, cast: Cast) -> None:
    client: Client = client_for(cast.coordinator)
    client.post(
        reverse("promises:promise_edit", args=[cast.draft.pk]),
        {
            "title": "Nytt namn",
            "follow_up": "quarterly",
            "version": cast.draft.version,
            "sig-TOTAL_FORMS": 2,
            "sig-INITIAL_FORMS": 0,
            "sig-MIN_NUM_FORMS": 2,
            "sig-MAX_NUM_FORMS": 6,
        },
        **_via_proxy(f"192.0.2.1, {COLLEAGUE}"),
    )
    event = AuditEvent.objects.filter(
        model="promises.CitizenPromise", action="change", object_id=str(cast.draft.pk)
    ).latest("pk")
    assert event.ip_address == COLLEAGUE
