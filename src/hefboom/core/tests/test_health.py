"""`/health/`: public, 200 when the database answers and the data directory is writable, 503
naming what fails, and nothing an attacker could use."""

import pytest
from django.db import OperationalError
from django.urls import reverse


def test_a_healthy_hefboom_answers_ok_without_a_login(client, db):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "data_dir": "ok"}}
    assert "no-cache" in response.headers["Cache-Control"]


def test_a_failing_database_gives_503_naming_the_check_not_the_error(client, db, monkeypatch):
    class Unreachable:
        def cursor(self):
            raise OperationalError("connection to 10.0.0.5 refused: password for hefboom_secret")

    monkeypatch.setattr("hefboom.core.health.connection", Unreachable())
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"status": "failing",
                               "checks": {"database": "failing", "data_dir": "ok"}}
    assert b"hefboom_secret" not in response.content and b"10.0.0.5" not in response.content


def test_a_read_only_data_directory_gives_503(client, db, settings, tmp_path):
    missing = tmp_path / "gone"  # as good as read-only: nothing can be written there
    settings.DATA_DIR = missing
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "data_dir": "failing"}


def test_the_answer_holds_no_versions_or_settings(client, db, settings):
    body = client.get(reverse("health")).content.decode()
    import django

    assert django.get_version() not in body
    assert str(settings.DATA_DIR) not in body and "sqlite" not in body.lower()


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_get_and_head_are_answered(client, db, method):
    assert getattr(client, method)(reverse("health")).status_code == 405
    assert client.head(reverse("health")).status_code == 200
