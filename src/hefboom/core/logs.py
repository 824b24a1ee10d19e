"""Structured logs: one JSON object a line (HEFBOOM_LOG_FORMAT=json), and a request id on each
request and on every log line written while it is handled, so that a server's journal can be
searched by request."""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

request_log = logging.getLogger("hefboom.request")

# The id of the request being handled in this thread (or task), for every log line it causes.
current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "hefboom_request_id", default=None)

# An id from the proxy (nginx's $request_id) is kept when it looks like one; anything else is
# replaced, so that a client cannot write arbitrary text into the logs.
_GOOD_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# The attributes every LogRecord has; anything else was passed with `extra=` and is logged too.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: timestamp (UTC, ISO 8601), level, logger, message, the
    request id when there is one, the fields given with `extra=`, and the exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # django.request logs a 4xx/5xx response after the middleware is done: its request has it.
        request_id = current_request_id.get() or getattr(getattr(record, "request", None),
                                                         "request_id", None)
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_") and key != "request":
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class RequestLogMiddleware:
    """Gives each request an id (X-Request-ID, in the response too) and logs it once it is done:
    method, path, status and duration. Errors (status 500 and up) are logged as errors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _GOOD_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            level = logging.ERROR if response.status_code >= 500 else logging.INFO
            request_log.log(level, "%s %s %s %.1fms", request.method, request.path,
                            response.status_code, duration_ms,
                            extra={"method": request.method, "path": request.path,
                                   "status": response.status_code, "duration_ms": duration_ms})
            return response
        finally:
            current_request_id.reset(token)
