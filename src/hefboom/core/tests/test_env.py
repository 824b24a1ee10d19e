"""Configuration from environment variables fails loudly on a bad value."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from hefboom.env import (
    database_from_url,
    env_bool,
    env_email_address,
    env_email_backend,
    env_int,
    env_list,
)


def test_booleans_are_understood_and_nonsense_is_refused(monkeypatch):
    monkeypatch.setenv("HEFBOOM_X", "yes")
    assert env_bool("HEFBOOM_X", False) is True
    monkeypatch.setenv("HEFBOOM_X", "off")
    assert env_bool("HEFBOOM_X", True) is False
    monkeypatch.setenv("HEFBOOM_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="HEFBOOM_X='maybe' is not a boolean"):
        env_bool("HEFBOOM_X", False)


def test_integers_are_checked(monkeypatch):
    monkeypatch.setenv("HEFBOOM_N", "12")
    assert env_int("HEFBOOM_N", 1) == 12
    monkeypatch.setenv("HEFBOOM_N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("HEFBOOM_N", 1)
    monkeypatch.setenv("HEFBOOM_N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("HEFBOOM_N", 1, minimum=1)


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("HEFBOOM_HOSTS", "a.example, b.example,,")
    assert env_list("HEFBOOM_HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.delenv("HEFBOOM_HOSTS")
    assert env_list("HEFBOOM_HOSTS", ["x"]) == ["x"]


def test_without_database_url_sqlite_lives_in_the_data_dir_with_wal(tmp_path):
    config = database_from_url("", data_dir=tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(config["NAME"]) == tmp_path / "hefboom.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_postgres_url_selects_postgresql(tmp_path):
    config = database_from_url("postgres://me@127.0.0.1:5432/hefboom", data_dir=tmp_path)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "hefboom"
    assert config["HOST"] == "127.0.0.1"
    assert config["OPTIONS"]["options"] == "-c jit=off"


def test_postgres_jit_is_off_also_next_to_options_from_the_url(tmp_path):
    config = database_from_url("postgres://me@127.0.0.1:5432/hefboom?options=-c%20work_mem%3D64MB",
                               data_dir=tmp_path)
    assert config["OPTIONS"]["options"] == "-c work_mem=64MB -c jit=off"


def test_unsupported_database_is_refused_by_name(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="sqlite:/// and postgres://"):
        database_from_url("mysql://root@127.0.0.1/test", data_dir=tmp_path)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("nonsense://x", data_dir=tmp_path)


def test_email_backends_by_short_name_or_path_and_nonsense_refused(monkeypatch):
    assert env_email_backend("HEFBOOM_X", "console").endswith("console.EmailBackend")
    monkeypatch.setenv("HEFBOOM_X", "smtp")
    assert env_email_backend("HEFBOOM_X", "console") == "django.core.mail.backends.smtp.EmailBackend"
    monkeypatch.setenv("HEFBOOM_X", "my.own.Backend")
    assert env_email_backend("HEFBOOM_X", "console") == "my.own.Backend"
    monkeypatch.setenv("HEFBOOM_X", "postfix")
    with pytest.raises(ImproperlyConfigured, match="HEFBOOM_X='postfix' is not an e-mail backend"):
        env_email_backend("HEFBOOM_X", "console")


def test_the_sender_must_be_an_email_address(monkeypatch):
    monkeypatch.setenv("HEFBOOM_X", "Hefboom <hefboom@example.org>")
    assert env_email_address("HEFBOOM_X", "") == "Hefboom <hefboom@example.org>"
    monkeypatch.setenv("HEFBOOM_X", "hefboom")
    with pytest.raises(ImproperlyConfigured, match="HEFBOOM_X='hefboom' is not an e-mail address"):
        env_email_address("HEFBOOM_X", "")
