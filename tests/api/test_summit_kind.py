"""The kind of meeting and the venue in the API: fields of a summit, ``?kind=`` filters."""

import pytest
from django.urls import reverse

from summits.models import Summit
from tests.api.utils import results

pytestmark = pytest.mark.django_db


@pytest.fixture
def kinds(archive):
    Summit.objects.filter(slug="sochi-2017").update(kind="bilateral", venue="Bocharov Ruchei")
    Summit.objects.filter(slug="ankara-2018").update(kind="trilateral")


def test_a_summit_has_its_kind_and_venue(api, kinds):
    body = api.get(reverse("api:summit-detail", kwargs={"slug": "sochi-2017"})).json()

    assert (body["kind"], body["venue"], body["city"]) == ("bilateral", "Bocharov Ruchei", "Sochi")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("bilateral", ["sochi-2017"]), ("trilateral", ["ankara-2018"]), ("ministerial", [])],
)
def test_summits_filter_by_kind(api, kinds, kind, expected):
    assert results(api.get(reverse("api:summit-list"), {"kind": kind}), "slug") == expected


def test_an_unknown_kind_is_refused(api, kinds):
    response = api.get(reverse("api:summit-list"), {"kind": "picnic"})

    assert response.status_code == 400
    assert set(response.json()) == {"kind"}
