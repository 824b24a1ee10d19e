"""Production settings and the deployment files: `check --deploy` passes with the documented
production environment, and the development default still serves plain http on 127.0.0.1."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[4]
DEPLOY = ROOT / "deploy"
HEFBOOM = [sys.executable, "-m", "hefboom"]


def example_env() -> dict:
    """deploy/hefboom.env.example as systemd's EnvironmentFile reads it."""
    env = {}
    for line in (DEPLOY / "hefboom.env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value.strip('"')
    return env


def hefboom(*args, env, tmp_path):
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("HEFBOOM_", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"))}
    # The checks need no database server: the example's PostgreSQL URL is left out.
    env = {**base, **{k: v for k, v in env.items() if k != "DATABASE_URL"},
           "HEFBOOM_DATA_DIR": str(tmp_path)}
    return subprocess.run([*HEFBOOM, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False, cwd=ROOT)


def production_env():
    return {**example_env(), "HEFBOOM_SECRET_KEY": secrets.token_urlsafe(50)}


def test_the_documented_production_environment_passes_the_deployment_checks(tmp_path):
    result = hefboom("check", "--deploy", "--fail-level", "WARNING", env=production_env(),
                     tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_checks_catch_a_production_setting_switched_off(tmp_path):
    env = {**production_env(), "HEFBOOM_SECURE_COOKIES": "0", "HEFBOOM_HSTS_SECONDS": "0"}
    result = hefboom("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W012" in result.stderr


@pytest.mark.parametrize("change, message", [
    ({"HEFBOOM_SECRET_KEY": None}, "HEFBOOM_SECRET_KEY must be set"),
    ({"HEFBOOM_ALLOWED_HOSTS": None}, "HEFBOOM_ALLOWED_HOSTS must name the host"),
    ({"HEFBOOM_DEBUG": "1"}, "switch HEFBOOM_DEBUG off"),
    ({"HEFBOOM_TASKS": "celery"}, "choose database or immediate"),
    ({"HEFBOOM_LOG_FORMAT": "xml"}, "choose text or json"),
])
def test_production_refuses_to_start_insecure_or_misconfigured(tmp_path, change, message):
    env = production_env()
    for key, value in change.items():
        if value is None:
            env.pop(key)
        else:
            env[key] = value
    result = hefboom("check", env=env, tmp_path=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr


def test_the_development_default_serves_plain_http_on_localhost(client):
    # The tests run with nothing set, as `make demo` does.
    assert not settings.SECURE_SSL_REDIRECT and not settings.SESSION_COOKIE_SECURE
    assert settings.SECURE_HSTS_SECONDS == 0 and settings.SECURE_PROXY_SSL_HEADER is None
    response = client.get("/login/", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_redirects_to_https_and_sends_hsts_behind_the_proxy(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/login/").status_code == 301
    response = client.get("/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    # A monitor on the server may ask gunicorn directly over http.
    assert client.get("/health/").status_code == 200


def test_nginx_accepts_the_largest_upload_hefboom_accepts():
    conf = (DEPLOY / "nginx-hefboom.conf").read_text()
    limit_mb = int(re.search(r"client_max_body_size (\d+)m;", conf).group(1))
    largest = max(settings.EXCEL_IMPORT_MAX_BYTES, settings.HEFBOOM_CALENDAR_MAX_BYTES,
                  settings.HEFBOOM_EVIDENCE_MAX_BYTES)
    assert limit_mb * 1024 * 1024 > largest


def test_the_systemd_units_run_commands_that_exist():
    from django.core.management import get_commands

    commands = set(get_commands())
    for unit in DEPLOY.glob("hefboom-*.service"):
        for command in re.findall(r"venv/bin/hefboom ([\w-]+)", unit.read_text()):
            assert command in commands, f"{unit.name}: hefboom {command}"
        assert "EnvironmentFile=/etc/hefboom/hefboom.env" in unit.read_text(), unit.name
