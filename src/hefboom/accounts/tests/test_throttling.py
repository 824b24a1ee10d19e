"""Login throttling: a wrong password too often locks that user name from that address for a
while; the right password is refused meanwhile; the lock ends after the cool-off or with
`hefboom axes_reset`. Other users and other addresses are not locked with it."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from conftest import PASSWORD
from hefboom.accounts.throttling import client_ip

LOGIN = reverse("login")


@pytest.fixture(autouse=True)
def limit_of_three(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)


def log_in(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_three_wrong_passwords_lock_the_account_even_for_the_right_one(client, alice):
    for _ in range(2):
        assert log_in(client, "alice", "wrong").status_code == 200  # the form again, with an error
    locked = log_in(client, "alice", "wrong")
    assert locked.status_code == 429
    assert "Too many login attempts" in locked.text and "15 minutes" in locked.text

    refused = log_in(client, "alice", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_user_from_that_address_only(client, alice, bob):
    for _ in range(3):
        log_in(client, "alice", "wrong")
    assert log_in(client, "bob", PASSWORD).status_code == 302  # a colleague in the same office
    client.logout()
    assert log_in(client, "alice", PASSWORD, address="198.51.100.7").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, alice):
    for _ in range(3):
        log_in(client, "alice", "wrong")
    assert log_in(client, "alice", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert log_in(client, "alice", PASSWORD).status_code == 302


def test_axes_reset_lifts_the_lock(client, alice):
    for _ in range(3):
        log_in(client, "alice", "wrong")
    call_command("axes_reset")
    assert log_in(client, "alice", PASSWORD).status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, alice):
    for _ in range(2):
        log_in(client, "alice", "wrong")
    assert log_in(client, "alice", PASSWORD).status_code == 302
    client.logout()
    for _ in range(2):
        log_in(client, "alice", "wrong")
    assert log_in(client, "alice", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client, carol):
    for _ in range(3):
        client.post(reverse("admin:login"), {"username": "carol", "password": "wrong"},
                    REMOTE_ADDR="192.0.2.10")
    assert client.post(reverse("admin:login"), {"username": "carol", "password": PASSWORD},
                       REMOTE_ADDR="192.0.2.10").status_code == 429


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.HEFBOOM_TRUSTED_PROXIES = []
    assert client_ip(request_from("192.0.2.10", "203.0.113.5")) == "192.0.2.10"


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwards(settings):
    settings.HEFBOOM_TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_ip(request_from("10.0.0.2", "203.0.113.5")) == "203.0.113.5"
    # A client cannot pick its address by sending the header itself: the proxy appends the
    # real one, and that rightmost address is the one that counts.
    assert client_ip(request_from("10.0.0.2", "198.51.100.1, 203.0.113.5")) == "203.0.113.5"
    # The header from anyone else than the proxy is ignored.
    assert client_ip(request_from("192.0.2.10", "203.0.113.5")) == "192.0.2.10"
