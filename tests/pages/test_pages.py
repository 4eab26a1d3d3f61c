"""The public pages: what readers see, and what they never see (drafts, rejected items)."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from summits import services
from summits.models import Agreement, Article, Statement, Summit
from summits.search import rebuild_search_index
from tests import factories
from tests.pages.test_search import HOSTILE

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class PageStructure(HTMLParser):
    """Collects what the accessibility checks need from a page."""

    def __init__(self):
        super().__init__()
        self.tags: dict[str, int] = {}
        self.html_lang = None
        self.labels_for: set[str] = set()
        self.fields: list[dict] = []
        self.meta_description = None
        self.ids: list[str] = []
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "label" and attrs.get("for"):
            self.labels_for.add(attrs["for"])
        elif tag in {"input", "select", "textarea"} and attrs.get("type") not in {"hidden", "submit"}:
            self.fields.append(attrs)
        elif tag == "meta" and attrs.get("name") == "description":
            self.meta_description = attrs.get("content")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def structure(response) -> PageStructure:
    parser = PageStructure()
    parser.feed(response.content.decode())
    return parser


def page_urls(archive):
    return [
        reverse("summits:home"),
        reverse("summits:summit-list"),
        reverse("summits:summit-list") + "?country=tr&topic=trade",
        archive.summit.get_absolute_url(),
        archive.putin.get_absolute_url(),
        reverse("summits:country-detail", kwargs={"code": "tr"}),
        archive.article.get_absolute_url(),
        reverse("summits:statement-detail", kwargs={"pk": archive.quotation.pk}),
        reverse("summits:search"),
        reverse("summits:search") + "?q=intelligence",
    ]


def test_every_page_is_semantic_and_described(client, archive):
    for url in page_urls(archive):
        response = client.get(url)
        assert response.status_code == 200, url
        page = structure(response)
        assert page.html_lang == "en", url
        assert page.tags.get("h1") == 1, url
        for landmark in ("header", "nav", "main", "footer"):
            assert page.tags.get(landmark), (url, landmark)
        assert page.title.strip() and "Summit Archive" in page.title, url
        assert page.meta_description and len(page.meta_description) > 40, url
        for field in page.fields:
            assert field.get("id") in page.labels_for, (url, field)
        assert len(page.ids) == len(set(page.ids)), (url, "duplicate ids")


def test_home_shows_counts_latest_summits_and_timeline(client, archive):
    response = client.get(reverse("summits:home"))
    html = response.content.decode()
    counts = response.context["counts"]
    assert (counts.summits, counts.participants, counts.statements, counts.agreements) == (1, 2, 2, 1)
    assert archive.summit.title in html
    assert archive.draft.title not in html
    assert 'aria-label="2017: 1 summit"' in html
    assert 'role="search"' in html


# --- Summit list and filters ----------------------------------------------------------------------


def titles(response):
    return [s.title for s in response.context["summits"]]


def test_summit_list_shows_published_newest_first(client, archive):
    older = factories.SummitFactory(title="Older meeting", start_date="2001-01-01", end_date=None)
    response = client.get(reverse("summits:summit-list"))
    assert titles(response) == [archive.summit.title, older.title]
    assert archive.draft.title not in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2017", True),
        ("year=2016", False),
        ("country=ru", True),  # host
        ("country=TR", True),  # attended by Erdogan for Turkey
        ("country=fr", False),
        ("participant=recep-tayyip-erdogan", True),
        ("topic=trade", True),
        ("year=2017&country=tr&participant=vladimir-putin&topic=syria", True),
    ],
)
def test_summit_list_filters(client, archive, query, expected):
    factories.SummitFactory(title="Paris conference", start_date="2016-02-02", end_date=None, country=None)
    france = factories.ParticipantFactory(
        name="Jean Dupont", slug="jean-dupont", country=factories.country("FR")
    )
    factories.AttendanceFactory(summit=Summit.objects.get(title="Paris conference"), participant=france)
    response = client.get(reverse("summits:summit-list") + "?" + query)
    assert response.status_code == 200
    assert (archive.summit.title in titles(response)) is expected
    assert archive.draft.title not in titles(response)


def test_unknown_filter_value_shows_an_error_and_no_summit(client, archive):
    response = client.get(reverse("summits:summit-list") + "?participant=nobody")
    assert titles(response) == []
    assert 'role="alert"' in response.content.decode()


def test_filter_choices_offer_only_public_data(client, archive):
    draft_only = factories.ParticipantFactory(name="Hidden Person", slug="hidden-person")
    factories.AttendanceFactory(summit=archive.draft, participant=draft_only)
    html = client.get(reverse("summits:summit-list"), {"participant": "hidden-person"}).content.decode()
    assert "No participant has this address name" in html  # typed, and only public people found


def test_pagination_keeps_the_filters(client, db):
    topic = factories.TopicFactory(name="trade")
    for _ in range(25):
        factories.SummitFactory().topics.add(topic)
    factories.SummitFactory()  # no topic
    response = client.get(reverse("summits:summit-list") + "?topic=trade")
    assert response.context["paginator"].count == 25
    assert len(response.context["summits"]) == 20
    assert 'href="?topic=trade&amp;page=2"' in response.content.decode()
    second = client.get(reverse("summits:summit-list") + "?topic=trade&page=2")
    assert len(second.context["summits"]) == 5
    assert 'href="?topic=trade&amp;page=1"' in second.content.decode()


# --- Summit page ----------------------------------------------------------------------------------


def test_summit_page(client, archive):
    response = client.get(archive.summit.get_absolute_url())
    html = response.content.decode()
    assert "<h1>Putin–Erdogan talks in Sochi</h1>" in html
    assert '<time datetime="2017-05-03">3 May 2017</time>' in html
    assert "Sochi" in html and archive.summit.country.get_absolute_url() in html
    # participants with roles and countries, linked
    assert f'<a href="{archive.erdogan.get_absolute_url()}">Recep Tayyip Erdogan</a>, President' in html
    assert reverse("summits:country-detail", kwargs={"code": "tr"}) in html
    # a quotation is a blockquote; reported speech is marked as such
    assert re.search(r"<blockquote[^>]*><p>We agreed to intensify the cooperation", html)
    assert 'class="badge">Reported</span> Turkey would continue' in html
    # statements grouped by speaker, each with its source link
    assert html.index("<h3><a") < html.index("We agreed to intensify")
    assert f'href="/articles/{archive.article.pk}/#span-statement-{archive.quotation.pk}"' in html
    # agreement with parties and exceptions
    assert "lift all trade restrictions" in html
    assert "exports of Turkish tomatoes to Russia" in html
    assert (
        f">{factories.country('TR').name}</a>" in html and f"#span-agreement-{archive.agreement.pk}" in html
    )
    # citation with the absolute URL
    assert (
        "“Putin–Erdogan talks in Sochi.” Summit, Sochi, Russian Federation, 3 May 2017. Summit Archive."
        in html
    )
    assert "http://testserver/summits/putin-erdogan-sochi-2017/." in html
    # rejected and draft items are not shown
    assert archive.rejected.text not in html
    assert archive.draft_statement.text not in html


def test_summit_without_date_shows_the_date_as_written(client, db):
    summit = factories.SummitFactory(start_date=None, end_date=None, date_text="last Wednesday")
    assert "last Wednesday" in client.get(summit.get_absolute_url()).content.decode()


def test_a_summit_dated_by_a_month_shows_the_month_and_no_day(client, db):
    summit = factories.SummitFactory(
        title="Clark–Berg talks in Berlin",
        start_date=dt.date(1980, 3, 1),
        end_date=None,
        date_precision="month",
        date_text="in March 1980",
    )
    html = client.get(summit.get_absolute_url()).content.decode()
    assert '<time datetime="1980-03">March 1980</time>' in html
    assert (
        "“Clark–Berg talks in Berlin.” Summit, Sochi, Russian Federation, March 1980. Summit Archive." in html
    )
    listed = client.get(reverse("summits:summit-list")).content.decode()
    assert '<time datetime="1980-03">March 1980</time>' in listed
    feed = ET.fromstring(client.get(reverse("summits:feed")).content)
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}summary").startswith("March 1980 · ")
    for page in (html, listed):
        assert "1 March 1980" not in page


def test_a_summit_dated_by_a_year_shows_the_year_alone(client, db):
    summit = factories.SummitFactory(
        start_date=dt.date(1980, 1, 1), end_date=None, date_precision="year", date_text="in 1980"
    )
    html = client.get(summit.get_absolute_url()).content.decode()
    assert '<time datetime="1980">1980</time>' in html
    assert "1 January 1980" not in html


def test_draft_pages_are_404(client, archive):
    assert client.get(archive.draft.get_absolute_url()).status_code == 404
    draft_only_article = factories.ArticleFactory()
    archive.draft.articles.add(draft_only_article)
    assert client.get(draft_only_article.get_absolute_url()).status_code == 404
    draft_only = factories.ParticipantFactory()
    factories.AttendanceFactory(summit=archive.draft, participant=draft_only)
    assert client.get(draft_only.get_absolute_url()).status_code == 404


# --- Participant and country pages ----------------------------------------------------------------


def test_participant_page(client, archive):
    other = factories.SummitFactory(title="Putin in Astana", start_date="2018-01-01", end_date=None)
    factories.AttendanceFactory(summit=other, participant=archive.putin, role="Host")
    later = factories.StatementFactory(summit=other, speaker=archive.putin, text="Putin said")
    response = client.get(archive.putin.get_absolute_url())
    html = response.content.decode()
    assert "<h1>Vladimir Putin</h1>" in html
    assert "as Host" in html
    assert html.index("Putin in Astana") < html.index("Putin–Erdogan talks in Sochi")
    assert list(response.context["statements_page"]) == [later, archive.quotation]
    assert archive.rejected.text not in html
    assert archive.draft_statement.text not in html
    assert archive.draft.title not in html


def test_country_page(client, archive):
    response = client.get(reverse("summits:country-detail", kwargs={"code": "tr"}))
    assert f"<h1>{factories.country('TR').name}</h1>" in response.content.decode()
    assert [s.title for s in response.context["attended"]] == [archive.summit.title]
    assert list(response.context["hosted"]) == []
    assert list(response.context["agreements"]) == [archive.agreement]
    russia = client.get(reverse("summits:country-detail", kwargs={"code": "ru"}))
    assert [s.title for s in russia.context["hosted"]] == [archive.summit.title]


def test_country_codes(client, db):
    response = client.get("/countries/RU/")
    assert response.status_code == 301 and response["Location"] == "/countries/ru/"
    assert client.get("/countries/zz/").status_code == 404
    assert client.get("/countries/rus/").status_code == 404


def test_rejected_agreement_is_hidden(client, archive):
    archive.agreement.review_status = "rejected"
    archive.agreement.save()
    pk = archive.agreement.pk
    assert f'id="agreement-{pk}"' not in client.get(archive.summit.get_absolute_url()).content.decode()
    assert f"span-agreement-{pk}" not in client.get(archive.article.get_absolute_url()).content.decode()
    assert list(client.get("/countries/tr/").context["agreements"]) == []
    assert client.get(reverse("summits:search"), {"q": "tomatoes"}).context["agreements"] == []


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_only_approved_items_reach_readers(client, archive, status):
    """An item no editor approved is on no public page: summit, article, person, country, search,
    and the home page's counts."""
    Statement.objects.filter(pk=archive.quotation.pk).update(review_status=status)
    Agreement.objects.filter(pk=archive.agreement.pk).update(review_status=status)
    rebuild_search_index()
    quote, deal = archive.quotation.pk, archive.agreement.pk

    summit_html = client.get(archive.summit.get_absolute_url()).content.decode()
    article_html = client.get(archive.article.get_absolute_url()).content.decode()
    assert f'id="statement-{quote}"' not in summit_html and f'id="agreement-{deal}"' not in summit_html
    assert f"span-statement-{quote}" not in article_html and f"span-agreement-{deal}" not in article_html
    assert archive.quotation not in client.get(archive.putin.get_absolute_url()).context["statements_page"]
    assert list(client.get("/countries/tr/").context["agreements"]) == []
    search = client.get(reverse("summits:search"), {"q": "intelligence tomatoes"}).context
    assert list(search["statements_page"]) == [] and search["agreements"] == []
    counts = client.get("/").context["counts"]
    assert (counts.statements, counts.agreements) == (1, 0)


# --- Article page ---------------------------------------------------------------------------------


def test_a_merged_persons_old_address_redirects_to_the_one_kept(client, archive):
    merged = factories.ParticipantFactory(name="V. Putin", slug="v-putin")
    factories.AttendanceFactory(summit=archive.summit, participant=merged)
    services.merge_participants(keep=archive.putin, merge=merged)

    response = client.get("/participants/v-putin/")

    assert response.status_code == 301
    assert response["Location"] == archive.putin.get_absolute_url()
    assert client.get("/participants/nobody-at-all/").status_code == 404


def test_a_source_url_that_is_not_http_is_never_a_link(client, archive):
    Article.objects.filter(pk=archive.article.pk).update(url="javascript:alert(1)")  # a row from before

    html = client.get(archive.article.get_absolute_url()).content.decode()
    summit_html = client.get(archive.summit.get_absolute_url()).content.decode()

    assert "javascript:" not in html and "javascript:" not in summit_html


def test_article_page_highlights_visible_spans_escaped(client, archive):
    html = client.get(archive.article.get_absolute_url()).content.decode()
    assert f'<mark id="span-statement-{archive.quotation.pk}"' in html
    assert f'<mark id="span-statement-{archive.reported.pk}"' in html
    assert f'<mark id="span-agreement-{archive.agreement.pk}"' in html
    assert f"span-statement-{archive.rejected.pk}" not in html
    assert f"span-statement-{archive.draft_statement.pk}" not in html
    assert f'href="{archive.summit.get_absolute_url()}#statement-{archive.quotation.pk}"' in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; other" in html
    assert "<script>alert" not in html


# --- Search ---------------------------------------------------------------------------------------


def test_search_finds_and_highlights_statements(client, archive):
    response = client.get(reverse("summits:search"), {"q": "intelligence"})
    html = response.content.decode()
    assert list(response.context["statements_page"]) == [archive.quotation]
    assert re.search(r"<mark>intelligence</mark>", html, re.IGNORECASE)
    assert f"#span-statement-{archive.quotation.pk}" in html


def test_search_finds_agreements_and_summits(client, archive):
    response = client.get(reverse("summits:search"), {"q": "tomatoes"})
    assert response.context["agreements"] == [archive.agreement]
    response = client.get(reverse("summits:search"), {"q": "sochi"})
    assert [s.pk for s in response.context["summits"]] == [archive.summit.pk]


def test_search_never_shows_drafts_or_rejected(client, archive):
    assert list(client.get(reverse("summits:search"), {"q": "whisper"}).context["statements_page"]) == []
    assert list(client.get(reverse("summits:search"), {"q": "counterpart"}).context["statements_page"]) == []
    assert client.get(reverse("summits:search"), {"q": "secret draft"}).context["summits"] == []


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_search_queries(client, archive, q):
    response = client.get(reverse("summits:search"), {"q": q})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_escapes_the_query_in_the_page(client, archive):
    html = client.get(reverse("summits:search"), {"q": '"><script>x</script>'}).content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x" in html


# --- Feed and sitemap -----------------------------------------------------------------------------


def test_atom_feed(client, archive):
    response = client.get(reverse("summits:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [archive.summit.title]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == f"http://testserver{archive.summit.get_absolute_url()}"
    assert "Vladimir Putin (President)" in entries[0].findtext(f"{ATOM}summary")


def test_sitemap(client, archive):
    response = client.get(reverse("summits:sitemap"))
    root = ET.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    base = "http://testserver"
    assert {
        base + "/",
        base + "/summits/",
        base + archive.summit.get_absolute_url(),
        base + archive.putin.get_absolute_url(),
        base + "/countries/ru/",
        base + "/countries/tr/",
        base + archive.article.get_absolute_url(),
    } <= locations
    assert base + archive.draft.get_absolute_url() not in locations
