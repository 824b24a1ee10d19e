"""Background tasks of monitoring: the daily digest, one task per user (see digest.py)."""

import datetime as dt

from django_tasks import task

from hefboom.monitoring import digest


@task()
def send_user_digest(user_id: int, day: str) -> str:
    """Send the digest of `day` (YYYY-MM-DD) to one user, if they still want it and it has not
    gone out yet; a failure raises, so that the task is marked failed (send-digest retries it)."""
    day = dt.date.fromisoformat(day)
    user = digest.recipients(day).filter(pk=user_id).first()
    if user is None:  # switched off, no address, or sent meanwhile
        return digest.SKIPPED
    return digest.send_digest(user, day)
