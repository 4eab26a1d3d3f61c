"""The API throttle holds: its counts live in the cache every worker shares, and a forged
X-Forwarded-For header does not make a client new."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db

PRODUCTION_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": django_settings.CACHE_TABLE,
}


@pytest.fixture(autouse=True)
def shared_cache(settings, monkeypatch):
    """The database cache production uses (its table made by migration), three requests a minute."""
    settings.CACHES = {"default": PRODUCTION_CACHE}
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


@pytest.fixture
def trusted_proxies(settings):
    def trust(number: int):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": number}

    return trust


def countries(api, **headers):
    return api.get(reverse("api:country-list"), headers=headers).status_code


def test_the_count_is_kept_where_every_worker_reads_it(api):
    assert [countries(api) for _ in range(3)] == [200] * 3

    # Another worker: a cache object of its own, nothing shared in this process's memory.
    other_worker = DatabaseCache(django_settings.CACHE_TABLE, {})
    assert len(other_worker.get("throttle_anon_127.0.0.1")) == 3
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {connection.ops.quote_name(django_settings.CACHE_TABLE)}")
        assert [key for (key,) in cursor.fetchall()] == [":1:throttle_anon_127.0.0.1"]

    caches.close_all()
    del caches["default"]  # this worker's cache object forgotten too
    assert countries(api) == 429


def test_a_forged_forwarded_for_header_does_not_make_a_new_client(api):
    # No trusted proxy unless DJANGO_TRUSTED_PROXIES says so: the header is not read at all.
    statuses = [countries(api, x_forwarded_for=f"198.51.100.{n}") for n in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_behind_one_proxy_the_client_is_the_address_it_appended(api, trusted_proxies):
    trusted_proxies(1)
    # Whatever the client wrote in front, the proxy's own entry (the last) names it.
    statuses = [countries(api, x_forwarded_for=f"198.51.100.{n}, 203.0.113.7") for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert countries(api, x_forwarded_for="198.51.100.1, 203.0.113.8") == 200
