"""Two-factor login: Carol (administrator) sets up an authenticator app; from then on the
password alone gets her no further than the code page, the admin site included. Wrong and
replayed codes are refused; backup codes work once each."""

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from hefboom.accounts import two_factor

SET_UP = reverse("two_factor_setup")
CODE = reverse("two_factor_verify")


def code_now(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    right = int(code_now(device))
    return f"{(right + 500000) % 1000000:06d}"


def forgive(device):
    """After a wrong code django-otp makes the next try wait a second (doubling with each
    further failure); the tests do not wait."""
    device.refresh_from_db()
    device.throttle_reset()


def log_in_with_password(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.fixture
def carol_with_app(client, carol):
    """Carol has set up her app: returns its device and her backup codes; she is logged out."""
    client.force_login(carol)
    page = client.get(SET_UP)
    assert page.status_code == 200
    assert page.context["qr"].startswith("data:image/svg+xml")
    device = TOTPDevice.objects.get(user=carol, confirmed=False)
    done = client.post(SET_UP, {"code": code_now(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    client.logout()
    device.refresh_from_db()
    device.last_t = -1  # her next login is in another 30 seconds, not the same ones
    device.save()
    return device, codes


def test_setting_up_shows_a_qr_code_and_confirms_with_a_code(client, carol):
    client.force_login(carol)
    page = client.get(SET_UP)
    assert b'<img class="qr" src="data:image/svg+xml' in page.content
    device = TOTPDevice.objects.get(user=carol, confirmed=False)
    assert two_factor.secret_text(device).replace(" ", "") in page.text.replace(" ", "")

    refused = client.post(SET_UP, {"code": wrong_code(device)})
    assert refused.status_code == 400 and "not right" in refused.text
    assert not TOTPDevice.objects.filter(user=carol, confirmed=True).exists()

    forgive(device)
    done = client.post(SET_UP, {"code": code_now(device)})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    assert TOTPDevice.objects.get(user=carol).confirmed
    assert client.get(reverse("account")).status_code == 200  # this session is verified


def test_after_the_password_the_app_asks_for_the_code(client, carol_with_app):
    device, _codes = carol_with_app
    response = log_in_with_password(client, device.user)
    assert client.get(reverse("home")).url.startswith(CODE)
    assert client.get(reverse("monitoring:contacts")).url.startswith(CODE)

    assert client.post(CODE, {"code": wrong_code(device)}).status_code == 400
    assert client.get(reverse("home")).url.startswith(CODE)
    # Right away even the right code is refused: the device waits after a wrong one.
    too_soon = client.post(CODE, {"code": code_now(device)})
    assert too_soon.status_code == 400 and "try again in" in too_soon.text
    forgive(device)

    response = client.post(CODE, {"code": code_now(device), "next": "/monitoring/contacts/"})
    assert response.status_code == 302 and response.url == "/monitoring/contacts/"
    assert client.get(reverse("home")).status_code == 200


def test_a_code_once_used_is_refused_the_second_time(client, carol_with_app):
    device, _codes = carol_with_app
    log_in_with_password(client, device.user)
    code = code_now(device)
    assert client.post(CODE, {"code": code}).status_code == 302
    client.logout()

    log_in_with_password(client, device.user)
    replayed = client.post(CODE, {"code": code})
    assert replayed.status_code == 400 and "used already" in replayed.text
    assert client.get(reverse("home")).url.startswith(CODE)


def test_a_backup_code_works_once(client, carol_with_app):
    device, codes = carol_with_app
    log_in_with_password(client, device.user)
    assert client.post(CODE, {"code": codes[0].upper()}).status_code == 302
    assert StaticToken.objects.filter(device__user=device.user).count() == 9
    client.logout()

    log_in_with_password(client, device.user)
    assert client.post(CODE, {"code": codes[0]}).status_code == 400


def test_the_admin_site_wants_the_code_too(client, carol_with_app):
    device, _codes = carol_with_app
    log_in_with_password(client, device.user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response.url.startswith(CODE)
    client.post(CODE, {"code": code_now(device)})
    assert client.get(reverse("admin:index")).status_code == 200


def test_logging_in_on_the_admin_login_page_asks_for_the_code_as_well(client, carol_with_app):
    device, _codes = carol_with_app
    client.post(reverse("admin:login"), {"username": "carol", "password": PASSWORD})
    response = client.get(reverse("admin:accounts_user_changelist"))
    assert response.status_code == 302 and response.url.startswith(CODE)


def test_users_without_an_app_log_in_with_the_password_alone(client, alice):
    log_in_with_password(client, alice)
    assert client.get(reverse("home")).status_code == 200


def test_when_required_an_administrator_must_set_it_up_first(client, settings, carol, alice):
    settings.HEFBOOM_ADMIN_2FA_REQUIRED = True
    log_in_with_password(client, carol)
    for page in (reverse("home"), reverse("admin:index")):
        response = client.get(page)
        assert response.status_code == 302 and response.url.startswith(SET_UP)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=carol, confirmed=False)
    assert client.post(SET_UP, {"code": code_now(device)}).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200
    # ... and cannot switch it off again; other roles are not asked.
    assert client.post(reverse("two_factor_off"), {"code": "123456"}).status_code == 403
    client.logout()
    log_in_with_password(client, alice)
    assert client.get(reverse("home")).status_code == 200


def test_switching_off_asks_a_current_code(client, carol_with_app):
    device, codes = carol_with_app
    log_in_with_password(client, device.user)
    client.post(CODE, {"code": codes[1]})
    client.post(reverse("two_factor_off"), {"code": "000000" if code_now(device) != "000000"
                                                    else "111111"})
    assert TOTPDevice.objects.filter(user=device.user).exists()
    client.post(reverse("two_factor_off"), {"code": codes[2]})
    assert not TOTPDevice.objects.filter(user=device.user).exists()
    client.logout()
    log_in_with_password(client, device.user)
    assert client.get(reverse("home")).status_code == 200


def test_new_backup_codes_replace_the_old_ones(client, carol_with_app):
    device, codes = carol_with_app
    log_in_with_password(client, device.user)
    client.post(CODE, {"code": code_now(device)})
    fresh = client.post(reverse("two_factor_backup_codes")).context["codes"]
    assert set(fresh).isdisjoint(codes)
    client.logout()
    log_in_with_password(client, device.user)
    assert client.post(CODE, {"code": codes[3]}).status_code == 400
    forgive(StaticDevice.objects.get(user=device.user))
    assert client.post(CODE, {"code": fresh[0]}).status_code == 302
