"""The archive's own 404 and 500 pages, as readers see them with debug off."""

import pytest
from django.test import RequestFactory
from django.urls import include, path
from django.views.defaults import server_error


def broken_view(request):
    raise RuntimeError("the database went away")


# This module is also the URLconf of the tests marked below: the site plus a page that fails.
urlpatterns = [path("broken/", broken_view), path("", include("config.urls"))]


@pytest.mark.django_db
def test_a_missing_page_is_the_archives_404(client, settings):
    settings.DEBUG = False
    response = client.get("/summits/no-such-summit/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html  # the site's own layout (base.html)
    assert 'href="/summits/"' in html


@pytest.mark.django_db
@pytest.mark.urls("tests.pages.test_error_pages")
def test_a_failing_page_is_the_archives_500(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "/static/css/site.css" in html
    assert "the database went away" not in html


def test_the_500_page_needs_no_context_and_no_database(settings):
    settings.DEBUG = False  # no django_db mark: any query would raise
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
