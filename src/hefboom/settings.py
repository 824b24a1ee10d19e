"""Django settings for Hefboom, read from environment variables (see docs/configuration.md).

With nothing set, Hefboom runs on SQLite under ./var; DATABASE_URL switches to PostgreSQL.
"""

import datetime as dt
from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from hefboom.env import (
    database_from_url,
    env_bool,
    env_email_address,
    env_email_backend,
    env_int,
    env_list,
    env_path,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool("HEFBOOM_DEBUG", False)
DATA_DIR = env_path("HEFBOOM_DATA_DIR", Path.cwd() / "var")

_INSECURE_KEY = "hefboom-insecure-development-key-do-not-use-in-production"
SECRET_KEY = env_str("HEFBOOM_SECRET_KEY", _INSECURE_KEY)
ALLOWED_HOSTS = env_list("HEFBOOM_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("HEFBOOM_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_filters",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "hefboom.core",
    "hefboom.accounts",
    "hefboom.actors",
    "hefboom.strategy",
    "hefboom.monitoring",
    "hefboom.learning",
    "hefboom.search",
    "hefboom.evaluation",
    "hefboom.reporting",
    "hefboom.coverage",
    "hefboom.network",
    "hefboom.privacy",
    "hefboom.plans",
    "hefboom.synergy",
    "hefboom.listening",
    "hefboom.uptake",
    "hefboom.imports.excel",
    "hefboom.imports.calendar",
    "hefboom.demo",
    "hefboom.backup",
]

MIDDLEWARE = [
    "hefboom.core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "hefboom.core.uploads.UploadCeilingMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "hefboom.accounts.two_factor.TwoFactorMiddleware",
    # Last, so that it sees the login view's response (axes' own rule).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hefboom.urls"
WSGI_APPLICATION = "hefboom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL", ""), data_dir=DATA_DIR)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Tests use a file, not SQLite's shared in-memory database, so that the browser tests'
    # live server threads wait for locks (WAL, busy timeout) exactly as in production.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-hefboom.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before the password
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGES = [("nl", _("Dutch")), ("fr", _("French")), ("en", _("English"))]
# The default language of the UI and of the command line; each user can switch in the header.
LANGUAGE_CODE = env_str("HEFBOOM_LANGUAGE", "nl")
if LANGUAGE_CODE not in dict(LANGUAGES):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"HEFBOOM_LANGUAGE={LANGUAGE_CODE!r}: choose nl, fr or en.")
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("HEFBOOM_TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "media/"
MEDIA_ROOT = DATA_DIR / "uploads"
# Static files come from the installed package, so the product works on a closed network.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail domains of the organisation itself: calendar attendees from these are colleagues,
# everyone else is an external contact.
HEFBOOM_OWN_EMAIL_DOMAINS = env_list("HEFBOOM_OWN_EMAIL_DOMAINS", [])

# Upload limits of the importers (an xlsx is a zip: its unpacked size is limited too).
_MB = 1024 * 1024
EXCEL_IMPORT_MAX_BYTES = env_int("HEFBOOM_EXCEL_IMPORT_MAX_MB", 20, minimum=1) * _MB
EXCEL_IMPORT_MAX_UNPACKED_BYTES = 15 * EXCEL_IMPORT_MAX_BYTES
HEFBOOM_CALENDAR_MAX_BYTES = env_int("HEFBOOM_CALENDAR_MAX_MB", 10, minimum=1) * _MB
HEFBOOM_EVIDENCE_MAX_BYTES = env_int("HEFBOOM_EVIDENCE_MAX_MB", 20, minimum=1) * _MB
# The listening corpus (`hefboom ingest`): the largest single input file read, checked before
# reading; the corpus itself lives in DATA_DIR/corpus (docs/listening.md).
INGEST_MAX_FILE_BYTES = env_int("HEFBOOM_INGEST_MAX_FILE_MB", 1024, minimum=1) * _MB
# Listening: only texts published this many days before they are written back make alerts.
HEFBOOM_ALERT_DAYS = env_int("HEFBOOM_ALERT_DAYS", 30, minimum=0)
# The longest policy document uptake analyses (about 1,500 pages); a longer one is "not analysed".
HEFBOOM_UPTAKE_MAX_CHARS = env_int("HEFBOOM_UPTAKE_MAX_CHARS", 5_000_000, minimum=1000)
# Django's own request limits, stated rather than left to defaults (docs/security.md): form
# fields without files at most 2.5 MB in memory (larger -> 400), files over 2.5 MB streamed to a
# temporary file, one file per form, and enough fields for the calendar review (a row of ~8
# fields per meeting, a year of meetings on one page). A request larger than the largest
# upload limit is refused before it is read (core.uploads.UploadCeilingMiddleware, 413).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# Words for a contribution claim's confidence: "0.95:practically certain,0.85:strong,...,0:weak"
# (thresholds from high to low, the last 0); empty means the default of docs/contribution.md.
# A malformed value stops start-up with a system check error (hefboom.E010).
HEFBOOM_CONFIDENCE_RUBRIC = env_str("HEFBOOM_CONFIDENCE_RUBRIC", "")

# The organisation in IATI files (docs/reporting.md). The identifier is a registration agency's
# prefix and the organisation's number there (e.g. BE-BCE_KBO-0123456789); empty refuses the
# IATI export with a message saying what to set. The type and sector are IATI codes
# (OrganisationType 22 national NGO; DAC sector 15150 democratic participation and civil society).
HEFBOOM_IATI_ORG_ID = env_str("HEFBOOM_IATI_ORG_ID", "")
HEFBOOM_IATI_ORG_NAME = env_str("HEFBOOM_IATI_ORG_NAME", "")
HEFBOOM_IATI_ORG_TYPE = env_str("HEFBOOM_IATI_ORG_TYPE", "22")
HEFBOOM_IATI_SECTOR = env_str("HEFBOOM_IATI_SECTOR", "15150")

# GDPR retention (docs/privacy.md): persons who are not public figures and whose data have not
# been used for this many years are listed for review at /privacy/retention/.
HEFBOOM_RETENTION_YEARS = env_int("HEFBOOM_RETENTION_YEARS", 5, minimum=1)

# Listening (docs/listening-tiers.md): a local directory with an ONNX sentiment model (model.onnx,
# tokenizer.json, config.json with id2label). Set, it is the sentiment tier of every analysis;
# it is never downloaded. A directory that is missing or of the wrong shape is a system check
# error (hefboom.E020) naming it and what is expected.
HEFBOOM_SENTIMENT_ONNX_DIR = env_str("HEFBOOM_SENTIMENT_ONNX_DIR", "")

# E-mail (the daily follow-up digest, `hefboom send-digest`): printed to the console unless a
# backend is set, e.g. HEFBOOM_EMAIL_BACKEND=smtp with the SMTP variables below.
EMAIL_BACKEND = env_email_backend("HEFBOOM_EMAIL_BACKEND", "console")
DEFAULT_FROM_EMAIL = env_email_address("HEFBOOM_EMAIL_FROM", "Hefboom <hefboom@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("HEFBOOM_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("HEFBOOM_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("HEFBOOM_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("HEFBOOM_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("HEFBOOM_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("HEFBOOM_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("HEFBOOM_EMAIL_TIMEOUT", 30, minimum=1)
EMAIL_FILE_PATH = DATA_DIR / "mail"  # for HEFBOOM_EMAIL_BACKEND=file
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HEFBOOM_EMAIL_USE_TLS and HEFBOOM_EMAIL_USE_SSL are both on; "
                               "choose one (TLS for port 587, SSL for port 465).")
# The address of this Hefboom as its users reach it, for links in e-mails.
HEFBOOM_SITE_URL = env_str("HEFBOOM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background tasks (django-tasks): the daily digest sends one task per user. `database` queues
# them in the database for the worker (`hefboom db_worker`, deploy/hefboom-worker.service);
# `immediate` runs each task at once in the process that queues it (the embedded default, the
# tests, a small installation without a worker). Production (HEFBOOM_PRODUCTION=1) queues.
_TASK_BACKENDS = {"database": "django_tasks_db.DatabaseBackend",
                  "immediate": "django_tasks.backends.immediate.ImmediateBackend"}
TASKS_MODE = env_str("HEFBOOM_TASKS", "database" if env_bool("HEFBOOM_PRODUCTION", False) else "immediate")
if TASKS_MODE not in _TASK_BACKENDS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"HEFBOOM_TASKS={TASKS_MODE!r}: choose database or immediate.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_MODE]}}

# Security: CSP, login throttling, two-factor (docs/security.md).
#
# Content-Security-Policy: scripts and styles only from Hefboom's own static files, no inline
# code at all; the admin site gets the same policy. Downloaded files (reports, exports) carry
# their own <style>, which a browser opening the saved file applies without this header.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# Login throttling (django-axes): after HEFBOOM_LOGIN_FAILURE_LIMIT wrong passwords for one user
# name from one address, that pair is refused (429, accounts/lockout.html) for the cool-off time;
# `hefboom axes_reset` lifts every lock at once. The address is the connecting one, or behind a
# reverse proxy listed in HEFBOOM_TRUSTED_PROXIES the one it puts in X-Forwarded-For.
AXES_FAILURE_LIMIT = env_int("HEFBOOM_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("HEFBOOM_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hefboom.accounts.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "hefboom.accounts.throttling.client_ip"
HEFBOOM_TRUSTED_PROXIES = env_list("HEFBOOM_TRUSTED_PROXIES", [])

# Two-factor login (django-otp): a user with a confirmed authenticator app is asked for a code
# after the password; with HEFBOOM_ADMIN_2FA_REQUIRED administrators must set one up first.
HEFBOOM_ADMIN_2FA_REQUIRED = env_bool("HEFBOOM_ADMIN_2FA_REQUIRED", False)
OTP_TOTP_ISSUER = env_str("HEFBOOM_2FA_ISSUER", "Hefboom")
# The admin site never shows an authenticator's secret or QR code: whoever sees it could make
# the codes. (Without this, a missing device's config page also answered with a server error.)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True


# Production: HTTPS and headers. HEFBOOM_PRODUCTION=1 switches on what a server on the internet
# needs (`hefboom check --deploy` passes with the env of deploy/hefboom.env.example); with nothing
# set, Hefboom keeps serving plain http://127.0.0.1:8000 for development and the demo.
PRODUCTION = env_bool("HEFBOOM_PRODUCTION", False)
if PRODUCTION and SECRET_KEY == _INSECURE_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HEFBOOM_PRODUCTION is set: HEFBOOM_SECRET_KEY must be set too "
                               "(e.g. python3 -c 'import secrets; print(secrets.token_urlsafe(50))').")
if PRODUCTION and not env_list("HEFBOOM_ALLOWED_HOSTS", []):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HEFBOOM_PRODUCTION is set: HEFBOOM_ALLOWED_HOSTS must name the host "
                               "name(s) users open Hefboom at, e.g. hefboom.example.org.")
if PRODUCTION and DEBUG:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HEFBOOM_PRODUCTION and HEFBOOM_DEBUG are both on: debug pages show "
                               "settings and data to anyone; switch HEFBOOM_DEBUG off.")
# Browsers remember for this long to use HTTPS only; subdomains included. Preloading (the
# browsers' built-in list) is a commitment for the whole domain, so the organisation opts in.
SECURE_HSTS_SECONDS = env_int("HEFBOOM_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("HEFBOOM_HSTS_PRELOAD", False)
SECURE_SSL_REDIRECT = env_bool("HEFBOOM_SSL_REDIRECT", PRODUCTION)
# A monitor on the server itself may ask gunicorn for /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Behind nginx (deploy/nginx-hefboom.conf), which terminates TLS and says so in this header.
# Only trust it behind a proxy that sets it: otherwise any client could claim HTTPS.
if env_bool("HEFBOOM_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("HEFBOOM_SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]  # preload: see above

# Logs go to stderr: plain text for development, one JSON object a line for a server's journal
# (HEFBOOM_LOG_FORMAT=json). hefboom.core.logs.RequestLogMiddleware gives each request an id.
LOG_FORMAT = env_str("HEFBOOM_LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"HEFBOOM_LOG_FORMAT={LOG_FORMAT!r}: choose text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "hefboom.core.logs.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("HEFBOOM_LOG_LEVEL", "WARNING")},
    "loggers": {
        # One line per request (method, path, status, duration); by default only in JSON logs,
        # since runserver prints its own in development.
        "hefboom.request": {"level": env_str("HEFBOOM_REQUEST_LOG_LEVEL",
                                             "INFO" if LOG_FORMAT == "json" else "WARNING")},
    },
}
