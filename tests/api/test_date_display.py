"""The API writes a summit's date as the pages do (date_display), next to the ISO value."""

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_date_display_says_an_unknown_date_is_not_known(api):
    factories.SummitFactory(slug="undated", start_date=None, end_date=None, date_text="Wednesday")
    body = api.get(reverse("api:summit-detail", kwargs={"slug": "undated"})).json()
    assert (body["date"], body["date_display"]) == (None, "date not known — the report says “Wednesday”")


def test_date_display_shows_a_range(api):
    factories.SummitFactory(slug="two-days", start_date=dt.date(2018, 4, 30), end_date=dt.date(2018, 5, 2))
    body = api.get(reverse("api:summit-detail", kwargs={"slug": "two-days"})).json()
    assert (body["date"], body["date_display"]) == ("2018-04-30", "30 April – 2 May 2018")
