"""The Content-Security-Policy header: sent with every page, scripts and styles from this site
only; Redoc's page alone may inject styles and start a worker from a blob."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
}


def directives(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("name", ["summits:home", "summits:summit-list", "admin:login", "api:docs"])
def test_pages_send_the_policy(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert directives(response) == EXPECTED


def test_the_api_sends_the_policy(client):
    assert directives(client.get(reverse("api:summit-list"))) == EXPECTED


def test_only_redoc_may_inject_styles_and_start_a_worker(client):
    redoc = directives(client.get(reverse("api:redoc")))
    assert redoc["style-src"] == "'self' 'unsafe-inline'"
    assert redoc["worker-src"] == "'self' blob:"
    assert redoc["script-src"] == "'self'"


def test_the_home_timeline_draws_its_bars_without_an_inline_style(client):
    factories.SummitFactory()
    html = client.get(reverse("summits:home")).content.decode()
    assert '<rect class="timeline__bar" width="100%"' in html
    assert "style=" not in html
