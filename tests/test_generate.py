"""`manage.py generate_archive`: a generated archive in the issue's proportions, its items at
their offsets in the articles, searchable, refused on a real archive, and every page serving it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse

from summits import generate, search
from summits.models import (
    Agreement,
    Article,
    Attendance,
    Participant,
    ReviewStatus,
    Statement,
    Summit,
)
from tests import factories

SUMMITS = 40


def run(*args: str) -> str:
    out = StringIO()
    call_command("generate_archive", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def generated(db):
    run("--summits", str(SUMMITS), "--seed", "7")
    return generate.Plan.for_summits(SUMMITS)


def test_the_plan_keeps_the_proportions_of_the_issue():
    plan = generate.Plan.for_summits(20_000)
    assert (plan.people, plan.attendances, plan.statements, plan.agreements) == (
        5_000,
        80_000,
        400_000,
        60_000,
    )
    assert generate.Plan.for_summits(2_000).statements == 40_000
    assert generate.Plan.for_summits(4).people == generate.MIN_PEOPLE  # enough people to meet


def test_it_writes_the_planned_rows_published_and_approved(generated):
    assert Summit.objects.count() == Summit.objects.published().count() == SUMMITS
    assert Participant.objects.count() == SUMMITS // 4
    assert Attendance.objects.count() == SUMMITS * 4
    assert Statement.objects.count() == Statement.objects.visible().count() == SUMMITS * 20
    assert Agreement.objects.count() == Agreement.objects.visible().count() == SUMMITS * 3
    assert Article.objects.filter(source_format=generate.GENERATED).count() == SUMMITS
    # every summit has its article, a place and at least two people
    summits = Summit.objects.annotate(
        n_articles=Count("articles", distinct=True), n_people=Count("attendances", distinct=True)
    )
    assert {s.n_articles for s in summits} == {1}
    assert min(s.n_people for s in summits) >= 2
    assert not Summit.objects.filter(country__isnull=True).exists()
    # every agreement has its parties: the countries of the people who met
    assert not Agreement.objects.filter(countries__isnull=True).exists()


def test_every_item_is_its_article_text_at_its_offsets(generated):
    for model in (Statement, Agreement):
        items = model.objects.select_related("article").prefetch_related("summit__articles")
        for item in items:
            assert item.article.text[item.start : item.end] == item.text
            assert item.article in item.summit.articles.all()
    # as the importer stores them: the hash of the text, fingerprints of the items
    for article in Article.objects.all():
        assert article.sha256 == generate.text_sha256(article.text)
    assert not Statement.objects.filter(fingerprint="").exists()


def test_the_same_seed_gives_the_same_archive(generated):
    def texts():
        return sorted(Article.objects.values_list("text", flat=True))

    first = texts()
    for model in (Statement, Agreement, Attendance, Summit, Article, Participant):
        model.objects.all().delete()
    run("--summits", str(SUMMITS), "--seed", "7")
    assert texts() == first


def test_a_second_run_adds_other_summits_and_people(generated):
    run("--summits", "8")
    assert Summit.objects.count() == SUMMITS + 8
    assert Participant.objects.count() == SUMMITS // 4 + generate.MIN_PEOPLE
    assert Article.objects.values("sha256").distinct().count() == SUMMITS + 8


def test_search_finds_a_generated_statement(generated):
    statement = Statement.objects.filter(kind=Statement.Kind.DIRECT).order_by("pk").first()
    phrase = '"' + " ".join(statement.text.split()[:4]) + '"'
    found = search.search(Statement.objects.all(), phrase)
    assert statement in found
    assert statement in search.search(Statement.objects.all(), statement.speaker.name)
    article = statement.article
    assert article in search.search(Article.objects.all(), phrase)  # its vector filled, or FTS5 row


def test_a_common_word_matches_a_share_of_statements_and_a_rare_one_few(generated):
    total = Statement.objects.count()
    common = search.matching(Statement.objects.all(), generate.COMMON_WORD).count()
    assert total * 0.04 < common < total * 0.3
    rare = sum(search.matching(Statement.objects.all(), word).count() for word in generate.rare_words(7))
    assert rare < common / 10


def test_it_refuses_a_database_that_holds_a_real_article(db):
    factories.ArticleFactory()
    with pytest.raises(CommandError, match="real article"):
        run("--summits", "4")
    assert not Summit.objects.exists()
    run("--summits", "4", "--force")
    assert Summit.objects.count() == 4


def test_a_generated_archive_is_not_real(generated):
    assert generate.real_article_count() == 0
    assert "Generated 4 published summits" in run("--summits", "4")  # not refused


def busiest() -> Participant:
    return Participant.objects.annotate(n=Count("attendances")).order_by("-n", "pk").first()


def test_every_page_serves_the_generated_archive(generated, client):
    summit = Summit.objects.newest_first().first()  # on the first page of every list it is in
    person = busiest()
    article = summit.articles.get()
    pages = {
        reverse("summits:home"): summit.title,
        reverse("summits:summit-list"): "",
        reverse("summits:summit-list") + f"?year={summit.start_date.year}": summit.title,
        reverse("summits:summit-list") + f"?country={summit.country_id.lower()}": summit.title,
        reverse("summits:summit-list") + f"?participant={person.slug}": person.name,
        reverse("summits:summit-list") + f"?topic={summit.topics.first().slug}": "",
        reverse("summits:summit-list") + "?page=2": "",
        summit.get_absolute_url(): summit.title,
        person.get_absolute_url(): person.name,
        summit.country.get_absolute_url(): summit.country.name,
        article.get_absolute_url(): article.title,
        reverse("summits:search") + f"?q={generate.COMMON_WORD}": generate.COMMON_WORD,
        reverse("api:summit-list"): summit.slug,
        reverse("api:summit-detail", kwargs={"slug": summit.slug}): summit.slug,
        reverse("api:summit-list") + "?format=csv": summit.slug,
    }
    for url, expected in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


def test_the_statements_are_all_the_readers_see(generated, client):
    statement = Statement.objects.filter(review_status=ReviewStatus.APPROVED).order_by("pk").first()
    response = client.get(statement.summit.get_absolute_url())
    assert statement.text[:40] in response.content.decode()
