"""Direct quotations: where quotation marks open and close (any marks, unbalanced tolerated),
and the story's quotations with token lookup."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .boilerplate import Layout

DOUBLE = "double"
SINGLE = "single"
DOUBLE_MARKS = '"“”„'
SINGLE_MARKS = "'‘’"
DOUBLE_OPEN, DOUBLE_CLOSE = "“„", "”"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
STRAIGHT_MARKS = "\"'"
BEFORE_OPEN = set(" \t\n([{—–-:")
AFTER_CLOSE = set(" \t\n,.;:!?)]}—–-")
BEFORE_STRAY_CLOSE = ",.?!"  # '..., he said." with no opening mark: the paragraph opened the quotation
MARKS_AND_SPACE = "\"'“”‘’ "
SINGLE_MARK = re.compile("['‘’]")
ESCAPE = "\\"  # a text stored escaped writes its marks \" and \'

# an unclosed quotation at the end of a paragraph counts from this many words
MIN_UNCLOSED_WORDS = 3


@dataclass
class Quote:
    start: int  # offsets of the text between the marks
    end: int
    family: str  # "double" or "single"

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def mark_family(ch: str) -> str | None:
    """'“' is a double mark, '’' a single one, 'a' none."""
    if ch in DOUBLE_MARKS:
        return DOUBLE
    if ch in SINGLE_MARKS:
        return SINGLE
    return None


def _is_open(text: str, i: int, lo: int) -> bool:
    """'He said "we agreed': a curly opening mark, or a straight one after a space or a mark,
    with a word right after it."""
    ch = text[i]
    prev = _before_mark(text, i, lo)
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    return ch in DOUBLE_OPEN + SINGLE_OPEN or (
        ch in STRAIGHT_MARKS and (prev in BEFORE_OPEN or mark_family(prev))
    )


def _before_mark(text: str, i: int, lo: int) -> str:
    """The character before the mark at ``i``, past the backslash of a text stored escaped
    ('said \\"we agreed\\"'); a space at the paragraph's start."""
    j = i - 1 if i > lo and text[i - 1] == ESCAPE else i
    return text[j - 1] if j > lo else " "


def _quote_end(text: str, i: int) -> int:
    """Where a quotation closed by the mark at ``i`` ends: before the mark and its escape."""
    return i - 1 if text[i - 1] == ESCAPE else i


def _is_close(text: str, i: int, hi: int) -> bool:
    """'"we agreed," he said': a mark right after a word, followed by a space, punctuation or
    another mark."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isspace():
        return False
    return ch in DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_MARKS and (
        nxt in AFTER_CLOSE or bool(mark_family(nxt))
    )


def _stray_close(text: str, i: int, lo: int, hi: int) -> bool:
    """A closing mark after a comma with no opening one: the paragraph began the quotation."""
    return i > lo and text[i - 1] in BEFORE_STRAY_CLOSE and _is_close(text, i, hi)


def _plural_possessive(text: str, i: int, closes_next: Callable[[int], bool]) -> bool:
    """ "'Our two countries' interests are the same,' he said": an apostrophe after a plural,
    followed by a word, when the next single mark closes a quotation rather than opens one."""
    if text[i - 1] != "s" or text[i + 1 : i + 2] != " " or not text[i + 2 : i + 3].isalpha():
        return False
    return closes_next(i)


def _next_single_closes(text: str, lo: int, hi: int) -> Callable[[int], bool]:
    """Whether the first single mark after position i in text[lo:hi] that opens or closes a
    quotation closes one; worked out once for the whole paragraph (not rescanned per mark)."""
    marks = [m.start() for m in SINGLE_MARK.finditer(text, lo, hi)]
    verdicts = [False] * (len(marks) + 1)
    for k in range(len(marks) - 1, -1, -1):
        j = marks[k]
        verdicts[k] = False if _is_open(text, j, 0) else True if _is_close(text, j, hi) else verdicts[k + 1]
    return lambda i: verdicts[bisect.bisect_right(marks, i)]


@dataclass
class _Scan:
    """The state of one paragraph's scan for quotation marks."""

    text: str
    lo: int
    hi: int
    closes_next: Callable[[int], bool]
    quotes: list[Quote] = field(default_factory=list)
    open_at: int | None = None
    open_family: str | None = None


def _closes_the_open_quote(scan: _Scan, i: int, family: str) -> bool:
    """'"We agreed," he said': a closing mark of the open quotation's family ends it (an
    apostrophe of a plural possessive inside it, "our countries' interests", does not)."""
    if scan.open_at is None or family != scan.open_family or not _is_close(scan.text, i, scan.hi):
        return False
    if family == SINGLE and _plural_possessive(scan.text, i, scan.closes_next):
        return True
    if _quote_end(scan.text, i) > scan.open_at + 1:
        scan.quotes.append(Quote(scan.open_at + 1, _quote_end(scan.text, i), family))
    scan.open_at = scan.open_family = None
    return True


def _opens_a_quote(scan: _Scan, i: int, family: str) -> bool:
    """'He said "we agreed': an opening mark starts a quotation (again, for a paragraph that
    reopens one of the same family)."""
    if not _is_open(scan.text, i, scan.lo) or (scan.open_at is not None and family != scan.open_family):
        return False
    scan.open_at, scan.open_family = i, family
    return True


def _closes_the_paragraphs_quote(scan: _Scan, i: int, family: str) -> bool:
    """'the talks went well," he said.': a closing double mark with none open before it, the
    paragraph's first, closes a quotation the paragraph itself began."""
    if scan.open_at is not None or family != DOUBLE or scan.quotes:
        return False
    if not _stray_close(scan.text, i, scan.lo, scan.hi):
        return False
    scan.quotes.append(Quote(scan.lo, _quote_end(scan.text, i), family))
    return True


# what a quotation mark does, tried in order until one applies
MARK_RULES = (_closes_the_open_quote, _opens_a_quote, _closes_the_paragraphs_quote)


def _unclosed_quote(scan: _Scan) -> Quote | None:
    """'He said "we will meet again next year' (no closing mark): the quotation runs to the
    paragraph's end, trailing marks aside, if it holds a few words."""
    if scan.open_at is None:
        return None
    end = scan.hi
    while end > scan.open_at + 1 and scan.text[end - 1] in MARKS_AND_SPACE:
        end -= 1
    if len(scan.text[scan.open_at + 1 : end].split()) < MIN_UNCLOSED_WORDS:
        return None
    return Quote(scan.open_at + 1, end, scan.open_family)


def find_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    """Quotations in text[lo:hi] (one paragraph). Never fails on unbalanced marks."""
    scan = _Scan(text, lo, hi, _next_single_closes(text, lo, hi))
    for i in range(lo, hi):
        family = mark_family(text[i])
        if family is None:
            continue
        for rule in MARK_RULES:
            if rule(scan, i, family):
                break
    unclosed = _unclosed_quote(scan)
    if unclosed is not None:
        scan.quotes.append(unclosed)
    return scan.quotes


class Quotations:
    """All quotations of the story, with token lookup."""

    def __init__(self, doc: Doc, layout: Layout):
        self._start(doc)
        for block in layout.story_blocks():
            for q in find_quotes(self.text, block.start, block.end):
                self.quotes.append(q)
                self.block_of[q.start] = block.start
        self.quotes.sort(key=lambda q: q.start)
        self._starts = [q.start for q in self.quotes]

    def _start(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes: list[Quote] = []
        self.block_of: dict[int, int] = {}
        self._starts: list[int] = []

    @classmethod
    def empty(cls, doc: Doc) -> Quotations:
        """No quotation: what the other finders work with when finding quotations failed."""
        quotations = cls.__new__(cls)
        quotations._start(doc)
        return quotations

    def at(self, char: int) -> Quote | None:
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def in_quote(self, token: Token) -> bool:
        return self.at(token.idx) is not None

    def after(self, quote: Quote) -> Iterator[Quote]:
        """The quotations that start after ``quote``, in order."""
        for k in range(bisect.bisect_right(self._starts, quote.start), len(self.quotes)):
            yield self.quotes[k]
