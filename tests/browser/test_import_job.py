"""An editor imports an article in a real browser: the import returns at once to the job's page,
which reloads itself (a <meta> refresh, no script: nothing for the Content-Security-Policy to
block) until a worker has run the job, then shows what was imported."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from summits.models import ImportJob
from tests import factories
from tests.browser.conftest import seed_countries
from tests.browser.test_csp import RECORD_VIOLATIONS
from tests.ingest.conftest import ARTICLE, batch_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_job_page_follows_the_import_until_it_is_done(browser, live_server, settings):
    seed_countries()  # an earlier transactional test may have flushed them
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    client = Client()
    client.force_login(factories.EditorFactory())
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        page.goto("/admin/summits/article/import/")
        page.fill("textarea[name=text]", ARTICLE)
        page.fill("input[name=title]", "Sochi talks")
        page.click("input[type=submit][value=Import]")

        page.wait_for_selector("#import-job-status h2:text('Queued')")
        job = ImportJob.objects.get()
        assert page.url.endswith(f"/admin/summits/importjob/{job.pk}/change/")

        batch_worker("browser-test").run()

        # no click, no script: the page reloads itself and finds the job done
        page.wait_for_selector("#import-job-status h2:text('Done')", timeout=30_000)
        outcome = page.text_content(".import-job-outcome")
        assert outcome.startswith("Imported “Sochi talks”:") and "in a new summit" in outcome
        assert page.locator("#import-job-status a", has_text="Review this article's items").count() == 1
        assert page.evaluate("window.__cspViolations") == []
    finally:
        context.close()
