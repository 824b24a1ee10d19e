"""The account page: two-factor login (set up, confirm, backup codes, switch off), the code
page after the password, and changing one's password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hefboom.accounts import two_factor
from hefboom.accounts.forms import CodeForm


def _next_url(request, default="home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(default)


def account(request):
    user = request.user
    return render(request, "accounts/account.html", {
        "authenticator": two_factor.authenticator(user),
        "backup_codes_left": two_factor.backup_codes_left(user),
        "required": two_factor.required_for(user),
        "form": CodeForm(),
    })


def two_factor_setup(request):
    """Shows a new secret (QR code and text) and confirms it with a code from the app."""
    user = request.user
    if two_factor.pending(request) == two_factor.VERIFY:
        return redirect("two_factor_verify")
    device = two_factor.authenticator(user, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and device is not None and form.is_valid():
        codes = two_factor.confirm_authenticator(request, device, form.cleaned_data["code"])
        if codes is not None:
            return render(request, "accounts/backup_codes.html", {
                "codes": codes, "next": _next_url(request, "account"), "first_time": True})
        form.add_error("code", _("That code is not right. Check that the clock of your phone "
                                 "is correct and type the code the app shows now."))
    if device is None or request.method == "GET":
        device = two_factor.new_authenticator(user)
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "qr": two_factor.qr_data_uri(device), "secret": two_factor.secret_text(device),
        "required": two_factor.required_for(user), "next": _next_url(request, "account"),
    }, status=400 if form.errors else 200)


def two_factor_verify(request):
    """The second step of the login: a code from the app or a backup code."""
    if two_factor.pending(request) != two_factor.VERIFY:
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.check_code(request, form.cleaned_data["code"])
        if device is not None:
            if isinstance(device, two_factor.StaticDevice):
                left = two_factor.backup_codes_left(request.user)
                messages.warning(request, _(
                    "You logged in with a backup code; %(left)s are left. Make new ones on your "
                    "account page.") % {"left": left})
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right, or it was used already. Type the "
                                 "code your app shows now, or an unused backup code."))
        if wait := two_factor.seconds_to_wait(request.user):
            form.add_error("code", _("After wrong codes Hefboom waits before it checks the next "
                                     "one: try again in %(seconds)s seconds.") % {"seconds": wait})
    return render(request, "accounts/two_factor_verify.html",
                  {"form": form, "next": _next_url(request)},
                  status=400 if form.errors else 200)


@require_POST
def backup_codes(request):
    if two_factor.authenticator(request.user) is None:
        raise PermissionDenied(_("Set up an authenticator app first."))
    codes = two_factor.new_backup_codes(request.user)
    return render(request, "accounts/backup_codes.html",
                  {"codes": codes, "next": reverse("account"), "first_time": False})


@require_POST
def two_factor_off(request):
    """Switching off asks a current code, so that a session left open is not enough."""
    user = request.user
    if two_factor.required_for(user):
        raise PermissionDenied(_("Administrators must keep two-factor login on here."))
    form = CodeForm(request.POST)
    if form.is_valid() and two_factor.check_code(request, form.cleaned_data["code"]):
        two_factor.switch_off(user)
        messages.success(request, _("Two-factor login is off."))
        return redirect("account")
    messages.error(request, _("That code is not right; two-factor login stays on."))
    return redirect("account")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change (it applies AUTH_PASSWORD_VALIDATORS), in Hefboom's layout."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is changed."))
        return response
