"""Two-factor login (django-otp): who still owes a code, and the middleware that holds them at
the code page until they give it.

Whether a session still needs a code is decided once, when the password login succeeds, and kept
in the session; every other request reads only that flag (no extra query per page).
"""

import base64

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

SESSION_KEY = "hefboom_two_factor"
VERIFY = "verify"  # the user has an authenticator: the code is still to be given
SET_UP = "set-up"  # an administrator must set an authenticator up (HEFBOOM_ADMIN_2FA_REQUIRED)
BACKUP_CODES = 10
TOTP_NAME = "authenticator app"
BACKUP_NAME = "backup codes"

# The pages a half-logged-in user may still open: the code and set-up pages, logging in as
# someone else or out, and switching the language.
OPEN_VIEWS = {"two_factor_verify", "two_factor_setup", "login", "logout", "set_language"}


def required_for(user) -> bool:
    return settings.HEFBOOM_ADMIN_2FA_REQUIRED and user.is_administrator


def state_after_password(user) -> str | None:
    if user_has_device(user):
        return VERIFY
    if required_for(user):
        return SET_UP
    return None


@receiver(user_logged_in)
def _ask_for_code(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    state = state_after_password(user)
    if state and getattr(user, "otp_device", None) is None:
        request.session[SESSION_KEY] = state
    else:
        request.session.pop(SESSION_KEY, None)


def pending(request) -> str | None:
    if not request.user.is_authenticated:
        return None
    return request.session.get(SESSION_KEY)


class TwoFactorMiddleware:
    """Sends a user who logged in with the password but still owes a code (or, where required,
    an authenticator) to that page, from any other page, the admin site included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        state = pending(request)
        if state is None:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in OPEN_VIEWS:
            return None
        target = reverse("two_factor_verify" if state == VERIFY else "two_factor_setup")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def authenticator(user, *, confirmed=True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).first()


def new_authenticator(user) -> TOTPDevice:
    """An unconfirmed authenticator for the set-up page; a fresh secret each time, so that a
    secret once shown and abandoned is never the one that gets confirmed later."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as typed into an app by hand: base32 in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    import segno

    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def clean_code(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def confirm_authenticator(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the new authenticator with a code from it; returns the fresh backup codes, or
    None when the code is wrong. Earlier authenticators and backup codes of the user go."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(clean_code(code)):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    codes = new_backup_codes(user)
    otp_login(request, device)
    request.session.pop(SESSION_KEY, None)
    return codes


def new_backup_codes(user) -> list[str]:
    """Ten one-time codes for when the phone is lost; the previous ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def check_code(request, code: str):
    """Verifies a code from the authenticator or a backup code and marks the session verified;
    returns the device that accepted it, or None. A code is accepted once only: the
    authenticator refuses a code of a time step it already accepted, and a backup code is gone
    once used. Wrong codes slow the device down (django-otp's throttling)."""
    from django_otp import verify_token

    code = clean_code(code)
    if not code:
        return None
    # Six digits come from the app, eight letters and digits from the backup list: trying a code
    # on the other kind only would count as a failed attempt there and slow the next one down.
    kind = TOTPDevice if code.isdigit() else StaticDevice
    for device in devices_for_user(request.user):
        if not isinstance(device, kind):
            continue
        accepted = verify_token(request.user, device.persistent_id, code)
        if accepted is not None:
            otp_login(request, accepted)
            request.session.pop(SESSION_KEY, None)
            return accepted
    return None


def seconds_to_wait(user) -> int:
    """How long the user's devices refuse codes after wrong ones (0: not now)."""
    from django.utils import timezone

    waits = [0]
    for device in devices_for_user(user):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
    return max(waits)


@transaction.atomic
def switch_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
