"""Structured logs: JSON lines with the request's id, method, path, status and duration, and the
exception when one was raised; an X-Request-ID on every response."""

import json
import logging

import pytest
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from hefboom.core.logs import JsonFormatter


@pytest.fixture
def json_lines():
    """What Hefboom logs while the test runs, as HEFBOOM_LOG_FORMAT=json writes it."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    request_log = logging.getLogger("hefboom.request")
    old_level = request_log.level
    request_log.setLevel(logging.INFO)
    root.addHandler(handler)
    yield lines
    root.removeHandler(handler)
    request_log.setLevel(old_level)


def test_each_request_is_one_json_line_with_its_id(client, db, json_lines):
    response = client.get("/login/?next=/")
    request_id = response.headers["X-Request-ID"]
    assert len(request_id) == 32
    line = next(entry for entry in json_lines if entry["logger"] == "hefboom.request")
    assert line["request_id"] == request_id
    assert line["method"] == "GET" and line["path"] == "/login/" and line["status"] == 200
    assert line["level"] == "INFO" and line["duration_ms"] >= 0
    assert line["timestamp"].endswith("+00:00")
    assert line["message"].startswith("GET /login/ 200 ")
    assert "next" not in json.dumps(line)  # query strings (search terms, tokens) stay out


def test_the_proxys_request_id_is_kept_and_a_strange_one_replaced(client, db, json_lines):
    kept = client.get("/login/", HTTP_X_REQUEST_ID="4f2a9c1e8b7d6a50")
    assert kept.headers["X-Request-ID"] == "4f2a9c1e8b7d6a50"
    replaced = client.get("/login/", HTTP_X_REQUEST_ID='x" injected\n{"level": "ERROR"}')
    assert len(replaced.headers["X-Request-ID"]) == 32
    assert "injected" not in json.dumps(json_lines)


@login_not_required
def broken_view(request):
    raise ZeroDivisionError("invented failure")


urlpatterns = [path("broken/", broken_view)]


@pytest.mark.urls(__name__)
def test_an_error_is_logged_with_its_exception_and_the_request_id(client, db, json_lines):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    request_id = response.headers["X-Request-ID"]
    error = next(entry for entry in json_lines if "exception" in entry)
    assert error["request_id"] == request_id and error["level"] == "ERROR"
    assert "ZeroDivisionError: invented failure" in error["exception"]
    access = next(entry for entry in json_lines if entry["logger"] == "hefboom.request")
    assert access["status"] == 500 and access["level"] == "ERROR"


def test_djangos_own_line_about_a_failing_response_has_the_request_id_too(client, db, json_lines,
                                                                          monkeypatch):
    # A view that answers 503 itself is logged by django.request after the middleware is done.
    monkeypatch.setattr("hefboom.core.health.CHECKS", {"database": lambda: False})
    response = client.get("/health/")
    assert response.status_code == 503
    logged = next(entry for entry in json_lines if entry["logger"] == "django.request")
    assert logged["request_id"] == response.headers["X-Request-ID"]
    assert logged["status_code"] == 503


def test_outside_a_request_a_line_has_no_request_id_and_keeps_extra_fields():
    record = logging.LogRecord("hefboom.monitoring", logging.WARNING, __file__, 1,
                               "digest for %s failed", ("alice",), None)
    record.user_id = 7
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "digest for alice failed" and line["user_id"] == 7
    assert "request_id" not in line and line["level"] == "WARNING"
