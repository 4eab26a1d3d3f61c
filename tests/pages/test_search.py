"""Full-text search: indexing after commit (PostgreSQL vectors, SQLite FTS5 tables) and querying."""

import pytest
from django.db import connection

from summits import search
from summits.models import Agreement, Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")

HOSTILE = [
    "",
    "   ",
    "!!!",
    '"unbalanced',
    "'; DROP TABLE summits_statement; --",
    "a" * 5000,
    "x\x00y",
    "((((",
    "-",
    "or",
    "<script>alert(1)</script>",
    "%_%",
    "terror* & | ! :",
]


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """A published summit with a quotation and an agreement, indexed after commit."""
    with django_capture_on_commit_callbacks(execute=True):
        summit = factories.SummitFactory(title="Putin and Erdogan meet in Sochi")
        article = factories.ArticleFactory(
            text='Putin said: "We will fight terrorism together." Both agreed to lift trade restrictions.'
        )
        speaker = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
        statement = factories.StatementFactory(
            summit=summit, article=article, speaker=speaker, text="We will fight terrorism together."
        )
        agreement = factories.AgreementFactory(
            summit=summit, article=article, text="lift trade restrictions", topic="trade"
        )
    return summit, statement, agreement


def test_finds_statement_by_its_words_and_by_its_speaker(indexed):
    _, statement, _ = indexed
    assert list(search.search(Statement.objects.all(), "terrorism")) == [statement]
    assert list(search.search(Statement.objects.all(), "putin")) == [statement]
    assert list(search.search(Statement.objects.all(), "tourism")) == []


def test_finds_agreement_and_summit(indexed):
    summit, _, agreement = indexed
    assert list(search.search(Agreement.objects.all(), "trade")) == [agreement]
    assert list(search.search(Summit.objects.all(), "Sochi")) == [summit]


def test_highlights_the_matching_words(indexed):
    row = search.search(Statement.objects.all(), "terrorism").get()
    assert "<mark>terrorism</mark>" in search.highlight_snippet(row, "terrorism")


@on_postgresql
def test_vectors_are_written_after_commit_and_weighted(indexed):
    _, statement, _ = indexed
    statement.refresh_from_db()
    assert "terror':" in statement.search_vector and "putin':" in statement.search_vector
    assert "A" in statement.search_vector.split("terror':")[1].split(" ")[0]
    assert "B" in statement.search_vector.split("putin':")[1].split(" ")[0]


@on_postgresql
def test_nothing_is_indexed_before_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        statement = factories.StatementFactory(text="We agreed to work together,")
    statement.refresh_from_db()
    assert statement.search_vector is None
    assert callbacks


def test_ranked_by_weight(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        summit = factories.SummitFactory()
        in_text = factories.StatementFactory(summit=summit, text="We agreed to work together,")
        by_speaker = factories.StatementFactory(
            summit=summit,
            text="We agreed to work together,",
            speaker=factories.ParticipantFactory(name="Together Smith", slug="together-smith"),
        )
        in_text.text = "Together we will trade, together, together"
        in_text.save()
    assert list(search.search(Statement.objects.all(), "together")) == [in_text, by_speaker]


def test_refresh_search_index_after_bulk_create(django_capture_on_commit_callbacks):
    summit = factories.SummitFactory()
    article = factories.ArticleFactory()
    with django_capture_on_commit_callbacks(execute=True):
        created = Statement.objects.bulk_create(
            [Statement(summit=summit, article=article, text="Sanctions will be lifted")]
        )
        search.refresh_search_index(summit_ids=[summit.pk])
    assert list(search.search(Statement.objects.all(), "sanctions")) == created


def test_renaming_a_speaker_reindexes_their_statements(indexed, django_capture_on_commit_callbacks):
    _, statement, _ = indexed
    with django_capture_on_commit_callbacks(execute=True):
        statement.speaker.name = "Wladimir Poutine"
        statement.speaker.save()
    assert list(search.search(Statement.objects.all(), "poutine")) == [statement]


def test_topics_are_indexed_with_the_summit(indexed, django_capture_on_commit_callbacks):
    summit, _, _ = indexed
    with django_capture_on_commit_callbacks(execute=True):
        summit.topics.add(factories.TopicFactory(name="counter-terrorism"))
    assert list(search.search(Summit.objects.all(), "counter-terrorism")) == [summit]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_do_not_fail(indexed, q):
    for model in (Summit, Statement, Agreement):
        results = list(search.search(model.objects.all(), q))
        assert all(isinstance(r, model) for r in results)


def test_empty_query_matches_nothing(indexed):
    assert search.clean_query("  !!! ") == ""
    assert list(search.search(Statement.objects.all(), "")) == []


def test_mark_terms_escapes_text():
    html = search.mark_terms("<b>Trade</b> & trades", "trade")
    assert html == "&lt;b&gt;<mark>Trade</mark>&lt;/b&gt; &amp; <mark>trades</mark>"


def test_mark_headline_escapes_text_between_markers():
    raw = f"<i>{search.START_SEL}war{search.STOP_SEL}</i> {search.START_SEL}x"
    assert search.mark_headline(raw) == "&lt;i&gt;<mark>war</mark>&lt;/i&gt; x"
