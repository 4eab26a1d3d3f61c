"""Downloads of the public archive (/data/<kind>.<format>) and the "About the data" page."""

import csv
import datetime as dt
import io
import json
import warnings
from functools import partial

import pytest
from asgiref.sync import async_to_sync
from django.db import connection
from django.http import StreamingHttpResponse
from django.test import AsyncClient, Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from summits import exports
from summits.models import Organisation
from tests import factories

KINDS = ["summits", "statements", "agreements"]


def export_url(kind, format, query=""):
    return reverse("summits:data-export", kwargs={"kind": kind, "format": format}) + query


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def rows(response, format) -> list[dict]:
    text = body(response)
    return json.loads(text) if format == "json" else list(csv.DictReader(io.StringIO(text)))


# --- What the files hold --------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["csv", "json"])
@pytest.mark.parametrize("kind", KINDS)
def test_download_is_a_streamed_attachment_with_a_header_row_per_column(client, archive, kind, format):
    response = client.get(export_url(kind, format))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == f'attachment; filename="summit-archive-{kind}.{format}"'
    assert response["Content-Type"] == {"csv": "text/csv; charset=utf-8", "json": "application/json"}[format]
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    found = rows(response, format)
    assert found and all(list(row) == list(exports.EXPORTS[kind].columns) for row in found)


@pytest.mark.parametrize("format", ["csv", "json"])
def test_summits_file_holds_published_summits_with_their_pages_and_sources(client, archive, format):
    (row,) = rows(client.get(export_url("summits", format)), format)  # not the draft
    assert row["slug"] == "putin-erdogan-sochi-2017"
    assert row["url"] == "http://testserver/summits/putin-erdogan-sochi-2017/"
    assert row["country"] == "RU" and row["start_date"] == "2017-05-03"
    people = ["Recep Tayyip Erdogan", "Vladimir Putin"]
    pages = [
        "http://testserver/participants/recep-tayyip-erdogan/",
        "http://testserver/participants/vladimir-putin/",
    ]
    article_page = f"http://testserver/articles/{archive.article.pk}/"
    if format == "csv":  # lists in one cell
        assert row["participants"] == "; ".join(people) and row["participant_urls"] == "; ".join(pages)
        assert row["topics"] == "Syria; trade" and row["article_urls"] == article_page
    else:
        assert row["participants"] == people and row["participant_urls"] == pages
        assert row["topics"] == ["Syria", "trade"] and row["article_urls"] == [article_page]
        assert row["source_urls"] == [archive.article.url] and row["outlets"] == ["Example News"]


@pytest.mark.parametrize("format", ["csv", "json"])
def test_statements_file_holds_approved_statements_with_source_and_offsets(client, archive, format):
    found = rows(client.get(export_url("statements", format)), format)
    # not the rejected statement, nor the draft summit's
    assert [row["id"] for row in found] == [
        str(s.pk) if format == "csv" else s.pk for s in (archive.quotation, archive.reported)
    ]
    quotation = found[0]
    article = archive.article
    assert (
        quotation["url"] == f"http://testserver/articles/{article.pk}/#span-statement-{archive.quotation.pk}"
    )
    assert quotation["speaker"] == "Vladimir Putin" and quotation["kind"] == "direct"
    assert quotation["speaker_url"] == "http://testserver/participants/vladimir-putin/"
    assert quotation["summit_url"] == "http://testserver/summits/putin-erdogan-sochi-2017/"
    assert quotation["article_url"] == f"http://testserver/articles/{article.pk}/"
    assert quotation["source_url"] == article.url and quotation["outlet"] == "Example News"
    start, end = int(quotation["start"]), int(quotation["end"])
    assert article.text[start:end] == archive.quotation.text


def test_agreements_file_lists_parties_and_the_span(client, archive):
    (row,) = rows(client.get(export_url("agreements", "json")), "json")
    assert row["parties"] == ["RU", "TR"]
    assert row["exceptions"] == "exports of Turkish tomatoes to Russia"
    assert archive.article.text[row["start"] : row["end"]].startswith("Ankara and Moscow had agreed")
    assert row["url"].endswith(f"#span-agreement-{archive.agreement.pk}")


def test_pending_items_are_not_downloaded(client, archive):
    for factory in (factories.StatementFactory, factories.AgreementFactory):
        factory(summit=archive.summit, article=None, text="Not yet reviewed", review_status="pending")
    for kind in ("statements", "agreements"):
        assert "Not yet reviewed" not in body(client.get(export_url(kind, "csv")))


def test_an_empty_list_is_an_empty_array_and_a_header_row(client, db):
    assert json.loads(body(client.get(export_url("agreements", "json")))) == []
    assert body(client.get(export_url("agreements", "csv"))).splitlines() == [
        ",".join(exports.EXPORTS["agreements"].columns)
    ]


# --- Filters --------------------------------------------------------------------------------------


@pytest.fixture
def paris(archive):
    summit = factories.SummitFactory(
        title="Paris conference", slug="paris-2016", start_date=dt.date(2016, 2, 2), end_date=None
    )
    factories.StatementFactory(summit=summit, article=None, text="Said in Paris")
    factories.AgreementFactory(summit=summit, article=None, text="Agreed in Paris")
    return summit


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"putin-erdogan-sochi-2017", "paris-2016"}),
        ("?year=2016", {"paris-2016"}),
        ("?country=tr", {"putin-erdogan-sochi-2017"}),  # an attendee's country, as on the list
        ("?topic=trade&year=2017", {"putin-erdogan-sochi-2017"}),
        ("?year=2016&utm_source=x", {"paris-2016"}),  # other parameters are no filters
    ],
)
def test_downloads_take_the_summit_lists_filters(client, paris, query, expected):
    assert {row["slug"] for row in rows(client.get(export_url("summits", "json", query)), "json")} == expected
    statements = rows(client.get(export_url("statements", "json", query)), "json")
    assert {row["summit"] for row in statements} == expected
    agreements = rows(client.get(export_url("agreements", "csv", query)), "csv")
    assert {row["summit"] for row in agreements} == expected


@pytest.mark.parametrize("query", ["?year=0", "?year=abc", "?country=zz", "?participant=nobody"])
def test_invalid_filters_give_a_400_page_naming_them(archive, query):
    response = Client(raise_request_exception=False).get(export_url("statements", "csv", query))
    assert response.status_code == 400
    assert f"<code>{query[1:].split('=')[0]}</code>" in response.content.decode()


def test_unknown_kinds_and_formats_are_not_found(client, db):
    assert client.get("/data/articles.csv").status_code == 404
    assert client.get("/data/summits.xml").status_code == 404


def test_summit_list_offers_downloads_with_its_filters_but_not_its_page(client, archive):
    html = client.get(reverse("summits:summit-list") + "?topic=trade&year=2017&page=1").content.decode()
    assert "Download these summits" in html
    for kind in KINDS:
        for format in ("csv", "json"):
            assert f'href="{export_url(kind, format, "?topic=trade&amp;year=2017")}"' in html
    unfiltered = client.get(reverse("summits:summit-list")).content.decode()
    assert f'href="{export_url("summits", "csv")}"' in unfiltered


# --- Constant memory ------------------------------------------------------------------------------


def build(rows: int) -> None:
    """``rows`` published summits, each with an attendance, a topic, an article, a statement and
    an agreement between two countries and an organisation."""
    putin = factories.ParticipantFactory()
    eu = Organisation.objects.create(short_name="EU")
    for _ in range(rows):
        summit = factories.SummitFactory()
        article = factories.ArticleFactory()
        summit.articles.add(article)
        summit.topics.add(factories.TopicFactory())
        factories.AttendanceFactory(summit=summit, participant=putin)
        factories.StatementFactory(summit=summit, article=article, speaker=putin)
        factories.AgreementFactory(summit=summit, article=article).organisations.add(eu)


CHUNK = 3
# one query for the rows; then, per chunk of rows, one per prefetched relation
# summits: attendances, topics, articles; statements: further sources; agreements: parties, further sources
PREFETCHES = {"summits": 3, "statements": 1, "agreements": 3}


@pytest.mark.parametrize("rows_count", [1, CHUNK, 3 * CHUNK])
@pytest.mark.parametrize("kind", KINDS)
def test_queries_grow_per_chunk_not_per_row(client, db, monkeypatch, kind, rows_count):
    monkeypatch.setattr(exports, "CHUNK_SIZE", CHUNK)
    build(rows_count)
    with CaptureQueriesContext(connection) as before_streaming:
        response = client.get(export_url(kind, "csv"))
    assert len(before_streaming) == 0  # nothing is read until the file is written
    with CaptureQueriesContext(connection) as streaming:
        lines = body(response).splitlines()
    assert len(lines) == 1 + rows_count
    chunks = -(-rows_count // CHUNK)
    assert len(streaming) == 1 + PREFETCHES[kind] * chunks


# --- About the data -------------------------------------------------------------------------------


def test_about_the_data_page(client, archive, settings, django_assert_num_queries):
    settings.SUMMITS_DATA_LICENCE = "ODbL 1.0"
    settings.SUMMITS_DATA_LICENCE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
    with django_assert_num_queries(4):  # the four counts
        response = client.get(reverse("summits:about-data"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="https://opendatacommons.org/licenses/odbl/1-0/" rel="license">ODbL 1.0</a>' in html
    assert "Pending review" in html and "only the statements and agreements an editor approved" in html
    assert "edit history" in html and "How to cite" in html
    for kind in KINDS:
        for format in ("csv", "json"):
            assert f'href="{export_url(kind, format)}"' in html
    assert f'href="{reverse("api:docs")}"' in html
    assert "<code>source_url</code>" in html and "<code>start</code>" in html


def test_every_page_links_to_about_the_data_in_its_footer(client, db):
    html = client.get(reverse("summits:home")).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a href="{reverse("summits:about-data")}">About the data</a>' in footer


def test_an_asgi_server_gets_the_file_in_batches_too(archive, monkeypatch):
    """Under ASGI, Django would read a synchronous iterator whole before sending it (and warn)."""
    monkeypatch.setattr(exports, "in_batches", partial(exports.in_batches, size=1))

    async def download():
        response = await AsyncClient().get(export_url("statements", "csv"))
        assert response.is_async
        return [piece async for piece in response.streaming_content]

    with warnings.catch_warnings():
        warnings.filterwarnings("error", message="StreamingHttpResponse must consume synchronous")
        pieces = async_to_sync(download)()
    assert len(pieces) == 3  # the header and two statements, one batch each
    assert b"We agreed to intensify the cooperation" in b"".join(pieces)
