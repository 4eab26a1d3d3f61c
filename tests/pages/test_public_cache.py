"""Readers' pages and the API from the shared cache (summits/public_cache.py): what is served from
it, to whom, and how an editor's write makes it stale at once."""

import contextlib
import datetime as dt

import pytest
from django.conf import settings as django_settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from summits import public_cache, services
from summits.models import ReviewStatus, Statement, Summit
from tests import factories
from tests.admin.conftest import admin_url
from tests.admin.test_change_pages import management_form

pytestmark = pytest.mark.django_db

DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": django_settings.CACHE_TABLE,
}
LOCAL_MEMORY = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    """The cache on, as in production (the test settings keep it off), and empty."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.SUMMITS_DATA_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def editor_browser(editor):
    browser = Client()
    browser.force_login(editor)
    return browser


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the block leaves for after its commit, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def summit(db, committed):
    """Written as a committed transaction would be: nothing of it left waiting for a commit."""
    with committed():
        return factories.SummitFactory()


def said(summit, text, **kwargs):
    return factories.StatementFactory(summit=summit, article=None, text=text, **kwargs)


def queries_of(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, len(captured)


def retitle_behind_the_sites_back(summit, title):
    """A change no service, signal or command reports: the cached page keeps the old title."""
    Summit.objects.filter(pk=summit.pk).update(title=title)


# --- Served from the cache -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("backend", "queries"),
    [(LOCAL_MEMORY, 0), (DATABASE_CACHE, 1)],
    ids=["local memory: no query", "database cache: the entry and its generation in one query"],
)
@pytest.mark.parametrize("name", ["summits:home", "summits:summit-list", "api:summit-list"])
def test_a_readers_second_request_is_served_from_the_cache(
    settings, monkeypatch, reader, summit, backend, queries, name, django_assert_num_queries
):
    settings.CACHES = {"default": backend}
    # The API's throttle still counts a cached answer, a cache write of its own (tested below).
    monkeypatch.setattr(APIView, "throttle_classes", [])
    url = reverse(name)
    first = reader.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(queries):
        second = reader.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_a_cached_page_keeps_the_security_headers(reader, summit):
    first = reader.get(summit.get_absolute_url())
    second = reader.get(summit.get_absolute_url())
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert second[header] == first[header]


def test_a_cached_page_is_one_readers_would_see_fresh(reader, summit):
    reader.get(summit.get_absolute_url())
    retitle_behind_the_sites_back(summit, "Renamed where nobody told the cache")
    assert b"Renamed" not in reader.get(summit.get_absolute_url()).content  # from the cache
    assert reader.head(summit.get_absolute_url()).status_code == 200


def test_the_query_string_is_part_of_the_key(reader, summit):
    other = factories.SummitFactory(title="A summit of another year", start_date=dt.date(1999, 5, 1))
    everything = reader.get(reverse("summits:summit-list")).content
    of_1999 = reader.get(reverse("summits:summit-list"), {"year": 1999}).content
    assert other.title.encode() in everything and summit.title.encode() in everything
    assert other.title.encode() in of_1999 and summit.title.encode() not in of_1999


def test_the_apis_json_and_csv_are_kept_apart(reader, summit):
    url = reverse("api:summit-list")
    for _ in range(2):
        as_json = reader.get(url, HTTP_ACCEPT="application/json")
        as_csv = reader.get(url, HTTP_ACCEPT="text/csv")
        by_format = reader.get(url, {"format": "csv"})
        assert as_json["Content-Type"].startswith("application/json")
        assert as_csv["Content-Type"].startswith("text/csv")
        assert by_format["Content-Type"].startswith("text/csv")
        assert as_json.json()["results"][0]["slug"] == summit.slug
        assert summit.slug in as_csv.content.decode()


def test_the_archives_counts_and_map_are_kept_with_the_pages_off(settings, reader, summit):
    settings.PAGE_CACHE_SECONDS = 0
    response, fresh = queries_of(reader, reverse("summits:home"))
    again, counted_once = queries_of(reader, reverse("summits:home"))
    # the four counts and the map's two queries (its places, its hosts), from the local-memory cache
    assert counted_once == fresh - 4 - 2
    assert again.content == response.content


def test_the_kept_map_follows_the_lists_filters_not_its_page(settings, reader, summit):
    settings.PAGE_CACHE_SECONDS = 0
    elsewhere = factories.SummitFactory(city="Ankara", country=factories.country("TR"))
    url = reverse("summits:summit-list")
    first = reader.get(url, {"country": "tr"}).content.decode()
    assert elsewhere.get_absolute_url() in first and summit.get_absolute_url() not in map_of(first)
    assert summit.get_absolute_url() in map_of(reader.get(url).content.decode())


def test_publishing_redraws_the_kept_map(settings, reader, summit, committed):
    settings.PAGE_CACHE_SECONDS = 0
    home = reverse("summits:home")
    assert "Ankara" not in map_of(reader.get(home).content.decode())
    with committed():
        draft = factories.SummitFactory(
            city="Ankara", country=factories.country("TR"), status=Summit.Status.DRAFT
        )
    assert "Ankara" not in map_of(reader.get(home).content.decode())  # a draft is on no map
    with committed():
        services.publish_summits(summits=Summit.objects.filter(pk=draft.pk), approve_pending=True)
    assert "Ankara" in map_of(reader.get(home).content.decode())


def map_of(html: str) -> str:
    return html[html.index('<figure class="world-map') : html.index("</figure>")]


def test_nothing_is_cached_when_the_setting_is_zero(settings, reader, summit):
    settings.PAGE_CACHE_SECONDS = settings.SUMMITS_DATA_CACHE_SECONDS = 0
    _, first = queries_of(reader, reverse("summits:home"))
    _, second = queries_of(reader, reverse("summits:home"))
    assert second == first > 0
    retitle_behind_the_sites_back(summit, "Seen at once without a cache")
    assert b"Seen at once without a cache" in reader.get(summit.get_absolute_url()).content


# --- Never from the cache, never into it ---------------------------------------------------------


def test_an_editor_is_never_served_a_cached_page(reader, editor_browser, summit):
    reader.get(summit.get_absolute_url())
    retitle_behind_the_sites_back(summit, "What the editor must see")
    assert b"What the editor must see" in editor_browser.get(summit.get_absolute_url()).content
    assert b"What the editor must see" not in reader.get(summit.get_absolute_url()).content


def test_an_editors_request_does_not_fill_the_cache(reader, editor_browser, summit):
    editor_browser.get(summit.get_absolute_url())
    retitle_behind_the_sites_back(summit, "Fresh for the next reader")
    assert b"Fresh for the next reader" in reader.get(summit.get_absolute_url()).content


def test_an_api_client_with_a_token_is_never_served_from_the_cache(reader, editor, summit):
    url = reverse("api:summit-detail", args=[summit.slug])
    reader.get(url)
    retitle_behind_the_sites_back(summit, "Seen by the token")
    token = Token.objects.create(user=editor).key
    assert Client().get(url, HTTP_AUTHORIZATION=f"Token {token}").json()["title"] == "Seen by the token"


def test_a_reader_with_messages_waiting_gets_the_page_fresh(reader, summit):
    reader.get(summit.get_absolute_url())
    retitle_behind_the_sites_back(summit, "Fresh with the messages")
    reader.cookies["messages"] = "anything"
    assert b"Fresh with the messages" in reader.get(summit.get_absolute_url()).content


@pytest.mark.parametrize("url", ["/admin/login/", "/summits/a-draft/preview/"])
def test_the_admin_and_the_preview_are_not_cached(url):
    request = RequestFactory().get(url)
    request.resolver_match = resolve(url)
    assert public_cache._namespace(request) is None


def test_the_admins_login_page_is_not_stored(reader):
    assert reader.get("/admin/login/").status_code == 200
    assert not stored_pages()


def test_a_post_is_not_cached(reader, summit):
    assert reader.post(reverse("api:summit-list"), {}, content_type="application/json").status_code == 401
    assert not stored_pages()


def test_a_response_that_sets_a_cookie_or_holds_a_csrf_token_is_not_stored():
    request = RequestFactory().get("/")
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("chosen", "1")
    assert not public_cache._storable(request, with_cookie, "summits")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not public_cache._storable(request, HttpResponse("a form"), "summits")


def test_a_response_that_varies_on_another_header_is_not_stored():
    request = RequestFactory().get("/")
    response = HttpResponse("page")
    response["Vary"] = "Accept-Language"
    assert not public_cache._storable(request, response, "summits")
    response["Vary"] = "Cookie, Accept"
    assert public_cache._storable(RequestFactory().get("/api/"), response, "api")
    assert not public_cache._storable(request, response, "summits")


def test_a_cached_api_answer_still_counts_against_the_throttle(monkeypatch, reader, summit):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    url = reverse("api:summit-list")
    assert [reader.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]


def stored_pages() -> list[str]:
    return [key for key in cache._cache if public_cache.PAGE_KEY_PREFIX in key]


def test_an_unreachable_cache_serves_the_page_uncached(monkeypatch, reader, summit):
    def unreachable(*args, **kwargs):
        raise ConnectionError("the cache server does not answer")

    monkeypatch.setattr(cache, "get_many", unreachable)
    monkeypatch.setattr(cache, "set", unreachable)
    assert reader.get(summit.get_absolute_url()).status_code == 200
    assert reader.get(reverse("summits:home")).status_code == 200  # the counts computed anew


def test_a_failing_database_cache_gives_the_usual_500_once(monkeypatch, summit):
    calls = []

    def database_down(*args, **kwargs):
        calls.append(1)
        raise OperationalError("connection timeout expired")

    monkeypatch.setattr(cache, "get_many", database_down)
    browser = Client(raise_request_exception=False)
    assert browser.get(summit.get_absolute_url()).status_code == 500
    response = browser.get(reverse("api:summit-list"))
    assert (response.status_code, response.json()) == (500, {"detail": "Server error."})
    assert len(calls) == 2  # one lookup each, no second wait for the database


# --- Made stale by every editor's write -----------------------------------------------------------


def test_publishing_through_the_service_shows_at_once(reader, committed):
    with committed():
        draft = factories.SummitFactory(title="Now public", status=Summit.Status.DRAFT)
    assert b"Now public" not in reader.get(reverse("summits:summit-list")).content
    with committed():
        services.publish_summits(summits=Summit.objects.filter(pk=draft.pk), approve_pending=True)
    assert b"Now public" in reader.get(reverse("summits:summit-list")).content
    assert reader.get(draft.get_absolute_url()).status_code == 200


def test_unpublishing_through_the_service_hides_at_once(reader, summit, committed):
    assert reader.get(summit.get_absolute_url()).status_code == 200
    reader.get(reverse("api:summit-detail", args=[summit.slug]))
    with committed():
        services.unpublish_summits(summits=Summit.objects.filter(pk=summit.pk))
    assert reader.get(summit.get_absolute_url()).status_code == 404
    assert reader.get(reverse("api:summit-detail", args=[summit.slug])).status_code == 404


def test_approving_a_statement_shows_it_and_updates_the_counts(reader, summit, committed):
    with committed():
        statement = said(summit, "Words an editor has yet to approve", review_status=ReviewStatus.PENDING)
    assert b"Words an editor has yet to approve" not in reader.get(summit.get_absolute_url()).content
    before = reader.get(reverse("summits:home")).context["counts"].statements
    with committed():
        services.approve_items(items=Statement.objects.filter(pk=statement.pk))
    assert b"Words an editor has yet to approve" in reader.get(summit.get_absolute_url()).content
    assert reader.get(reverse("summits:home")).context["counts"].statements == before + 1


def test_a_write_that_is_rolled_back_keeps_the_cache(reader, summit, committed):
    reader.get(summit.get_absolute_url())
    generation = cache.get(public_cache.GENERATION_KEY)
    with committed(), contextlib.suppress(RuntimeError), transaction.atomic():
        services.unpublish_summits(summits=Summit.objects.filter(pk=summit.pk))
        raise RuntimeError("the editor's request failed after the write")
    assert cache.get(public_cache.GENERATION_KEY) == generation
    assert reader.get(summit.get_absolute_url()).status_code == 200


def test_publishing_in_the_admin_shows_at_once(reader, editor_browser, committed):
    with committed():
        draft = factories.SummitFactory(title="Published from the list", status=Summit.Status.DRAFT)
    reader.get(reverse("summits:summit-list"))
    with committed():
        editor_browser.post(
            admin_url(Summit), {"action": "publish", ACTION_CHECKBOX_NAME: [draft.pk], "pending": "approve"}
        )
    assert Summit.objects.get(pk=draft.pk).is_published
    assert b"Published from the list" in reader.get(reverse("summits:summit-list")).content


def test_editing_on_the_admins_change_page_shows_at_once(reader, editor_browser, summit, committed):
    """The change form saves the summit itself, past the services: the receivers see it."""
    assert b"Retitled in the admin" not in reader.get(summit.get_absolute_url()).content
    data = {
        "title": "Retitled in the admin",
        "slug": summit.slug,
        "status": summit.status,
        "start_date": summit.start_date.isoformat(),
        "date_precision": "day",
        "date_text": summit.date_text,
        "city": summit.city,
        "country": summit.country_id,
        **management_form("attendances", 0),
        **management_form("statements", 0),
        **management_form("agreements", 0),
        "_save": "Save",
    }
    with committed():
        assert editor_browser.post(admin_url(Summit, "change", summit.pk), data).status_code == 302
    assert b"Retitled in the admin" in reader.get(summit.get_absolute_url()).content


@pytest.mark.parametrize("kind", ["statement", "agreement"])
def test_a_further_source_added_or_removed_shows_at_once(reader, summit, committed, kind):
    """A further report of an item is a row of its own (StatementSource, AgreementSource):
    saving or deleting it makes the summit page, which names every outlet, stale."""
    with committed():
        article = factories.ArticleFactory(outlet="Second Outlet")
        factory = factories.StatementFactory if kind == "statement" else factories.AgreementFactory
        item = factory(summit=summit)
    assert b"Second Outlet" not in reader.get(summit.get_absolute_url()).content
    words = item.text
    with committed():
        source = item.further_sources.create(
            article=article,
            text=words,
            start=article.text.index(words),
            end=article.text.index(words) + len(words),
        )
    assert b"Second Outlet" in reader.get(summit.get_absolute_url()).content
    with committed():
        source.delete()
    assert b"Second Outlet" not in reader.get(summit.get_absolute_url()).content


def test_many_writes_in_one_transaction_bump_the_generation_once(monkeypatch, summit, committed):
    bumps = []
    monkeypatch.setattr(public_cache, "clear", lambda: bumps.append(1))
    with committed():
        services.save_item(item=said(summit, "Edited"), changed=["text"])
        factories.AgreementFactory(summit=summit)
        services.unpublish_summits(summits=Summit.objects.filter(pk=summit.pk))
    assert bumps == [1]
    with committed():
        services.publish_summits(summits=Summit.objects.filter(pk=summit.pk), approve_pending=True)
    assert bumps == [1, 1]


def test_clear_public_cache(reader, summit):
    reader.get(summit.get_absolute_url())
    retitle_behind_the_sites_back(summit, "After a restore")
    call_command("clear_public_cache", verbosity=0)
    assert b"After a restore" in reader.get(summit.get_absolute_url()).content


def test_a_lost_generation_makes_every_entry_stale(reader, summit):
    reader.get(summit.get_absolute_url())
    retitle_behind_the_sites_back(summit, "After an eviction")
    cache.delete(public_cache.GENERATION_KEY)
    assert b"After an eviction" in reader.get(summit.get_absolute_url()).content
