"""The editors' review desk (summits/admin_review.py): the page for a summit and for an article,
and every action on it, each a POST answered with htmx fragments and made through the services."""

import re

import pytest
from django.urls import reverse

from summits.models import Agreement, Participant, ReviewStatus, Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan in Sochi. "
    '"We agreed to intensify the fight against terrorism," Putin said. '
    "Erdogan said Turkey would keep its borders closed. "
    "Ankara and Moscow agreed to lift all trade restrictions."
)


def span(fragment: str) -> dict:
    start = TEXT.index(fragment)
    return {"start": start, "end": start + len(fragment), "text": fragment}


@pytest.fixture
def desk():
    """A draft summit from one article: two statements and an agreement, all pending."""
    article = factories.ArticleFactory(text=TEXT, title="Putin and Erdogan in Sochi")
    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    summit.articles.add(article)
    putin = factories.ParticipantFactory(name="Vladimir Putin")
    quote = factories.StatementFactory(
        review_status="pending",
        summit=summit,
        article=article,
        speaker=putin,
        **span("We agreed to intensify the fight against terrorism,"),
    )
    reported = factories.StatementFactory(
        review_status="pending",
        summit=summit,
        article=article,
        speaker=None,
        speaker_label="Erdogan",
        kind="indirect",
        **span("Turkey would keep its borders closed"),
    )
    agreement = factories.AgreementFactory(
        review_status="pending",
        summit=summit,
        article=article,
        **span("Ankara and Moscow agreed to lift all trade restrictions"),
    )
    return summit, article, quote, reported, agreement


def desk_url(obj) -> str:
    return reverse(f"admin:summits_{obj._meta.model_name}_review", args=[obj.pk])


def action_url(obj, item, action: str) -> str:
    return f"{desk_url(obj)}{item._meta.model_name}/{item.pk}/{action}/"


def reason_of(item) -> str:
    return item.history.order_by("-history_date", "-history_id").first().history_change_reason


# --- The page ---------------------------------------------------------------------------------------


def test_the_summit_desk_shows_the_text_with_highlights_and_every_item(editor_client, desk):
    summit, article, quote, reported, agreement = desk

    response = editor_client.get(desk_url(summit))

    assert response.status_code == 200
    html = response.content.decode()
    for item in (quote, reported, agreement):
        kind = item._meta.model_name
        # the highlight and the row name each other: span-<kind>-<pk> and item-<kind>-<pk>
        assert f'id="span-{kind}-{item.pk}" class="span span-{kind} span-pending"' in html
        assert f'id="item-{kind}-{item.pk}"' in html
        assert f'data-span="span-{kind}-{item.pk}"' in html
    # every run of text carries its offset, so a selection can become a span
    assert f'<span data-start="{quote.start}">{quote.text}</span>' in html
    assert '<span id="review-pending" class="review-pending">3</span>' in html
    assert "vendor/htmx/htmx.min.js" in html and "admin-extra/review.js" in html
    assert "<kbd>j</kbd>" in html  # the keys are shown
    assert "style=" not in html.split('id="review-desk"')[1]  # no inline styles (CSP to come)


def test_the_article_desk_shows_the_items_taken_from_it(editor_client, desk):
    summit, article, quote, reported, agreement = desk

    response = editor_client.get(desk_url(article))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="item-statement-{quote.pk}"' in html and f'id="span-agreement-{agreement.pk}"' in html
    assert 'id="review-publish"' not in html  # publishing is a summit's


def test_the_desk_costs_the_same_queries_however_many_items(editor_client, desk, django_assert_num_queries):
    summit, article, quote, reported, agreement = desk
    editor_client.get(desk_url(summit))  # warm the session and the content types
    # the summit, its articles, statements and their further sources, agreements and theirs
    with django_assert_num_queries(8):
        editor_client.get(desk_url(summit))
    for n in range(10):
        other = factories.ArticleFactory(text=f"{TEXT} ({n})", outlet="Other Wire")
        statement = factories.StatementFactory(
            review_status="pending",
            summit=summit,
            article=article,
            probable_duplicate_of=quote,
            **span("Putin said"),
        )
        statement.further_sources.create(article=other, **span("Putin said"))
        agreement = factories.AgreementFactory(
            review_status="pending",
            summit=summit,
            article=article,
            probable_duplicate_of=agreement,
            **span("lift all trade restrictions"),
        )
        agreement.further_sources.create(article=other, **span("lift all trade restrictions"))
    with django_assert_num_queries(8):
        response = editor_client.get(desk_url(summit))
    html = response.content.decode()
    assert html.count('class="review-item ') == 23
    assert html.count("Also reported by") == 20 and html.count("Probably repeats") == 20


def test_links_to_the_desk_from_the_summit_and_article_pages(editor_client, desk):
    summit, article, *_ = desk
    change = editor_client.get(reverse("admin:summits_summit_change", args=[summit.pk]))
    assert desk_url(summit) in change.content.decode()
    summits = editor_client.get(reverse("admin:summits_summit_changelist"))
    assert desk_url(summit) in summits.content.decode()
    article_page = editor_client.get(reverse("admin:summits_article_change", args=[article.pk]))
    assert desk_url(article) in article_page.content.decode()


# --- Who may use it ------------------------------------------------------------------------------


def test_readers_and_staff_without_permission_are_refused(client, desk):
    summit, article, quote, *_ = desk
    reader = factories.UserFactory()
    client.force_login(reader)
    for url in (action_url(summit, quote, "approve"), desk_url(summit) + "approve-remaining/"):
        assert client.post(url).status_code == 403
    assert client.get(desk_url(summit)).status_code == 302  # the admin's login page

    clerk = factories.UserFactory(is_staff=True)  # staff, but no permission to change items
    client.force_login(clerk)
    assert client.get(desk_url(summit)).status_code == 403
    assert client.post(action_url(summit, quote, "approve")).status_code == 403
    quote.refresh_from_db()
    assert quote.review_status == ReviewStatus.PENDING


def test_actions_need_post_and_a_csrf_token(desk, editor):
    from django.test import Client

    summit, article, quote, *_ = desk
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(action_url(summit, quote, "approve")).status_code == 405
    assert client.post(action_url(summit, quote, "approve")).status_code == 403
    quote.refresh_from_db()
    assert quote.review_status == ReviewStatus.PENDING


def test_an_item_of_another_summit_is_not_found(editor_client, desk):
    summit, *_ = desk
    elsewhere = factories.StatementFactory(review_status="pending")
    assert editor_client.post(action_url(summit, elsewhere, "approve")).status_code == 404
    assert editor_client.post(action_url(summit, summit.agreements.first(), "speaker")).status_code == 404


# --- Each action ---------------------------------------------------------------------------------


def test_approve_answers_with_the_row_the_count_and_the_highlight(editor_client, editor, desk):
    summit, article, quote, *_ = desk

    response = editor_client.post(action_url(summit, quote, "approve"))

    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.review_status == ReviewStatus.APPROVED
    record = quote.history.first()
    assert (record.history_change_reason, record.history_user) == ("Review: Approved", editor)
    html = response.content.decode()
    assert re.search(rf'<li id="item-statement-{quote.pk}" class="review-item review-item--approved"', html)
    assert 'hx-swap-oob="true"' in html.split(f'id="item-statement-{quote.pk}"')[1].split(">")[0]
    assert '<span id="review-pending" class="review-pending" hx-swap-oob="true">2</span>' in html
    assert f'id="span-statement-{quote.pk}" class="span span-statement span-approved"' in html
    assert f'<div id="review-article-{article.pk}"' in html


def test_reject_keeps_the_reason_in_the_history(editor_client, desk):
    summit, article, quote, *_ = desk

    response = editor_client.post(action_url(summit, quote, "reject"), {"why": "  said in 2016,   not here "})

    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.review_status == ReviewStatus.REJECTED
    assert reason_of(quote) == "Review: Rejected (said in 2016, not here)"


def test_a_long_reason_is_refused_with_a_message(editor_client, desk):
    summit, article, quote, *_ = desk
    response = editor_client.post(action_url(summit, quote, "reject"), {"why": "x" * 200})
    assert response.status_code == 400
    assert "Keep the reason short" in response.content.decode()
    quote.refresh_from_db()
    assert quote.review_status == ReviewStatus.PENDING


def test_fix_the_speaker_with_a_person_or_a_new_one(editor_client, desk):
    summit, article, quote, reported, _ = desk
    erdogan = factories.ParticipantFactory(name="Recep Tayyip Erdogan")

    response = editor_client.post(action_url(summit, reported, "speaker"), {"speaker": erdogan.pk})
    assert response.status_code == 200
    reported.refresh_from_db()
    assert (reported.speaker, reported.speaker_label) == (erdogan, "")
    assert reason_of(reported) == "Edited: speaker"
    assert "Recep Tayyip Erdogan" in response.content.decode()

    editor_client.post(action_url(summit, quote, "speaker"), {"new_name": "Dmitry Peskov"})
    quote.refresh_from_db()
    assert quote.speaker == Participant.objects.get(name="Dmitry Peskov")

    refused = editor_client.post(action_url(summit, quote, "speaker"), {"speaker": "999999"})
    assert refused.status_code == 400
    nobody = editor_client.post(action_url(summit, quote, "speaker"), {})
    assert nobody.status_code == 400
    assert nobody.content.decode() == "Choose a person, or give the name of a new one."


def test_the_speaker_autocomplete_the_desk_uses(editor_client, desk):
    factories.ParticipantFactory(name="Sergei Lavrov")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "summits", "model_name": "statement", "field_name": "speaker", "term": "lavr"},
    )
    assert [person["text"] for person in response.json()["results"]] == ["Sergei Lavrov"]


def test_edit_the_span_from_a_selection(editor_client, desk):
    summit, article, quote, *_ = desk
    # the editor's selection took the quotation marks and a space: the span follows the words
    selected = '"We agreed to intensify the fight against terrorism," '
    start = TEXT.index(selected)

    response = editor_client.post(
        action_url(summit, quote, "span"), {"start": start, "end": start + len(selected)}
    )

    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.text == "We agreed to intensify the fight against terrorism,"
    assert (quote.start, quote.end) == (start + 1, start + 1 + len(quote.text))
    # services.edit_reason names the fields in a set's order, which varies from run to run
    assert reason_of(quote) in {"Edited: span, text", "Edited: text, span"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": "10", "end": "100000"}, "A span must lie inside the article"),
        ({"start": "20", "end": "10"}, "A span must lie inside the article"),
        ({"start": "", "end": "10"}, "Select some words of the article first."),
        ({"start": "x", "end": "y"}, "Select some words of the article first."),
    ],
)
def test_a_bad_span_is_refused_with_a_message(editor_client, desk, data, message):
    summit, article, quote, *_ = desk
    before = (quote.start, quote.end, quote.text)

    response = editor_client.post(action_url(summit, quote, "span"), data)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().startswith(message)
    quote.refresh_from_db()
    assert (quote.start, quote.end, quote.text) == before


def test_change_the_kind(editor_client, desk):
    summit, article, quote, *_ = desk
    response = editor_client.post(action_url(summit, quote, "kind"), {"kind": "indirect"})
    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.kind == Statement.Kind.INDIRECT
    assert reason_of(quote) == "Edited: kind"
    assert editor_client.post(action_url(summit, quote, "kind"), {"kind": "sung"}).status_code == 400


def test_undo_puts_the_last_change_back(editor_client, desk):
    summit, article, quote, *_ = desk
    editor_client.post(action_url(summit, quote, "reject"), {"why": "wrong summit"})

    response = editor_client.post(action_url(summit, quote, "undo"))

    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.review_status == ReviewStatus.PENDING
    assert reason_of(quote) == "Undo: Review: Rejected (wrong summit)"
    assert "review-item--pending" in response.content.decode()


def test_undo_with_nothing_to_undo_says_so(editor_client, desk):
    summit, article, quote, *_ = desk
    response = editor_client.post(action_url(summit, quote, "undo"))
    assert response.status_code == 400
    assert response.content.decode() == "There is no earlier version of this item to go back to."


def test_approve_all_remaining(editor_client, desk):
    summit, article, quote, reported, agreement = desk
    editor_client.post(action_url(summit, quote, "reject"), {"why": "not said there"})

    response = editor_client.post(desk_url(summit) + "approve-remaining/")

    assert response.status_code == 200
    assert [s.review_status for s in Statement.objects.order_by("start")] == ["rejected", "approved"]
    assert Agreement.objects.get().review_status == ReviewStatus.APPROVED
    html = response.content.decode()
    assert '<ol id="review-items" class="review-items" hx-swap-oob="true">' in html
    assert 'hx-swap-oob="true">0</span>' in html


def test_approve_all_remaining_of_one_article_leaves_the_rest(editor_client, desk):
    summit, article, quote, reported, agreement = desk
    elsewhere = factories.StatementFactory(review_status="pending", summit=summit)  # from another article

    editor_client.post(desk_url(article) + "approve-remaining/")

    quote.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (quote.review_status, elsewhere.review_status) == ("approved", "pending")


def test_publish_with_pending_items_asks_first(editor_client, desk):
    summit, article, quote, *_ = desk
    editor_client.post(action_url(summit, quote, "approve"))

    asked = editor_client.post(desk_url(summit) + "publish/")

    assert asked.status_code == 200
    summit.refresh_from_db()
    assert summit.status == Summit.Status.DRAFT
    html = asked.content.decode()
    assert "2 items still await review." in html
    assert 'name="pending" value="approve"' in html and 'name="pending" value="keep"' in html

    done = editor_client.post(desk_url(summit) + "publish/", {"pending": "approve"})

    summit.refresh_from_db()
    assert summit.status == Summit.Status.PUBLISHED
    assert not Statement.objects.pending().exists() and not Agreement.objects.pending().exists()
    assert "public page" in done.content.decode()


def test_publish_keeping_the_pending_items_back(editor_client, desk):
    summit, article, quote, reported, agreement = desk
    editor_client.post(action_url(summit, quote, "approve"))

    editor_client.post(desk_url(summit) + "publish/", {"pending": "keep"})

    summit.refresh_from_db()
    assert summit.status == Summit.Status.PUBLISHED
    assert list(Statement.objects.visible()) == [quote]
