"""Django settings, read from environment variables with safe production defaults."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from puente.lib.private_files import private_folder

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PUENTE_VAR_DIR", BASE_DIR / "var"))


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("PUENTE_DEBUG")
TESTING = env_flag("PUENTE_TESTING")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        # Only for a developer's machine or the test suite: never valid in production.
        SECRET_KEY = "puente-insecure-development-key-not-for-production-use-0123456789"  # noqa: S105
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when PUENTE_DEBUG is off.")

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
if TESTING:
    ALLOWED_HOSTS.append("testserver")
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",
    "simple_history",
    "django_prose_editor",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "puente.accounts",
    "puente.operations",
    "puente.territory",
    "puente.directory",
    "puente.portfolio",
    "puente.iati",
    "puente.coordination",
    "puente.agreements",
    "puente.funding",
    "puente.events",
    "puente.border",
    "puente.requests",
    "puente.portal",
    "puente.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "puente.operations.limits.RequestSizeLimit",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication and messages: ends sessions too old, idle, or short of a second factor.
    "puente.accounts.middleware.SessionGuard",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
    # Innermost, so that a kept page still gets every security header on its way out.
    "puente.portal.pagecache.PublicPageCache",
]

ROOT_URLCONF = "puente.urls"
FORM_RENDERER = "puente.lib.formrender.PuenteFormRenderer"
WSGI_APPLICATION = "puente.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "puente" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "puente.accounts.roles.role_context",
                "puente.accounts.notices.bell",
                "puente.portal.views.accessibility.preferences",
                "puente.lib.formcache.release",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'puente.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded database lives here: this user's alone (puente.lib.private_files).
    private_folder(VAR_DIR)
    # WAL lets readers and the writer work side by side on the embedded database.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user before the password is even checked.
    "puente.accounts.backends.LockoutBackend",
    # Django's ModelBackend, reading the signed-in person with one raw query.
    "puente.accounts.backends.AccountBackend",
]
# Django's database sessions, read with one raw query.
SESSION_ENGINE = "puente.accounts.sessions"
LOGIN_URL = "login"
# Invitations to partner reporters use the password-reset token: a week to accept.
PASSWORD_RESET_TIMEOUT = 7 * 24 * 3600
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "puente" / "locale"]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "puente" / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Outside production, serve static files straight from the apps (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if DEBUG or TESTING:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = DEBUG

# Uploaded files live outside the web root and are served only through views that check access.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# No request body above this (the largest upload, an IATI file, may have 500 MB).
PUENTE_MAX_REQUEST_BYTES = int(os.environ.get("PUENTE_MAX_REQUEST_BYTES", str(510 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Security: strict by default, relaxed only for a developer's plain-HTTP machine.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A session lasts a working day at most, and ends after an idle spell (puente.accounts).
SESSION_COOKIE_AGE = 60 * 60 * 8
PUENTE_IDLE_MINUTES = int(os.environ.get("PUENTE_IDLE_MINUTES", "60"))
CSRF_COOKIE_HTTPONLY = True
_plain_http = DEBUG or TESTING or env_flag("PUENTE_PLAIN_HTTP")
SESSION_COOKIE_SECURE = not _plain_http
CSRF_COOKIE_SECURE = not _plain_http
SECURE_SSL_REDIRECT = not _plain_http and env_flag("PUENTE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 0 if _plain_http else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not _plain_http
SECURE_HSTS_PRELOAD = not _plain_http
BEHIND_PROXY = env_flag("PUENTE_BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Sign-in lock-out (django-axes): after PUENTE_LOGIN_FAILURES wrong passwords or codes for one
# user name from one address, that pair waits PUENTE_LOGIN_COOLOFF_MINUTES. Keyed by the pair so
# that a stranger cannot lock a colleague out from elsewhere.
AXES_FAILURE_LIMIT = int(os.environ.get("PUENTE_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("PUENTE_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Across user names, from one address (password spraying): see puente.accounts.backends.
# Signs backups (puente.operations.backup); empty: a key derived from SECRET_KEY.
PUENTE_BACKUP_KEY = os.environ.get("PUENTE_BACKUP_KEY", "")
PUENTE_LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("PUENTE_LOGIN_FAILURES_PER_ADDRESS", "20"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "puente.accounts.views.account.lockout_response"
# The client's address: X-Forwarded-For only when a proxy of ours sets it; otherwise anyone
# could send a new one with each guess and never be locked out.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_COUNT = 1 if BEHIND_PROXY else None
AXES_VERBOSE = not TESTING
# Second factor (django-otp): the name authenticator apps show next to the code.
OTP_TOTP_ISSUER = "Puente"

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    # Nonces admit the two inline tags the staff editor needs: its import map and the (empty)
    # <style> marker that stops it injecting its own styles.
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

MAILERS: dict[str, dict[str, object]] = {
    "default": {
        # Printed to the console while developing; sent through the local SMTP server otherwise.
        "BACKEND": os.environ.get(
            "PUENTE_MAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG or TESTING
            else "django.core.mail.backends.smtp.EmailBackend",
        ),
    }
}
if os.environ.get("PUENTE_SMTP_HOST"):
    MAILERS["default"] = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ["PUENTE_SMTP_HOST"],
            "port": int(os.environ.get("PUENTE_SMTP_PORT", "587")),
            "username": os.environ.get("PUENTE_SMTP_USER", ""),
            "password": os.environ.get("PUENTE_SMTP_PASSWORD", ""),
            "use_tls": True,
        },
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "puente@localhost")

# Background work (IATI imports): run at once, in the request, on the embedded set-up; with
# PUENTE_TASKS=database, queued in the database for `puente db_worker` processes, on this machine
# or others sharing the PostgreSQL database.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("PUENTE_TASKS") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "puente",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

SIMPLE_HISTORY_REVERT_DISABLED = True
PUENTE_PAGE_SIZE = 25
# Where emails point people back to (the tracking page, the staff inbox).
PUENTE_SITE_URL = os.environ.get("PUENTE_SITE_URL", "http://127.0.0.1:8000")
# Public forms: refused when sent faster than a person could fill them; filings and tracking
# attempts per address (django-ratelimit syntax).
PUENTE_FORM_MIN_SECONDS = 3
PUENTE_PQRSD_FILING_RATE = os.environ.get("PUENTE_PQRSD_FILING_RATE", "10/h")
PUENTE_PQRSD_TRACKING_RATE = os.environ.get("PUENTE_PQRSD_TRACKING_RATE", "30/h")
PUENTE_CONTACT_RATE = os.environ.get("PUENTE_CONTACT_RATE", "5/h")
# Working days the Secretariat gives itself to issue a technical viability concept.
PUENTE_CONCEPT_WORKING_DAYS = int(os.environ.get("PUENTE_CONCEPT_WORKING_DAYS", "15"))
# Calls a personal API token may make (django-ninja's rate syntax: number/s, m, h or d).
PUENTE_API_TOKEN_RATE = os.environ.get("PUENTE_API_TOKEN_RATE", "120/m")
# Days before a 5W reporting period closes when partners who have not submitted are reminded.
PUENTE_REPORT_REMINDER_DAYS = [
    int(days) for days in os.environ.get("PUENTE_REPORT_REMINDER_DAYS", "5,1").split(",") if days
]
# The department's identity as an IATI publisher (its activities are published under it).
PUENTE_IATI_ORG_REF = os.environ.get("PUENTE_IATI_ORG_REF", "CO-DEMO-54")
PUENTE_IATI_ORG_NAME = os.environ.get("PUENTE_IATI_ORG_NAME", "Gobernación de Norte de Santander")
# The IATI Datastore (`puente iati pull`): its API address, and the subscription key the IATI
# developer portal gives (free); the key is a secret, read from the environment only.
PUENTE_IATI_DATASTORE_URL = os.environ.get(
    "PUENTE_IATI_DATASTORE_URL", "https://api.iatistandard.org/datastore"
)
PUENTE_IATI_DATASTORE_KEY = os.environ.get("PUENTE_IATI_DATASTORE_KEY", "")
# Hosts an import by address may fetch from although they sit inside the server's network
# (loopback, private, link-local): none unless an operator lists them, comma-separated.
PUENTE_FETCH_ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("PUENTE_FETCH_ALLOWED_HOSTS", "").split(",")
    if host.strip()
]
