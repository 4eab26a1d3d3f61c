"""Readers' pages and the API from the shared cache, invalidated by every editor's write.

Anonymous GET (and HEAD) responses of the public pages and the API are kept in the shared cache
(``CACHES["default"]``: the database cache, or Redis with ``REDIS_URL``) for
``PAGE_CACHE_SECONDS``; costly figures every reader sees (the archive's counts) are kept the same
way for ``SUMMITS_DATA_CACHE_SECONDS`` (``cached_data``). Either at 0 turns that part off.

Invalidation is by generation: each entry is stored beside the generation it was computed under,
a token kept in the cache itself, and is served only while that token is current. Every write
that changes what readers see replaces the token after its transaction commits (``invalidate``:
the write services call it, and the receivers at the end of this module call it for any other
save or delete of a public row, the admin's included), and ``manage.py clear_public_cache``
replaces it at once. The token is read in the same round trip as the entry, so a page served
from the database cache costs one query, and none from Redis.

A token, not a counter: if the cache loses the key (evicted, or culled by the database cache),
a fresh token is drawn and no entry stored before can ever match it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

from . import models
from .api.middleware import JSONServerErrorMiddleware

logger = logging.getLogger(__name__)

GENERATION_KEY = "public:generation"
PAGE_KEY_PREFIX = "public:page:"
DATA_KEY_PREFIX = "public:data:"

# The URL namespaces whose anonymous answers are cached, and the views of them that never are.
CACHED_NAMESPACES = {"summits", "api"}
UNCACHED_VIEWS = {"summits:summit-preview"}  # an editor's draft, behind a login
# Request headers a namespace's responses may vary on: part of the key. The API negotiates its
# format on Accept; the pages vary on nothing but the cookies, and a request carrying the session
# or the messages cookie is never served from the cache. A response that varies on anything else
# is not stored.
KEYED_HEADERS = {"summits": (), "api": ("Accept",)}
VARY_ALLOWED = {"cookie"}

T = TypeVar("T")


# --- The generation -------------------------------------------------------------------------------


def clear() -> str:
    """Make every cached page and figure stale at once; return the new generation."""
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, timeout=None)
    return generation


def _generation(found: dict) -> str:
    """The current generation from a ``get_many`` that asked for it, drawn anew if the cache lost it."""
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def caching() -> bool:
    return bool(settings.PAGE_CACHE_SECONDS or settings.SUMMITS_DATA_CACHE_SECONDS)


# The connection's bump waiting for its transaction to commit, if any.
PENDING_ATTRIBUTE = "summits_public_cache_bump"


def invalidate(*, using: str | None = None) -> None:
    """Make what readers are served stale once the current transaction commits (at once outside one).

    Called by every write that changes a public page; many calls in one transaction bump the
    generation once. A cache that fails then is logged, not raised: the write has committed.
    """
    if not caching():
        return
    connection = transaction.get_connection(using)
    pending = getattr(connection, PENDING_ATTRIBUTE, None)
    # Still waiting for this transaction's commit: not run yet, nor dropped by a rollback.
    if pending is not None and any(entry[1] is pending for entry in connection.run_on_commit):
        return

    def bump() -> None:
        setattr(connection, PENDING_ATTRIBUTE, None)
        clear()

    setattr(connection, PENDING_ATTRIBUTE, bump)
    transaction.on_commit(bump, using=using, robust=True)


# --- Figures --------------------------------------------------------------------------------------


def cached_data(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the cache for ``SUMMITS_DATA_CACHE_SECONDS`` under the generation.

    The generation is read before computing: a write that commits meanwhile leaves the value
    stored under the old generation, which is never served again.
    """
    seconds = settings.SUMMITS_DATA_CACHE_SECONDS
    if not seconds:
        return compute()
    key = DATA_KEY_PREFIX + name
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = _generation(found)
    except DatabaseError:
        raise  # the database cache: computing would fail the same way
    except Exception:
        logger.warning("cache unavailable: %s computed anew", name, exc_info=True)
        return compute()
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    with contextlib.suppress(Exception):  # kept next time, if the cache is back
        cache.set(key, (generation, value), seconds)
    return value


# --- Pages ----------------------------------------------------------------------------------------


def _namespace(request: HttpRequest) -> str | None:
    """The cached namespace the request's view belongs to, or None if it is not cached."""
    match = request.resolver_match
    if match is None or match.namespace not in CACHED_NAMESPACES or match.view_name in UNCACHED_VIEWS:
        return None
    return match.namespace


def _anonymous(request: HttpRequest) -> bool:
    """Whether the request carries nothing that could make its answer its own: no credentials
    (session cookie, Authorization header) and no messages waiting for it."""
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not ({settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name} & request.COOKIES.keys())


def page_key(request: HttpRequest, namespace: str) -> str:
    """The request's entry: its full address (query string included) and the headers its
    namespace varies on. HEAD is answered from GET's entry."""
    parts = [request.build_absolute_uri()]
    parts += [f"{header}={request.headers.get(header, '')}" for header in KEYED_HEADERS[namespace]]
    return PAGE_KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _vary_allowed(response: HttpResponse, namespace: str) -> bool:
    varies = {h.strip().lower() for h in cc_delim_re.split(response.get("Vary", "")) if h.strip()}
    return varies <= VARY_ALLOWED | {h.lower() for h in KEYED_HEADERS[namespace]}


def _storable(request: HttpRequest, response: HttpResponse, namespace: str) -> bool:
    """Whether the view's response is the same for every anonymous reader of this address."""
    cache_control = response.get("Cache-Control", "").lower()
    messages = getattr(request, "_messages", None)
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and _vary_allowed(response, namespace)
        # a CSRF token in the page: the middleware then sets the reader's own cookie
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not getattr(messages, "added_new", False)
        and not getattr(user, "is_authenticated", False)
    )


def _throttled(request: HttpRequest) -> bool:
    """Whether an API view's throttles refuse the request. A cached answer still counts against
    the anonymous rate (``DJANGO_API_ANON_RATE``), as it would uncached."""
    from rest_framework.views import APIView

    func = request.resolver_match.func
    view_class = getattr(func, "cls", None)
    if view_class is None or not issubclass(view_class, APIView):
        return False
    view = view_class(**getattr(func, "initkwargs", {}))
    # Every throttle is asked, as DRF asks them: each records the request in its own history.
    answers = [throttle.allow_request(request, view) for throttle in view.get_throttles()]
    return not all(answers)


class PublicPageCacheMiddleware:
    """Serves anonymous readers' GETs of public pages and the API from the shared cache.

    Last in ``MIDDLEWARE``: it answers in ``process_view``, once the address is resolved, so a
    cached response goes out through every other middleware as a fresh one does (security
    headers, Content-Security-Policy, X-Frame-Options), and it stores the view's own response,
    before they add theirs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        miss = getattr(request, "_public_cache_miss", None)
        if miss is not None:
            key, generation, namespace = miss
            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(
                    lambda r: self.store(request, r, key, generation, namespace)
                )
            else:
                self.store(request, response, key, generation, namespace)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or not _anonymous(request)
        ):
            return None
        namespace = _namespace(request)
        if namespace is None:
            return None
        key = page_key(request, namespace)
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = _generation(found)
        except DatabaseError as exc:
            # The database cache, and so the database, failed: the view would fail the same way.
            # It is answered as the view's failure would be, without a second wait for the database.
            if namespace == "api":
                return JSONServerErrorMiddleware(self.get_response).process_exception(request, exc)
            raise
        except Exception:  # Redis unreachable: the database can still answer
            logger.warning("cache unavailable: %s served uncached", request.path, exc_info=True)
            return None
        entry = found.get(key)
        if entry is not None and entry[0] == generation and not (namespace == "api" and _throttled(request)):
            return entry[1]
        request._public_cache_miss = (key, generation, namespace)
        return None

    @staticmethod
    def store(request, response, key: str, generation: str, namespace: str) -> None:
        if not _storable(request, response, namespace):
            return
        try:
            cache.set(key, (generation, response), settings.PAGE_CACHE_SECONDS)
        except Exception:  # the reader has the page all the same
            logger.warning("cache unavailable: %s not stored", request.path, exc_info=True)


# --- Writes that bypass the services --------------------------------------------------------------
# A safety net under the services' own calls (STYLE.md allows signals that refresh an index after
# commit; the page cache is one): any save or delete of a row the public pages show, the admin's
# change forms among them, makes the pages stale once it commits. Links (a summit's topics, an
# agreement's parties) change with a save of the row they belong to; a receiver of m2m_changed
# would cost every import a query (Django adds links without checking for existing ones only
# when nothing listens).

PUBLIC_MODELS = (
    models.Agreement,
    models.AgreementSource,
    models.Article,
    models.Attendance,
    models.Country,
    models.Organisation,
    models.Participant,
    models.ParticipantAlias,
    models.ParticipantRedirect,
    models.Statement,
    models.StatementSource,
    models.Summit,
    models.Topic,
)


def public_row_changed(sender, instance, using=None, **kwargs):
    invalidate(using=using)


for _model in PUBLIC_MODELS:
    post_save.connect(
        public_row_changed, sender=_model, dispatch_uid=f"summits_public_cache_{_model.__name__}"
    )
    post_delete.connect(
        public_row_changed, sender=_model, dispatch_uid=f"summits_public_cache_{_model.__name__}"
    )
