"""Carol, administrator, switches on two-factor login in a real browser: she types the key
shown under the QR code into her "app" (here: the TOTP computation), confirms, sees her backup
codes, and at her next login the code page comes after the password."""

import base64

import pytest
from django.db import connection
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def app_code(secret_text: str) -> str:
    key = secret_text.replace(" ", "")
    key += "=" * (-len(key) % 8)
    return f"{TOTP(base64.b32decode(key)).token():06d}"


def test_carol_switches_on_two_factor_login_and_is_asked_for_a_code(
        live_server, logged_in_page, carol):
    page = logged_in_page(carol)
    page.goto(live_server.url + reverse("account"))
    page.click(f"a[href='{reverse('two_factor_setup')}']")
    assert page.locator("img.qr").evaluate("img => img.complete && img.naturalWidth > 0")
    secret = page.locator("code.secret").inner_text()
    page.fill("input[name=code]", app_code(secret))
    page.click("main button.primary")
    page.wait_for_selector("ul.backup-codes")
    assert page.locator("ul.backup-codes li").count() == 10

    page.click(f"header form[action='{reverse('logout')}'] button")
    page.wait_for_url("**/login/")
    TOTPDevice.objects.filter(user=carol).update(last_t=-1)  # the next login, 30 s later
    connection.close()  # made beside Playwright's loop: closed here, or it outlives the test
    page.fill("input[name=username]", "carol")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**" + reverse("two_factor_verify") + "**")
    page.goto(live_server.url + reverse("admin:index"))
    assert reverse("two_factor_verify") in page.url  # not without the code

    page.fill("input[name=code]", app_code(secret))
    page.click("main button.primary")
    page.wait_for_url("**/admin/")
    assert page.locator("#site-name").count() == 1
