"""How a summit's date is written (summits.dates): one wording for pages, citations, feed and API."""

from datetime import date

import pytest

from summits import dates


@pytest.mark.parametrize(
    "start, end, precision, text, expected",
    [
        # unknown: say so, with the report's own phrase when there is one
        (None, None, "", "Wednesday", "date not known — the report says “Wednesday”"),
        (None, None, "", "  last\nWednesday ", "date not known — the report says “last Wednesday”"),
        (None, None, "", "", "date not known"),
        (None, date(2017, 5, 4), "day", "", "date not known"),
        # a day
        (date(2017, 5, 3), None, "", "Wednesday", "3 May 2017"),
        (date(2017, 5, 3), date(2017, 5, 3), "day", "", "3 May 2017"),
        # ranges within a month, across months, across years
        (date(2018, 4, 3), date(2018, 4, 4), "day", "", "3–4 April 2018"),
        (date(2018, 4, 30), date(2018, 5, 2), "day", "", "30 April – 2 May 2018"),
        (date(2016, 12, 31), date(2017, 1, 1), "", "", "31 December 2016 – 1 January 2017"),
        # a month, a year: no day shown, ranges kept
        (date(1980, 3, 1), None, "month", "in March 1980", "March 1980"),
        (date(1980, 3, 1), date(1980, 3, 20), "month", "", "March 1980"),
        (date(1980, 3, 1), date(1980, 4, 1), "month", "", "March – April 1980"),
        (date(1979, 12, 1), date(1980, 1, 1), "month", "", "December 1979 – January 1980"),
        (date(1980, 1, 1), None, "year", "", "1980"),
        (date(1979, 1, 1), date(1980, 1, 1), "year", "", "1979–1980"),
    ],
)
def test_display(start, end, precision, text, expected):
    assert dates.display(start, end, precision, text) == expected


def test_iso_keeps_the_precision():
    day = date(1980, 3, 1)
    assert [dates.iso(day, p) for p in ("day", "", "month", "year")] == [
        "1980-03-01",
        "1980-03-01",
        "1980-03",
        "1980",
    ]
    assert dates.iso(None) == ""


def test_iso_end_only_when_the_meeting_outlasts_its_start():
    assert dates.iso_end(date(2018, 4, 3), date(2018, 4, 4)) == "2018-04-04"
    assert dates.iso_end(date(2018, 4, 3), date(2018, 4, 3)) == ""
    assert dates.iso_end(date(2018, 4, 3), None) == ""
    assert dates.iso_end(date(1980, 3, 1), date(1980, 3, 20), "month") == ""
    assert dates.iso_end(date(1980, 3, 1), date(1980, 4, 1), "month") == "1980-04"
    assert dates.iso_end(None, date(1980, 4, 1)) == ""
