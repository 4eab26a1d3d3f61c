"""The admin index opens on what needs doing: summits with items to review (with counts, linked
to the filtered lists), the newest imports, the articles whose extraction was incomplete, and
an Import button; its cost in queries does not grow with the archive."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from summits.models import Article, ParticipantMatch, Summit
from tests import factories

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


def desk(content: str) -> str:
    """The "What needs doing" block of the index page."""
    match = re.search(r'<div class="module review-desk".*?<div class="app-', content, re.S)
    assert match, "the index has a What needs doing block above the app list"
    return match.group(0)


def summit_with(pending_statements=0, pending_agreements=0, decided=0, **kwargs) -> Summit:
    summit = factories.SummitFactory(**kwargs)
    for _ in range(pending_statements):
        factories.StatementFactory(summit=summit, review_status="pending")
    for _ in range(pending_agreements):
        factories.AgreementFactory(summit=summit, review_status="pending")
    for _ in range(decided):
        factories.StatementFactory(summit=summit, review_status="approved")
        factories.AgreementFactory(summit=summit, review_status="rejected")
    return summit


def test_index_lists_the_summits_with_items_to_review_most_first(editor_client):
    few = summit_with(pending_statements=1, title="Few left", status=Summit.Status.PUBLISHED)
    many = summit_with(pending_statements=3, pending_agreements=2, title="Many left", status="draft")
    summit_with(decided=2, title="All decided")

    html = desk(editor_client.get(INDEX).content.decode())

    assert html.index("Many left") < html.index("Few left")
    assert "All decided" not in html
    statements = reverse("admin:summits_statement_changelist")
    agreements = reverse("admin:summits_agreement_changelist")
    assert f'href="{statements}?summit={many.pk}&amp;review_status__exact=pending">3 to review' in html
    assert f'href="{agreements}?summit={many.pk}&amp;review_status__exact=pending">2 to review' in html
    assert f'href="{statements}?summit={few.pk}&amp;review_status__exact=pending">1 to review' in html
    assert f'href="{reverse("admin:summits_summit_change", args=[many.pk])}"' in html
    # a draft's row leads to its preview, a published summit's to its page
    assert f'href="{reverse("summits:summit-preview", args=[many.slug])}"' in html
    assert f'href="{few.get_absolute_url()}"' in html


def test_index_says_when_nothing_is_left_to_review(editor_client):
    summit_with(decided=1)
    assert "Nothing to review" in desk(editor_client.get(INDEX).content.decode())


def test_index_lists_the_newest_imports_and_the_incomplete_extractions(editor_client):
    old = factories.ArticleFactory(title="An old report")
    Article.objects.filter(pk=old.pk).update(imported_at=timezone.now() - dt.timedelta(days=30))
    new = factories.ArticleFactory(title="A fresh report")
    factories.StatementFactory(article=new)
    broken = factories.ArticleFactory(title="A broken report", incomplete=["agreements", "speakers"])
    untitled = factories.ArticleFactory(title="", text="Leaders met in Astana on Monday.\nMore text.")

    html = desk(editor_client.get(INDEX).content.decode())
    newest, incomplete = html.split("Incomplete extractions")

    assert newest.index("A broken report") < newest.index("A fresh report") < newest.index("An old report")
    assert "1 statement, 0 agreements" in newest
    assert "Leaders met in Astana on Monday." in newest  # an article without a title: its opening
    assert f'href="{reverse("admin:summits_article_change", args=[new.pk])}"' in newest
    assert "A broken report" in incomplete and "agreements, speakers" in incomplete
    for complete in (old, new, untitled):
        assert f'href="{reverse("admin:summits_article_change", args=[complete.pk])}"' not in incomplete
    assert f'href="{reverse("admin:summits_article_change", args=[broken.pk])}"' in incomplete
    assert f'href="{reverse("admin:summits_article_changelist")}?extraction=incomplete"' in incomplete


def test_index_has_the_import_button_for_those_who_may_import(client, editor_client):
    import_url = reverse("admin:summits_article_import")
    assert f'href="{import_url}"' in desk(editor_client.get(INDEX).content.decode())

    reviewer = factories.UserFactory(is_staff=True)
    reviewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(reviewer)
    content = client.get(INDEX).content.decode()
    assert f'href="{import_url}"' not in content


def test_index_costs_the_same_queries_whatever_the_archive_holds(editor_client, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            summit_with(pending_statements=1, pending_agreements=1, status=("draft", "published")[i % 2])
            factories.ArticleFactory(title="", incomplete=["speakers"])
            ParticipantMatch.objects.create(
                participant=factories.ParticipantFactory(),
                candidate=factories.ParticipantFactory(),
                score=90,
                reason="names alike",
            )

    # session, user; the review queue, newest imports, incomplete articles, open participant
    # matches; the admin log
    expected = 7
    grow(1)
    with django_assert_num_queries(expected):
        assert editor_client.get(INDEX).status_code == 200
    grow(30)
    with django_assert_num_queries(expected):
        response = editor_client.get(INDEX)
    assert len(response.context["review_queue"]) == 15
    assert len(response.context["incomplete_articles"]) == 10
