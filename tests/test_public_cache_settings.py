"""The shared cache readers' pages come from: its settings, and a live Redis (REDIS_URL choosing
the Redis backend is tested with the other deployment settings, tests/test_deploy_settings.py).
The live test is skipped when no Redis server answers on this machine."""

import json
import os
import sys
import uuid

import pytest
from django.core.cache import cache
from django.test import Client

from summits import public_cache, services
from summits.models import Summit
from tests import factories
from tests.test_deploy_settings import PRODUCTION
from tests.test_settings import run

PROBE = (
    "import json, config.settings as s; print(json.dumps({'cache': s.CACHES['default'], "
    "'pages': s.PAGE_CACHE_SECONDS, 'data': s.SUMMITS_DATA_CACHE_SECONDS, "
    "'middleware': s.MIDDLEWARE[-1]}))"
)
REDIS_URL = os.environ.get("SUMMITS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def probe(**env):
    result = run(sys.executable, "-c", PROBE, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_pages_are_cached_five_minutes_in_production_and_not_in_debug():
    production = probe()
    assert (production["pages"], production["data"]) == (300, 300)
    assert production["middleware"] == "summits.public_cache.PublicPageCacheMiddleware"
    assert production["cache"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    debug = probe(DJANGO_DEBUG="1")
    assert (debug["pages"], debug["data"]) == (0, 0)


def test_each_duration_comes_from_the_environment():
    settings = probe(DJANGO_PAGE_CACHE_SECONDS="600", SUMMITS_DATA_CACHE_SECONDS="0")
    assert (settings["pages"], settings["data"]) == (600, 0)


@pytest.fixture
def redis_cache(settings):
    """The live Redis server, under a key prefix of this test's own (the server may be shared:
    only these keys are deleted afterwards, never the whole database)."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis server answers at {REDIS_URL}")
    prefix = f"summits-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGE_CACHE_SECONDS = settings.SUMMITS_DATA_CACHE_SECONDS = 300
    yield cache
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(match=f"{prefix}:*"):
        server.delete(key)


@pytest.mark.django_db
def test_pages_from_a_live_redis_cost_no_query(
    redis_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        summit = factories.SummitFactory(title="Kept in Redis")
    reader = Client()
    first = reader.get(summit.get_absolute_url())
    with django_assert_num_queries(0):
        second = reader.get(summit.get_absolute_url())
    assert second.content == first.content
    assert redis_cache.get(public_cache.GENERATION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        services.unpublish_summits(summits=Summit.objects.filter(pk=summit.pk))
    assert reader.get(summit.get_absolute_url()).status_code == 404
