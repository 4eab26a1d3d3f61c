"""The review desk's side of several reports of one meeting: each row lists the other articles
that report the item, and an item the import thinks repeats another is shown beside it, to merge
into it or to dismiss (summits/admin_review.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from summits.models import ReviewStatus, Statement, Summit
from tests import factories

pytestmark = pytest.mark.django_db

WIRE = 'Putin met Erdogan in Sochi. "We agreed to fight terrorism together," Putin said.'
DAILY = 'In Sochi, Putin said the two countries would fight terrorism side by side. "Together," he said.'
WEEKLY = 'From Sochi: "We agreed to fight terrorism together," said Putin.'


def span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words}


@pytest.fixture
def reports():
    """A summit from three outlets: an approved quotation that a second article reports too, and a
    third article's reported statement proposed as a probable duplicate of it."""
    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    wire, daily, weekly = (
        factories.ArticleFactory(text=text, outlet=outlet, title=f"{outlet} report")
        for text, outlet in ((WIRE, "Wire"), (DAILY, "Daily"), (WEEKLY, "Weekly"))
    )
    summit.articles.add(wire, daily, weekly)
    putin = factories.ParticipantFactory(name="Vladimir Putin")
    quotation = factories.StatementFactory(
        summit=summit,
        article=wire,
        speaker=putin,
        review_status=ReviewStatus.APPROVED,
        **span(WIRE, "We agreed to fight terrorism together"),
    )
    quotation.further_sources.create(article=weekly, **span(WEEKLY, "We agreed to fight terrorism together"))
    paraphrase = factories.StatementFactory(
        summit=summit,
        article=daily,
        speaker=None,
        speaker_label="Putin",
        kind="indirect",
        review_status=ReviewStatus.PENDING,
        probable_duplicate_of=quotation,
        **span(DAILY, "the two countries would fight terrorism side by side"),
    )
    return summit, (wire, daily, weekly), quotation, paraphrase


def desk_url(obj) -> str:
    return reverse(f"admin:summits_{obj._meta.model_name}_review", args=[obj.pk])


def action_url(obj, item, action: str) -> str:
    return f"{desk_url(obj)}{item._meta.model_name}/{item.pk}/{action}/"


def row_of(html: str, item) -> str:
    """The desk's row of ``item``: up to the next row, or the end of the list."""
    return (
        html.split(f'id="item-{item._meta.model_name}-{item.pk}"')[1]
        .split('<li id="item-')[0]
        .split("</ol>")[0]
    )


def test_a_row_shows_its_further_sources_and_the_item_it_probably_repeats(editor_client, reports):
    summit, (wire, daily, weekly), quotation, paraphrase = reports

    html = editor_client.get(desk_url(summit)).content.decode()

    quotation_row = row_of(html, quotation)
    assert f'Also reported by <a href="{desk_url(weekly)}">Weekly</a>' in quotation_row
    assert "Probably repeats" not in quotation_row
    row = row_of(html, paraphrase)
    assert "Probably repeats" in row
    assert reverse("admin:summits_statement_change", args=[quotation.pk]) in row
    for shown in (
        "We agreed to fight terrorism together",
        "Vladimir Putin",
        "Approved",
        "Wire report (Wire)",
    ):
        assert shown in row
    assert f'hx-post="{action_url(summit, paraphrase, "merge")}"' in row and ">Merge into it<" in row
    assert (
        f'hx-post="{action_url(summit, paraphrase, "not-duplicate")}"' in row and ">Not a duplicate<" in row
    )


def test_merge_into_it_answers_with_every_row(editor_client, editor, reports):
    summit, (wire, daily, weekly), quotation, paraphrase = reports

    response = editor_client.post(action_url(summit, paraphrase, "merge"))

    assert response.status_code == 200
    assert not Statement.objects.filter(pk=paraphrase.pk).exists()
    quotation.refresh_from_db()
    assert quotation.review_status == ReviewStatus.APPROVED and quotation.speaker.name == "Vladimir Putin"
    assert [report.article for report in quotation.reports] == [wire, weekly, daily]
    record = Statement.history.get(id=paraphrase.pk, history_type="-")
    assert (record.history_change_reason, record.history_user) == (
        f"Merged into statement #{quotation.pk}",
        editor,
    )
    html = response.content.decode()
    assert '<ol id="review-items" class="review-items" hx-swap-oob="true">' in html
    assert f'id="item-statement-{paraphrase.pk}"' not in html
    assert f'Also reported by <a href="{desk_url(daily)}">Daily</a>' in row_of(html, quotation)
    assert '<span id="review-pending" class="review-pending" hx-swap-oob="true">0</span>' in html


def test_not_a_duplicate_answers_with_the_row_without_the_proposal(editor_client, editor, reports):
    summit, _, quotation, paraphrase = reports

    response = editor_client.post(action_url(summit, paraphrase, "not-duplicate"))

    assert response.status_code == 200
    paraphrase.refresh_from_db()
    assert paraphrase.probable_duplicate_of is None
    assert paraphrase.review_status == ReviewStatus.PENDING
    record = paraphrase.history.order_by("-history_date", "-history_id").first()
    assert (record.history_change_reason, record.history_user) == (
        f"Not a duplicate of statement #{quotation.pk}",
        editor,
    )
    html = response.content.decode()
    assert f'<li id="item-statement-{paraphrase.pk}"' in html and "Probably repeats" not in html


def test_a_stale_proposal_is_refused_with_a_message(editor_client, reports):
    summit, _, quotation, paraphrase = reports
    editor_client.post(action_url(summit, paraphrase, "not-duplicate"))

    for action in ("merge", "not-duplicate"):
        response = editor_client.post(action_url(summit, paraphrase, action))
        assert response.status_code == 400
        assert response.content.decode() == "No duplicate is proposed for this item (any more)."
    assert Statement.objects.filter(pk=paraphrase.pk).exists()


def test_merging_needs_a_csrf_token(reports, editor):
    summit, _, quotation, paraphrase = reports
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    assert client.post(action_url(summit, paraphrase, "merge")).status_code == 403
    assert client.get(action_url(summit, paraphrase, "merge")).status_code == 405
    assert Statement.objects.filter(pk=paraphrase.pk).exists()


def test_the_article_desk_lists_the_sources_too(editor_client, reports):
    summit, (wire, *_), quotation, _ = reports

    html = editor_client.get(desk_url(wire)).content.decode()

    assert "Also reported by" in row_of(html, quotation)
