"""Browser tests: Playwright's sync API driving Debian's chromium (never `playwright install`).

Without /usr/bin/chromium they skip, unless SUMMITS_REQUIRE_BROWSER=1 (as in CI): then they fail.
"""

import importlib
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("SUMMITS_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def seed_countries() -> None:
    """Seed the ISO countries as migration 0002 does (idempotent)."""
    migration = importlib.import_module("summits.migrations.0002_seed_countries")
    migration.seed_countries(apps, SimpleNamespace(connection=connection))


@pytest.fixture(scope="module", autouse=True)
def countries_survive_the_flush(django_db_blocker):
    """Each live_server test ends with a flush that empties the country table the migrations
    seeded; tests that run later expect it, so it is seeded again once this module is done."""
    yield
    with django_db_blocker.unblock():
        seed_countries()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)"
        if os.environ.get("SUMMITS_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " - SUMMITS_REQUIRE_BROWSER=1 requires the browser tests to run")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True}


def phone_context(browser, live_server, **options):
    """A browser context the size of a 390 px phone, on the live server."""
    return browser.new_context(**PHONE, base_url=live_server.url, **options)


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
