"""Every API error comes as JSON with a "detail" or the fields at fault, the 500 included."""

import logging

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from summits.api import views

pytestmark = pytest.mark.django_db


def assert_json(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_an_unexpected_failure_is_a_json_500_and_is_logged(api, archive, monkeypatch, caplog):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(views.SummitViewSet, "list", broken)
    api.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = api.get(reverse("api:summit-list"))
    assert assert_json(response, 500) == {"detail": "Server error."}
    assert "the database went away" not in response.content.decode()
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.exc_info[1].args == ("the database went away",)


def test_a_failure_outside_the_api_keeps_the_sites_error_page(client, archive, monkeypatch):
    from summits import views as page_views

    def broken(self, *args, **kwargs):
        raise RuntimeError("broken page")

    monkeypatch.setattr(page_views.SummitListView, "get_queryset", broken)
    client.raise_request_exception = False
    response = client.get(reverse("summits:summit-list"))
    assert response.status_code == 500
    assert not response["Content-Type"].startswith("application/json")


def test_client_errors_are_json(api, reader_api, archive):
    assert "detail" in assert_json(api.get(reverse("api:summit-detail", args=["nowhere"])), 404)
    assert "detail" in assert_json(api.get("/api/no-such-resource/"), 404)
    assert "detail" in assert_json(api.delete(reverse("api:summit-detail", args=["sochi-2017"])), 405)
    assert "detail" in assert_json(api.post(reverse("api:summit-list"), {}, format="json"), 401)
    assert "detail" in assert_json(reader_api.post(reverse("api:summit-list"), {}, format="json"), 403)
    assert assert_json(api.get(reverse("api:summit-list"), {"colour": "red"}), 400)


def test_validation_errors_are_json(staff_api, archive):
    body = assert_json(staff_api.post(reverse("api:summit-list"), {"title": ""}, format="json"), 400)
    assert "title" in body


def test_a_page_of_the_api_asked_for_as_html_still_fails_in_json_on_500(archive, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.SummitViewSet, "retrieve", broken)
    browser_like = APIClient(raise_request_exception=False)
    response = browser_like.get(reverse("api:summit-detail", args=["sochi-2017"]), HTTP_ACCEPT="text/html")
    assert assert_json(response, 500) == {"detail": "Server error."}
