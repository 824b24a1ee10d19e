"""Writing back to the web database what the web app shows: mentions, alerts, aggregates.

Placeholder until the records are built: ingest calls `write_back(items, run)` after each batch
is safely stored.
"""


def write_back(items: list[dict], run) -> None:
    return None
