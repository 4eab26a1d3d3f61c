"""A reader takes the data away: filters the summit list, downloads those summits as CSV, and reads
"About the data", on a phone and on a desktop."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import phone_context, seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_summits():
    seed_countries()  # an earlier transactional test may have flushed them
    trade = factories.TopicFactory(name="trade")
    sochi = factories.SummitFactory(title="Putin–Erdogan talks in Sochi", slug="sochi-2017")
    sochi.topics.add(trade)
    factories.StatementFactory(summit=sochi)
    factories.SummitFactory(title="Astana talks on Syria", slug="astana-2016", start_date="2016-12-20")
    return sochi


def test_reader_downloads_the_filtered_summits(browser, live_server, two_summits, screenshot):
    page = browser.new_page(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page.goto("/summits/?topic=trade")
    downloads = page.locator(".downloads")
    expect(downloads).to_contain_text("Download these summits")
    screenshot(page, "data-1-summit-list-downloads")
    with page.expect_download() as download_info:
        downloads.get_by_role("link", name="CSV").first.click()
    download = download_info.value
    assert download.suggested_filename == "summit-archive-summits.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert [row["slug"] for row in rows] == ["sochi-2017"]  # the list's filter, not Astana
    assert rows[0]["url"] == f"{live_server.url}/summits/sochi-2017/"

    page.get_by_role("link", name="About the data").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("About the data")
    expect(page.get_by_role("link", name="CC BY 4.0")).to_have_attribute(
        "href", "https://creativecommons.org/licenses/by/4.0/"
    )
    screenshot(page, "data-2-about-desktop")
    page.close()


def test_data_pages_fit_a_phone(browser, live_server, two_summits, screenshot):
    context = phone_context(browser, live_server)
    page = context.new_page()
    for name, url, status in [
        ("data-phone-about", "/about/data/", 200),
        ("data-phone-summits", "/summits/?topic=trade", 200),
        ("data-phone-bad-filter", "/summits/?year=0", 400),
        ("data-phone-bad-page", "/summits/?page=x", 400),
    ]:
        response = page.goto(url)
        assert response.status == status
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px on a phone"
        screenshot(page, name)
    context.close()
