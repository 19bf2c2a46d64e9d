"""Administrators and coordinators must confirm logins with a code from an authenticator app."""

from datetime import timedelta

import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent
from conftest import Cast, client_for, production_setting

SETUP = "/konto/tvastegs/aktivera/"
VERIFY = "/konto/tvastegs/"


def _code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_coordinator_sets_up_an_app_before_reaching_any_staff_page(cast: Cast) -> None:
    client = client_for(cast.coordinator)
    response = client.get("/arbete/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "otpauth" not in page  # the QR code, not a link to the key
    device = TOTPDevice.objects.get(user=cast.coordinator, confirmed=False)
    wrong = client.post(SETUP, {"token": "000000" if _code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and "did not match" in wrong.content.decode()
    # After a wrong code the device waits a little before it accepts the next one.
    with time_machine.travel(timezone.now() + timedelta(seconds=31)):
        device.refresh_from_db()
        done = client.post(SETUP, {"token": _code(device), "next": "/arbete/"})
        assert done.status_code == 302 and done["Location"] == "/arbete/"
        assert client.get("/arbete/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(changes__has_key="two-factor authentication").exists()


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_a_later_login_asks_for_a_code_and_refuses_a_wrong_one(cast: Cast) -> None:
    device = TOTPDevice.objects.create(user=cast.coordinator, name="app", confirmed=True)
    client = client_for(cast.coordinator)
    response = client.get(reverse("promises:promise_detail", args=[cast.draft.pk]))
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"token": "12345"}).status_code == 200
    assert client.get("/arbete/").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=90)):
        response = client.post(VERIFY, {"token": _code(device), "next": "/arbete/"})
        assert response["Location"] == "/arbete/"
        assert client.get("/arbete/").status_code == 200


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_the_next_address_cannot_lead_off_site(cast: Cast) -> None:
    device = TOTPDevice.objects.create(user=cast.coordinator, name="app", confirmed=True)
    client = client_for(cast.coordinator)
    response = client.post(VERIFY, {"token": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/arbete/"


@override_settings(TWO_FACTOR_REQUIRED=True)
def test_administrators_need_it_for_the_admin_and_reporters_do_not(cast: Cast) -> None:
    response = client_for(cast.admin).get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    assert client_for(cast.reporter).get("/arbete/").status_code == 200
    assert client_for(cast.coordinator).get("/kommun/eslov/2017/").status_code == 302
    assert client_for(None).get("/kommun/eslov/2017/").status_code == 200


def test_the_demo_does_not_ask_for_it(cast: Cast) -> None:
    assert client_for(cast.coordinator).get("/arbete/").status_code == 200


def test_production_requires_it_by_default() -> None:
    assert production_setting("TWO_FACTOR_REQUIRED") == "True"
    assert production_setting("TWO_FACTOR_REQUIRED", DEMO_MODE="true") == "False"
