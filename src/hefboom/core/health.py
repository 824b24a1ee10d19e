"""`/health/`: whether this Hefboom can serve, for a load balancer, systemd or a monitor.

Public (a monitor has no login), so it says only what works and what does not: no settings,
paths, versions or error texts that could help an attacker; the details go to the log.
"""

import logging
import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


def database_works() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        log.exception("Health check: the database does not answer")
        return False


def data_dir_writable() -> bool:
    """Uploads and (with SQLite) the database live in HEFBOOM_DATA_DIR: write and remove a file."""
    try:
        with tempfile.TemporaryFile(dir=settings.DATA_DIR, prefix=".health-") as probe:
            probe.write(b"ok")
        return True
    except OSError:
        log.exception("Health check: the data directory is not writable")
        return False


CHECKS = {"database": database_works, "data_dir": data_dir_writable}


@login_not_required
@never_cache
@require_safe
def health(request):
    results = {name: ("ok" if check() else "failing") for name, check in CHECKS.items()}
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "failing", "checks": results},
                        status=200 if healthy else 503)
