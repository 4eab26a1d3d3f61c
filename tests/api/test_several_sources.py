"""Statements and agreements reported by several articles: ``sources`` lists every report, the
article the item was taken from first, each with its offsets and its own words."""

import pytest
from django.urls import reverse

from tests.several_reports import AGREED, PENDING_QUOTATION, QUOTATIONS, reported_by

pytestmark = pytest.mark.django_db

ABSOLUTE = "http://testserver"


@pytest.fixture
def reports():
    return reported_by("Reuters", "CNN", "AP")


def expected_source(article, words: str) -> dict:
    start = article.text.index(words)
    return {
        "article": article.pk,
        "article_url": ABSOLUTE + article.get_absolute_url(),
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat(),
        "url": article.safe_url,
        "start": start,
        "end": start + len(words),
        "text": words,
    }


def test_a_statement_lists_every_report_first_article_first(api, reports):
    url = reverse("api:statement-detail", kwargs={"pk": reports.statement.pk})
    sources = api.get(url).json()["sources"]
    assert sources == [expected_source(article, QUOTATIONS[n]) for n, article in enumerate(reports.articles)]


def test_an_agreement_lists_its_two_reports(api, reports):
    rows = api.get(reverse("api:agreement-list")).json()["results"]
    assert [row["sources"] for row in rows] == [
        [expected_source(article, AGREED) for article in reports.articles[:2]]
    ]


def test_the_summit_detail_gives_its_items_sources_and_its_articles(api, reports):
    body = api.get(reverse("api:summit-detail", kwargs={"slug": reports.summit.slug})).json()
    [statement] = body["statements"]
    assert [source["outlet"] for source in statement["sources"]] == ["Reuters", "CNN", "AP"]
    [agreement] = body["agreements"]
    assert [source["outlet"] for source in agreement["sources"]] == ["Reuters", "CNN"]
    assert [article["outlet"] for article in body["articles"]] == ["Reuters", "CNN", "AP"]


def test_a_pending_items_further_source_shows_nowhere(api, reports):
    statements = api.get(reverse("api:statement-list")).json()["results"]
    assert [row["id"] for row in statements] == [reports.statement.pk]
    assert PENDING_QUOTATION not in str(statements)
    summit = api.get(reverse("api:summit-detail", kwargs={"slug": reports.summit.slug})).json()
    assert PENDING_QUOTATION not in str(summit["statements"])
    url = reverse("api:statement-detail", kwargs={"pk": reports.pending.pk})
    assert api.get(url).status_code == 404


def test_staff_see_a_pending_items_sources(staff_api, reports):
    url = reverse("api:statement-detail", kwargs={"pk": reports.pending.pk})
    sources = staff_api.get(url).json()["sources"]
    assert [source["outlet"] for source in sources] == ["Reuters", "AP"]
    assert [source["text"] for source in sources] == [PENDING_QUOTATION] * 2


def test_an_unsafe_original_url_is_left_out(api, reports):
    cnn = reports.articles[1]
    type(cnn).objects.filter(pk=cnn.pk).update(url="javascript:alert(1)")  # a row older than the validator
    url = reverse("api:statement-detail", kwargs={"pk": reports.statement.pk})
    assert [source["url"] for source in api.get(url).json()["sources"]] == [
        reports.articles[0].safe_url,
        "",
        reports.articles[2].safe_url,
    ]


def test_the_csv_list_leaves_the_sources_to_the_json(api, reports):
    response = api.get(reverse("api:statement-list"), {"format": "csv"})
    assert response.status_code == 200
    header, *rows = response.content.decode().splitlines()
    assert "sources" not in header.split(",") and "article.outlet" in header.split(",")
    assert len(rows) == 1


def test_sources_are_read_only(staff_api, reports):
    url = reverse("api:statement-detail", kwargs={"pk": reports.statement.pk})
    response = staff_api.patch(url, {"sources": [], "text": QUOTATIONS[0]}, format="json")
    assert response.status_code == 200
    assert len(response.json()["sources"]) == 3


ONE_AND_THREE = pytest.mark.parametrize(
    "outlets", [("Reuters",), ("Reuters", "CNN", "AP")], ids=["1 source", "3 sources"]
)


@ONE_AND_THREE
def test_list_and_detail_queries_do_not_grow_with_the_sources(api, django_assert_num_queries, outlets):
    reports = reported_by(*outlets)
    with django_assert_num_queries(3):  # count, statements with summit, speaker and article, sources
        assert api.get(reverse("api:statement-list")).json()["count"] == 1
    with django_assert_num_queries(5):  # count, agreements, countries, organisations, sources
        assert api.get(reverse("api:agreement-list")).json()["count"] == 1
    with django_assert_num_queries(2):  # the statement, its sources
        assert (
            api.get(reverse("api:statement-detail", kwargs={"pk": reports.statement.pk})).status_code == 200
        )
    # summit, topics, attendances, statements and their sources, agreements, their countries,
    # organisations and sources, articles
    with django_assert_num_queries(10):
        assert api.get(reverse("api:summit-detail", kwargs={"slug": reports.summit.slug})).status_code == 200
