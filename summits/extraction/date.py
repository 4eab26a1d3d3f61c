"""When the meeting took place: every date written in the story is a candidate, scored by
small named rules; the best-scored one wins, the earliest of those scored alike.

An explicit date ("12 March 2019", "March 12") counts more than a relative one ("on
Wednesday", "yesterday"), which is read against the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .boilerplate import MONTHS
from .tense import about_meeting, about_past, ahead

# --- weights ------------------------------------------------------------------------------
BONUS_MEETING_SENTENCE = 4
BONUS_LEAD = 2  # a date in the story's first sentences
BONUS_EXPLICIT = 1  # "12 March" over "Wednesday"
PENALTY_NEXT_MEETING = -5  # "will meet again on Friday"
LEAD_SENTENCES = 3

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RELATIVE = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
}
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_RANGE = r"(\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?"
EXPLICIT = [
    # 12-13 March 2019, 12 March
    re.compile(rf"\b{DAY_RANGE}\s+({MONTH_NAMES})\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE),
    # March 12-13, 2019, March 12
    re.compile(rf"\b({MONTH_NAMES})\.?\s+{DAY_RANGE}(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE),
]
RELATIVE_RE = re.compile(
    r"\b(?:(?:on|last|this|late|early)\s+)?("
    + "|".join(WEEKDAYS)
    + r")(?:'s|’s)?\b|\b(today|tonight|yesterday|"
    r"this morning|this afternoon|this evening)\b",
    re.IGNORECASE,
)
NOT_THE_DAY_ITSELF = ("since", "until")  # "since Monday", "until Friday"
BOUND_CHARS = 8  # how far before a relative date "since" or "until" is looked for


@dataclass(frozen=True)
class DateCandidate:
    score: int
    start: int  # character offset in the Doc
    phrase: str  # as written: "12 March", "Wednesday"
    date: dt.date | None


@dataclass(frozen=True)
class Sentence:
    """A sentence with what the scoring rules need to know about it."""

    span: Span
    lead: bool


def find_date(doc: Doc, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The meeting's date and the words that give it."""
    found = [
        c
        for sent in _dated_sentences(doc)
        for c in (*_explicit_dates(sent, published), *_relative_dates(sent, published))
    ]
    if not found:
        return None, None
    best = min(found, key=lambda c: (-c.score, c.start))
    return best.date, best.phrase


def _dated_sentences(doc: Doc) -> Iterator[Sentence]:
    """Every sentence, except one about an earlier event that does not name the meeting
    ("They first met in 2015 on a Monday.")."""
    sentences = [s for s in doc.sents if s.text.strip()]
    for index, sent in enumerate(sentences):
        if about_past(sent) and not about_meeting(sent):
            continue
        yield Sentence(sent, index < LEAD_SENTENCES)


def _score(sent: Sentence, *, explicit: bool, later: bool) -> int:
    """A date in the lead's meeting sentence, written out, not of the next meeting, scores best."""
    return (
        BONUS_MEETING_SENTENCE * about_meeting(sent.span)
        + BONUS_LEAD * sent.lead
        + BONUS_EXPLICIT * explicit
        + PENALTY_NEXT_MEETING * later
    )


def _explicit_dates(sent: Sentence, published: dt.date | None) -> Iterator[DateCandidate]:
    """ "Putin met Erdogan on 12 March 2019.", "... on March 12": a date written out."""
    span = sent.span
    for pattern in EXPLICIT:
        for m in pattern.finditer(span.text):
            start = span.start_char + m.start()
            later = ahead(span.doc, start)
            yield DateCandidate(
                _score(sent, explicit=True, later=later), start, m[0], _calendar_date(m, published)
            )


def _relative_dates(sent: Sentence, published: dt.date | None) -> Iterator[DateCandidate]:
    """ "Putin met Erdogan on Wednesday.", "... yesterday": a day named relative to publication."""
    span = sent.span
    for m in RELATIVE_RE.finditer(span.text):
        phrase = m[1] or m[2]
        before = span.text[max(0, m.start() - BOUND_CHARS) : m.start()].lower()
        if any(word in before for word in NOT_THE_DAY_ITSELF):
            continue
        start = span.start_char + m.start()
        later = ahead(span.doc, start)
        yield DateCandidate(
            _score(sent, explicit=False, later=later),
            start,
            phrase,
            _relative(phrase, published, ahead=later),
        )


def _calendar_date(m: re.Match, published: dt.date | None) -> dt.date | None:
    """ "12 March 2019" -> 2019-03-12; "12 March" -> the nearest 12 March not after publication."""
    day, month, year = _day_month_year([g for g in m.groups() if g])
    if not year and published and day and month:
        year = _year_before(published, month, day)
    return _safe_date(year, month, day)


def _day_month_year(groups: list[str]) -> tuple[int | None, int | None, int | None]:
    """ "12", "March", "2019" -> 12, 3, 2019 (None for what is not written)."""
    day = next((int(g) for g in groups if g.isdigit() and len(g) <= 2), None)
    month = next((MONTHS[g.lower()] for g in groups if g.lower() in MONTHS), None)
    year = next((int(g) for g in groups if g.isdigit() and len(g) == 4), None)
    return day, month, year


def _year_before(published: dt.date, month: int, day: int) -> int:
    """No year written: the year of the nearest such day not after publication."""
    return published.year - ((month, day) > (published.month, published.day))


def _safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if not (day and month and year):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative(phrase: str, published: dt.date | None, *, ahead: bool = False) -> dt.date | None:
    """ "yesterday" -> the day before publication; "Friday" -> the last Friday (the next one if ahead)."""
    if published is None:
        return None
    key = phrase.lower()
    if key in RELATIVE:
        return published + dt.timedelta(days=RELATIVE[key])
    if key in WEEKDAYS and ahead:
        return published + dt.timedelta(days=(WEEKDAYS.index(key) - published.weekday()) % 7)
    if key in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS.index(key)) % 7
        return published - dt.timedelta(days=back)
    return None
