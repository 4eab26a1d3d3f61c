"""Settings for Summit Archive, read from the environment.

DATABASE_URL        database (default: the embedded SQLite file db.sqlite3 in the project)
DJANGO_CONN_MAX_AGE seconds a database connection is kept open for the next requests (default 60; 0,
                    a connection per request, with debug on)
DJANGO_DB_CONNECT_TIMEOUT  seconds to wait for PostgreSQL to accept a connection (default 5)
DJANGO_DEBUG        "1"/"true" turns debug on; off otherwise
DJANGO_SECRET_KEY   required when debug is off
DJANGO_ALLOWED_HOSTS comma-separated host names (default: localhost names only)
DJANGO_STATIC_ROOT  where collectstatic puts the static files (default: staticfiles/ in the project)
DJANGO_LOG_FORMAT   "json" (the default with debug off) or "text" (the default with debug on)
SUMMITS_DATA_LICENCE, SUMMITS_DATA_LICENCE_URL  the public data's licence (default: CC BY 4.0)
Serving over HTTPS behind a proxy, the cache and trusted proxies: see "Security and abuse limits" below.
DJANGO_LOGIN_FAILURE_LIMIT, DJANGO_LOGIN_COOLOFF_HOURS  failed logins before a lockout (5), and its length (1)
DJANGO_TASKS_BACKEND  where queued imports wait: "database" (the default) or "rq" (Redis, at REDIS_URL)
DJANGO_SEARCH_CANDIDATES  matches of each kind a search ranks, the newest (default 1000)
SUMMITS_IMPORT_RETRIES, SUMMITS_IMPORT_RETRY_DELAY  retries of an import the database failed (3), and the
                    seconds before the first one (30, doubling each time)
DJANGO_PAGE_CACHE_SECONDS  how long anonymous readers may be served a page or API answer from the cache
                    (300; 0 turns it off, and is the default in debug)
SUMMITS_DATA_CACHE_SECONDS  how long the archive's counts are kept in the cache (300; 0 in debug)
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# Without debug there is no fallback key. Commands that sign nothing (import_article, migrate)
# still run without one; Django refuses any use of an empty key, and the web server refuses to
# start (require_secret_key, called by config/wsgi.py and config/asgi.py).
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-local-development-only"


def require_secret_key() -> None:
    """The site is never served without a secret key."""
    if not SECRET_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")


ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "summits.apps.SummitsAdminConfig",  # django.contrib.admin, with the editors' index
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "summits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "summits.api.middleware.JSONServerErrorMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the others, as django-axes asks: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
    # Innermost: a cached page goes out through every middleware above, as a fresh one does.
    "summits.public_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Opening a connection per request cost the fast pages half their time (issue 15).
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0" if DEBUG else "60")),
        # A persistent connection left broken by a database restart is replaced, not served a 500.
        conn_health_checks=True,
    )
}
# Seconds to wait for PostgreSQL to accept a connection: a database host that does not answer
# costs each request that long and the 500 page, instead of holding the worker until gunicorn's
# timeout kills it. A connect_timeout in DATABASE_URL's query (?connect_timeout=10) wins.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "config.static_storage.GzipManifestStaticFilesStorage"
        )
    },
}

# Largest article the importer accepts, in bytes.
SUMMITS_MAX_ARTICLE_BYTES = int(os.environ.get("SUMMITS_MAX_ARTICLE_BYTES", str(2 * 1024 * 1024)))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "summits.api.schema.ArchiveAutoSchema",
    # Token first: an anonymous write then gets 401 with a WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["summits.api.permissions.IsStaffOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "summits.api.pagination.ArchivePagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("DJANGO_API_ANON_RATE", "120/minute")},
    # The throttle's client address: X-Forwarded-For is read only as far as the trusted proxies
    # appended to it (0: REMOTE_ADDR alone, so a forged header cannot pose as a new client).
    "NUM_PROXIES": int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0")),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Summit Archive API",
    "DESCRIPTION": (
        "Diplomatic summits: who met whom, where and when, what they said and agreed.\n\n"
        "Anyone may read published summits, the people who attended them and the statements and "
        "agreements no editor rejected. Staff, authenticated by session or by "
        "`Authorization: Token <key>`, may also read drafts and create and update records; every "
        "change is kept in the edit history. Lists are paginated (`page`, `page_size` up to 100) "
        "and also come as CSV with `?format=csv` or `Accept: text/csv`. A query parameter an endpoint "
        "does not know is refused (400, naming it and listing the allowed ones), never ignored."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SummitStatusEnum": "summits.models.Summit.Status",
        "AgreementStatusEnum": "summits.models.Agreement.Status",
        "ReviewStatusEnum": "summits.models.ReviewStatus",
        "SummitKindEnum": "summits.models.Summit.Kind",
        "StatementKindEnum": "summits.models.Statement.Kind",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Logs go to stderr: JSON lines for a collector in production (summits.jsonlog), plain text for
# a person at a terminal. The app's own records (one per imported article) are on at INFO.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json").strip().lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT must be json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "summits.jsonlog.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {"summits": {"level": os.environ.get("SUMMITS_LOG_LEVEL", "INFO")}},
}

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)

# The licence of the archive's public data, shown on /about/data/ and sent with every download.
SUMMITS_DATA_LICENCE = os.environ.get("SUMMITS_DATA_LICENCE", "CC BY 4.0")
SUMMITS_DATA_LICENCE_URL = os.environ.get(
    "SUMMITS_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"
)

# dumpdata/loaddata keep timestamps to the microsecond (Django's JSON cuts them to milliseconds).
SERIALIZATION_MODULES = {"json": "summits.json_fixtures"}

# Security and abuse limits. The site is served over HTTPS by a reverse proxy that terminates
# TLS and passes X-Forwarded-Proto; plain HTTP is redirected, and browsers are told (HSTS) to
# use HTTPS only.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Trusting the header is safe only behind a proxy that sets it on every request (turn it off otherwise).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", True) else None
)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Shared by every worker, so the API throttle counts a client's requests once, whichever worker
# serves them, and readers' pages are cached once for all: the database by default (its table is
# made by migration 0009), Redis when REDIS_URL is set (the `redis` package is in the requirements).
CACHE_TABLE = "summits_cache"
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Room for a throttle history per client: culling would forget some clients' counts.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
}

# Readers' pages from the shared cache (summits/public_cache.py): anonymous GETs of the public
# pages and the API are answered from it for PAGE_CACHE_SECONDS, and the archive's counts are kept
# in it for SUMMITS_DATA_CACHE_SECONDS; every editor's write makes both stale once it commits.
# Off in debug, where a developer expects to see each change of the code at once.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))
SUMMITS_DATA_CACHE_SECONDS = int(os.environ.get("SUMMITS_DATA_CACHE_SECONDS", "0" if DEBUG else "300"))

# Background jobs (django-tasks, the task framework of Django 6): the admin's import and
# `import_article --queue` are queued and run by workers, so that no request waits for an
# extraction. By default the queue is a table of the database (django-tasks-db): `manage.py
# db_worker` processes, on this machine or any other sharing DATABASE_URL, take jobs from it.
# DJANGO_TASKS_BACKEND=rq keeps it in Redis at REDIS_URL instead; the operator then installs
# django-tasks-rq (with django-rq, rq and redis) and runs `manage.py rqworker` (see README).
TASKS_BACKEND = os.environ.get("DJANGO_TASKS_BACKEND", "database").strip().lower()
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("DJANGO_TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # RQ stops a job after DEFAULT_TIMEOUT seconds (its own default, 3 minutes, is too short
    # for the extraction of a long article).
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
else:
    raise ImproperlyConfigured("DJANGO_TASKS_BACKEND must be database or rq.")
# An import that fails because the database was unavailable (a restart, a dropped connection,
# a lock held too long) is tried again SUMMITS_IMPORT_RETRIES times, the first after
# SUMMITS_IMPORT_RETRY_DELAY seconds, each later one after twice as long as the one before.
# An article the archive refuses (no meeting, too large...) fails at once.
SUMMITS_IMPORT_RETRIES = int(os.environ.get("SUMMITS_IMPORT_RETRIES", "3"))
SUMMITS_IMPORT_RETRY_DELAY = float(os.environ.get("SUMMITS_IMPORT_RETRY_DELAY", "30"))

# Content-Security-Policy (django-csp): every script and style comes from a file on this site,
# never inline. The JSON-LD blocks on summit pages are data, not scripts, and are not blocked.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Failed logins (the admin's login form, and any other authenticate() call) are limited per
# username and client address (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT failures that
# pair is refused (429, even with the right password) for DJANGO_LOGIN_COOLOFF_HOURS.
# `manage.py axes_reset` lifts every lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(hours=float(os.environ.get("DJANGO_LOGIN_COOLOFF_HOURS", "1")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client's address as the API throttle reads it, with DJANGO_TRUSTED_PROXIES.
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"

# --- Search ---------------------------------------------------------------------------------------
# A search ranks at most this many matches of each kind, the newest; a common word is then as
# cheap to rank as a rare one (issue 15).
SEARCH_CANDIDATES = int(os.environ.get("DJANGO_SEARCH_CANDIDATES", "1000"))
