"""A reader searches without the accent, narrows by a facet, and reads the results on a wide
screen and on a phone. Screenshots: search-facets-1280, search-facets-390."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import phone_context, seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_summits():
    seed_countries()  # an earlier transactional test may have flushed them
    erdogan = factories.ParticipantFactory(name="Recep Tayyip Erdoğan", slug="recep-tayyip-erdogan")
    putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    sochi = factories.SummitFactory(title="Putin–Erdoğan talks in Sochi", start_date=dt.date(2017, 5, 3))
    ankara = factories.SummitFactory(
        title="Erdoğan hosts trade talks in Ankara",
        city="Ankara",
        country=factories.country("TR"),
        start_date=dt.date(2019, 4, 8),
    )
    for summit, people in ((sochi, [putin, erdogan]), (ankara, [erdogan])):
        for person in people:
            factories.AttendanceFactory(summit=summit, participant=person, role="President")
    factories.StatementFactory(
        summit=sochi, speaker=erdogan, article=None, text="Turkey would keep fighting terrorism."
    )
    factories.StatementFactory(
        summit=ankara,
        speaker=erdogan,
        article=None,
        text="As Erdoğan put it, trade restrictions between our countries are lifted.",
    )
    return sochi, ankara


def no_sideways_scroll(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_search_facets_on_a_wide_screen(browser, live_server, two_summits, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    page.goto("/search/?q=erdogan")

    expect(page.locator(".statement")).to_have_count(2)
    facets, results = page.locator(".facets"), page.locator(".search-results")
    assert facets.bounding_box()["x"] + facets.bounding_box()["width"] <= results.bounding_box()["x"]
    expect(page.locator("#facet-year + ul li")).to_have_count(2)

    page.get_by_role("link", name="2019").click()
    expect(page).to_have_url(f"{live_server.url}/search/?q=erdogan&year=2019")
    expect(page.locator(".statement")).to_have_count(1)
    expect(page.locator(".statement mark").first).to_have_text("Erdoğan")
    expect(page.locator(".facets__chosen")).to_contain_text("Year: 2019")
    assert no_sideways_scroll(page) <= 0
    screenshot(page, "search-facets-1280")

    page.locator(".facets__chosen a").click()
    expect(page.locator(".statement")).to_have_count(2)
    page.fill("#search-from", "2018-01-01")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".statement")).to_have_count(1)
    expect(page.locator(".facets__chosen")).to_contain_text("From: 2018-01-01")
    page.close()
    context.close()


def test_search_facets_fit_a_phone(browser, live_server, two_summits, screenshot):
    context = phone_context(browser, live_server, has_touch=True)
    page = context.new_page()
    page.goto("/search/?q=%22trade%20restrictions%22&person=recep-tayyip-erdogan")

    expect(page.locator(".statement")).to_have_count(1)
    facets, results = page.locator(".facets"), page.locator(".search-results")
    assert facets.bounding_box()["y"] + facets.bounding_box()["height"] <= results.bounding_box()["y"]
    assert no_sideways_scroll(page) <= 0, "the search page scrolls sideways on a phone"
    screenshot(page, "search-facets-390")
    page.close()
    context.close()
