"""The article text with its spans highlighted: escaped, properly nested, each id once."""

from html.parser import HTMLParser
from types import SimpleNamespace

from summits.models import Agreement, Statement, Summit
from summits.templatetags.summits_tags import highlight_spans, summit_date, summit_datetime


def item(model, pk, start, end):
    """An unsaved statement or agreement of an unsaved summit: highlighting needs no database."""
    obj = model(pk=pk, start=start, end=end, text="")
    obj.summit = Summit(title="Talks", slug="talks")
    return obj


class NestingChecker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.ids, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if dict(attrs).get("id"):
            self.ids.append(dict(attrs)["id"])

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag

    def handle_data(self, data):
        if "a" not in self.stack:
            self.text.append(data)


def check(text, items):
    html = highlight_spans(text, items)
    checker = NestingChecker()
    checker.feed(html)
    assert checker.stack == []
    assert "".join(checker.text) == text  # nothing lost, nothing added but the back links
    return html, checker


def test_no_spans_is_just_escaped_text():
    html, _ = check("a < b & c", [])
    assert html == "a &lt; b &amp; c"


def test_nested_spans():
    text = "0123456789"
    html, checker = check(text, [item(Statement, 1, 0, 10), item(Agreement, 2, 3, 6)])
    assert checker.ids == ["span-statement-1", "span-agreement-2"]
    assert html.startswith(
        '<mark id="span-statement-1" class="span span-statement">012<mark id="span-agreement-2"'
    )


def test_overlapping_spans_are_split_and_reopened_without_a_second_id():
    text = "0123456789"
    html, checker = check(text, [item(Statement, 1, 0, 6), item(Statement, 2, 4, 10)])
    assert checker.ids == ["span-statement-1", "span-statement-2"]
    assert 'data-span="span-statement-2"' in html  # the continuation after statement 1 closes


def test_same_span_twice_and_invalid_offsets():
    text = "<b>bold</b>"
    items = [
        item(Statement, 1, 0, 4),
        item(Agreement, 1, 0, 4),
        item(Statement, 3, 5, 99),  # past the end: ignored
        item(Statement, 4, 6, 6),  # empty: ignored
    ]
    html, checker = check(text, items)
    assert checker.ids == ["span-agreement-1", "span-statement-1"]
    assert "<b>" not in html


def test_summit_date_formats():
    from datetime import date

    def summit(start, end, text="", precision=""):
        return SimpleNamespace(start_date=start, end_date=end, date_text=text, date_precision=precision)

    assert summit_date(summit(date(2017, 5, 3), None)) == "3 May 2017"
    assert summit_date(summit(date(2017, 5, 3), date(2017, 5, 4))) == "3–4 May 2017"
    assert summit_date(summit(date(2017, 4, 30), date(2017, 5, 2))) == "30 April – 2 May 2017"
    assert summit_date(summit(date(2016, 12, 31), date(2017, 1, 1))) == "31 December 2016 – 1 January 2017"
    assert summit_date(summit(None, None, "Wednesday")) == "date not known — the report says “Wednesday”"
    assert summit_date(summit(None, None)) == "date not known"


def test_a_month_or_a_year_is_shown_without_a_day():
    from datetime import date

    def summit(start, precision):
        return SimpleNamespace(start_date=start, end_date=None, date_text="", date_precision=precision)

    assert summit_date(summit(date(1980, 3, 1), "month")) == "March 1980"
    assert summit_date(summit(date(1980, 1, 1), "year")) == "1980"
    assert summit_date(summit(date(1980, 3, 1), "day")) == "1 March 1980"
    assert [summit_datetime(summit(date(1980, 3, 1), p)) for p in ("month", "year", "day", "")] == [
        "1980-03",
        "1980",
        "1980-03-01",
        "1980-03-01",
    ]
