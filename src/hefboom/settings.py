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
    "hefboom.imports.excel",
    "hefboom.imports.calendar",
    "hefboom.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("HEFBOOM_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

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

if not DEBUG and SECRET_KEY == _INSECURE_KEY and env_bool("HEFBOOM_PRODUCTION", False):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HEFBOOM_PRODUCTION is set: HEFBOOM_SECRET_KEY must be set too.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("HEFBOOM_LOG_LEVEL", "WARNING")},
}
