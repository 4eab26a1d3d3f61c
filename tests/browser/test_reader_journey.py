"""A reader in a real browser: home page -> summit -> participant -> search -> the highlighted
source sentence. Screenshots of every page go to test-artifacts/screenshots/."""

import pytest
from playwright.sync_api import expect

from summits.models import ReviewStatus
from tests import factories
from tests.browser.conftest import seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = (
    "Russia and Turkey have both underscored the need to continue the fight against terrorism.\n"
    "Russian President Vladimir Putin said at a joint news conference with his Turkish counterpart "
    "Recep Tayyip Erdogan in the Black Sea resort of Sochi on Wednesday that the two countries were "
    "boosting cooperation to battle terror.\n"
    "“While exchanging opinions on the regional and international agenda, we paid much attention to "
    "the fight against terrorism. We agreed to intensify the cooperation between the intelligence "
    "agencies and ministries of defense,” he said.\n"
    + "\n".join(
        f"Paragraph {n} of background on the Syrian conflict and the talks in Astana." for n in range(40)
    )
    + "\nThe Turkish president said Ankara and Moscow had agreed to lift all trade restrictions, except "
    "those on exports of Turkish tomatoes to Russia.\n"
    '"We do not differentiate between terrorist organizations," Erdogan said.\n'
)
QUOTE = (
    "While exchanging opinions on the regional and international agenda, we paid much attention to the "
    "fight against terrorism. We agreed to intensify the cooperation between the intelligence agencies "
    "and ministries of defense,"
)


def span(fragment):
    start = ARTICLE.index(fragment)
    return {"start": start, "end": start + len(fragment)}


@pytest.fixture
def seed_like_archive():
    """The seed's story, built with factories: Putin and Erdogan in Sochi."""
    seed_countries()  # an earlier transactional test may have flushed them
    article = factories.ArticleFactory(
        text=ARTICLE, title="Russia, Turkey agree on Syria safe zones", outlet="Press TV"
    )
    summit = factories.SummitFactory(
        title="Putin–Erdogan talks in Sochi", slug="putin-erdogan-talks-sochi", date_text="Wednesday"
    )
    summit.articles.add(article)
    summit.topics.add(
        factories.TopicFactory(name="counter-terrorism"),
        factories.TopicFactory(name="Syria"),
        factories.TopicFactory(name="trade"),
    )
    putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    erdogan = factories.ParticipantFactory(
        name="Recep Tayyip Erdogan", slug="recep-tayyip-erdogan", country=factories.country("TR")
    )
    factories.AttendanceFactory(summit=summit, participant=putin, role="President")
    factories.AttendanceFactory(summit=summit, participant=erdogan, role="President")
    quotation = factories.StatementFactory(
        summit=summit,
        article=article,
        speaker=putin,
        text=QUOTE,
        review_status=ReviewStatus.APPROVED,
        **span(QUOTE),
    )
    erdogan_quote = "We do not differentiate between terrorist organizations,"
    factories.StatementFactory(
        summit=summit, article=article, speaker=erdogan, text=erdogan_quote, **span(erdogan_quote)
    )
    reported = "the two countries were boosting cooperation to battle terror."
    factories.StatementFactory(
        summit=summit, article=article, speaker=putin, text=reported, kind="indirect", **span(reported)
    )
    agreement = "Ankara and Moscow had agreed to lift all trade restrictions"
    factories.AgreementFactory(
        summit=summit,
        article=article,
        text="lift all trade restrictions",
        topic="trade",
        exceptions="exports of Turkish tomatoes to Russia",
        **span(agreement),
    )
    older = factories.SummitFactory(title="Astana talks on Syria", start_date="2016-12-20", end_date=None)
    factories.AttendanceFactory(summit=older, participant=putin, role="President")
    return summit, quotation


def test_reader_goes_from_home_to_the_highlighted_source(browser, live_server, seed_like_archive, screenshot):
    summit, quotation = seed_like_archive
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Summit Archive")
    expect(page.get_by_role("link", name="2017: 1 summit")).to_be_visible()
    screenshot(page, "1-home")

    page.get_by_role("link", name=summit.title).first.click()
    expect(page).to_have_url(f"{live_server.url}/summits/{summit.slug}/")
    expect(page.locator(f"#statement-{quotation.pk} blockquote")).to_contain_text("intelligence agencies")
    expect(page.get_by_text("Reported", exact=True).first).to_be_visible()
    expect(page.locator("#citation")).to_contain_text(f"{live_server.url}/summits/{summit.slug}/")
    expect(page.get_by_role("button", name="Copy Chicago citation")).to_be_visible()  # the script ran
    screenshot(page, "2-summit")

    page.get_by_role("region", name="Participants").get_by_role("link", name="Vladimir Putin").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vladimir Putin")
    expect(page.get_by_text("Astana talks on Syria")).to_be_visible()
    screenshot(page, "3-participant")

    search = page.get_by_role("searchbox", name="Search statements, agreements and summits")
    search.fill("intelligence")
    search.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("intelligence")
    result = page.locator(f"#statement-{quotation.pk}")
    expect(result.locator("mark").first).to_have_text("intelligence")
    screenshot(page, "4-search")

    result.get_by_role("link", name="source").click()
    expect(page).to_have_url(
        f"{live_server.url}/articles/{quotation.article_id}/#span-statement-{quotation.pk}"
    )
    target = page.locator(f"mark#span-statement-{quotation.pk}")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == f"span-statement-{quotation.pk}"
    expect(target).to_contain_text("intelligence agencies")
    screenshot(page, "5-article")
    context.close()


PHONE_WIDTH = 390


def test_pages_fit_a_phone(browser, live_server, seed_like_archive, screenshot):
    """Every public page fits a 390 px phone: nothing scrolls sideways (the summit list with its
    filters open, long names and long words included)."""
    summit, quotation = seed_like_archive
    putin = summit.attendances.get(participant__name="Vladimir Putin").participant
    summit.topics.add(  # a long topic widens the filter form's select
        factories.TopicFactory(
            name="intergovernmental counterterrorism coordination mechanisms and exchanges"
        )
    )
    context = browser.new_context(
        viewport={"width": PHONE_WIDTH, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        base_url=live_server.url,
    )
    page = context.new_page()
    for name, url in [
        ("phone-home", "/"),
        ("phone-summit", summit.get_absolute_url()),
        ("phone-summits", "/summits/"),
        ("phone-summits-filtered", "/summits/?topic=trade"),
        ("phone-participant", putin.get_absolute_url()),
        ("phone-country", "/countries/ru/"),
        ("phone-article", quotation.article.get_absolute_url()),
        ("phone-search", "/search/?q=terrorism"),
        ("phone-not-found", "/summits/no-such-summit/"),
    ]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE_WIDTH, (
            f"{url} is {width}px wide on a {PHONE_WIDTH}px phone: it scrolls sideways"
        )
        screenshot(page, name)
    context.close()
