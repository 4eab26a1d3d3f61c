"""How the archive writes a summit's date, in one place: the pages, the citations, the feed and
the API all show what ``display`` returns.

Pure functions over plain values (dates, a precision, the phrase the report used), so that they
read the same everywhere and are tested without a database. English month names are spelt here
rather than taken from the locale, so a citation does not change with the server's settings.
"""

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

NOT_KNOWN = "date not known"

# Summit.date_precision values; a blank precision with a start date counts as a day
DAY, MONTH, YEAR = "day", "month", "year"


def day_month_year(day: date) -> str:
    """ "3 May 2017"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def not_known(date_text: str = "") -> str:
    """ "date not known — the report says “Wednesday”", or "date not known" without a phrase."""
    phrase = " ".join(date_text.split())
    return f"{NOT_KNOWN} — the report says “{phrase}”" if phrase else NOT_KNOWN


def display(start: date | None, end: date | None = None, precision: str = "", date_text: str = "") -> str:
    """The date as readers see it.

    "3 May 2017", "3–4 May 2017", "30 April – 2 May 2017", "31 December 2016 – 1 January 2017";
    a month "March 1980" (or "March – April 1980"), a year "1980" (or "1979–1980"); with no start
    date, ``not_known(date_text)``.
    """
    if start is None:
        return not_known(date_text)
    if end is not None and end < start:  # the database forbids it; show what is certain
        end = None
    if precision == YEAR:
        if end is None or end.year == start.year:
            return str(start.year)
        return f"{start.year}–{end.year}"
    if precision == MONTH:
        first = f"{MONTHS[start.month - 1]} {start.year}"
        if end is None or (end.year, end.month) == (start.year, start.month):
            return first
        if end.year == start.year:
            return f"{MONTHS[start.month - 1]} – {MONTHS[end.month - 1]} {end.year}"
        return f"{first} – {MONTHS[end.month - 1]} {end.year}"
    if end is None or end == start:
        return day_month_year(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{day_month_year(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {day_month_year(end)}"
    return f"{day_month_year(start)} – {day_month_year(end)}"


def iso(day: date | None, precision: str = "") -> str:
    """``day`` to its precision in ISO 8601 ("2017-05-03", "1980-03", "1980"); "" when unknown."""
    if day is None:
        return ""
    if precision == YEAR:
        return f"{day.year:04d}"
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def iso_end(start: date | None, end: date | None, precision: str = "") -> str:
    """The end as ``iso`` writes it, or "" when the meeting is known to last no longer than its
    start (no end, or an end within the start's day, month or year)."""
    if start is None or end is None or end < start:
        return ""
    last = iso(end, precision)
    return "" if last == iso(start, precision) else last


def display_summit(summit) -> str:
    """``display`` for anything with a summit's date fields (a model instance or a stand-in)."""
    return display(
        summit.start_date,
        summit.end_date,
        getattr(summit, "date_precision", "") or "",
        getattr(summit, "date_text", "") or "",
    )
