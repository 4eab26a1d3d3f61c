"""A statement or an agreement reported by several articles: the summit page names every outlet
and links each to the item's highlight in that article, every article page marks it at its own
offsets, and the statement page gives the words as each article gives them."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.several_reports import AGREED, PENDING_QUOTATION, QUOTATIONS, reported_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    return reported_by("Reuters", "CNN", "AP")


def anchor(article, item) -> str:
    return f"{article.get_absolute_url()}#span-{item._meta.model_name}-{item.pk}"


def link(article, item) -> str:
    return f'<a class="report-link" href="{anchor(article, item)}">{article.outlet}</a>'


def test_the_summit_page_names_every_outlet_of_a_statement_and_an_agreement(client, reports):
    reuters, cnn, ap = reports.articles
    html = client.get(reports.summit.get_absolute_url()).content.decode()
    statement, agreement = reports.statement, reports.agreement
    assert (
        f"Reported by {link(reuters, statement)}, {link(cnn, statement)} and {link(ap, statement)}</p>"
        in html
    )
    assert f"Reported by {link(reuters, agreement)} and {link(cnn, agreement)}</p>" in html


def test_the_summit_page_lists_every_article_with_its_original(client, reports):
    html = client.get(reports.summit.get_absolute_url()).content.decode()
    sources = html[html.index('id="sources-heading"') :]
    for article in reports.articles:
        assert f'<a href="{article.get_absolute_url()}">{article.title}</a>, {article.outlet}' in sources
        assert f'(<a href="{article.safe_url}" rel="noopener noreferrer nofollow">original</a>)' in sources
    assert "3 May 2017" in sources and "5 May 2017" in sources


def test_a_report_without_an_outlet_is_named_by_its_title(client, reports):
    cnn = reports.articles[1]
    cnn.outlet = ""
    cnn.save()
    html = client.get(reports.summit.get_absolute_url()).content.decode()
    assert f'<a class="report-link" href="{anchor(cnn, reports.statement)}">{escape(cnn.title)}</a>' in html


def test_a_pending_item_and_its_further_source_show_nowhere_on_the_summit_page(client, reports):
    html = client.get(reports.summit.get_absolute_url()).content.decode()
    assert PENDING_QUOTATION not in html
    assert f"span-statement-{reports.pending.pk}" not in html


def mark(item, words: str) -> str:
    kind = item._meta.model_name
    return f'<mark id="span-{kind}-{item.pk}" class="span span-{kind}">{escape(words)}</mark>'


def back_link(item) -> str:
    return f'href="{item.summit.get_absolute_url()}#{item._meta.model_name}-{item.pk}"'


@pytest.mark.parametrize(("index", "reports_agreement"), [(0, True), (1, True), (2, False)])
def test_every_article_page_marks_what_it_reports_at_its_own_offsets(
    client, reports, index, reports_agreement
):
    article = reports.articles[index]
    html = client.get(article.get_absolute_url()).content.decode()
    assert mark(reports.statement, QUOTATIONS[index]) + "<a" in html
    assert back_link(reports.statement) in html
    assert (mark(reports.agreement, AGREED) in html) is reports_agreement
    assert (back_link(reports.agreement) in html) is reports_agreement
    assert f"span-statement-{reports.pending.pk}" not in html  # pending: taken from Reuters, repeated by AP
    assert escape(PENDING_QUOTATION) in html  # the words stay in the text, unmarked
    assert ("2 passages highlighted" if reports_agreement else "1 passage highlighted") in html


def test_the_anchor_of_every_report_on_the_summit_page_exists_on_its_article_page(client, reports):
    summit_html = client.get(reports.summit.get_absolute_url()).content.decode()
    for item, articles in ((reports.statement, reports.articles), (reports.agreement, reports.articles[:2])):
        for article in articles:
            assert anchor(article, item) in summit_html
            page = client.get(article.get_absolute_url()).content.decode()
            assert f'id="span-{item._meta.model_name}-{item.pk}"' in page


def test_an_unpublished_summits_further_source_marks_nothing(client, reports):
    reports.summit.status = "draft"
    reports.summit.save()
    reports.summit.articles.clear()
    other = reported_by("BBC")  # the articles stay public through another summit
    other.summit.articles.add(*reports.articles)
    html = client.get(reports.articles[1].get_absolute_url()).content.decode()
    assert f"span-statement-{reports.statement.pk}" not in html
    assert "0 passages highlighted" in html


def test_the_statement_page_gives_every_report_in_its_own_words(client, reports):
    url = reverse("summits:statement-detail", kwargs={"pk": reports.statement.pk})
    html = client.get(url).content.decode()
    section = html[html.index('id="source-heading"') :]
    assert "Sources</h2>" in html
    positions = []
    for n, article in enumerate(reports.articles):
        assert f"“{escape(QUOTATIONS[n])}”" in section
        assert (
            f'<a href="{anchor(article, reports.statement)}">Read the sentence highlighted in the article</a>'
            in section
        )
        assert f'(<a href="{article.safe_url}" rel="noopener">original</a>)' in section
        positions.append(section.index(anchor(article, reports.statement)))
    assert positions == sorted(positions)  # the first article first, then in the order added


def test_the_statement_citation_names_every_article(client, reports):
    url = reverse("summits:statement-detail", kwargs={"pk": reports.statement.pk})
    ris = client.get(url, {"format": "ris"}).content.decode()
    for article in reports.articles:
        assert article.safe_url in ris


PAGES = {
    # summit, attendances, statements, their further sources, agreements, their countries,
    # organisations and further sources, articles, topics (one country attended: no other
    # meetings of two countries to look for)
    "summit": (lambda r: r.summit.get_absolute_url(), 10),
    # the article, its summits, the statements and agreements it reports (each one query)
    "first article": (lambda r: r.articles[0].get_absolute_url(), 4),
    "last article": (lambda r: r.articles[-1].get_absolute_url(), 4),
    # the statement with its speaker, summit and article; its further sources with their articles
    "statement": (lambda r: reverse("summits:statement-detail", kwargs={"pk": r.statement.pk}), 2),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("outlets", [("Reuters",), ("Reuters", "CNN", "AP")], ids=["1 source", "3 sources"])
def test_the_query_count_is_the_same_whatever_the_number_of_sources(
    client, django_assert_num_queries, page, outlets
):
    url_for, expected = PAGES[page]
    url = url_for(reported_by(*outlets))
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_the_data_exports_name_the_further_reports(client, reports):
    _, cnn, ap = reports.articles
    url = reverse("summits:data-export", kwargs={"kind": "statements", "format": "json"})
    (statement,) = json.loads(b"".join(client.get(url).streaming_content))
    assert statement["outlet"] == "Reuters"
    assert statement["further_outlets"] == ["CNN", "AP"]
    assert statement["further_article_urls"] == [
        "http://testserver" + anchor(article, reports.statement) for article in (cnn, ap)
    ]
    url = reverse("summits:data-export", kwargs={"kind": "agreements", "format": "csv"})
    (row,) = csv.DictReader(io.StringIO(b"".join(client.get(url).streaming_content).decode()))
    assert row["further_outlets"] == "CNN"
