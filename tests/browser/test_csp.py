"""Every kind of page keeps to the site's Content-Security-Policy: in a real browser, loading the
public pages, the admin (its index, a summit's change form, the review desk) and the API
documentation reports no CSP violation, neither as an event nor on the console."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from summits.models import ReviewStatus
from tests import factories
from tests.browser.conftest import seed_countries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any script of the page: every violation the browser reports is kept.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `(${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def archive_with_pending_statement():
    seed_countries()  # an earlier transactional test may have flushed them
    article = factories.ArticleFactory()
    summit = factories.SummitFactory()
    summit.articles.add(article)
    speaker = factories.ParticipantFactory()
    factories.AttendanceFactory(summit=summit, participant=speaker)
    statement = factories.StatementFactory(summit=summit, article=article, speaker=speaker)
    factories.StatementFactory(
        summit=summit, article=article, speaker=speaker, review_status=ReviewStatus.PENDING
    )
    return {"summit": summit, "article": article, "statement": statement, "speaker": speaker}


def open_context(browser, live_server, *, logged_in: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=live_server.url)
    if logged_in:
        client = Client()
        client.force_login(factories.EditorFactory())
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    context.add_init_script(RECORD_VIOLATIONS)
    return context


# Redoc shows its maker's logo from cdn.redoc.ly whatever its options; the policy blocks it, as it
# should (the pages load nothing from elsewhere), and Redoc then leaves the logo out.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def problems_on(page, path: str) -> list[str]:
    console_errors = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and console_errors.append(message.text),
    )
    response = page.goto(path, wait_until="networkidle")
    assert response.status == 200, path
    problems = console_errors + page.evaluate("window.__cspViolations")
    return [problem for problem in problems if REDOC_LOGO not in problem]


def test_public_pages_keep_to_the_policy(browser, live_server, archive_with_pending_statement):
    data = archive_with_pending_statement
    paths = [
        reverse("summits:home"),
        reverse("summits:summit-list"),
        data["summit"].get_absolute_url(),
        reverse("summits:search") + "?q=agreed",
        reverse("summits:article-detail", args=[data["article"].pk]),
        reverse("summits:statement-detail", args=[data["statement"].pk]),
        data["speaker"].get_absolute_url(),
        reverse("summits:about-data"),
        reverse("api:docs"),
        reverse("api:redoc"),
        reverse("admin:login"),
    ]
    context = open_context(browser, live_server, logged_in=False)
    try:
        found = {path: problems_on(context.new_page(), path) for path in paths}
    finally:
        context.close()
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_admin_pages_keep_to_the_policy(browser, live_server, archive_with_pending_statement):
    summit = archive_with_pending_statement["summit"]
    paths = [
        reverse("admin:index"),
        reverse("admin:summits_summit_changelist"),
        reverse("admin:summits_summit_change", args=[summit.pk]),
        reverse("admin:summits_summit_review", args=[summit.pk]),
    ]
    context = open_context(browser, live_server, logged_in=True)
    try:
        found = {path: problems_on(context.new_page(), path) for path in paths}
    finally:
        context.close()
    assert {path: problems for path, problems in found.items() if problems} == {}
