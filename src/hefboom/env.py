"""Typed readers for configuration from environment variables.

Each helper fails loudly (ImproperlyConfigured) with the variable's name when a value cannot be
understood, so that a typo in a deployment never silently falls back to a default.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is too small; it must be at least {minimum}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = os.environ.get(name)
    path = Path(raw).expanduser() if raw else default
    return path.resolve()


EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
    "off": "django.core.mail.backends.dummy.EmailBackend",
}


def env_email_backend(name: str, default: str) -> str:
    """An e-mail backend: a short name (console, smtp, file, memory, off) or a dotted path."""
    raw = os.environ.get(name, default).strip()
    if raw in EMAIL_BACKENDS:
        return EMAIL_BACKENDS[raw]
    if "." not in raw:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not an e-mail backend; use {', '.join(EMAIL_BACKENDS)} or a "
            "dotted path such as django.core.mail.backends.smtp.EmailBackend.")
    return raw


def env_email_address(name: str, default: str) -> str:
    """An e-mail address, optionally with a name: 'hefboom@example.org' or
    'Hefboom <hefboom@example.org>'."""
    from email.utils import parseaddr

    raw = os.environ.get(name, default).strip()
    _name, address = parseaddr(raw)
    if "@" not in address or " " in address:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an e-mail address.")
    return raw


def database_from_url(url: str, *, data_dir: Path) -> dict:
    """A Django DATABASES entry for DATABASE_URL, or for SQLite under the data directory."""
    import dj_database_url

    if not url:
        url = f"sqlite:///{data_dir / 'hefboom.sqlite3'}"
    try:
        config = dj_database_url.parse(url)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} is not understood: {exc}") from None
    engine = config["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        # WAL lets readers work while one writer writes; the busy timeout and immediate
        # transactions make concurrent writers wait for the lock instead of failing.
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    elif engine == "django.db.backends.postgresql":
        # PostgreSQL's JIT compiles the timeline's and lists' queries at ~400 ms each, far more
        # than they take to run: Hefboom's queries are short, so it is switched off per session.
        options = config.setdefault("OPTIONS", {})
        options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r}: Hefboom supports sqlite:/// and postgres:// URLs only."
        )
    return config
