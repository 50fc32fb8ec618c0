"""Settings for the portal, read from environment variables only.

Development works with no variables at all (SQLite in the project folder, e-mail to
the console). With DEBUG off, SECRET_KEY and ALLOWED_HOSTS must be set: the
process stops with one sentence that says so (below, where DEBUG is read).
"""

import os
import sys
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """An empty value counts as unset (`DATABASE_URL=` in a .env file), like env_bool/env_int."""
    return os.environ.get(name) or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=True)

# With DEBUG off these two must come from the environment. A missing one stops
# the process with one sentence (SystemExit prints it without a traceback).
if not DEBUG:
    _missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env(name)]
    if _missing:
        sys.exit(
            f"Cannot start with DEBUG off: set {' and '.join(_missing)} in the environment "
            "(see the README's table of environment variables)."
        )
SECRET_KEY = env("SECRET_KEY") or ("dev-only-insecure-key" if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A failed CSRF check shows the portal's own page in the visitor's language.
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"


def runserver_site_url(argv: list[str]) -> str:
    """In development, the address `manage.py runserver [addr:]port` listens on, so the
    links in e-mails lead back to it; http://127.0.0.1:8000 otherwise."""
    if "runserver" not in argv:
        return "http://127.0.0.1:8000"
    args = [a for a in argv[argv.index("runserver") + 1 :] if not a.startswith("-")]
    host, _colon, port = (args[0] if args else "8000").rpartition(":")
    if host in ("", "0", "0.0.0.0", "[::]"):
        host = "127.0.0.1"
    return f"http://{host}:{port or '8000'}"


# Where the portal is reached from outside: every absolute link (e-mails, JSON-LD,
# sitemap, feeds) is built from it, never from the request's Host header.
_DEFAULT_SITE_URL = runserver_site_url(sys.argv) if DEBUG else "http://127.0.0.1:8000"
SITE_URL = env("SITE_URL", _DEFAULT_SITE_URL).rstrip("/")

INSTALLED_APPS = [
    "portal.admin_site.PortalAdminConfig",  # django.contrib.admin with optional 2FA
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "simple_history",
    "allauth",
    "allauth.account",
    "portal",
    "actors",
    "events",
    "accounts",
    "stats",
    "opportunities",
]

MIDDLEWARE = [
    "portal.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.health.HealthCheckMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An ETag from each page's own bytes: a browser revisiting an unchanged page
    # gets 304 Not Modified, and a changed page can never match.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguageMiddleware",
    "portal.middleware.AnonymousPageCacheMiddleware",
    "portal.middleware.UploadLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Records the logged-in user on every change history entry (portal/history.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees a view's exception first: a lock timeout is a 503, not a 500.
    "portal.busy.BusyDatabaseMiddleware",
    # Pages the same for every member, from the cache with each member's own header
    # links (portal/member_pages.py); inside every other middleware, which run as usual.
    "portal.member_pages.MemberPageCacheMiddleware",
]

if DEBUG and not env_bool("SHOW_TECHNICAL_404", False):
    MIDDLEWARE.append("portal.middleware.FriendlyNotFoundMiddleware")

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "portal.context_processors.roles",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes concurrent writers queue for the lock (up to `timeout`
    # seconds) instead of failing with "database is locked"; WAL lets readers
    # go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # While PostgreSQL is unreachable, fail the request in seconds instead of
    # holding a gunicorn thread until the worker timeout.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DB_CONNECT_TIMEOUT", 5
    )
    # Django reads a form's model choices (the municipality menus) with .iterator(),
    # which on PostgreSQL declares, fetches and closes a server-side cursor: three
    # round trips for six rows on every form shown. The portal never streams a result
    # too large for memory, so one plain query does. (Also what a transaction-pooling
    # PgBouncer needs.)
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, so that every app instance shares sessions,
# throttling counters and cached fragments; otherwise memory in each process,
# which is right for one process in development and for the tests.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis cache that answers "miss" while Redis is down (portal/cache.py).
            "BACKEND": "portal.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            # A slow or lost Redis must not hang requests: fail fast, cache misses.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    # Sessions read from the shared cache and are written through to the database,
    # so a Redis restart logs nobody out (portal/sessions.py: Django's cached_db
    # that keeps working from the database while Redis is down).
    SESSION_ENGINE = "portal.sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Not cached_db here: each process would keep its own, possibly stale, copy.
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Public pages for anonymous visitors are served from the cache this many seconds
# (portal.middleware.AnonymousPageCacheMiddleware); logged-in members never are.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 30)
# Parts of pages that are the same for every user (directory results and facet counts,
# the home page's lists) are shared in the cache this long (portal/fragments.py); a
# write to what they show outdates them at once (portal/cache_version.py). 0: off.
FRAGMENT_CACHE_SECONDS = env_int("FRAGMENT_CACHE_SECONDS", 300)

# How long a registration waits for the event's row lock on PostgreSQL before the
# visitor is asked to try again (events/services.py), in milliseconds.
SEAT_LOCK_TIMEOUT_MS = env_int("SEAT_LOCK_TIMEOUT_MS", 3000)

# Accounts (django-allauth, its account part only): the e-mail address is the login,
# and an account counts as a member once that address is confirmed by a signed link.
# One login page for everyone; the admin's login sends coordinators there.
# allauth's, loading the member's confirmed address with the user (accounts/auth_backends.py).
AUTHENTICATION_BACKENDS = ["accounts.auth_backends.AuthenticationBackend"]
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account; a change is confirmed first
ACCOUNT_CONFIRM_EMAIL_ON_GET = (
    False  # the link opens a page with a button (mail scanners click links)
)
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A changed password or address is told to the member by e-mail (OWASP ASVS 2.2.3).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_SESSION_REMEMBER = None  # the member chooses "Husk meg"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "nettsted"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_USER_DISPLAY = "accounts.identity.display_name"
# Wrong passwords are counted per account AND address together (accounts/adapter.py):
# the address that guesses is stopped for LOGIN_FAILURE_WINDOW seconds, while the
# member, from an address that has not failed, still logs in. Each address also has a
# ceiling over all accounts, so spraying one password over many accounts stops too.
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW = env_int("LOGIN_FAILURE_WINDOW", 15 * 60)
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", 30)
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{LOGIN_FAILURE_LIMIT_PER_ADDRESS}/{LOGIN_FAILURE_WINDOW}s/ip,"
        f"{LOGIN_FAILURE_LIMIT}/{LOGIN_FAILURE_WINDOW}s/key"
    ),
    "signup": "10/h/ip",
    "reset_password": "20/h/ip,3/h/key",
}
# Login throttling counts per client address: behind a proxy (nginx in deploy.md, which
# appends the client's address to X-Forwarded-For) that address is the last entry.
# Without this every client would share the proxy's address, and one attacker could
# lock everybody out. 0 = no proxy (REMOTE_ADDR is the client).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0 if DEBUG else 1)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_page"
LOGOUT_REDIRECT_URL = "home"

# How long personal data is kept: the one source for both the privacy statement
# (templates/portal/pages/privacy.*.html reads it) and `manage.py apply_retention`
# (which does exactly this, daily). Change a period here and both follow.
RETENTION = {
    # Registrations are anonymised this many months after their event.
    "registration_anonymised_after_months": 12,
    # Owned profiles not confirmed or changed for this long are hidden.
    "profile_hidden_after_months": 24,
    # Owners are reminded (remind_stale_profiles) from this age, at most monthly.
    "profile_reminder_after_months": 12,
    # Accounts whose address was never confirmed are deleted after this many days
    # (someone may have signed up with another person's address).
    "unconfirmed_account_deleted_after_days": 30,
    # Server logs: kept by the hosting, not by the portal (docs/operations.md).
    "server_log_days": 30,
}

# Argon2id first (OWASP's first choice); older hashes are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# OWASP ASVS level 1: at least 12 characters (more than the 8 ASVS asks), no common
# or breached-looking password (Django's list of 20,000), nothing like the e-mail
# address, not only digits. Checked locally: no password ever leaves the server.
PASSWORD_MIN_LENGTH = 12
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The admin's address; a less obvious one keeps password-guessing bots off the login.
ADMIN_URL = env("ADMIN_URL", "admin/").strip("/") + "/"
# Coordinators must confirm their login with a code from an authenticator app
# (django-otp, TOTP) before the admin opens. Create the first device with
# `manage.py add_totp_device`.
REQUIRE_2FA_FOR_STAFF = env_bool("REQUIRE_2FA_FOR_STAFF", False)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Kreative Øvre Romerike")
# Registrations accepted per hour from one client address and for one e-mail address
# (each sends an e-mail with a calendar file); see portal/ratelimit.py.
REGISTRATION_LIMIT_PER_ADDRESS = env_int("REGISTRATION_LIMIT_PER_ADDRESS", 20)
REGISTRATION_LIMIT_PER_EMAIL = env_int("REGISTRATION_LIMIT_PER_EMAIL", 5)

# Language and time. Norwegian Bokmål is the source language of every string;
# English comes from locale/en. See docs/architecture.md for why.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# Static files: hashed and compressed by whitenoise, served by the app itself.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Media on local disk by default; MEDIA_STORAGE=s3 puts it in an S3-compatible
# object store (AWS, MinIO, a Norwegian cloud's S3) so app instances share it.
MEDIA_STORAGE = env("MEDIA_STORAGE", "local")
_media_storage: dict[str, Any]
if MEDIA_STORAGE == "local":
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": env("AWS_S3_LOCATION", "media"),
            # Profile images are public: plain, cacheable URLs without signatures.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "default_acl": env("AWS_DEFAULT_ACL") or None,
            "file_overwrite": False,
        },
    }
    if not env("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}.")
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads: refused above this size by the app (the proxy should match, see docs).
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 8 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# E-mail: printed to the console in development.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kreative Øvre Romerike <post@kreativ.example.no>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CONTACT_EMAIL = env("CONTACT_EMAIL", "kreativ@ullensaker.kommune.no")
# Messages through the contact form on profiles, per sender (e-mail and address) per hour.
CONTACT_LIMIT_MEMBER = env_int("CONTACT_LIMIT_MEMBER", 10)
CONTACT_LIMIT_VISITOR = env_int("CONTACT_LIMIT_VISITOR", 3)

# Security defaults that hold in every environment; production hardening lives
# below and is switched on with DEBUG off.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Load balancers and the container HEALTHCHECK ask over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    # `preload` in the header only allows a later, deliberate submission of the
    # domain to the browsers' preload list; on its own it changes nothing.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Content-Security-Policy (django-csp 4): only the portal's own files, no inline
# script or style. A script that must be inline takes the request's nonce
# (`nonce="{{ request.csp_nonce }}"`); JSON-LD is data, not script, and needs none.
_media_origin = []
if MEDIA_STORAGE == "s3":
    _media_host = env("AWS_S3_CUSTOM_DOMAIN") or env("AWS_S3_ENDPOINT_URL")
    if _media_host:
        _media_origin = [_media_host if "://" in _media_host else f"https://{_media_host}"]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [],
    "DIRECTIVES": {
        # Nothing by default; each kind of content the portal uses is named below.
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_origin],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Browsers post what was blocked here; it lands in the log (portal/csp_reports.py).
        "report-uri": ["/csp-rapport/"],
        **({} if DEBUG else {"upgrade-insecure-requests": True}),
    },
}

# Logs: standard output only (the process manager or container runtime collects
# them). JSON lines with the request id in production, readable text in development.
LOG_FORMAT = env("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "portal.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own console handler would print every django.* line a second
        # time, as plain text on standard error: everything goes through root.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "INFO", "propagate": True},
    },
}
