"""Background work of uptake: a scan after a document was added in the web interface."""

from django_tasks import task

from hefboom.uptake.scan import run_scan, summary


@task()
def scan_policy_documents() -> str:
    """Scan what waits for a scan (incremental, as `hefboom uptake scan`)."""
    return summary(run_scan())
