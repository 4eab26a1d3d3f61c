"""What keeps the public pages flat on a large archive (issue 15): a typed participant filter,
capped and paginated lists, a bounded search, stored article vectors kept right under concurrent
writes, the indexes the lists are read through, and a map of the busiest places only."""

import importlib
import threading

import pytest
from django.db import connection, connections, transaction
from django.db.migrations.state import ProjectState
from django.urls import reverse

from summits import maps, search, selectors
from summits.models import Article, Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
scale_migration = importlib.import_module("summits.migrations.0011_scale_indexes_and_article_vector")


def titles(response) -> list[str]:
    return [summit.title for summit in response.context["summits"]]


# --- The summit list's participant filter ---------------------------------------------------------


def test_the_participant_filter_is_typed_not_a_list_of_everyone(client, archive):
    html = client.get(reverse("summits:summit-list")).content.decode()
    start = html.index('<form class="filters"')
    form = html[start : html.index("</form>", start)]
    assert '<input type="text" name="participant"' in form
    assert "recep-tayyip-erdogan" not in form and "Recep Tayyip Erdogan" not in form
    assert 'value="TR"' in form  # countries and topics are still offered as choices


@pytest.mark.parametrize("typed", ["recep-tayyip-erdogan", " Recep-Tayyip-Erdogan "])
def test_the_participant_filter_finds_a_person_by_slug(client, archive, typed):
    elsewhere = factories.SummitFactory(title="Without Erdogan")
    factories.AttendanceFactory(summit=elsewhere, participant=archive.putin)
    response = client.get(reverse("summits:summit-list"), {"participant": typed})
    assert response.status_code == 200
    assert titles(response) == [archive.summit.title]


def test_an_unknown_participant_is_an_empty_list_with_a_message(client, archive):
    response = client.get(reverse("summits:summit-list"), {"participant": "no-such-person"})
    assert response.status_code == 400
    assert titles(response) == []
    assert "No participant has this address name" in response.content.decode()


# --- Paginated pages ------------------------------------------------------------------------------


def test_the_country_page_lists_twenty_summits_a_page(client, db):
    for n in range(21):
        factories.SummitFactory(title=f"Summit {n:02}", city="Ankara", country=factories.country("TR"))
    url = reverse("summits:country-detail", kwargs={"code": "tr"})
    first = client.get(url).context["hosted"]
    assert len(first) == 20 and first.has_next()
    second = client.get(url, {"hosted_page": 2}).context["hosted"]
    assert len(second) == 1 and not second.has_next()


def test_the_participant_page_lists_fifty_statements_a_page(client, db):
    summit = factories.SummitFactory()
    speaker = factories.ParticipantFactory(name="Ann Speaker", slug="ann-speaker")
    factories.AttendanceFactory(summit=summit, participant=speaker)
    for n in range(51):
        factories.StatementFactory(summit=summit, speaker=speaker, article=None, text=f"Statement number {n}")
    first = client.get(speaker.get_absolute_url()).context["statements_page"]
    assert len(first) == 50 and first.has_next()
    second = client.get(speaker.get_absolute_url(), {"page": 2}).context["statements_page"]
    assert len(second) == 1 and not second.has_next()


def test_the_summit_list_counts_no_further_than_its_cap(client, db, monkeypatch):
    monkeypatch.setattr("summits.paginators.COUNT_LIMIT", 3)
    for n in range(5):
        factories.SummitFactory(title=f"Summit {n}")
    response = client.get(reverse("summits:summit-list"))
    assert "More than 3 summits" in response.content.decode()
    assert len(titles(response)) == 5


# --- Search ---------------------------------------------------------------------------------------


@pytest.fixture
def cooperation(db, django_capture_on_commit_callbacks):
    """Three statements holding "cooperation", oldest first: the oldest says it most often."""
    with django_capture_on_commit_callbacks(execute=True):
        summit = factories.SummitFactory()
        texts = [
            "Cooperation, cooperation and cooperation again.",
            "Cooperation on trade, energy, roads, ports, fishing and many other things.",
            "Cooperation and cooperation.",
        ]
        return [factories.StatementFactory(summit=summit, article=None, text=text) for text in texts]


def test_search_ranks_the_newest_candidates_only(client, cooperation, settings):
    oldest, middle, newest = cooperation
    settings.SEARCH_CANDIDATES = 2
    page = client.get(reverse("summits:search"), {"q": "cooperation"}).context["statements_page"]
    assert [s.pk for s in page] == [newest.pk, middle.pk]  # ranked: "cooperation" twice, then once
    assert page.paginator.count == 2 and not page.paginator.count_is_exact
    settings.SEARCH_CANDIDATES = 10
    page = client.get(reverse("summits:search"), {"q": "cooperation"}).context["statements_page"]
    assert [s.pk for s in page][0] == oldest.pk
    assert page.paginator.count == 3 and page.paginator.count_is_exact


def test_the_capped_count_says_more_than(client, cooperation, settings):
    settings.SEARCH_CANDIDATES = 2
    html = client.get(reverse("summits:search"), {"q": "cooperation"}).content.decode()
    assert "(more than 2)" in html


def test_an_article_is_found_by_its_stored_vector(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.ArticleFactory(title="Talks", text="The leaders discussed asparagus farming.")
        factories.SummitFactory().articles.add(article)
    if connection.vendor == "postgresql":
        article.refresh_from_db()
        assert "asparagus" in str(article.search_vector)
    assert list(selectors.search_articles("asparagus")) == [article]


@on_postgresql
def test_the_migration_stores_the_vectors_of_existing_articles(db):
    article = factories.ArticleFactory(title="Talks", text="The leaders discussed asparagus farming.")
    factories.SummitFactory().articles.add(article)
    Article.objects.update(search_vector=None)
    with connection.schema_editor() as editor:
        scale_migration.store_article_vectors(ProjectState().apps, editor)
    article.refresh_from_db()
    assert "asparagus" in str(article.search_vector)
    assert list(selectors.search_articles("asparagus")) == [article]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_refresh_that_waits_for_a_writer_indexes_what_it_wrote():
    """A writer holds the statement's row and renames its speaker; a refresh of the statement
    started meanwhile waits for it and must index the new name, not the one it saw first."""
    # no country: a transactional test may run after another emptied the seeded table
    speaker = factories.ParticipantFactory(name="Olga Oldname", slug="olga", country=None)
    statement = factories.StatementFactory(
        summit=factories.SummitFactory(country=None), speaker=speaker, article=None, text="Hello."
    )
    search.update_search_vectors(Statement, [statement.pk])
    writer_has_lock, writer_may_commit = threading.Event(), threading.Event()

    def writer():
        try:
            with transaction.atomic():
                Statement.objects.select_for_update().get(pk=statement.pk)
                type(speaker).objects.filter(pk=speaker.pk).update(name="Nadia Newname")
                writer_has_lock.set()
                writer_may_commit.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=writer)
    thread.start()
    assert writer_has_lock.wait(10)
    # the refresh's statements start now, before the rename commits; the writer commits once
    # the refresh is waiting for its lock
    threading.Timer(0.5, writer_may_commit.set).start()
    search.update_search_vectors(Statement, [statement.pk])
    thread.join(10)
    vector = str(Statement.objects.values_list("search_vector", flat=True).get(pk=statement.pk))
    assert "newnam" in vector and "oldnam" not in vector


# --- Indexes --------------------------------------------------------------------------------------


@on_postgresql
def test_the_summit_list_is_read_in_the_order_of_an_index(db):
    factories.SummitFactory()
    sql, params = selectors.published_summits()[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        # on a handful of rows a sort is cheaper; forbid it to see which index gives the order
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "summit_published_newest_idx" in plan and "Sort" not in plan


# --- The map --------------------------------------------------------------------------------------


def test_the_map_shows_the_busiest_places_and_shades_every_host(db):
    for n in range(3):
        factories.SummitFactory(title=f"Sochi {n}", city="Sochi", country=factories.country("RU"))
    factories.SummitFactory(title="Ankara", city="Ankara", country=factories.country("TR"))
    factories.SummitFactory(title="Kazan", city="Kazan", country=factories.country("RU"))
    rows = selectors.summit_map_rows(limit=1)
    assert [(row.city, row.count) for row in rows] == [("Sochi", 3)]
    hosts = {host.code: host.hosted for host in selectors.summit_map_hosts()}
    assert hosts == {"RU": 4, "TR": 1}
    world_map = maps.world_map(rows, hosts=selectors.summit_map_hosts())
    assert [(place.city, place.count) for place in world_map.places] == [("Sochi", 3)]
    assert {host.code: host.hosted for host in world_map.hosts} == {"RU": 4, "TR": 1}
    assert Summit.objects.count() == 5


def test_the_api_counts_no_further_than_its_cap_and_links_the_next_page(client, db, monkeypatch):
    monkeypatch.setattr("summits.paginators.COUNT_LIMIT", 3)
    for n in range(5):
        factories.SummitFactory(title=f"Summit {n}")
    first = client.get(reverse("api:summit-list"), {"page_size": 2}).json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]
    third = client.get(reverse("api:summit-list"), {"page_size": 2, "page": 3}).json()
    assert len(third["results"]) == 1 and third["next"] is None and third["previous"]
