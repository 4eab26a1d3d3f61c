"""A production configuration passes Django's deployment checklist; each safeguard can be
adjusted from the environment."""

import json
import secrets
import sys

import pytest

from tests.test_settings import run

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "REDIS_URL": "",
}
PROBE = (
    "import json, config.settings as s; print(json.dumps({"
    "'ssl_redirect': s.SECURE_SSL_REDIRECT, 'proxy_ssl_header': s.SECURE_PROXY_SSL_HEADER, "
    "'hsts': [s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD], "
    "'cookies': [s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE], "
    "'health_checks': s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
    "'proxies': s.REST_FRAMEWORK['NUM_PROXIES'], 'cache': s.CACHES['default']}))"
)


def probe(**env):
    result = run(sys.executable, "-c", PROBE, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_deployment_checklist_passes_without_a_warning():
    result = run(sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_defaults():
    settings = probe()
    assert settings["ssl_redirect"] is True
    assert settings["proxy_ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert settings["hsts"] == [31536000, True, True]
    assert settings["cookies"] == [True, True]
    assert settings["health_checks"] is True
    assert settings["proxies"] == 0
    assert settings["cache"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings["cache"]["LOCATION"] == "summits_cache"


def test_debug_asks_for_no_https():
    settings = probe(DJANGO_DEBUG="1")
    assert settings["ssl_redirect"] is False
    assert settings["hsts"][0] == 0


@pytest.mark.parametrize(
    ("env", "key", "expected"),
    [
        ({"DJANGO_SECURE_SSL_REDIRECT": "0"}, "ssl_redirect", False),
        ({"DJANGO_SECURE_PROXY_SSL_HEADER": "0"}, "proxy_ssl_header", None),
        (
            {
                "DJANGO_HSTS_SECONDS": "3600",
                "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "0",
                "DJANGO_HSTS_PRELOAD": "0",
            },
            "hsts",
            [3600, False, False],
        ),
        ({"DJANGO_SECURE_COOKIES": "0"}, "cookies", [False, False]),
        ({"DJANGO_TRUSTED_PROXIES": "2"}, "proxies", 2),
        (
            {"REDIS_URL": "redis://cache.internal:6379/1"},
            "cache",
            {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://cache.internal:6379/1",
            },
        ),
    ],
)
def test_each_safeguard_comes_from_the_environment(env, key, expected):
    assert probe(**env)[key] == expected


DATABASE_OPTIONS = (
    "import json, config.settings as s; print(json.dumps(s.DATABASES['default'].get('OPTIONS')))"
)


@pytest.mark.parametrize(
    ("env", "options"),
    [
        ({"DATABASE_URL": "postgres://archive@db.internal/archive"}, {"connect_timeout": 5}),
        (
            {"DATABASE_URL": "postgres://archive@db.internal/archive", "DJANGO_DB_CONNECT_TIMEOUT": "2"},
            {"connect_timeout": 2},
        ),
        (
            {
                "DATABASE_URL": "postgres://archive@db.internal/archive?connect_timeout=12&sslmode=require",
                "DJANGO_DB_CONNECT_TIMEOUT": "2",
            },
            {"connect_timeout": 12, "sslmode": "require"},
        ),
        ({"DATABASE_URL": "sqlite:///archive.sqlite3"}, None),
    ],
    ids=["postgresql-default", "from-the-environment", "the-url-wins", "not-for-sqlite"],
)
def test_postgresql_connections_give_up_after_the_connect_timeout(env, options):
    """A database host that does not answer costs a request seconds, not the worker's timeout."""
    result = run(sys.executable, "-c", DATABASE_OPTIONS, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == options
