"""A reader cites a summit and a statement on a phone: every format fits the screen, copying puts
the citation on the clipboard, and the statement's own page is one tap away."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def undated_summit():
    seed_countries()  # an earlier transactional test may have flushed them
    summit = factories.SummitFactory(
        title="Putin–Erdogan talks in Sochi", slug="sochi-undated", start_date=None, end_date=None
    )
    article = factories.ArticleFactory(title="Putin, Erdogan meet in Sochi", outlet="Press TV")
    summit.articles.add(article)
    putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    factories.AttendanceFactory(summit=summit, participant=putin, role="President")
    statement = factories.StatementFactory(
        summit=summit, article=article, speaker=putin, text="We agreed to work together,", start=0, end=10
    )
    return summit, statement


def test_reader_copies_a_citation_and_opens_a_statement_on_a_phone(
    browser, live_server, undated_summit, screenshot
):
    summit, statement = undated_summit
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()

    page.goto(f"/summits/{summit.slug}/")
    expect(page.locator(".page-head .meta")).to_contain_text("date not known — the report says “Wednesday”")
    cite = page.get_by_role("region", name="Cite this summit")
    expect(cite.locator("#citation-bibtex")).to_contain_text("@online{summit-archive:sochi-undated,")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    cite.get_by_role("button", name="Copy BibTeX").click()
    expect(cite.get_by_role("button", name="Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@online{summit-archive:sochi-undated,") and "date not known" in copied
    screenshot(page, "cite-1-summit-phone")

    page.locator(f"#statement-{statement.pk}").get_by_role("link", name="cite").click()
    expect(page).to_have_url(f"{live_server.url}/statements/{statement.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Statement by Vladimir Putin")
    expect(page.locator("#citation")).to_contain_text(f"{live_server.url}/statements/{statement.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    screenshot(page, "cite-2-statement-phone")
    context.close()
