"""When the meeting took place: every date written in the story is a candidate, scored by
small named rules; the best-scored one wins, the earliest of those scored alike.

An explicit date ("12 March 2019", "March 12") counts more than a relative one ("on
Wednesday", "yesterday"), which is read against the article's publication date.
A range or a meeting of several days is dated by its first day, its words kept as written
("from 20 to 22 December" -> 20 December), and its last day is given too when the text states
both ends or a start and a number of days ("a three-day visit starting on 10 August"). A phrase
that names no day ("in March", "later this week") dates the meeting without a day: its words
are kept and no day is invented. A month or a year it names is still given, with the date's
precision: "in March 1980" -> March 1980 ("month"), "last October" in an article published on
2 March 2021 -> October 2020, "in 1980" in a sentence about the meeting -> 1980 ("year").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from spacy.tokens import Doc, Span

from . import occasion, verbs
from .boilerplate import MONTHS, WEEKDAYS
from .deps import AUX, CCOMP, NUMMOD, PARATAXIS, RELCL, XCOMP
from .lexicon import MEETING_NOUNS, PHOTO_CREDIT
from .tense import about_meeting, about_past
from .tense import ahead as tense_ahead

# --- weights ------------------------------------------------------------------------------
BONUS_MEETING_SENTENCE = 4
BONUS_LEAD = 2  # a date in the story's first sentences
BONUS_EXPLICIT = 1  # "12 March" over "Wednesday"
BONUS_DOCUMENT_DAY = 3  # the day of a record's heading ("Paris, 2 July 1971"), written in its story
WEAK_SCORE = 0  # a best date with no more evidence than this yields to a date heading
PENALTY_NEXT_MEETING = -5  # "will meet again on Friday"
PENALTY_ASIDE = -4  # "the arrangement, which started on Aug 17": a date of something else
PENALTY_NO_DAY = -10  # "in March", "later this week": only when no day is written anywhere
PENALTY_ANNOUNCED = -6  # "Lee will visit Oslo, the ministry said on Tuesday": the day it was said
PENALTY_SPAN_OF_DAYS = -1  # "for three days from May 30": below a day of the meeting itself
PENALTY_JOURNEY = -1  # "arrived in Osaka on Sunday and held talks in Tokyo on Monday": the arrival's day
PENALTY_YEAR_ONLY = -1  # "in 1980": below a month or a week without a day
LEAD_SENTENCES = 3
ARRIVALS = frozenset({"arrive", "land"})  # with verbs.TRAVELS: a journey's verbs, not the meeting's

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
RANGE_OPENING = r"(?:(?:from|between)\s+)?"  # "from 20 to 22 December": the range's own words
EXPLICIT = [
    # 30 June to 2 July 2019: a range across two months
    re.compile(
        rf"\b{RANGE_OPENING}(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\.?\s*(?:-|–|to|and|until)\s*"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\.?(?:,?\s+(\d{{4}}))?\b",
        re.IGNORECASE,
    ),
    # June 30 to July 2, 2019
    re.compile(
        rf"\b{RANGE_OPENING}({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|until)\s*"
        rf"(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b",
        re.IGNORECASE,
    ),
    # 12-13 March 2019, 12 March
    re.compile(rf"\b{RANGE_OPENING}{DAY_RANGE}\s+({MONTH_NAMES})\.?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE),
    # March 12-13, 2019, March 12
    re.compile(rf"\b{RANGE_OPENING}({MONTH_NAMES})\.?\s+{DAY_RANGE}(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE),
]
DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")  # two of them in a date's words: a range
# "Tuesday, May 31", "Thursday (Sept 3)": the weekday written with the date is part of its words
WEEKDAY_BEFORE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:,\s*|\s*\()$", re.I
)
# "in March", "early May 2019": a month without a day (capitalised: "may" is also a verb)
MONTH_ONLY = re.compile(
    r"\b(?:(?P<lead>(?i:in|during|last|early|late|this|next|by))\s+(?i:early\s+|late\s+|mid-)?|(?i:mid-))"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<year>\d{4}))?\b(?!\s*\d)"
)
# "in 1980", "in early 1980", "mid-1980": a year without a month or a day ("by 2030" is a deadline)
YEAR_ONLY = re.compile(
    r"\b(?:(?i:in|during)\s+(?:(?i:early|late|mid-)\s*)?|(?i:mid-))(?P<year>(?:19|20)\d{2})\b(?![-–]?\d)"
)
# the date's precision: which of SummitFound's date, month and year holds it
PRECISION_DAY, PRECISION_MONTH, PRECISION_YEAR = "day", "month", "year"
# "last October", "next March", "this June": a month counted from publication's month
MONTH_STEP = {"last": -1, "next": 1, "this": 0}
DATE_ENTITY = "DATE"  # spaCy's label for a date: "in 1980" (not "in 2000 troops")
# "later this week", "next week": a week or a month relative to publication, without a day
VAGUE = re.compile(r"\b(?:(?:later|earlier)\s+)?(?:this|next|last)\s+(?:week|month)\b", re.IGNORECASE)
# "As The Economist went to press", "at the time of writing": the day of publication itself
PRESS_TIME = re.compile(
    r"\bas\s+(?:[\w’']+\s+){1,3}went\s+to\s+press\b|\bat\s+the\s+time\s+of\s+writing\b", re.I
)
RELATIVE_RE = re.compile(
    r"\b(?:(?:on|last|this|late|early)\s+)?("
    + "|".join(WEEKDAYS)
    + r")(?:'s|’s)?\b|\b(today|tonight|yesterday|"
    r"this morning|this afternoon|this evening)\b",
    re.IGNORECASE,
)
# "a three-day visit", "for two days": a meeting of several days, whose one date is its first
SEVERAL_DAYS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]days?\b(?![- ]old)", re.IGNORECASE
)
WITHIN = re.compile(
    r"\b(?:during|in the course of|on the (?:first|second|last) day of)\s+(?:\S+\s+){0,2}$", re.I
)
AHEAD = "ahead"  # occasion.why_not's reason for what is still to come
# "a three-day visit from 10 August", "on 10 August for three days": a date that opens the days
OPENS_BEFORE = re.compile(r"\b(?:from|starting|beginning|opening)(?:\s+on)?\s*$", re.IGNORECASE)
OPENS_AFTER = re.compile(r"^,?\s*for\s+(?:a\s+|an\s+)?(?:\w+[- ]){0,2}?(\w+)[- ]days?\b", re.IGNORECASE)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
NUMBER_WORDS |= {"nine": 9, "ten": 10}
MONTH_WORD = re.compile(rf"\b(?:{MONTH_NAMES})\b", re.IGNORECASE)
YEAR = re.compile(r"\b\d{4}\b")
# "12 and 13 March": two days, not said to be one meeting's first and last ("between" makes them so)
JOINED_BY_AND = re.compile(r"^(?!between\b).*\sand\s+\d", re.IGNORECASE)
WEEKDAY_NAMES = "|".join(WEEKDAYS)
# "from Monday to Wednesday", "between Tuesday and Thursday": a range of days named by weekday
WEEKDAY_RANGE = re.compile(
    rf"\b(?:from|between)\s+({WEEKDAY_NAMES})\s+(?:to|through|until|and|-|–)\s+({WEEKDAY_NAMES})\b",
    re.IGNORECASE,
)
# "![photo](/images/2008/03/leaders.jpg)": a link's target is an address, never a photo's credit
LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
LONGEST_RANGE = 31  # days: a longer "range" is two dates, not one meeting
NOT_THE_DAY_ITSELF = ("since", "until")  # "since Monday", "until Friday"
BOUND_CHARS = 8  # how far before a relative date "since" or "until" is looked for


@dataclass(frozen=True)
class DateCandidate:
    score: int
    start: int  # character offset in the Doc
    phrase: str  # as written: "12 March", "Wednesday"
    date: dt.date | None  # the day, or a range's first day
    end: dt.date | None = None  # a range's last day, when the text gives it
    period: dt.date | None = None  # no day: the first day of the month or year the phrase names
    precision: str | None = None  # PRECISION_MONTH or PRECISION_YEAR with a period


class MeetingDate(NamedTuple):
    """The meeting's date: its (first) day, its last day if it ran several days, the words; and
    how precise it is ("day", "month", "year"; None when nothing is resolved) with, for a month
    or a year, the first day of it (never a day of the meeting)."""

    date: dt.date | None
    end: dt.date | None
    text: str | None
    precision: str | None = None
    period: dt.date | None = None

    @property
    def month(self) -> str | None:
        """ "1980-03" for a date of month precision."""
        return (
            f"{self.period.year:04d}-{self.period.month:02d}"
            if self.precision == PRECISION_MONTH and self.period
            else None
        )

    @property
    def year(self) -> str | None:
        """ "1980" for a date of year precision."""
        return f"{self.period.year:04d}" if self.precision == PRECISION_YEAR and self.period else None


@dataclass(frozen=True)
class Sentence:
    """A sentence with what the scoring rules need to know about it."""

    span: Span
    lead: bool


def find_date(
    doc: Doc, published: dt.date | None, heading: dt.date | None = None, document: dt.date | None = None
) -> MeetingDate:
    """The meeting's (first) day, its last day when it ran several days, and the words. A story
    that names no time at all under a date heading (``heading``: "### 2013-03-23" above a digest's
    item) took place that day; in a document dated above its story (``document``: "Canberra, 8
    August 1972"), that day written in the story wins, and a day nothing ties to the meeting
    yields to it."""
    found = [c for sent in _dated_sentences(doc) for c in _candidates(sent, published)]
    found = [_of_the_document(c, document) for c in found]
    if not found:
        return headed_date(heading)
    best = min(found, key=lambda c: (-c.score, c.start))
    if document is not None and best.date is not None and best.score <= WEAK_SCORE:
        return headed_date(document)
    precision = PRECISION_DAY if best.date else best.precision
    return MeetingDate(best.date, best.end, best.phrase, precision, best.period)


def _of_the_document(candidate: DateCandidate, heading: dt.date | None) -> DateCandidate:
    """ "Paris, 2 July 1971" then "I saw the Ambassador as arranged on 2nd July.": the day the
    record is dated, written in its story, is the day it records."""
    if heading is None or candidate.date != heading or candidate.precision is not None:
        return candidate
    return replace(candidate, score=candidate.score + BONUS_DOCUMENT_DAY)


def headed_date(heading: dt.date | None) -> MeetingDate:
    """ "### [2013-03-23](...)" then "Pope Ana meets Luis Vega for lunch.": the item's date heading."""
    if heading is None:
        return MeetingDate(None, None, None)
    return MeetingDate(heading, None, heading.isoformat(), PRECISION_DAY)


def _candidates(sent: Sentence, published: dt.date | None) -> list[DateCandidate]:
    """Every way a sentence dates something; a phrase inside an explicit date's words ("Tuesday"
    in "Tuesday, May 31", "March" in "12 March") is not a candidate of its own."""
    explicit = [*_explicit_dates(sent, published), *_weekday_ranges(sent, published)]
    taken = [(c.start, c.start + len(c.phrase)) for c in explicit]
    others = [
        *_relative_dates(sent, published),
        *_press_time(sent, published),
        *_month_only(sent, published),
        *_vague_dates(sent),
        *_year_only(sent),
    ]
    kept = explicit + [
        c for c in others if not any(c.start < b and c.start + len(c.phrase) > a for a, b in taken)
    ]
    return [_aside_penalised(sent.span.doc, c) for c in kept]


def _aside_penalised(doc: Doc, candidate: DateCandidate) -> DateCandidate:
    """ "Lee raised the border scheme, which started on Aug 17.": a date inside a relative clause
    dates what that clause tells of, unless the clause is about a meeting ("the summit, which
    opened on Monday")."""
    if not _in_aside(doc, candidate.start):
        return candidate
    return replace(candidate, score=candidate.score + PENALTY_ASIDE)


def _in_aside(doc: Doc, char: int) -> bool:
    """The word at ``char`` is in a relative clause whose noun is not a meeting."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    clause = next((t for t in [span.root, *span.root.ancestors] if t.dep_ == RELCL), None)
    return clause is not None and clause.head.lemma_.lower() not in MEETING_NOUNS


def _dated_sentences(doc: Doc) -> Iterator[Sentence]:
    """Every sentence, except one about an earlier event that does not name the meeting
    ("They first met in 2015 on a Monday.")."""
    sentences = [s for s in doc.sents if s.text.strip() and not photo_caption(s)]
    for index, sent in enumerate(sentences):
        if about_past(sent) and not about_meeting(sent):
            continue
        yield Sentence(sent, index < LEAD_SENTENCES)


def photo_caption(sent: Span) -> bool:
    """ "Leaders pose in Lima on March 14, 2010. (AP Photo/Jane Doe)": a line with a photo credit
    is a caption, and its date is the photo's."""
    text = sent.doc.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    return _credited(LINK_TARGET.sub("]", text[start : end if end >= 0 else len(text)]))


@functools.lru_cache(maxsize=1024)
def _credited(line: str) -> bool:
    """Whether a line carries a photo credit (asked for each of its sentences, so remembered)."""
    return bool(PHOTO_CREDIT.search(line))


def _score(sent: Sentence, *, explicit: bool, later: bool) -> int:
    """A date in the lead's meeting sentence, written out, not of the next meeting, scores best."""
    return (
        BONUS_MEETING_SENTENCE * about_meeting(sent.span)
        + BONUS_LEAD * sent.lead
        + BONUS_EXPLICIT * explicit
        + PENALTY_NEXT_MEETING * later
    )


def _explicit_dates(sent: Sentence, published: dt.date | None) -> Iterator[DateCandidate]:
    """ "Putin met Erdogan on 12 March 2019.", "... on March 12": a date written out; a range
    ("from 20 to 22 December") keeps its words and is dated by its first day."""
    span, seen = sent.span, []
    for pattern in EXPLICIT:
        for m in pattern.finditer(span.text):
            if any(a <= m.start() < b for a, b in seen):
                continue  # inside a range found by an earlier pattern
            seen.append((m.start(), m.end()))
            offset, phrase = _with_weekday(span.text, m)
            start = span.start_char + offset
            later = ahead(span.doc, span.start_char + m.start())
            several = _is_range(m[0]) or _opens_several_days(span)
            date, end = _range(m[0], published, ahead=later)
            if end is None:
                end = _last_of_several_days(span, m.start(), m.end(), date)
            score = _score(sent, explicit=True, later=later) + PENALTY_SPAN_OF_DAYS * several
            score += PENALTY_JOURNEY * _journey(span.doc, span.start_char + m.start())
            yield DateCandidate(score + _announced(span.doc, start), start, phrase, date, end)


def ahead(doc: Doc, char: int) -> bool:
    """ "Lee will visit Oslo on 12 March", "Lee is scheduled to visit Oslo on 12 March": the
    words at ``char`` belong to what is still to come (tense, or the occasion layer's "ahead")."""
    if tense_ahead(doc, char):
        return True
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    # "He is to meet Lee on May 31, and the Emperor on June 1": each clause up to the sentence's root
    clauses = [t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")]
    # "is to meet": the date may hang on "is" itself, whose to-clause is what is ahead
    clauses += [c for v in clauses if v.lemma_ == "be" for c in v.children if c.dep_ == XCOMP]
    return any(occasion.why_not(verb) == AHEAD for verb in clauses)


def _journey(doc: Doc, char: int) -> bool:
    """ "Lee arrived in Osaka on Sunday and held talks in Tokyo on Monday": the words at ``char``
    date the journey (arriving, flying, leaving), not the meeting it leads to."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    verb = occasion.clause_verb(span.root) if span is not None else None
    return verb is not None and (verb.lemma_ in ARRIVALS or verbs.plays(verb.lemma_, verbs.TRAVELS))


def _opens_several_days(span: Span) -> bool:
    """ "Tanaka will pay a three-day visit to Lima from 10 May.": a sentence that names a meeting
    of several days (not a day within it: "met Lee on Thursday, during his two-day visit")."""
    return _number_of_days(span.text) is not None


def _number_of_days(text: str) -> int | None:
    """ "a three-day visit" -> 3; None when the sentence names no meeting of several days."""
    for m in SEVERAL_DAYS.finditer(text):
        if not WITHIN.search(text[: m.start()]):
            return _number(m[0].replace("-", " ").split()[0])
    return None


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _last_of_several_days(span: Span, start: int, end: int, first: dt.date | None) -> dt.date | None:
    """ "a three-day visit starting on 10 August", "on 10 August for a three-day visit": a date
    said to open a meeting of a stated number of days gives its last day; never guessed
    otherwise ("Tanaka, on a three-day visit, met Lee on 11 August": a day within it)."""
    text = span.text
    if first is None:
        return None
    after = OPENS_AFTER.match(text[end:])
    if after is not None and _number(after[1]):
        days = _number(after[1])
    elif OPENS_BEFORE.search(text[:start]) or OPENS_BEFORE.search(text[start:end].split()[0]):
        days = _number_of_days(text)
    else:
        return None
    return first + dt.timedelta(days=days - 1) if days and days > 1 else None


def _range(phrase: str, published: dt.date | None, *, ahead: bool) -> tuple[dt.date | None, dt.date | None]:
    """ "from 20 to 22 December 2002" -> 20 and 22 December 2002; "30 June to 2 July" -> across
    the months; "12 March" -> that day and no end. A year not written is read from publication
    (the range's first day as a single day would be), and runs on into the next year
    ("30 December to 2 January")."""
    days = [int(re.sub(r"\D", "", d)) for d in DAY_NUMBER.findall(phrase)]
    months = [MONTHS[w.lower()] for w in MONTH_WORD.findall(phrase)]
    year = next((int(y) for y in YEAR.findall(phrase)), None)
    if not days or not months:
        return None, None
    first, last = (months[0], days[0]), (months[-1], days[-1])
    crosses_year = last < first
    if year:
        first_year = year - crosses_year
    elif published:
        first_year = (_year_after if ahead else _year_before)(published, *first)
    else:
        return None, None
    start = _safe_date(first_year, first[0], first[1])
    if len(days) < 2 or JOINED_BY_AND.search(phrase) or start is None:
        return start, None
    end = _safe_date(first_year + crosses_year, last[0], last[1])
    return start, end if end and 0 < (end - start).days <= LONGEST_RANGE else None


def _announced(doc: Doc, char: int) -> int:
    """ "Lee will visit Oslo next week, the ministry said on Tuesday.": a date of the verb of
    saying whose reported clause is still ahead dates the announcement, not the meeting."""
    found = doc.char_span(char, char + 1, alignment_mode="expand")
    if found is None:
        return 0
    verb = next((t for t in found.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not verbs.plays(verb.lemma_, verbs.REPORTS):
        return 0
    # "X said on Tuesday that Y will visit", or inverted: "Y will visit, X said on Tuesday"
    reported = [c for c in verb.children if c.dep_ == CCOMP]
    if verb.dep_ in (CCOMP, PARATAXIS) and verb.head != verb:
        reported.append(verb.head)
    return PENALTY_ANNOUNCED if any(occasion.why_not(c) == "ahead" for c in reported) else 0


def _is_range(phrase: str) -> bool:
    """ "20 to 22 December", "March 3-5", "30 June to 2 July": two days in a date's words."""
    return len(DAY_NUMBER.findall(phrase)) >= 2


def _with_weekday(text: str, m: re.Match) -> tuple[int, str]:
    """ "They met on Thursday (Sept 3).": the date's words with the weekday written before it."""
    before = WEEKDAY_BEFORE.search(text[: m.start()])
    if before is None:
        return m.start(), m[0]
    end = m.end() + (before[0].endswith("(") and text[m.end() : m.end() + 1] == ")")
    return before.start(), text[before.start() : end]


def _month_only(sent: Sentence, published: dt.date | None) -> Iterator[DateCandidate]:
    """ "The two leaders met in March 1980.": a month without a day dates the meeting but names no
    day; the month is given when the year is written or follows from publication."""
    yield from _undated(
        sent, MONTH_ONLY, lambda m, later: _month_of(m, published, ahead=later), PRECISION_MONTH
    )


def _year_only(sent: Sentence) -> Iterator[DateCandidate]:
    """ "The two leaders met in Geneva in 1980.": a year alone dates the meeting only in a
    sentence that tells of it, and only where it is a date ("in 2000 troops" is a number)."""
    if not about_meeting(sent.span):
        return
    doc = sent.span.doc
    for candidate in _undated(sent, YEAR_ONLY, _year_of, PRECISION_YEAR, PENALTY_YEAR_ONLY):
        last = candidate.start + len(candidate.phrase) - 1
        if _is_date_entity(doc, last) and not _pluperfect(doc, last):
            yield candidate


def _pluperfect(doc: Doc, char: int) -> bool:
    """ "Her minister had gone to Pyongyang in early 2000 to meet Kim.": a verb of the words at
    ``char`` with "had" tells of an event before the story's."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    verbs_above = [t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")]
    return any(c.dep_ == AUX and c.lower_ == "had" for v in verbs_above for c in v.children)


def _is_date_entity(doc: Doc, char: int) -> bool:
    """The number at ``char`` is a date, not a count of something ("in 2000 troops")."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span is not None and span.root.ent_type_ == DATE_ENTITY and span.root.dep_ != NUMMOD


def _vague_dates(sent: Sentence) -> Iterator[DateCandidate]:
    """ "A summit is planned for later this week.": a week or month, but no day."""
    yield from _undated(sent, VAGUE)


def _undated(
    sent: Sentence,
    pattern: re.Pattern,
    resolve: Callable[[re.Match, bool], dt.date | None] | None = None,
    precision: str | None = None,
    penalty: int = 0,
) -> Iterator[DateCandidate]:
    """Candidates without a day, scored below a day written in the same sentence; ``resolve``
    gives the first day of the month or year a match names (None when it cannot be told)."""
    span = sent.span
    for m in pattern.finditer(span.text):
        if (
            span.text[max(0, m.start() - BOUND_CHARS) : m.start()]
            .lower()
            .strip()
            .endswith(NOT_THE_DAY_ITSELF)
        ):
            continue
        start = span.start_char + m.start()
        later = ahead(span.doc, start)
        score = _score(sent, explicit=False, later=later) + PENALTY_NO_DAY + penalty
        period = resolve(m, later) if resolve else None
        yield DateCandidate(score, start, m[0], None, period=period, precision=precision if period else None)


def _month_of(m: re.Match, published: dt.date | None, *, ahead: bool) -> dt.date | None:
    """ "in March 1980" -> 1 March 1980; no year written, it is read from publication: "last
    October" (published 2 March 2021) -> 1 October 2020, "in March" -> the nearest March not
    after publication (not before it when the meeting is still ahead)."""
    month = MONTHS[m["month"].lower()]
    if m["year"]:
        return _safe_date(int(m["year"]), month, 1)
    if published is None:
        return None
    step = MONTH_STEP.get((m["lead"] or "").lower())
    if step == 0:
        year = published.year
    elif step is not None:
        # "last October": the October before publication's month; "next March": the one after it
        year = published.year + step * (step * (month - published.month) <= 0)
    elif ahead:
        year = published.year + (month < published.month)
    else:
        year = published.year - (month > published.month)
    return _safe_date(year, month, 1)


def _year_of(m: re.Match, _ahead: bool) -> dt.date | None:
    """ "in 1980" -> 1 January 1980, the first day of the year (its precision says no more)."""
    return _safe_date(int(m["year"]), 1, 1)


def _press_time(sent: Sentence, published: dt.date | None) -> Iterator[DateCandidate]:
    """ "As the magazine went to press, the two leaders were meeting in Moscow.": the day of
    publication."""
    span = sent.span
    for m in PRESS_TIME.finditer(span.text):
        start = span.start_char + m.start()
        yield DateCandidate(_score(sent, explicit=True, later=False), start, m[0], published)


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
        date = _relative(phrase, published, ahead=later)
        yield DateCandidate(
            _score(sent, explicit=False, later=later)
            + _announced(span.doc, start)
            + PENALTY_JOURNEY * _journey(span.doc, start),
            start,
            phrase,
            date,
            _last_of_several_days(span, m.start(), m.end(), date),
        )


def _weekday_ranges(sent: Sentence, published: dt.date | None) -> Iterator[DateCandidate]:
    """ "The talks ran from Monday to Wednesday.": the first weekday, read against publication as
    a single weekday is, and the last one the days after it; the words kept as written."""
    span = sent.span
    for m in WEEKDAY_RANGE.finditer(span.text):
        start = span.start_char + m.start()
        later = ahead(span.doc, start)
        first = _relative(m[1], published, ahead=later)
        days = (WEEKDAYS.index(m[2].lower()) - WEEKDAYS.index(m[1].lower())) % 7
        end = first + dt.timedelta(days=days) if first and days else None
        score = _score(sent, explicit=False, later=later) + _announced(span.doc, start)
        yield DateCandidate(score, start, m[0], first, end)


def _year_before(published: dt.date, month: int, day: int) -> int:
    """No year written: the year of the nearest such day not after publication."""
    return published.year - ((month, day) > (published.month, published.day))


def _year_after(published: dt.date, month: int, day: int) -> int:
    """No year written, a day still to come: the year of the nearest such day not before publication."""
    return published.year + ((month, day) < (published.month, published.day))


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
