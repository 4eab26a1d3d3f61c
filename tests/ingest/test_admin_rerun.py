"""The admin's "Re-run extraction" page on an article: what a re-run would change, then the re-run,
which refreshes untouched items and leaves what editors approved, edited or rejected alone."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from summits import ingest, services
from summits.models import Agreement, Article, ReviewStatus, Statement, Summit
from tests import factories

from .conftest import ARTICLE, agreement, first_extraction, row_counts, statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fixed_extraction")]

FIGHT = "We agreed to intensify the fight against terrorism,"
MEASURES = "Turkey would continue to take measures against threats from its borders"
TRADE = "Ankara and Moscow agreed to lift all trade restrictions"
# what the extraction finds today in place of MEASURES: a longer span of the same sentence
MEASURES_NOW = "Erdogan said Turkey would continue to take measures against threats from its borders"


@pytest.fixture
def article():
    """An article as imported by an older extractor, with an editor's decisions on its items:
    the first statement approved, the agreement rejected, the second statement untouched."""
    result = ingest.import_article(text=ARTICLE, extraction=first_extraction())
    Article.objects.filter(pk=result.article.pk).update(extractor_version="old")
    services.approve_items(items=Statement.objects.filter(text=FIGHT))
    services.reject_items(items=Agreement.objects.all(), why="not an agreement")
    return Article.objects.get(pk=result.article.pk)


@pytest.fixture
def today(fixed_extraction):
    """What the extraction finds in the article today: the second statement's span has grown, the
    agreement is found again, and a new agreement is found."""
    extraction = first_extraction()
    extraction.statements[1] = statement(ARTICLE, MEASURES_NOW, "Recep Tayyip Erdogan", "indirect")
    extraction.agreements.append(
        agreement(ARTICLE, "intensify the fight against terrorism", ["RU", "TR"], "counter-terrorism")
    )
    fixed_extraction[ARTICLE] = extraction
    return extraction


def url(article) -> str:
    return reverse("admin:summits_article_rerun", args=[article.pk])


def test_the_article_page_links_to_the_rerun_page_and_keeps_its_history_link(editor_client, article):
    page = editor_client.get(reverse("admin:summits_article_change", args=[article.pk])).content.decode()

    assert f'href="{url(article)}"' in page and "Re-run extraction" in page
    assert reverse("admin:summits_article_history", args=[article.pk]) in page


def test_the_page_lists_what_a_rerun_would_change_and_writes_nothing(editor_client, article, today):
    before = row_counts()

    response = editor_client.get(url(article))

    assert response.status_code == 200
    assert response.templates[0].name == "admin/summits/article/rerun.html"
    rows = response.context["rows"]
    assert [(row.text, row.new_text, row.detail) for row in rows["refreshed"]] == [
        (MEASURES, MEASURES_NOW, "text, position")
    ]
    assert [row.text for row in rows["added"]] == ["intensify the fight against terrorism"]
    assert rows["removed"] == []
    assert [(row.text, row.detail) for row in rows["kept"]] == [
        (FIGHT, "approved by an editor; found again"),
        (TRADE, "rejected by an editor; found again, stays rejected"),
    ]
    page = response.content.decode()
    assert MEASURES_NOW in page and 'name="csrfmiddlewaretoken"' in page and 'method="post"' in page
    assert (
        "1 added, 1 refreshed, 0 removed; 1 kept as editors left them; "
        "1 rejected or deleted by editors, not made again." in page
    )
    assert "Summit Archive — editors" in page  # the admin's layout
    assert row_counts() == before
    assert Statement.objects.get(text=MEASURES).review_status == ReviewStatus.PENDING
    assert not Statement.objects.filter(text=MEASURES_NOW).exists()
    assert Article.objects.get(pk=article.pk).extractor_version == "old"


def test_rerunning_refreshes_untouched_items_and_leaves_editors_decisions(editor_client, article, today):
    response = editor_client.post(url(article), {"_rerun": "Re-run extraction"}, follow=True)

    assert response.redirect_chain == [(reverse("admin:summits_article_change", args=[article.pk]), 302)]
    assert (
        "1 added, 1 refreshed, 0 removed; 1 kept as editors left them; "
        "1 rejected or deleted by editors, not made again." in response.content.decode()
    )
    refreshed = Statement.objects.get(speaker__name="Recep Tayyip Erdogan")
    assert refreshed.text == MEASURES_NOW and refreshed.start == ARTICLE.index(MEASURES_NOW)
    assert refreshed.fingerprint == ingest.statement_fingerprint(refreshed)  # still untouched
    assert Statement.objects.get(text=FIGHT).review_status == ReviewStatus.APPROVED
    rejected = Agreement.objects.get(text=TRADE)
    assert rejected.review_status == ReviewStatus.REJECTED
    added = Agreement.objects.exclude(pk=rejected.pk).get()
    assert added.text == "intensify the fight against terrorism"
    assert added.review_status == ReviewStatus.PENDING
    assert Article.objects.get(pk=article.pk).extractor_version == ingest.extractor_version()
    assert refreshed.history.first().history_user is not None  # the editor, through the middleware


def test_an_untouched_item_no_longer_found_is_removed_and_an_edited_one_stays(
    editor_client, article, fixed_extraction
):
    edited = Statement.objects.get(text=FIGHT)
    edited.text = "We agreed to intensify the fight against terrorism"
    services.save_item(item=edited, changed=["text"])
    fixed_extraction[ARTICLE] = first_extraction()
    fixed_extraction[ARTICLE].statements = []

    rows = editor_client.get(url(article)).context["rows"]
    response = editor_client.post(url(article), follow=True)

    assert [row.text for row in rows["removed"]] == [MEASURES]
    assert [row.detail for row in rows["kept"]] == [
        "approved and edited by an editor; no longer found, stays",
        "rejected by an editor; found again, stays rejected",
    ]
    assert "0 added, 0 refreshed, 1 removed; 1 kept as editors left them;" in response.content.decode()
    assert list(Statement.objects.values_list("text", flat=True)) == [edited.text]


def test_items_rerun_into_a_published_summit_stay_pending_and_the_page_says_so(editor_client, article, today):
    Summit.objects.update(status=Summit.Status.PUBLISHED)

    page = editor_client.get(url(article)).content.decode()
    response = editor_client.post(url(article), follow=True)

    assert "Added and refreshed items are pending: readers see them only once an editor approves them" in page
    assert "added and refreshed items are pending until an editor approves them" in response.content.decode()
    assert Statement.objects.get(text=MEASURES_NOW).review_status == ReviewStatus.PENDING
    assert Agreement.objects.approved().count() == 0
    assert list(Statement.objects.approved().values_list("text", flat=True)) == [FIGHT]


def test_rerunning_an_unchanged_extraction_changes_no_item(editor_client, article):
    before = {s.pk: (s.text, s.updated_at) for s in Statement.objects.all()}

    response = editor_client.post(url(article), follow=True)

    assert "0 added, 0 refreshed, 0 removed; 1 kept as editors left them; " in response.content.decode()
    assert "1 unchanged." in response.content.decode()
    assert {s.pk: (s.text, s.updated_at) for s in Statement.objects.all()} == before


def test_a_failing_extraction_is_a_message_and_changes_nothing(editor_client, article, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the model is missing")

    monkeypatch.setattr("summits.ingest.run_extraction", broken)
    before = row_counts()

    shown = editor_client.get(url(article), follow=True).content.decode()
    done = editor_client.post(url(article), follow=True).content.decode()

    for page in (shown, done):
        assert "The extraction could not be re-run (RuntimeError); nothing was changed." in page
    assert row_counts() == before


def test_the_page_needs_the_change_article_permission(client, article, today):
    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(staff)
    before = row_counts()

    assert client.get(url(article)).status_code == 403
    assert client.post(url(article)).status_code == 403
    page = client.get(reverse("admin:summits_article_change", args=[article.pk])).content.decode()
    assert url(article) not in page
    assert row_counts() == before

    staff.user_permissions.add(Permission.objects.get(codename="change_article"))
    assert client.get(url(article)).status_code == 200


def test_visitors_who_are_not_staff_are_sent_to_the_login(client, article, today):
    client.force_login(factories.UserFactory())
    before = row_counts()

    response = client.post(url(article))

    assert response.status_code == 302 and reverse("admin:login") in response.url
    assert row_counts() == before


def test_the_rerun_needs_the_csrf_token(editor, article, today):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    before = row_counts()

    assert client.post(url(article)).status_code == 403
    assert row_counts() == before


def test_an_unknown_article_is_not_found(editor_client, db):
    assert editor_client.get(reverse("admin:summits_article_rerun", args=[999])).status_code == 404
