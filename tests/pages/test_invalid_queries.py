"""A query-string value a page cannot use gives a 400 page that says which one, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.fixture
def client():
    """Server errors as responses, the way a reader would meet them, rather than as exceptions."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("year=0", "year"),  # was a 500: the year lookup builds date(0, 1, 1)
        ("year=-1", "year"),
        ("year=10000", "year"),
        ("year=abc", "year"),
        ("year=2017.5", "year"),
        ("country=zz", "country"),
        ("participant=nobody", "participant"),
        ("topic=no-such-topic", "topic"),
        ("year=0&country=tr", "year"),
    ],
)
def test_summit_list_refuses_invalid_filters_with_the_form_and_its_errors(client, archive, query, field):
    response = client.get(reverse("summits:summit-list") + "?" + query)
    assert response.status_code == 400
    assert response.context["filterset"].errors.keys() >= {field}
    html = response.content.decode()
    assert '<form class="filters"' in html and 'class="error" role="alert"' in html
    assert archive.summit.title not in html
    assert "Download these summits" not in html


def test_summit_list_accepts_a_valid_year(client, archive):
    response = client.get(reverse("summits:summit-list") + "?year=2017")
    assert response.status_code == 200
    assert archive.summit.title in response.content.decode()


@pytest.mark.parametrize("value", ["x", "0", "-1", "1.5", "²"])
@pytest.mark.parametrize(
    ("page", "parameter"),
    [
        ("summit list", "page"),
        ("search", "page"),
        ("participant", "page"),
        ("country hosted", "hosted_page"),
        ("country attended", "attended_page"),
        ("country agreements", "agreements_page"),
    ],
)
def test_page_numbers_that_are_not_numbers_give_a_400_naming_them(client, archive, page, parameter, value):
    url = {
        "summit list": reverse("summits:summit-list") + "?",
        "search": reverse("summits:search") + "?q=putin&",
        "participant": archive.putin.get_absolute_url() + "?",
        "country hosted": reverse("summits:country-detail", kwargs={"code": "ru"}) + "?",
        "country attended": reverse("summits:country-detail", kwargs={"code": "ru"}) + "?",
        "country agreements": reverse("summits:country-detail", kwargs={"code": "ru"}) + "?",
    }[page] + f"{parameter}={value}"
    response = client.get(url)
    assert response.status_code == 400
    html = response.content.decode()
    assert f"<code>{parameter}</code>" in html and "is not a page number" in html
    assert f'href="{url.split("?")[0]}"' in html  # the same page without the parameters


@pytest.mark.parametrize("value", ["1", "2", "999", "last"])
def test_page_numbers_still_work(client, archive, value):
    """Pages out of range keep their old answers: the nearest page, or a 404 on the summit list."""
    assert client.get(reverse("summits:search") + f"?q=putin&page={value}").status_code == 200
    status = client.get(reverse("summits:summit-list") + f"?page={value}").status_code
    assert status == (404 if value in ("2", "999") else 200)


@pytest.mark.parametrize("q", ["%00", "a%00b", "x" * 5000, "%22", "-", "or", "%ff%fe"])
def test_search_takes_any_query_without_a_server_error(client, archive, q):
    assert client.get(reverse("summits:search") + f"?q={q}").status_code == 200
