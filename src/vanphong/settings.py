"""The one settings module: every deployment difference is an environment variable.

Production is the default (DEBUG off, HTTPS on); `make run` and the test suite switch HTTPS off
explicitly because they serve plain http on 127.0.0.1.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from bootstrap_wrapper import get_bootstrap_dir
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from vanphong.core.env import (
    env_bool,
    env_int,
    env_list,
    env_path,
    env_secret,
    env_str,
    env_url,
    secret_files,
)

PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT = PACKAGE_DIR.parent.parent
VAR_DIR = env_path(
    "VANPHONG_VAR_DIR",
    _CHECKOUT / "var" if (_CHECKOUT / "pyproject.toml").exists() else Path.cwd() / "var",
)


# Generated once per installation when not given, readable by the service account only.
SECRET_KEY = env_secret("VANPHONG_SECRET_KEY", file=VAR_DIR / "secret_key", minimum=50)
DEBUG = env_bool("VANPHONG_DEBUG", default=False)
HTTPS = env_bool("VANPHONG_HTTPS", default=not DEBUG)
ALLOWED_HOSTS = env_list("VANPHONG_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("VANPHONG_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "ninja",  # its own Swagger UI files, instead of the CDN copy it falls back to
    "axes",
    "django_tasks",
    "django_tasks_db",
    "vanphong.core",
    "vanphong.org",
    "vanphong.documents",
    "vanphong.planning",
    "vanphong.directives",
    "vanphong.petitions",
    "vanphong.emulation",
    "vanphong.archives",
    "vanphong.search",
    "vanphong.web",
    "vanphong.api",
    "vanphong.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "vanphong.web.middleware.DownloadsNotStoredMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "vanphong.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "vanphong.org.middleware.UnitDirectoryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "vanphong.urls"
WSGI_APPLICATION = "vanphong.wsgi.application"

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
                "vanphong.web.context.shell",
            ],
        },
    },
]

# Mail: the console in development; set VANPHONG_EMAIL_BACKEND (and EMAIL_*) in production.
EMAIL_BACKEND = env_str("VANPHONG_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("VANPHONG_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("VANPHONG_EMAIL_PORT", 25, minimum=1)
DEFAULT_FROM_EMAIL = env_str("VANPHONG_EMAIL_FROM", "vanphong@localhost")
# Where people reach vanphong (https://vanphong.example.vn): emails link their page with it.
VANPHONG_SITE_URL = env_url("VANPHONG_SITE_URL")
# The daily reminder tells lead units of tasks due within this many working days.
VANPHONG_REMINDER_WORKING_DAYS = env_int("VANPHONG_REMINDER_WORKING_DAYS", 3, minimum=0)
# Archives: scans waiting for OCR beyond this many wait for the drain (registration never waits);
# the fixity job's time slice before it hands over to a fresh job, and its batch of files.
VANPHONG_OCR_QUEUE_LIMIT = env_int("VANPHONG_OCR_QUEUE_LIMIT", 200, minimum=1)
VANPHONG_FIXITY_BUDGET_SECONDS = env_int("VANPHONG_FIXITY_BUDGET_SECONDS", 120, minimum=1)
VANPHONG_FIXITY_BATCH = env_int("VANPHONG_FIXITY_BATCH", 500, minimum=1)

# In-process caches. `feeds`: serialised events of published weeks, which never change (see
# planning.feeds); the default of 300 entries would cull a single week of 300 entries.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "feeds": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "feeds",
        "OPTIONS": {"MAX_ENTRIES": env_int("VANPHONG_FEED_CACHE_ENTRIES", 50_000, minimum=1)},
    },
}

# --- database -------------------------------------------------------------------------------

DATABASE_URL = env_str("VANPHONG_DATABASE_URL", f"sqlite:///{VAR_DIR / 'vanphong.sqlite3'}")
_db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("VANPHONG_DB_CONN_MAX_AGE", 60))
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _sqlite_path = Path(str(_db["NAME"]))
    _sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE takes the write lock at BEGIN, so read-then-write services cannot deadlock
    # on lock upgrade; WAL lets readers go on while one writer works.
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("VANPHONG_SQLITE_TIMEOUT", 30, minimum=1),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file too: in-memory databases share one connection across threads, which
    # would hide exactly the races the concurrency tests look for.
    _db["TEST"] = {"NAME": str(_sqlite_path.with_name("test_" + _sqlite_path.name))}
    _db["CONN_MAX_AGE"] = 0
else:
    _db["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- authentication -------------------------------------------------------------------------

AUTH_USER_MODEL = "org.Person"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

AXES_FAILURE_LIMIT = env_int("VANPHONG_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("VANPHONG_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env_int("VANPHONG_PROXY_COUNT", 0, minimum=0)

SESSION_COOKIE_AGE = env_int("VANPHONG_SESSION_HOURS", 10, minimum=1) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- security (manage.py check --deploy passes with HTTPS on) -------------------------------

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
CSRF_FAILURE_VIEW = "vanphong.web.errors.csrf_failure"
SECURE_SSL_REDIRECT = HTTPS and env_bool("VANPHONG_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("VANPHONG_HSTS_SECONDS", 31_536_000, minimum=0) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every response: only this site's own scripts, styles and images (htmx and Bootstrap are served
# from here), no inline script, style or event handler, no plugins, no framing, forms posted
# here only. Bootstrap's CSS draws its icons from data: URLs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
if env_bool("VANPHONG_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- audit chain keys (see core.audit and docs/operations.md, "Audit") ------------------------

# Events are chained with HMAC-SHA256 under a key kept outside the database, so write access
# to the database alone cannot rewrite the log. Old keys only verify the events made with them.
_AUDIT_KEY_MINIMUM = 32
VANPHONG_AUDIT_KEY = env_secret(
    "VANPHONG_AUDIT_KEY", file=VAR_DIR / "audit_key", minimum=_AUDIT_KEY_MINIMUM
)
VANPHONG_AUDIT_OLD_KEYS = env_list("VANPHONG_AUDIT_OLD_KEYS", []) + secret_files(
    VAR_DIR / "audit_keys_old", minimum=_AUDIT_KEY_MINIMUM
)
if any(len(key) < _AUDIT_KEY_MINIMUM for key in VANPHONG_AUDIT_OLD_KEYS):
    raise ImproperlyConfigured(
        f"every key in VANPHONG_AUDIT_OLD_KEYS must be at least {_AUDIT_KEY_MINIMUM} characters"
    )

# --- language and time ----------------------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Dates are typed day first and times in 24 hours in every language (English's own formats
# would read 01/03/2012 as 3 January): see core.inputs.
FORMAT_MODULE_PATH = ["vanphong.core.formats"]
USE_TZ = True

# --- static files and uploads ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [("bootstrap", get_bootstrap_dir())]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "files"
WHITENOISE_USE_FINDERS = DEBUG

# --- search -------------------------------------------------------------------------------

# The Tantivy index of this node; each app node keeps its own, fed from the shared outbox.
VANPHONG_SEARCH_DIR = env_path("VANPHONG_SEARCH_DIR", VAR_DIR / "search")
# Applied outbox rows older than this are deleted; a node whose index is further behind
# rebuilds it from the database.
VANPHONG_SEARCH_OUTBOX_DAYS = env_int("VANPHONG_SEARCH_OUTBOX_DAYS", 30, minimum=1)

# --- background work ------------------------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": env_str("VANPHONG_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("VANPHONG_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
