"""Whose address a request comes from: the connection's, or behind a trusted proxy the entry
that proxy appended to X-Forwarded-For, never one the client wrote itself."""

import subprocess
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from conftest import production_setting
from core.http import client_address, rate_limit_address

PROXY = "10.0.0.2"


def _address(forwarded: str | None = None, remote: str = PROXY) -> str:
    headers = {} if forwarded is None else {"X-Forwarded-For": forwarded}
    request = RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)
    return client_address(request)


@pytest.fixture
def behind_proxy(settings: Any) -> Any:
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


def test_without_trust_the_header_is_ignored(settings: Any) -> None:
    settings.TRUST_X_FORWARDED_FOR = False
    assert _address("203.0.113.5", remote="192.0.2.9") == "192.0.2.9"


def test_behind_a_proxy_the_entry_it_appended_is_the_client(behind_proxy: None) -> None:
    assert _address("203.0.113.5") == "203.0.113.5"


def test_entries_the_client_wrote_to_the_left_change_nothing(behind_proxy: None) -> None:
    assert _address("198.51.100.1, 127.0.0.1, 203.0.113.5") == "203.0.113.5"
    assert _address("not-an-address,203.0.113.5") == "203.0.113.5"


def test_with_two_proxies_the_second_entry_from_the_right_is_the_client(
    behind_proxy: Any,
) -> None:
    behind_proxy.TRUSTED_PROXY_COUNT = 2
    assert _address("198.51.100.1, 203.0.113.5, 10.0.0.1") == "203.0.113.5"
    assert _address("10.0.0.1") == PROXY


@pytest.mark.parametrize(
    "forwarded", [None, "", "unknown", "203.0.113.5:8080", "203.0.113.5, ", "999.1.1.1", "<x>"]
)
def test_a_missing_or_garbled_entry_falls_back_to_the_connection(
    behind_proxy: None, forwarded: str | None
) -> None:
    assert _address(forwarded) == PROXY


def test_ipv6_addresses_are_written_one_way(behind_proxy: None) -> None:
    assert _address("2001:DB8:0:0::1") == "2001:db8::1"


def test_rate_limits_refuse_a_request_with_no_address_at_all(settings: Any) -> None:
    settings.TRUST_X_FORWARDED_FOR = False
    with pytest.raises(ImproperlyConfigured):
        rate_limit_address(RequestFactory().get("/", REMOTE_ADDR=""))
    assert rate_limit_address(RequestFactory().get("/", REMOTE_ADDR="192.0.2.3")) == "192.0.2.3"


def test_trust_is_off_unless_set_and_the_older_name_still_turns_it_on() -> None:
    assert production_setting("TRUST_X_FORWARDED_FOR") == "False"
    assert production_setting("TRUST_X_FORWARDED_FOR", TRUST_X_FORWARDED_FOR="true") == "True"
    old = production_setting("TRUST_X_FORWARDED_FOR", AUDIT_TRUST_X_FORWARDED_FOR="true")
    assert old == "True"
    assert production_setting("TRUSTED_PROXY_COUNT") == "1"


def test_a_proxy_count_below_one_is_refused() -> None:
    with pytest.raises(subprocess.CalledProcessError):
        production_setting("TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="0")
