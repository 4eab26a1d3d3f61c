"""An editor in a real browser reviews one imported real article on the review desk with the
keyboard only (approve some, reject one with a reason, fix a speaker through the autocomplete,
approve the rest, publish), then the public page shows exactly what was approved.

Every key press and every piece of text typed counts as one action; 21 items take at most 30.
A screenshot of the desk at 1,280 px goes to test-artifacts/screenshots/review-desk-1280.png.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from summits.ingest import import_article
from summits.models import Agreement, ReviewStatus, Statement, Summit
from tests import factories
from tests.browser.conftest import seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = Path(__file__).parents[1] / "gold" / "articles" / "nyt_geneva_kerry_lavrov_syria_agreement.txt"
MAX_ACTIONS = 30


class Editor:
    """The editor's hands: every key press and every text typed is one counted action."""

    def __init__(self, page):
        self.page = page
        self.actions = 0

    def press(self, key: str) -> None:
        self.actions += 1
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.actions += 1
        self.page.keyboard.type(text)


def current(page):
    return page.locator(".review-item.is-current")


@pytest.fixture
def editor_page(browser, live_server):
    """A 1,280 x 800 page logged in as an editor; closed after the test, so that no request of
    it is still running when the test database goes."""
    client = Client()
    client.force_login(factories.EditorFactory())
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    yield context.new_page()
    context.close()


def test_an_editor_reviews_a_real_article_with_the_keyboard(editor_page, screenshot):
    seed_countries()  # an earlier transactional test may have flushed them
    summit = import_article(text=ARTICLE.read_text(encoding="utf-8")).summit
    items = [*Statement.objects.filter(summit=summit), *Agreement.objects.filter(summit=summit)]
    assert 15 <= len(items) <= 25
    assert all(item.review_status == ReviewStatus.PENDING for item in items)
    scare_quote = Statement.objects.get(summit=summit, text="cessation of hostilities")
    misattributed = Statement.objects.get(summit=summit, text__startswith="the main driver of civilian")
    assert misattributed.speaker_name == "Bashar al-Assad"  # Kerry said it, "as he put it"

    page = editor_page
    page.goto(reverse("admin:summits_summit_review", args=[summit.pk]))
    expect(page.locator("#review-pending")).to_have_text(str(len(items)))
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    editor = Editor(page)

    # Approve the first three: each "a" approves the current item and moves to the next pending.
    for done in range(1, 4):
        editor.press("a")
        expect(page.locator("#review-pending")).to_have_text(str(len(items) - done))
    screenshot(page, "review-desk-1280")

    # Down to the scare quote, and reject it with a reason.
    while current(page).get_attribute("id") != f"item-statement-{scare_quote.pk}":
        editor.press("j")
    editor.press("r")
    expect(current(page).locator("input[name=why]")).to_be_focused()
    editor.type("a scare quote, not a statement")
    editor.press("Enter")
    expect(page.locator(f"#item-statement-{scare_quote.pk}")).to_have_attribute("data-status", "rejected")
    expect(page.locator(f"#span-statement-{scare_quote.pk}")).to_have_class(
        "span span-statement span-rejected"
    )

    # On to the misattributed quotation: its speaker is John Kerry, found by the autocomplete.
    while current(page).get_attribute("id") != f"item-statement-{misattributed.pk}":
        editor.press("j")
    editor.press("s")
    editor.type("Kerry")
    expect(current(page).locator(".review-options li.is-active")).to_have_text("John Kerry")
    screenshot(page, "review-desk-1280-speaker")
    editor.press("Enter")
    expect(page.locator(f"#item-statement-{misattributed.pk} .review-who")).to_have_text("John Kerry")

    editor.press("A")  # approve all remaining
    expect(page.locator("#review-pending")).to_have_text("0")
    editor.press("P")  # publish
    expect(page.locator("#review-publish")).to_contain_text("Published")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    screenshot(page, "review-desk-1280-done")

    assert editor.actions <= MAX_ACTIONS, f"{editor.actions} actions for {len(items)} items"
    print(f"\nReview desk: {editor.actions} actions for {len(items)} items")  # noqa: T201

    summit.refresh_from_db()
    assert summit.status == Summit.Status.PUBLISHED
    misattributed.refresh_from_db()
    assert misattributed.speaker.name == "John Kerry"
    record = scare_quote.history.order_by("-history_date").first()
    assert record.history_change_reason == "Review: Rejected (a scare quote, not a statement)"

    # The public page shows exactly the approved items, the rejected one nowhere.
    page.goto(summit.get_absolute_url())
    approved = {f"statement-{pk}" for pk in Statement.objects.approved().values_list("pk", flat=True)}
    approved |= {f"agreement-{pk}" for pk in Agreement.objects.approved().values_list("pk", flat=True)}
    assert len(approved) == len(items) - 1
    shown = set(
        page.locator("article.statement, article.agreement").evaluate_all("els => els.map(e => e.id)")
    )
    assert shown == approved
    assert f"statement-{scare_quote.pk}" not in shown
    expect(page.locator(f"#statement-{misattributed.pk}")).to_be_visible()


SPAN_ARTICLE = (
    "GENEVA 🇨🇭 — Secretary of State John Kerry met Sergey V. Lavrov on Friday.\n"
    "“No one is basing this on trust,” Mr. Kerry said. “We are basing it on oversight.”\n"
)


def test_highlights_and_items_link_both_ways_and_a_selection_becomes_the_span(editor_page, screenshot):
    seed_countries()
    article = factories.ArticleFactory(text=SPAN_ARTICLE)
    summit = factories.SummitFactory()
    summit.articles.add(article)
    wrong = "No one is basing this"  # the extraction cut the quotation short
    start = SPAN_ARTICLE.index(wrong)
    statement = factories.StatementFactory(
        review_status="pending",
        summit=summit,
        article=article,
        text=wrong,
        start=start,
        end=start + len(wrong),
    )
    words = "We are basing it on oversight."
    other = factories.StatementFactory(
        review_status="pending",
        summit=summit,
        article=article,
        text=words,
        start=SPAN_ARTICLE.index(words),
        end=SPAN_ARTICLE.index(words) + len(words),
    )

    page = editor_page
    page.goto(reverse("admin:summits_article_review", args=[article.pk]))

    page.locator(f"#span-statement-{statement.pk}").click()  # highlight -> its item
    expect(current(page)).to_have_id(f"item-statement-{statement.pk}")
    page.locator(f"#item-statement-{other.pk} .review-quote").click()  # item -> its highlight
    expect(page.locator(f"#span-statement-{other.pk}")).to_have_class(re.compile(r"\bis-current\b"))
    page.keyboard.press("k")
    expect(current(page)).to_have_id(f"item-statement-{statement.pk}")

    # Select the whole quotation, its marks included, across the highlight's own runs of text.
    page.evaluate(
        """(words) => {
            const text = document.querySelector(".review-text");
            const runs = Array.from(text.querySelectorAll("[data-start]"));
            const startRun = runs.find((run) => run.textContent.endsWith("Friday.\\n“"));
            const endRun = runs.find((run) => run.textContent.includes(words));
            const range = document.createRange();
            range.setStart(startRun.firstChild, startRun.textContent.length - 1);
            const end = endRun.textContent.indexOf(words) + words.length;
            range.setEnd(endRun.firstChild, end);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }""",
        "on trust,”",
    )
    page.keyboard.press("e")

    expect(page.locator(f"#item-statement-{statement.pk} .review-quote")).to_have_text(
        "No one is basing this on trust,"
    )
    statement.refresh_from_db()
    # offsets count characters, as Python does: the flag before the span is two, not four
    assert SPAN_ARTICLE[statement.start : statement.end] == "No one is basing this on trust,"
    expect(page.locator(f"#span-statement-{statement.pk}")).to_have_text("No one is basing this on trust,")
    screenshot(page, "review-desk-1280-article")

    page.keyboard.press("u")  # undo the span
    expect(page.locator(f"#item-statement-{statement.pk} .review-quote")).to_have_text(wrong)

    # What cannot be done is said in the page: no selection, nothing to undo.
    page.keyboard.press("e")
    expect(page.locator("#review-message")).to_contain_text("Select the words of this item")
    page.keyboard.press("j")
    page.keyboard.press("u")
    expect(page.locator("#review-message")).to_have_text(
        "There is no earlier version of this item to go back to."
    )


def test_publishing_with_pending_items_asks_first(editor_page):
    seed_countries()
    summit = factories.SummitFactory(status=Summit.Status.DRAFT)
    article = factories.ArticleFactory(text=SPAN_ARTICLE)
    summit.articles.add(article)
    factories.StatementFactory(
        review_status="pending", summit=summit, article=article, text="No one", start=0, end=6
    )

    page = editor_page
    page.goto(reverse("admin:summits_summit_review", args=[summit.pk]))
    page.keyboard.press("P")
    expect(page.locator(".review-question")).to_have_text("1 item still awaits review.")
    page.get_by_role("button", name="Review them first").click()
    expect(page.locator(".review-question")).to_have_count(0)
    summit.refresh_from_db()
    assert summit.status == Summit.Status.DRAFT

    page.keyboard.press("P")
    page.get_by_role("button", name="Approve the rest and publish").click()
    expect(page.locator("#review-publish")).to_contain_text("Published")
    expect(page.locator("#review-pending")).to_have_text("0")
    summit.refresh_from_db()
    assert summit.status == Summit.Status.PUBLISHED
