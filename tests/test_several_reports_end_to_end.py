"""Issue 16, end to end: four real reports of one meeting from four outlets (the opening of the
intra-Afghan talks in Doha, 12 September 2020: tests/gold/CLUSTERS.md), imported one after the
other through the real extraction, give one summit, each quotation once with every report that
gives it linked and highlighted, and leave the editors' decisions on the first report as they
were."""

import itertools
from pathlib import Path

import pytest

from summits import ingest, matching, services
from summits.models import (
    Agreement,
    AgreementSource,
    Participant,
    ReviewStatus,
    Statement,
    StatementSource,
    Summit,
)

GOLD = Path(__file__).parent / "gold" / "articles"
# The first report, then three more; with the outlet an editor gives each (the files do not say).
REPORTS = [
    ("straitstimes_doha_afghan_peace_talks_open.txt", "The Straits Times"),
    ("bbc_doha_abdullah_baradar_pompeo_talks_open.txt", "BBC News"),
    ("dailymail_doha_pompeo_abdullah_baradar_talks_open.txt", "MailOnline"),
    ("economist_doha_afghan_talks_open.txt", "The Economist"),
]
# Quotations more than one of the reports give (CLUSTERS.md), as the first report words them.
POMPEO = "The choice of your political system is yours to make"
BARADAR = "have an Islamic system in which all tribes and ethnicities of the country"


@pytest.fixture(scope="session")
def extractions():
    """Each report read and extracted once for the session (the real pipeline)."""
    found = {}
    for name, _ in REPORTS:
        source = ingest.read_article(GOLD / name)
        found[name] = (
            source,
            ingest.run_extraction(
                source.text, published=source.published, byline=source.byline, title=source.title
            ),
        )
    return found


def import_report(extractions, name: str, outlet: str) -> ingest.ImportResult:
    source, extraction = extractions[name]
    result = ingest.import_article(text=source, extraction=extraction, origin=name)
    result.article.outlet = outlet
    result.article.save(update_fields=["outlet"])
    return result


@pytest.fixture
def doha(extractions, editor):
    """The first report imported and reviewed by an editor (everything approved but one rejected
    statement, one speaker corrected, the summit published), then the three others imported."""
    first = import_report(extractions, *REPORTS[0])
    summit = first.summit
    statements = Statement.objects.filter(summit=summit).order_by("start")
    rejected = statements.filter(kind=Statement.Kind.INDIRECT).last()
    corrected = statements.get(text__contains=POMPEO)
    pompeo = Participant.objects.get(name="Mike Pompeo")
    services.set_speaker(statement=corrected, new_name="Michael R. Pompeo", by=editor)  # a slip...
    services.set_speaker(
        statement=Statement.objects.get(pk=corrected.pk), speaker=pompeo, by=editor
    )  # undone
    services.approve_items(items=statements.exclude(pk=rejected.pk), by=editor)
    services.approve_items(items=Agreement.objects.filter(summit=summit), by=editor)
    services.reject_items(items=statements.filter(pk=rejected.pk), why="not said at the meeting", by=editor)
    services.publish_summits(summits=Summit.objects.filter(pk=summit.pk), by=editor)
    decisions = {
        s.pk: (s.review_status, s.speaker_id, s.text) for s in Statement.objects.filter(summit=summit)
    }

    later = [import_report(extractions, *report) for report in REPORTS[1:]]
    return {
        "summit": summit,
        "first": first,
        "later": later,
        "decisions": decisions,
        "corrected": corrected.pk,
    }


@pytest.mark.django_db
def test_four_reports_of_one_meeting_are_one_summit(doha):
    summit = doha["summit"]
    assert Summit.objects.count() == 1
    assert all(result.summit == summit and result.summit_match for result in doha["later"])
    assert summit.articles.count() == len(REPORTS)


@pytest.mark.django_db
def test_no_quotation_is_held_twice(doha):
    quotations = Statement.objects.filter(summit=doha["summit"], kind=Statement.Kind.DIRECT)
    for first, second in itertools.combinations(quotations, 2):
        assert not matching.same_words(first.text, second.text), (first.text, second.text)
    pompeo = quotations.get(text__contains=POMPEO)
    assert {report.article.outlet for report in pompeo.reports} == {"The Straits Times", "MailOnline"}
    baradar = Statement.objects.get(summit=doha["summit"], text__contains=BARADAR, kind=Statement.Kind.DIRECT)
    assert len(baradar.reports) >= 3  # the BBC and The Economist cut it each their own way


@pytest.mark.django_db
def test_every_further_source_points_at_its_words_in_its_own_article(doha):
    sources = [
        *StatementSource.objects.select_related("article"),
        *AgreementSource.objects.select_related("article"),
    ]
    assert len(sources) >= 10
    articles = set(doha["summit"].articles.all())
    for source in sources:
        assert source.article in articles
        assert source.article.text[source.start : source.end] == source.text


@pytest.mark.django_db
def test_the_editors_decisions_on_the_first_report_stand(doha):
    now = {
        s.pk: (s.review_status, s.speaker_id, s.text)
        for s in Statement.objects.filter(pk__in=doha["decisions"])
    }
    assert now == doha["decisions"]
    assert Statement.objects.get(pk=doha["corrected"]).speaker.name == "Mike Pompeo"
    later = Statement.objects.filter(summit=doha["summit"]).exclude(pk__in=doha["decisions"])
    assert later.exists() and set(later.values_list("review_status", flat=True)) == {ReviewStatus.PENDING}


def visible_reports(summit: Summit) -> list:
    """Every report of what readers see of the summit (its approved items)."""
    items = [
        *Statement.objects.filter(summit=summit).visible(),
        *Agreement.objects.filter(summit=summit).visible(),
    ]
    return [report for item in items for report in item.reports]


@pytest.mark.django_db
def test_readers_see_every_outlet_and_each_links_to_its_highlight(client, doha):
    page = client.get(doha["summit"].get_absolute_url()).content.decode()

    reports = visible_reports(doha["summit"])
    assert {report.outlet for report in reports} == {outlet for _, outlet in REPORTS}
    shown = [report for report in reports if f'id="{report.item._meta.model_name}-{report.item.pk}"' in page]
    assert {report.outlet for report in shown} == {outlet for _, outlet in REPORTS}
    for report in shown:  # (reported speech repeating a quotation shown is not shown again)
        assert f'href="{report.url}"' in page
    sources = page[page.index('id="sources-heading"') :]
    for article in doha["summit"].articles.all():
        assert article.get_absolute_url() in sources and article.outlet in sources


@pytest.mark.django_db
def test_every_article_page_highlights_what_it_reports(client, doha):
    for report in visible_reports(doha["summit"]):
        page = client.get(report.article.get_absolute_url()).content.decode()
        anchor = report.url.split("#")[1]
        assert f'<mark id="{anchor}"' in page, (report.outlet, report.text)


@pytest.mark.django_db
def test_the_summit_page_of_four_reports_is_read_in_a_fixed_number_of_queries(
    client, doha, django_assert_num_queries
):
    # the summit; its attendances, statements, their further sources, agreements, articles (named
    # by their opening when untitled: no query each), topics; other meetings of the same countries
    with django_assert_num_queries(8):
        assert client.get(doha["summit"].get_absolute_url()).status_code == 200
