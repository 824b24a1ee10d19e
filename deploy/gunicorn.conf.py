"""gunicorn's configuration for Hefboom (docs/deploy.md): `gunicorn -c deploy/gunicorn.conf.py`.

Reads the same environment as Hefboom (/etc/hefboom/hefboom.env). With HEFBOOM_LOG_FORMAT=json
the access log is JSON lines too, with the request id that Hefboom sends back (X-Request-ID).
"""

import json
import multiprocessing
import os
from datetime import UTC, datetime

from gunicorn.glogging import Logger

wsgi_app = "hefboom.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Hefboom's requests wait mostly on the database: two workers per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Report generation (DOCX/PDF of a whole year) can take a while; nginx waits as long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests, so that a slow leak cannot grow for weeks.
max_requests = 1000
max_requests_jitter = 100
# Load the application once, before forking: a configuration error stops the start at once.
preload_app = True
forwarded_allow_ips = "127.0.0.1,::1"
# systemd starts, stops and reloads (HUP) gunicorn; its control socket is not needed.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


class JsonLogger(Logger):
    """gunicorn's access log as one JSON object a line, like Hefboom's own logs."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        headers = dict(resp.headers)
        entry = {
            "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "message": f"{req.method} {req.path} {resp.status_code}",
            "request_id": headers.get("X-Request-ID", "-"),
            "method": req.method,
            "path": req.path,
            "status": resp.status_code,
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "remote_addr": environ.get("HTTP_X_FORWARDED_FOR", environ.get("REMOTE_ADDR", "-")),
            "user_agent": environ.get("HTTP_USER_AGENT", "-"),
        }
        self.access_log.info(json.dumps(entry, ensure_ascii=False))


if os.environ.get("HEFBOOM_LOG_FORMAT") == "json":
    logger_class = JsonLogger
