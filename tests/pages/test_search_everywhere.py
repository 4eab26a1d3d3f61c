"""Search that finds, on both databases: accents folded, stems, phrases, prefixes; article text;
facets with counts and a date range; a "did you mean" for a misspelled name on PostgreSQL."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from summits import search
from summits.faceted_search import SearchFilters, summit_has_kind
from summits.models import Agreement, Article, ReviewStatus, Statement, Summit
from tests import factories
from tests.pages.test_search import HOSTILE

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
URL = reverse("summits:search")


def found(model, q):
    return list(search.search(model.objects.all(), q))


@pytest.fixture
def said(django_capture_on_commit_callbacks):
    """Statements indexed after commit, as a reader's search meets them."""

    def make(*texts, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            summit = fields.pop("summit", None) or factories.SummitFactory()
            fields.setdefault("article", None)
            return [factories.StatementFactory(summit=summit, text=text, **fields) for text in texts]

    return make


# --- The query language ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "fts5", "tsquery"),
    [
        ("weapon", '("weapon" OR "weapon"*)', "('weapon' | 'weapon':*)"),
        ("EU", '"EU"', "'EU'"),
        ('"state of the union"', '"state of the union"', "('state' <-> 'of' <-> 'the' <-> 'union')"),
        ("counter-terrorism", '"counter terrorism"', "('counter' <-> 'terrorism')"),
        (
            "syria or iraq",
            '(("syria" OR "syria"*) OR ("iraq" OR "iraq"*))',
            "(('syria' | 'syria':*) | ('iraq' | 'iraq':*))",
        ),
        (
            "trade -tomatoes",
            '(("trade" OR "trade"*)) NOT ("tomatoes" OR "tomatoes"*)',
            "(('trade' | 'trade':*)) & !('tomatoes' | 'tomatoes':*)",
        ),
        ('war and "peace', '("war" OR "war"*) AND "peace"', "('war' | 'war':*) & 'peace'"),
    ],
)
def test_the_query_is_rebuilt_from_its_words(q, fts5, tsquery):
    parsed = search.parse_query(q)
    assert search.to_fts5(parsed) == fts5
    assert search.to_tsquery(parsed) == tsquery


def test_words_joined_by_punctuation_are_a_phrase():
    assert search.parse_query("Erdoğan's").groups == ((search.Term(("Erdoğan", "s")),),)


@pytest.mark.parametrize("q", [*HOSTILE, '"', '-"x"', "or or or", "-a -b", 'NEAR(a b) "*" ^x', "a:b{c}"])
def test_hostile_input_is_either_nothing_or_quoted_words(q):
    parsed = search.parse_query(q)
    for word in parsed.words():
        assert word.isalnum()
    assert len([t for g in parsed.groups for t in g]) + len(parsed.excluded) <= search.MAX_TERMS


# --- What it finds --------------------------------------------------------------------------------


def test_accents_do_not_matter_either_way(said):
    with_accent, without = said("Erdoğan said Turkey would act.", "Erdogan said Turkey would act.")
    assert set(found(Statement, "Erdogan")) == {with_accent, without}
    assert set(found(Statement, "Erdoğan")) == {with_accent, without}
    assert set(found(Statement, "ERDOGAN")) == {with_accent, without}


def test_accents_in_a_speakers_name(said):
    (statement,) = said(
        "We will work together.",
        speaker=factories.ParticipantFactory(name="Recep Tayyip Erdoğan", slug="rte"),
    )
    assert found(Statement, "erdogan") == [statement]


def test_a_word_finds_its_other_forms(said):
    plural, singular = said("No weapons were delivered.", "The weapon was delivered.")
    assert set(found(Statement, "weapon")) == {plural, singular}
    assert set(found(Statement, "weapons")) == {plural, singular}


def test_a_quoted_phrase_is_a_phrase(said):
    phrase, scattered = said("We lift all trade restrictions.", "Restrictions on trade stay.")
    assert set(found(Statement, "trade restrictions")) == {phrase, scattered}
    assert found(Statement, '"trade restrictions"') == [phrase]


def test_a_word_is_also_a_prefix(said):
    (statement,) = said("We fight terrorism and Erdoğan agrees.")
    assert found(Statement, "terror") == [statement]
    assert found(Statement, "erdo") == [statement]
    assert found(Statement, "xerdo") == []


def test_or_and_leaving_a_word_out(said):
    syria, iraq = said("Syria first.", "Iraq first.")
    assert set(found(Statement, "syria or iraq")) == {syria, iraq}
    assert found(Statement, "first -iraq") == [syria]
    assert found(Statement, "-iraq") == []


def test_the_best_match_comes_first(said):
    once, thrice = said("Trade matters.", "Trade, trade and more trade.")
    assert found(Statement, "trade") == [thrice, once]


def test_matches_are_highlighted_on_both_databases(said):
    said("Erdoğan spoke of weapons.")
    row = search.search(Statement.objects.all(), "erdogan weapon").get()
    assert (
        search.highlight_snippet(row, "erdogan weapon")
        == "<mark>Erdoğan</mark> spoke of <mark>weapons</mark>."
    )


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_fail_a_page(client, archive, q):
    response = client.get(URL, {"q": q, "year": q[:10], "country": q[:5], "person": q, "from": q, "to": q})
    assert response.status_code == 200


def test_nothing_is_found_before_the_index_is_refreshed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.StatementFactory(text="Pipelines matter.", article=None)
    assert found(Statement, "pipelines") == []
    for callback in callbacks:
        callback()
    assert len(found(Statement, "pipelines")) == 1


def test_rebuild_reindexes_everything(said):
    (statement,) = said("Pipelines matter.")
    Statement.objects.filter(pk=statement.pk).update(text="Gas matters.")  # no signal
    assert found(Statement, "gas") == []
    search.rebuild_search_index()
    assert found(Statement, "gas") == [statement] and found(Statement, "pipelines") == []


def test_the_rebuild_command(said):
    (statement,) = said("Pipelines matter.")
    Statement.objects.filter(pk=statement.pk).update(text="Gas matters.")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "rebuilt" in out.getvalue() and found(Statement, "gas") == [statement]


# --- Articles -------------------------------------------------------------------------------------


def test_article_text_is_searched(client, archive):
    response = client.get(URL, {"q": "careless"})
    assert [a.pk for a in response.context["articles"]] == [archive.article.pk]
    html = response.content.decode()
    assert 'id="articles-heading">In the articles<' in html
    assert f'href="{archive.article.get_absolute_url()}"' in html
    assert "<mark>careless</mark>" in html
    assert list(response.context["statements_page"]) == []


def test_an_article_of_no_published_summit_is_not_searched(
    client, archive, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hidden = factories.ArticleFactory(text="Only a draft summit was built from this zeppelin story.")
        archive.draft.articles.add(hidden)
    assert found(Article, "zeppelin") == [hidden]
    assert client.get(URL, {"q": "zeppelin"}).context["articles"] == []


# --- Only what readers may see --------------------------------------------------------------------


@pytest.mark.parametrize("status", [ReviewStatus.PENDING, ReviewStatus.REJECTED])
def test_unreviewed_and_rejected_items_are_never_found(
    client, archive, status, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        factories.StatementFactory(
            summit=archive.summit, text="A quokka was mentioned.", review_status=status, article=None
        )
        factories.AgreementFactory(
            summit=archive.summit, text="quokka protection", review_status=status, article=None
        )
    context = client.get(URL, {"q": "quokka"}).context
    assert list(context["statements_page"]) == [] and context["agreements"] == []
    assert context["facets"].years == []


def test_drafts_are_never_found(client, archive):
    context = client.get(URL, {"q": "whisper secret"}).context
    assert list(context["statements_page"]) == [] and context["summits"] == []
    assert client.get(URL, {"q": "secret"}).context["summits"] == []
    assert found(Statement, "whisper") == [archive.draft_statement]  # indexed, yet not shown


# --- Facets and the date range --------------------------------------------------------------------


@pytest.fixture
def two_summits(django_capture_on_commit_callbacks):
    """Trade talks in Sochi (2017, Putin and Erdogan) and in Ankara (2019, Erdogan alone)."""
    with django_capture_on_commit_callbacks(execute=True):
        putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
        erdogan = factories.ParticipantFactory(name="Recep Tayyip Erdoğan", slug="recep-tayyip-erdogan")
        sochi = factories.SummitFactory(title="Sochi talks", start_date=dt.date(2017, 5, 3))
        ankara = factories.SummitFactory(
            title="Ankara talks",
            city="Ankara",
            country=factories.country("TR"),
            start_date=dt.date(2019, 4, 8),
        )
        for summit, people in ((sochi, [putin, erdogan]), (ankara, [erdogan])):
            for person in people:
                factories.AttendanceFactory(summit=summit, participant=person)
        in_sochi = factories.StatementFactory(
            summit=sochi, speaker=putin, text="Trade will grow.", article=None
        )
        in_ankara = factories.StatementFactory(
            summit=ankara, speaker=erdogan, text="Trade grew.", article=None
        )
    return sochi, ankara, in_sochi, in_ankara


def facet(context, name):
    return {v.label: v.count for v in getattr(context["facets"], name)}


def test_facets_count_the_summits_with_results(client, two_summits):
    context = client.get(URL, {"q": "trade"}).context
    assert facet(context, "years") == {"2019": 1, "2017": 1}
    assert [v.label for v in context["facets"].years] == ["2019", "2017"]
    assert facet(context, "countries") == {
        factories.country("RU").name: 1,
        factories.country("TR").name: 1,
    }
    assert facet(context, "people") == {"Recep Tayyip Erdoğan": 2, "Vladimir Putin": 1}


def test_choosing_a_facet_narrows_every_section_and_keeps_the_query(client, two_summits):
    sochi, ankara, in_sochi, in_ankara = two_summits
    year = {v.label: v for v in client.get(URL, {"q": "trade"}).context["facets"].years}["2019"]
    assert year.url.startswith("?") and "q=trade" in year.url and "year=2019" in year.url

    context = client.get(URL + year.url).context
    assert list(context["statements_page"]) == [in_ankara]
    assert facet(context, "years") == {"2019": 1}
    (chosen,) = context["facets"].chosen
    assert (chosen.heading, chosen.label) == ("Year", "2019")
    assert "year" not in chosen.remove_url and "q=trade" in chosen.remove_url

    assert list(client.get(URL, {"q": "talks", "country": "tr"}).context["summits"]) == [ankara]
    narrowed = client.get(URL, {"q": "trade", "person": "vladimir-putin"}).context
    assert list(narrowed["statements_page"]) == [in_sochi]


def test_a_date_range_narrows_the_results(client, two_summits):
    sochi, ankara, in_sochi, in_ankara = two_summits
    assert list(client.get(URL, {"q": "trade", "from": "2018-01-01"}).context["statements_page"]) == [
        in_ankara
    ]
    assert list(client.get(URL, {"q": "trade", "to": "2018-01-01"}).context["statements_page"]) == [in_sochi]
    between = client.get(URL, {"q": "trade", "from": "2017-05-03", "to": "2017-05-03"}).context
    assert list(between["statements_page"]) == [in_sochi]
    assert [c.heading for c in between["facets"].chosen] == ["From", "To"]
    html = client.get(URL, {"q": "trade", "from": "2018-01-01"}).content.decode()
    assert 'name="from" value="2018-01-01"' in html


def test_values_that_do_not_parse_are_ignored():
    query = QueryDict(mutable=True)
    query.update({"year": "20x7", "country": "R'", "person": "<b>", "from": "2017-13-40", "to": ""})
    assert not SearchFilters.from_query(query)


def test_kind_facet_only_where_summits_have_a_kind(client, two_summits):
    context = client.get(URL, {"q": "trade", "kind": "bilateral"}).context
    if summit_has_kind():
        assert "kind" in {name for name, _, _ in context["facets"].groups()} or context["facets"].kinds == []
    else:
        assert context["filters"].kind is None and context["facets"].kinds == []
        assert len(context["statements_page"]) == 2


# --- Did you mean ---------------------------------------------------------------------------------


@on_postgresql
def test_did_you_mean_a_persons_name(client, two_summits):
    response = client.get(URL, {"q": "Erdgan"})
    assert response.context["suggestion"] == "Recep Tayyip Erdoğan"
    assert "Did you mean" in response.content.decode()
    assert client.get(URL, {"q": "Erdogan"}).context["suggestion"] is None  # it finds; nothing to correct


@on_postgresql
def test_did_you_mean_an_alias(client, two_summits):
    putin = two_summits[2].speaker
    putin.alias_set.create(name="Poutine")
    assert client.get(URL, {"q": "Poutin"}).context["suggestion"] == "Vladimir Putin"


@on_postgresql
def test_no_suggestion_for_a_person_of_no_published_summit(client, two_summits):
    factories.ParticipantFactory(name="Zbigniew Brzezinski", slug="zb")
    assert client.get(URL, {"q": "Brzezinsky"}).context["suggestion"] is None


def test_no_did_you_mean_without_postgresql(client, two_summits):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    assert client.get(URL, {"q": "Erdgan"}).context["suggestion"] is None


def test_facets_hold_nothing_unpublished(client, archive):
    context = client.get(URL, {"q": "tomatoes"}).context
    assert sum(v.count for v in context["facets"].years) == 1
    assert Summit.objects.filter(status="draft").exists() and Agreement.objects.exists()
