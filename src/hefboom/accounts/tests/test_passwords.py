"""Passwords are checked against AUTH_PASSWORD_VALIDATORS wherever one is set through the UI:
a new user in the admin site, an administrator setting someone's password, and users changing
their own on the account page."""

from django.urls import reverse

from conftest import PASSWORD
from hefboom.accounts.models import User

WEAK = ["12345678", "password", "short"]


def test_the_admin_refuses_a_weak_password_for_a_new_user(client, carol):
    client.force_login(carol)
    for weak in WEAK:
        response = client.post(reverse("admin:accounts_user_add"), {
            "username": "nadia", "password1": weak, "password2": weak, "usable_password": "true"})
        assert response.status_code == 200, weak  # the form again
        assert not User.objects.filter(username="nadia").exists()
    strong = "leeuw-tulp-kaneel-47"
    response = client.post(reverse("admin:accounts_user_add"), {
        "username": "nadia", "password1": strong, "password2": strong, "usable_password": "true"})
    assert response.status_code == 302
    assert User.objects.get(username="nadia").check_password(strong)


def test_an_administrator_cannot_set_a_weak_password_for_a_colleague(client, carol, alice):
    client.force_login(carol)
    url = reverse("admin:auth_user_password_change", args=[alice.pk])
    response = client.post(url, {"password1": "12345678", "password2": "12345678",
                                 "usable_password": "true"})
    assert response.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_changing_ones_own_password_applies_the_rules(client, alice):
    client.force_login(alice)
    url = reverse("password_change")
    assert client.get(url).status_code == 200
    response = client.post(url, {"old_password": PASSWORD, "new_password1": "alice123",
                                 "new_password2": "alice123"})
    assert response.status_code == 200
    assert "too similar" in response.text or "too short" in response.text
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)

    response = client.post(url, {"old_password": PASSWORD, "new_password1": "leeuw-tulp-kaneel-47",
                                 "new_password2": "leeuw-tulp-kaneel-47"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("leeuw-tulp-kaneel-47")
    assert client.get(reverse("home")).status_code == 200  # still logged in
