"""Settings for the test suite: the real settings, with a test secret and fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")
# Tests (schemathesis above all) make many anonymous API requests; the throttle test sets its own.
os.environ.setdefault("DJANGO_API_ANON_RATE", "10000/minute")
# The test client and the live server speak plain HTTP.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Local memory, so that the pinned query counts are the archive's own; the throttle tests use
# the database cache that production uses (tests/api/test_abuse_limits.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests request a page, change the archive and request it again; the tests of the page cache
# turn it on themselves (tests/pages/test_public_cache.py).
PAGE_CACHE_SECONDS = 0
SUMMITS_DATA_CACHE_SECONDS = 0
# Queued imports run at once, in the test's own process, where the queue itself is not under
# test; the tests of the queue use the database backend, as production does, and run its worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SUMMITS_IMPORT_RETRY_DELAY = 0
