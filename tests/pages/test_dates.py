"""A summit without a known date says so wherever its date is shown; ranges read as ranges; the
home page's timeline counts dated summits and says how many have no known date."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from summits import selectors
from summits.models import Summit
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
NOT_KNOWN = "date not known — the report says “Wednesday”"


@pytest.fixture
def undated(db):
    return factories.SummitFactory(title="Talks of an unknown day", start_date=None, end_date=None)


def test_an_undated_summit_says_its_date_is_not_known_everywhere(client, undated):
    page = client.get(undated.get_absolute_url()).content.decode()
    listed = client.get(reverse("summits:summit-list")).content.decode()
    home = client.get(reverse("summits:home")).content.decode()
    for html in (page, listed, home):
        assert NOT_KNOWN in html
        assert "<span>Wednesday</span>" not in html
    # in every citation format on its page
    citations = client.get(undated.get_absolute_url()).context["citations"]
    assert all(NOT_KNOWN in text for text in citations.values())
    feed = ET.fromstring(client.get(reverse("summits:feed")).content)
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}summary").startswith(NOT_KNOWN + " · Sochi")


def test_an_undated_summit_without_a_phrase_says_date_not_known(client, db):
    summit = factories.SummitFactory(start_date=None, end_date=None, date_text="")
    html = client.get(summit.get_absolute_url()).content.decode()
    assert "date not known" in html and "Date unknown" not in html


def test_a_meeting_of_several_days_is_shown_as_a_range(client, db):
    summit = factories.SummitFactory(start_date=dt.date(2018, 4, 30), end_date=dt.date(2018, 5, 2))
    for url in (summit.get_absolute_url(), reverse("summits:summit-list")):
        assert '<time datetime="2018-04-30">30 April – 2 May 2018</time>' in client.get(url).content.decode()


# --- Timeline -------------------------------------------------------------------------------------


def test_timeline_counts_dated_summits_and_how_many_are_undated(client, db):
    factories.SummitFactory(start_date=dt.date(2016, 12, 20), end_date=None)
    factories.SummitFactory(start_date=dt.date(2018, 4, 3), end_date=None)
    factories.SummitFactory(start_date=dt.date(2018, 9, 1), end_date=None)
    for _ in range(2):
        factories.SummitFactory(start_date=None, end_date=None)
    factories.SummitFactory(start_date=None, end_date=None, status=Summit.Status.DRAFT)  # not counted

    timeline = selectors.summit_timeline()
    assert [(entry["year"], entry["count"]) for entry in timeline.years] == [(2016, 1), (2017, 0), (2018, 2)]
    assert timeline.undated == 2

    html = client.get(reverse("summits:home")).content.decode()
    assert 'aria-label="2018: 2 summits"' in html
    assert "2 summits without a known date (not counted by year)." in html


def test_timeline_with_only_undated_summits(client, db):
    factories.SummitFactory(start_date=None, end_date=None)
    assert selectors.summit_timeline() == selectors.Timeline(years=[], undated=1)
    html = client.get(reverse("summits:home")).content.decode()
    assert "No dated summit yet." in html and "1 summit without a known date." in html


def test_timeline_says_nothing_of_undated_summits_when_there_are_none(client, db):
    factories.SummitFactory()
    assert selectors.summit_timeline().undated == 0
    assert "without a known date" not in client.get(reverse("summits:home")).content.decode()


def test_timeline_is_one_query(db, django_assert_num_queries):
    factories.SummitFactory()
    factories.SummitFactory(start_date=None, end_date=None)
    with django_assert_num_queries(1):
        selectors.summit_timeline()
