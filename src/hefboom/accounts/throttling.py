"""The client address that login throttling (django-axes) counts failures for.

Behind a reverse proxy every request comes from the proxy's address, so all users would share
one lock; the real client is in X-Forwarded-For. That header is trusted only when the request
comes from a proxy listed in HEFBOOM_TRUSTED_PROXIES, since anyone can send it.
"""

from django.conf import settings


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    trusted = set(settings.HEFBOOM_TRUSTED_PROXIES)
    if not trusted or remote not in trusted:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    # Read from the right: each trusted proxy appended the address it was connected from; the
    # first address no trusted proxy owns is the client (what is left of it may be spoofed).
    for address in reversed([part for part in forwarded if part]):
        if address not in trusted:
            return address
    return remote


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets: 429, translated, saying how long to wait."""
    from django.shortcuts import render

    return render(request, "accounts/lockout.html", {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }, status=429)
