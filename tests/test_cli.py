"""The `hefboom` command as a user runs it: a real subprocess on a fresh embedded database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEFBOOM = [str(Path(sys.executable).with_name("hefboom"))]


def run(*args, data_dir, extra_env=None):
    # Always the embedded default: DATABASE_URL is dropped so the demo never touches a shared server.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update({"HEFBOOM_DATA_DIR": str(data_dir), **(extra_env or {})})
    return subprocess.run([*HEFBOOM, *args], env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_help_lists_hefboom_and_django_commands(tmp_path):
    result = run("help", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    for command in ("demo", "runserver", "migrate", "createsuperuser", "dumpdata", "person"):
        assert command in result.stdout


def test_demo_help_describes_no_serve(tmp_path):
    result = run("demo", "--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "--no-serve" in result.stdout
    assert "demo case" in result.stdout


def test_demo_loads_once_on_the_embedded_default_and_then_adds_nothing(tmp_path):
    first = run("demo", "--no-serve", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Demo case loaded" in first.stdout
    assert "hefboom-demo" in first.stdout  # the login is printed
    assert (tmp_path / "hefboom.sqlite3").exists()

    second = run("demo", "--no-serve", data_dir=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "already loaded; nothing added" in second.stdout

    dump = run("dumpdata", "strategy.progressmarker", "strategy.dossier", data_dir=tmp_path)
    assert dump.returncode == 0, dump.stderr
    records = json.loads(dump.stdout)
    assert sum(r["model"] == "strategy.progressmarker" for r in records) == 20
    assert sum(r["model"] == "strategy.dossier" for r in records) == 6


def test_createsuperuser_and_migrate_work_through_hefboom(tmp_path):
    assert run("migrate", data_dir=tmp_path).returncode == 0
    result = run("createsuperuser", "--noinput", "--username", "root", "--email", "r@example.org",
                 data_dir=tmp_path, extra_env={"DJANGO_SUPERUSER_PASSWORD": "a-long-password-1"})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "variable, value, message",
    [
        ("DATABASE_URL", "mysql://root@127.0.0.1/test", "sqlite:/// and postgres://"),
        ("HEFBOOM_DEBUG", "perhaps", "HEFBOOM_DEBUG='perhaps' is not a boolean"),
        ("HEFBOOM_LANGUAGE", "de", "HEFBOOM_LANGUAGE='de': choose nl, fr or en"),
    ],
)
def test_bad_configuration_exits_with_a_clear_message(tmp_path, variable, value, message):
    result = run("migrate", data_dir=tmp_path, extra_env={variable: value})
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
