"""A reader follows a summit to the earlier meetings of its two countries and to a person's
timeline, at 1280 px and on a 390 px phone (no sideways scrolling)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import phone_context, seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meetings():
    """Putin and Erdogan meet three times; the last time at a named venue, on a state visit."""
    seed_countries()
    putin = factories.ParticipantFactory(name="Vladimir Putin", slug="vladimir-putin")
    erdogan = factories.ParticipantFactory(
        name="Recep Tayyip Erdogan", slug="recep-tayyip-erdogan", country=factories.country("TR")
    )
    summits = []
    for year in (2016, 2017, 2018):
        summit = factories.SummitFactory(
            title=f"Putin–Erdogan talks {year}",
            slug=f"putin-erdogan-{year}",
            start_date=dt.date(year, 5, 3),
            kind="bilateral",
        )
        factories.AttendanceFactory(summit=summit, participant=putin)
        factories.AttendanceFactory(summit=summit, participant=erdogan)
        factories.AgreementFactory(summit=summit, article=None, text=f"Trade deal of {year}")
        summits.append(summit)
    latest = summits[-1]
    latest.kind, latest.venue = "state_visit", "Bocharov Ruchei with a long name for narrow screens"
    latest.save()
    return latest


def test_from_a_summit_to_the_pairs_earlier_meetings(browser, live_server, meetings, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    page.goto(meetings.get_absolute_url())
    expect(page.locator(".page-head")).to_contain_text("State visit")
    expect(page.locator(".page-head")).to_contain_text("Bocharov Ruchei")
    screenshot(page, "chronology-1-summit")

    page.get_by_role("link", name="Russian Federation – Türkiye").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Russian Federation")
    expect(page.locator(".summit-card")).to_have_count(3)
    expect(page.get_by_text("Trade deal of 2016")).to_be_visible()
    screenshot(page, "chronology-2-country-pair")

    page.get_by_role("link", name="Vladimir Putin").first.click()
    expect(page.get_by_role("heading", name="Summits, year by year")).to_be_visible()
    expect(page.locator(".chronology__heading")).to_have_text(["2018", "2017", "2016"])
    expect(page.get_by_role("link", name="3 summits together")).to_be_visible()
    screenshot(page, "chronology-3-participant")
    context.close()


def test_chronology_pages_fit_a_phone(browser, live_server, meetings, screenshot):
    context = phone_context(browser, live_server)
    page = context.new_page()
    for name, url in [
        ("phone-summit-previous", meetings.get_absolute_url()),
        ("phone-country-pair", "/countries/ru/tr/"),
        ("phone-participant-pair", "/participants/recep-tayyip-erdogan/vladimir-putin/"),
        ("phone-participant-timeline", "/participants/vladimir-putin/"),
        ("phone-country-timeline", "/countries/tr/"),
    ]:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px on a phone"
        screenshot(page, name)
    context.close()
