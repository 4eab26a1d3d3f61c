import datetime as dt

from summits.extraction import extract

LEAD = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan "
    "in the Black Sea resort of Sochi on Wednesday for talks on Syria.\n"
)


def test_location_and_country_from_the_gazetteer():
    summit = extract(LEAD).summit
    assert (summit.location, summit.country) == ("Sochi", "RU")


def test_relative_date_resolved_against_published():
    summit = extract(LEAD, published=dt.date(2017, 5, 4)).summit
    assert summit.date == dt.date(2017, 5, 3)
    assert summit.date_text == "Wednesday"


def test_unresolvable_date_is_null_and_the_phrase_kept():
    summit = extract(LEAD).summit
    assert summit.date is None
    assert summit.date_text == "Wednesday"


def test_explicit_multi_day_date():
    text = (
        "Leaders of ASEAN and Japan met on 12-13 March 2019 in Bangkok for a two-day summit.\n"
        "Thai Prime Minister Prayut Chan-o-cha chaired the meeting.\n"
    )
    summit = extract(text).summit
    assert summit.date == dt.date(2019, 3, 12)
    assert summit.date_text == "12-13 March 2019"
    assert (summit.location, summit.country) == ("Bangkok", "TH")


def test_title_built_from_what_was_found():
    summit = extract(LEAD, published=dt.date(2017, 5, 4)).summit
    assert "Putin" in summit.title and "Erdogan" in summit.title and "Sochi" in summit.title
