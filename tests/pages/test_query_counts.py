"""Every page issues the same number of SQL queries whether the archive holds 1 row or 30."""

import pytest
from django.urls import reverse

from summits.models import Summit
from tests import factories

pytestmark = pytest.mark.django_db


def build(rows: int):
    """``rows`` published summits in Russia with the same two leaders, each with a quotation, a
    reported statement, an agreement between Russia and Turkey, a topic and a source article."""
    putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    erdogan = factories.ParticipantFactory(
        name="Recep Tayyip Erdogan", slug="recep-tayyip-erdogan", country=factories.country("TR")
    )
    topic = factories.TopicFactory(name="trade")
    eu = factories.models.Organisation.objects.create(short_name="EU", name="European Union")
    for n in range(rows):
        summit = factories.SummitFactory(start_date=f"{2000 + n % 20}-05-03", end_date=None)
        article = factories.ArticleFactory()
        summit.articles.add(article)
        summit.topics.add(topic, factories.TopicFactory())
        factories.AttendanceFactory(summit=summit, participant=putin)
        factories.AttendanceFactory(summit=summit, participant=erdogan)
        factories.StatementFactory(summit=summit, article=article, speaker=putin)
        factories.StatementFactory(
            summit=summit, article=article, speaker=erdogan, kind="indirect", text="Putin met"
        )
        agreement = factories.AgreementFactory(summit=summit, article=article, text="Putin said")
        agreement.organisations.add(eu)
    return Summit.objects.published().first(), putin


PAGES = {
    # 4 counts, the timeline, the latest summits with their attendances and topics, the map (its
    # busiest places, and the summits each country hosted)
    "home": (lambda s, p: reverse("summits:home"), 10),
    # count, page, attendances, topics, the three lists of filter choices, the map
    "summit list": (lambda s, p: reverse("summits:summit-list"), 8),
    "summit list filtered": (
        lambda s, p: (
            reverse("summits:summit-list") + f"?country=tr&participant={p.slug}&topic=trade&year=2000"
        ),
        11,  # and one lookup per filter value
    ),
    # summit, attendances, statements and their further sources, agreements with countries,
    # organisations and further sources, articles, topics, the other meetings of its two countries
    "summit": (lambda s, p: s.get_absolute_url(), 11),
    # participant, timeline, whom they met most, statements (count, page)
    "participant": (lambda s, p: p.get_absolute_url(), 5),
    # country, timeline; hosted, attended, agreements: each a count, a page and two prefetches; the map
    "country": (lambda s, p: reverse("summits:country-detail", kwargs={"code": "ru"}), 15),
    "article": (lambda s, p: s.articles.get().get_absolute_url(), 4),
    # "putin" matches every summit, statement and agreement: statements (count, page), agreements
    # (with countries and organisations), summits (with attendances and topics), articles, and
    # the facets (years, countries and kinds in one; people)
    "search": (lambda s, p: reverse("summits:search") + "?q=putin", 11),
    # narrowed by every facet and a date range: the same queries
    "search narrowed": (
        lambda s, p: (
            reverse("summits:search")
            + f"?q=putin&year=2000&country=ru&person={p.slug}&from=2000-01-01&to=2000-12-31"
        ),
        11,
    ),
    "feed": (lambda s, p: reverse("summits:feed"), 3),
    # the statement with its speaker, summit, country and article; its further sources (every
    # report is listed and cited)
    "statement": (
        lambda s, p: reverse("summits:statement-detail", kwargs={"pk": s.statements.first().pk}),
        2,
    ),
    "statement ris": (
        lambda s, p: (
            reverse("summits:statement-detail", kwargs={"pk": s.statements.first().pk}) + "?format=ris"
        ),
        2,
    ),
    # the summit page's queries but the other meetings
    "summit bibtex": (lambda s, p: s.get_absolute_url() + "?format=bibtex", 10),
    "sitemap": (lambda s, p: reverse("summits:sitemap"), 8),
}


@pytest.mark.parametrize("rows", [1, 30])
@pytest.mark.parametrize("page", PAGES)
def test_constant_query_count(
    client, django_assert_num_queries, django_capture_on_commit_callbacks, page, rows
):
    with django_capture_on_commit_callbacks(execute=True):  # search vectors, on PostgreSQL
        summit, participant = build(rows)
    url_for, expected = PAGES[page]
    url = url_for(summit, participant)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
