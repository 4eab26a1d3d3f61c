"""The summit's date: explicit dates, relative dates resolved against the publication date."""

import datetime as dt

from summits.extraction import extract
from tests.extraction.conftest import LEAD

# Explicit dates


def test_explicit_multi_day_date():
    text = (
        "Leaders of ASEAN and Japan met on 12-13 March 2019 in Bangkok for a two-day summit.\n"
        "Thai Prime Minister Prayut Chan-o-cha chaired the meeting.\n"
    )
    summit = extract(text).summit
    assert summit.date == dt.date(2019, 3, 12)
    assert summit.date_text == "12-13 March 2019"
    assert (summit.location, summit.country) == ("Bangkok", "TH")


# Relative dates


def test_relative_date_resolved_against_published():
    summit = extract(LEAD, published=dt.date(2017, 5, 4)).summit
    assert summit.date == dt.date(2017, 5, 3)
    assert summit.date_text == "Wednesday"


def test_unresolvable_date_is_null_and_the_phrase_kept():
    summit = extract(LEAD).summit
    assert summit.date is None
    assert summit.date_text == "Wednesday"


def test_a_yearless_dateline_resolves_weekdays_only_with_a_publication_date():
    text = "NEW DELHI, Sept 9 (Reuters) - Narendra Modi met Sheikh Hasina on Saturday in New Delhi.\n"
    assert extract(text).summit.date is None
    assert extract(text, published=dt.date(2023, 9, 10)).summit.date == dt.date(2023, 9, 9)
