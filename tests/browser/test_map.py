"""The world map in a real browser at 1,280 and 390 px: visible, no sideways scroll, the dots
reachable from the keyboard. Screenshots: map-home-1280, map-home-390 (and the map alone,
map-home-*-map-only), map-country-390."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import SCREENSHOTS, phone_context, seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def summits_around_the_world():
    seed_countries()  # an earlier transactional test may have flushed them
    made = [
        factories.SummitFactory(title="Putin–Erdogan talks in Sochi", city="Sochi"),
        factories.SummitFactory(title="Second Sochi meeting", city="Sochi"),
        factories.SummitFactory(title="Ankara talks", city="Ankara", country=factories.country("TR")),
        factories.SummitFactory(title="Singapore summit", city="Singapore", country=factories.country("SG")),
        factories.SummitFactory(title="Helsinki summit", city="Helsinki", country=factories.country("FI")),
        factories.SummitFactory(
            title="Geneva summit", city="Geneva", country=factories.country("CH"), start_date="1985-11-19"
        ),
        factories.SummitFactory(title="Camp David talks", city="Camp David", country=factories.country("US")),
    ]
    return made


@pytest.mark.parametrize(
    ("width", "height", "mobile"),
    [(1280, 900, False), (390, 844, True)],
)
def test_home_map_fits_and_shows(
    browser, live_server, summits_around_the_world, screenshot, width, height, mobile
):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=2 if mobile else 1,
        is_mobile=mobile,
        base_url=live_server.url,
    )
    page = context.new_page()
    page.goto("/")
    svg = page.locator("svg.world-map__svg")
    svg.scroll_into_view_if_needed()
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box["width"] <= width and box["height"] > box["width"] / 3, box
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the home page scrolls sideways by {overflow}px at {width}px"
    russia = page.locator("path[data-country='RU']")
    expect(russia).to_have_class("map-shade-2")
    assert russia.bounding_box()["width"] > 0
    expect(page.locator(".world-map__place")).to_have_count(
        6
    )  # Sochi once for two; Camp David at the US centre
    screenshot(page, f"map-home-{width}")
    svg.screenshot(path=str(SCREENSHOTS / f"map-home-{width}-map-only.png"))

    # the dots are links a keyboard reaches; the text alternative opens without JavaScript
    page.locator(".world-map__place").first.focus()
    expect(page.locator(".world-map__place").first).to_be_focused()
    page.get_by_text("The map as text").click()
    expect(page.locator(".world-map__text table")).to_be_visible()
    expect(page.locator(".world-map__text").get_by_role("link", name="Camp David talks")).to_be_visible()
    context.close()


def test_country_map_on_a_phone(browser, live_server, summits_around_the_world, screenshot):
    context = phone_context(browser, live_server)
    page = context.new_page()
    page.goto("/countries/tr/")
    svg = page.locator("svg.world-map__svg")
    expect(svg).to_be_visible()
    expect(page.locator("path[data-country='TR']")).to_have_class("map-shade-1 is-highlighted")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.locator(".world-map__place").click()
    expect(page).to_have_url(f"{live_server.url}/summits/{summits_around_the_world[2].slug}/")
    page.go_back()
    svg.scroll_into_view_if_needed()
    screenshot(page, "map-country-390")
    context.close()
