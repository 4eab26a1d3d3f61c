"""The text around the story: headers, bylines, datelines, captions, bullets, headings, tags.

``read_layout`` splits an article into blocks (paragraphs; wrapped lines joined) and labels
each one. ``Layout.story_text`` is the article with everything that is not story blanked out
by spaces, the same length as the original, so that every offset into it is an offset into
the article.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import geo
from .lexicon import HONORIFICS, NEWS_AGENCIES, PHOTO_CREDIT, PORTFOLIO_JOINS, PORTFOLIO_WORDS, TITLE_WORDS
from .result import ArticleMeta

STORY, HEADER, BYLINE, DATELINE, HIGHLIGHT, CAPTION, HEADING, ATTRIBUTION = (
    "story",
    "header",
    "byline",
    "dateline",
    "highlight",
    "caption",
    "heading",
    "attribution",
)
LINK = "link"  # "5. [Vega and Soto agree on a draft](/news/...)": a related item's link, no story

HEADER_KEYS = {
    "title",
    "date",
    "category",
    "tags",
    "slug",
    "src",
    "source",
    "sources",
    "author",
    "url",
    "link",
    "published",
    "updated",
    "summary",
    "keywords",
    "section",
    "byline",
    "dateline",
    "lang",
    "language",
    "id",
}
KEY_VALUE = re.compile(r"^(?:[-*][ \t]+)?([A-Za-z][A-Za-z _-]{0,20}):[ \t\u00a0]*(\S.*)?$")
DATELINE_RE = re.compile(
    r"^(?:published|updated|last updated|posted|first published)\b|^\|?\s*$|^\d{1,2}:\d{2}\b", re.IGNORECASE
)
UPDATED = re.compile(r"^(?:last\s+)?updated\b", re.IGNORECASE)  # "Last updated on 25 Nov 2012": not published
BYLINE_RE = re.compile(r"^by\b(?!\s+(?:the|a|an)\b)", re.IGNORECASE)
# "Putin (left) greets Erdogan", "Putin is pictured with ...": who stands where in a photo. A long
# paragraph of sentences may name someone "(pictured)" beside it; only a short block is its caption.
CAPTION_PLACES = re.compile(
    r"\((?:left|right|centre|center|pictured|second left|second right|top|bottom|above|below|l|r)\)"
    r"|,\s(?:left|right|centre|center),|\bpictured\b",
    re.IGNORECASE,
)
# "image copyright EPA", "media caption": a photo's (or a video's) caption label; with a photo's
# credit (lexicon.PHOTO_CREDIT) it marks a caption however long it is
CAPTION_LABEL = re.compile(r"^(?:image|media|video|photo) (?:caption|copyright)\b", re.IGNORECASE)
PHOTO_MARKS = re.compile(f"{PHOTO_CREDIT.pattern}|{CAPTION_LABEL.pattern}", re.IGNORECASE)
CAPTION_MARKS = re.compile(f"{CAPTION_PLACES.pattern}|{PHOTO_MARKS.pattern}", re.IGNORECASE)
# a paragraph: more words than a heading or a caption has, and a sentence ending inside it
PARAGRAPH_WORDS = 30
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
# what may follow a paragraph's last sentence without being one: a link teaser ("Watch the
# leaders meet »"), an end-of-article mark ("■"), a stray HTML space ("&nbsp;")
TRAILING_MARK = re.compile(r"(?:(?<=[.!?\"'”’])\s+[A-Z][^.!?»\n]{0,80}»|[»■▪◼□]|&nbsp;|&#160;)$")
CLOSING = tuple(".!?\"'”’)…")
WRAPPED_LINE = 50  # characters of a line of a hard-wrapped paragraph, at the least
WRAPPED_WORDS = 4  # words of such a line, at the least
WRAP_WIDTH = 100  # characters of a line of a hard-wrapped paragraph, at the most
# words a line of a hard-wrapped paragraph may end with, but no heading or sentence does
WRAPPED_AFTER = frozenset(
    {"the", "a", "an", "of", "to", "with", "and", "or", "for", "by", "in", "on", "at", "from", "as"}
    | {"that", "which", "who", "whose"}
)
# "Putin said: ..." is speech, not a caption or a header field. Word forms matched in the raw text
# (the layout is read before parsing, so there are no lemmas to ask the verb table about).
SPEECH_LABEL = re.compile(r"\b(?:said|says|added|adds|told|asked|stated|declared|insisted|warned|stressed)\b")
WIRE_DATELINE = re.compile(
    # "CITY, Month D (Agency) -", "CANBERRA, 12 March -", "MOSCOW, June 13. /TASS/.",
    # or "Addis Ababa, Ethiopia –"
    r"^(?:(?P<place>[A-Z][A-Z .'-]{2,40})"
    r"|(?P<titled>[A-Z][a-z]+(?: [A-Z][a-z]+){0,3})(?=,\s*[A-Z][a-z]+[A-Za-z ]*\s[-–—])"
    rf"|(?P<signed>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,3}})(?=\s*\((?:{'|'.join(NEWS_AGENCIES)})\)\s+[A-Z]))"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z .'-]{2,30}?))?"
    r"(?:,\s*(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})|(?P<dm_day>\d{1,2})\s+(?P<dm_month>[A-Z][a-z]{2,8})\.?)"
    r"(?:,?\s*(?P<year>\d{4}))?)?"
    r"(?:\s*(?:\([A-Za-z .&-]{2,30}\))?\s*(?:-{1,2}|–|—)|\.?\s*/[A-Za-z .-]{2,20}/\.?"
    rf"|\s*\((?:{'|'.join(NEWS_AGENCIES)})\)(?=\s+[A-Z]))\s+"
)
# "7 Sep 2010 Posted in [Press releases](/news/press-releases)": a press release's date and section
# run into its first paragraph
POSTED_PREFIX = re.compile(
    r"^\s*(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\s+"
    r"(?:posted|published|filed)\s+in\s+(?:\[[^\]\n]{1,60}\]\([^)\n]{0,200}\)|[A-Z][\w&]*(?:\s[A-Z][\w&]*){0,3})\s*",
    re.IGNORECASE,
)
# "British High Commission, Canberra, 20 December 1972", "Issued in Tokyo, 26 October 2016",
# "## Wellington, 21 March 1980": a release's or a cable's line of place and date, above or below it
PLACE_DATE_LINE = re.compile(
    r"^[#*_\s]*(?:(?i:issued|done|signed|adopted|made)\s+(?:at|in)\s+|[A-Z][^,\n]{0,60},\s*)?"
    r"(?!(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|sday|urday)?,)"  # "Mon, ..."
    r"(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})[\s*_.]*$"
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")
PLACE_COUNTRY_LINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s*(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})$"
)
MARKDOWN_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")  # "[2018-01-28](/news/...)": its words
# "1. [Vega meets Soto in Lima](/news/2018/...)", "- [Related story](...)": a list item that is a link
# (with an italic note after it: "_Context: China-Japan relations_")
LINK_ITEM = re.compile(
    r"^(?:\d{1,2}[.)]|[-*•])\s*\[[^\]\n]+\]\([^)\n]*\)(?:\s+([_*])[^\[\]\n]{1,80}\1)?[\s.]*$"
)
LINK_ALONE = re.compile(r"^(?:!?\[[^\]\n]*\]\([^)\n]*\)\s*)+$")  # "![](photo.jpg)", "[Translation](...)"
HTML_TAG = re.compile(r"<[^<>\n]{1,200}>")
HEADING_MARK = re.compile(r"^#{1,6}[ \t]+")  # "# Torres telephones Vega": a Markdown heading's mark
MOJIBAKE_SPACE = re.compile("\u00c2\u00a0|\u00c2(?= )")
# "Media release — Alexander Downer, Minister for Foreign Affairs", "MEDIA RELEASE MINISTER FOR
# FOREIGN AFFAIRS ALEXANDER DOWNER": a release's label, then who issues it
RELEASE_LINE = re.compile(
    r"^[#*_\s]*(?:joint\s+)?(?:media|press|news)\s+(?:release|statement)\b[\s:|—–-]*(?P<author>\S.*)$",
    re.IGNORECASE,
)
# "The Hon. Ana Vega MP", "Senator the Hon Ana Vega, Minister for Trade": a parliamentarian's style
HONOURABLE_LINE = re.compile(
    r"^[#*_\s]*(?:senator\s+)?the\s+hon(?:ourable|\.)?\s+(?P<author>\S.*)$", re.IGNORECASE
)
# letters written after a parliamentarian's name ("Ana Vega MP"): no part of it
POST_NOMINALS = {"mp", "mhr", "mla", "mlc", "qc", "kc", "ao", "ac", "obe", "cbe", "kcmg"}
# the first person of the writer, outside quotation marks ("I met", "my counterpart", "we agreed")
FIRST_PERSON = re.compile(r"\bI\b(?!\.)|\b(?:[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")
QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
# "Also present:", "In attendance:": the label of a list of those at the meeting, one a line
ATTENDANCE_LABEL = re.compile(
    r"^[#*_\s]*(?:also\s+)?(?:present|in attendance|attending|attendees|participants)\s*:?[*_\s]*$",
    re.IGNORECASE,
)
# "Sir Ana Vega - Secretary, Department of Trade": one line of such a list (a name, a dash, a title)
LISTED_PERSON = re.compile(
    r"^[*_\s-]*(?P<name>[A-Z][^-–—:\n]{2,60}?)\s+[-–—]+\s+(?P<title>[A-Z]\S.*?)[\s*_]*$"
)
# "... and Resources Mr J. D. Anderson - Assistant Secretary": the next person of a list whose
# lines the text has run together
NEXT_LISTED = re.compile(
    r"(?<!HE)[ \t]{1,4}(?=(?:HE\s+)?(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?\s[^-–—\n]{2,40}?\s[-–—]+\s)"
)
LIST_STYLES = {"HE", "H.E.", "HE."}  # "HE Mr J. J. Webster": His Excellency, written in capitals
SIDE_HEADING = re.compile(r"^[#*_\s]*(?P<side>[A-Z][A-Za-z .'-]{2,40}?)[:*_\s]*$")  # "### Australia"
LIST_LINES = 40  # the most lines a list of those present runs to
AUTHOR_NAME_WORDS = (2, 4)  # "Ana Vega", "Ana María Vega Ruiz": a name of the author, no more

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june"]
        + ["july", "august", "september", "october", "november", "december"]
    )
}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# a year may run into the place after it ("Jan 23rd 2020BEIRUT"), but not into more digits
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)")
# "June 17, 2013", "SEPT. 10 ,2016" (a comma astray)
MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(\d{4})(?!\d)")
ISO_DATE = re.compile(
    r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:\b|(?=T\d))"
)  # "2013-03-23", "2009-07-6", "2024-06-10T20:48"
# "### [2013-03-23](/news/2013/03/23/index.md)": a heading that is a date alone, the date of the
# item under it (a news digest's day)
DATE_HEADING = re.compile(r"^#{1,6}\s*\[?\s*(\d{4}-\d{1,2}-\d{1,2})\s*\]?(?:\([^)\n]*\))?\s*$")


@dataclass
class Block:
    start: int
    end: int
    text: str
    kind: str = STORY


@dataclass(frozen=True)
class Author:
    """Who wrote a first-person release, as its author line gives them: "Alexander Downer,
    Minister for Foreign Affairs" -> name "Alexander Downer", title "Minister for Foreign Affairs",
    and where the line stands in the article."""

    name: str
    title: str | None
    start: int | None  # None: named only by the file's metadata, not in the text
    end: int | None
    present: bool = False  # named on a list of those present ("Also present:"), not as the writer
    side: str | None = None  # the heading of that list's part it stands under ("Australia")


@dataclass
class Layout:
    text: str
    blocks: list[Block]
    meta: ArticleMeta
    story_text: str
    # start of a pull-quote block -> the name written under it ("Vladimir Putin, Russian President")
    pull_quotes: dict[int, str] = field(default_factory=dict)
    dateline_day: tuple[int, int] | None = None  # (month, day) of a dateline written without a year
    # the authors of a first-person story (``meta.authors``) with their titles and lines, and
    # the people of a list of those present ("Also present:")
    author_lines: tuple[Author, ...] = ()
    date_heading: dt.date | None = None  # the date of a heading that is a date alone (DATE_HEADING)
    document_date: dt.date | None = None  # the date of a place-and-date line above the story

    def story_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == STORY]

    def window(self, start: int, end: int) -> Layout:
        """The part of the article from ``start`` to ``end``, as an article of its own: offsets
        count from ``start``; blocks cut by the window's edges are cut too."""
        blocks = [
            Block(max(b.start, start) - start, min(b.end, end) - start, "", b.kind)
            for b in self.blocks
            if b.start < end and b.end > start
        ]
        for block in blocks:
            block.text = self.text[start + block.start : start + block.end]
        return Layout(
            self.text[start:end],
            blocks,
            self.meta,
            self.story_text[start:end],
            {at - start: name for at, name in self.pull_quotes.items() if start <= at < end},
            self.dateline_day,
            tuple(_moved(a, -start) for a in self.author_lines),
            self.date_heading,
            self.document_date,
        )


def _moved(author: Author, offset: int) -> Author:
    if author.start is None:
        return author
    return replace(author, start=author.start + offset, end=author.end + offset)


def whole_story(text: str) -> Layout:
    """Every paragraph read as story: the fallback when the layout cannot be read."""
    return Layout(text, split_blocks(text), ArticleMeta(), text)


def parse_date(text: str) -> dt.date | None:
    """The first explicit calendar date in ``text`` (ISO, "17 June 2013", "June 17, 2013")."""
    found = []
    for m in ISO_DATE.finditer(text):
        found.append((m.start(), _safe_date(int(m[1]), int(m[2]), int(m[3]))))
    for m in DAY_MONTH_YEAR.finditer(text):
        found.append((m.start(), _safe_date(int(m[3]), MONTHS.get(m[2].lower(), 0), int(m[1]))))
    for m in MONTH_DAY_YEAR.finditer(text):
        found.append((m.start(), _safe_date(int(m[3]), MONTHS.get(m[1].lower(), 0), int(m[2]))))
    found = sorted((pos, d) for pos, d in found if d)
    return found[0][1] if found else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def split_blocks(text: str) -> list[Block]:
    """Paragraphs: lines joined where a line was only wrapped (trailing space, lower-case next)."""
    blocks: list[Block] = []
    current: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start, end = pos, pos + len(body)
        pos += len(line)
        if not body.strip():
            _close(blocks, current, text)
            continue
        if current and not _continues(text[current[-1][0] : current[-1][1]], body, wrapped=len(current) > 1):
            _close(blocks, current, text)
        current.append((start, end))
    _close(blocks, current, text)
    return blocks


def _continues(previous: str, line: str, *, wrapped: bool = False) -> bool:
    """Whether ``line`` goes on the paragraph whose last line is ``previous``: after a trailing
    space, before a lower-case word, after a word no sentence ends with ("President of [the]"), and
    in a paragraph already wrapped, after any full line that ends no sentence."""
    stripped = line.lstrip()
    if not stripped:
        return False
    if previous.endswith((" ", "\t")) and not previous.strip().endswith(":"):
        return True
    ended = previous.rstrip().endswith(CLOSING)
    if stripped[0].islower() or stripped[0] in ",;":
        return not ended
    words = previous.split()
    if len(words) < WRAPPED_WORDS or len(previous) > WRAP_WIDTH:
        return False  # a menu's item ("Log in"), a letter ("A"), a link; a paragraph cut short
    if words[-1].lower() in WRAPPED_AFTER:
        return True
    full_line = len(previous.rstrip()) >= WRAPPED_LINE  # a line cut by the wrap
    return wrapped and full_line and not ended and not words[-1].endswith(":")


def _close(blocks: list[Block], lines: list[tuple[int, int]], text: str) -> None:
    if lines:
        start, end = lines[0][0], lines[-1][1]
        # trim surrounding whitespace so that offsets point at the words
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        blocks.append(Block(start, end, text[start:end]))
        lines.clear()


def read_layout(text: str, *, byline: str | None = None, title: str | None = None) -> Layout:
    """The article's blocks, what they say of the article (``ArticleMeta``) and its story text.
    ``byline``: the author the file's metadata names, the writer of a first-person story whose
    lines name none; ``title``: the file's metadata title, for a text without one of its own."""
    blocks = split_blocks(text)
    meta = ArticleMeta()
    _label_blocks(blocks, meta)
    meta.title = meta.title or title
    _read_posted(blocks, meta)
    dateline_day = _read_dateline(blocks, meta)
    _read_place_line(blocks, meta)
    _read_place_country_line(blocks, meta)
    _read_byline_date(blocks, meta)
    pull_quotes = _pull_quotes(blocks)
    story = _story_text(text, blocks)
    authors = (_authors(blocks, story) or _metadata_author(byline)) if _first_person(story) else ()
    meta.authors = [a.name for a in authors]
    return Layout(
        text,
        blocks,
        meta,
        story,
        pull_quotes,
        dateline_day,
        authors + _present(text),
        _date_heading(blocks),
        _document_date(blocks),
    )


def _date_heading(blocks: list[Block]) -> dt.date | None:
    """ "### [2013-03-23](/news/2013/03/23/index.md)" above a digest's item: the item's date."""
    for block in blocks:
        found = DATE_HEADING.match(block.text.strip())
        if found is not None:
            return parse_date(found[1])
    return None


def _document_date(blocks: list[Block]) -> dt.date | None:
    """ "Canberra, 8 August 1972" above a record or a cable (not a communique's closing line): the
    day the document is dated."""
    for block in blocks:
        if block.kind == STORY:
            return None
        found = PLACE_DATE_LINE.match(block.text.strip())
        if found is not None:
            return parse_date(found["date"])
    return None


# --- labelling: each block gets the kind of the first rule that claims it, else it is story ----
HEADER_KINDS = (HEADER, DATELINE, BYLINE, HEADING, LINK)  # what may stand above the story (a feed item's URL)
LABELLED_DATES = {"published", "updated"}  # "Published:" alone on its line: the next line is its date
DATE_LABELS = {"published", "updated", "last updated", "posted"}
DATELINE_WORDS = 6  # at most this many words on a line that is a date
# header keys whose value is the publication date (spaces, "_" and "-" read alike)
PUBLISHED_KEYS = {
    "date",
    "published",
    "publish date",
    "published date",
    "publication date",
    "date published",
    "pubdate",
    "published at",
    "published time",
    "posted",
    "posted on",
}
BYLINE_WORDS = 8
HIGHLIGHT_MARK = "@highlight"


@dataclass
class _Walk:
    """What the labelling has learnt so far, walking down the article's blocks."""

    meta: ArticleMeta
    in_header: bool = True  # no story block yet
    after_highlight: bool = False  # the block before was a bare "@highlight"
    dated_by_label: bool = False  # the block before was a "Published:" with no date


@dataclass(frozen=True)
class _Line:
    """A block's text without HTML tags, with its "Key: value" parts if it is one line of that form."""

    text: str
    previous: Block | None
    label: str = ""  # "Title" in "Title: Putin meets Erdogan"
    value: str | None = None

    @property
    def key(self) -> str:
        return self.label.strip().lower()

    @classmethod
    def of(cls, block: Block, previous: Block | None) -> _Line:
        line = HTML_TAG.sub("", block.text).strip()
        kv = KEY_VALUE.match(line) if "\n" not in line else None
        return cls(line, previous, kv[1], kv[2]) if kv else cls(line, previous)


def _under_highlight_mark(line: _Line, walk: _Walk) -> bool:
    """ "@highlight" then "Putin and Erdogan agree on Syria": the line under the mark."""
    return walk.after_highlight


def _highlight_mark(line: _Line, walk: _Walk) -> bool:
    """ "@highlight": a CNN highlight's mark (or the highlight itself on the same line)."""
    return line.text.lower().startswith(HIGHLIGHT_MARK)


def _header_field(line: _Line, walk: _Walk) -> bool:
    """ "Title: Putin meets Erdogan": a front-matter field (any key at the top, a known key below)."""
    return (
        bool(line.label)
        and (walk.in_header or line.key in HEADER_KEYS)
        and not SPEECH_LABEL.search(line.label)
    )


def _dateline(line: _Line, walk: _Walk) -> bool:
    """ "Published: 17 June 2013", "10:45 GMT", "[2018-01-28](/news/2018/01/28/)": when the
    article was published (a link's words are what the line says)."""
    text = MARKDOWN_LINK.sub(r"\1", line.text).strip()
    return bool(
        DATELINE_RE.search(text)
        or (walk.dated_by_label and parse_date(text))
        or (len(text.split()) <= DATELINE_WORDS and parse_date(text) and not _closed(text))
    )


def _byline(line: _Line, walk: _Walk) -> bool:
    """ "By Jane Smith, Moscow correspondent": who wrote it."""
    text = line.text
    return bool(BYLINE_RE.search(text)) and len(text.split()) <= BYLINE_WORDS and not text.endswith(".")


def _link_item(line: _Line, walk: _Walk) -> bool:
    """ "5. [Vega and Soto agree on a draft resolution](/news/2016/...)": an item of a list of
    links (related stories, sources, changes), however long its words: a headline, no story."""
    return bool(LINK_ITEM.match(line.text))


def link_words(text: str) -> str:
    """A link item's words with its markup blanked, the same length: "5. [Vega met Soto.](/news/x)"
    -> "   Vega met Soto.            "."""
    text = re.sub(r"^\s*(?:\d{1,2}[.)]|[-*•])\s*\[", lambda m: " " * len(m[0]), text)
    return re.sub(r"\]\([^)\n]*\)", lambda m: " " * len(m[0]), text)


def _posted_story(line: _Line, walk: _Walk) -> bool:
    """ "29 Aug 2019 Posted in [Press releases](...) 1. Minister Lee is on a visit to ...": the
    story run into its posted date, whatever its last line looks like."""
    return bool(POSTED_PREFIX.match(line.text))


def _caption(line: _Line, walk: _Walk) -> bool:
    """ "Putin (left) greets Erdogan in Sochi": a photo's caption (a paragraph of sentences that
    names someone "(pictured)" is story)."""
    text = line.text
    return bool(PHOTO_MARKS.search(text)) or (not _paragraph(text) and _is_caption(text))


def _heading(line: _Line, walk: _Walk) -> bool:
    """ "Putin and Erdogan meet in Sochi": a short line that is not a sentence (or a name under a
    bare "By"). A paragraph is story whatever ends it ("... said. Watch the talks »", "... ■")."""
    text = line.text
    unclosed = not _closed(_without_trailing_marks(text) or text) and not _paragraph(text)
    return unclosed or _is_byline_name(line.previous)


def _learn_nothing(line: _Line, walk: _Walk) -> None:
    pass


def _learn_highlight_taken(line: _Line, walk: _Walk) -> None:
    walk.after_highlight = False


def _learn_highlight_mark(line: _Line, walk: _Walk) -> None:
    walk.after_highlight = line.text.lower() == HIGHLIGHT_MARK


def _learn_header_field(line: _Line, walk: _Walk) -> None:
    _header_meta(line.key, (line.value or "").strip(), walk.meta)
    walk.dated_by_label = line.key in LABELLED_DATES and not line.value


def _learn_dateline(line: _Line, walk: _Walk) -> None:
    text, meta = line.text, walk.meta
    if meta.published is None and parse_date(text) and not UPDATED.match(text):
        meta.published = parse_date(text)
    walk.dated_by_label = text.rstrip(":").lower() in DATE_LABELS


def _learn_byline(line: _Line, walk: _Walk) -> None:
    walk.meta.byline = re.sub(r"^by\s+", "", line.text, flags=re.IGNORECASE).strip() or None


def _learn_title(line: _Line, walk: _Walk) -> None:
    if walk.meta.title is None and walk.in_header:
        walk.meta.title = line.text


@dataclass(frozen=True)
class BlockRule:
    """A kind of block: what claims a block for it, and what the labelling learns from one."""

    kind: str
    claims: Callable[[_Line, _Walk], bool]
    learn: Callable[[_Line, _Walk], None] = _learn_nothing


BLOCK_RULES = (
    BlockRule(HIGHLIGHT, _under_highlight_mark, _learn_highlight_taken),
    BlockRule(HIGHLIGHT, _highlight_mark, _learn_highlight_mark),
    BlockRule(HEADER, _header_field, _learn_header_field),
    BlockRule(DATELINE, _dateline, _learn_dateline),
    BlockRule(BYLINE, _byline, _learn_byline),
    BlockRule(LINK, _link_item),
    BlockRule(STORY, _posted_story),
    BlockRule(CAPTION, _caption),
    BlockRule(HEADING, _heading, _learn_title),
)


def _label_blocks(blocks: list[Block], meta: ArticleMeta) -> None:
    """Each block's kind, from the first of ``BLOCK_RULES`` that claims it; the header ends at
    the first block of another kind."""
    walk = _Walk(meta)
    for index, block in enumerate(blocks):
        line = _Line.of(block, blocks[index - 1] if index > 0 else None)
        rule = next((r for r in BLOCK_RULES if r.claims(line, walk)), None)
        if rule is not None:
            block.kind = rule.kind
            rule.learn(line, walk)
        walk.in_header = walk.in_header and block.kind in HEADER_KINDS


def _read_dateline(blocks: list[Block], meta: ArticleMeta) -> tuple[int, int] | None:
    """The place (and a date with its year) of a wire dateline opening the story."""
    wire = _opening_wire_dateline(blocks)
    if wire is None:
        return None
    meta.dateline = string.capwords((wire["place"] or wire["titled"] or wire["signed"]).strip(" -.'"))
    meta.dateline_country = (wire["country"] or "").strip() or None
    return _dateline_day(wire, meta)


def _read_place_line(blocks: list[Block], meta: ArticleMeta) -> None:
    """ "British High Commission, Canberra, 20 December 1972", "Issued in Tokyo, 26 October
    2016": a line of place and date outside the story (a letterhead, a communique's closing line)
    is the document's dateline, and its date the publication date when none is known."""
    for block in blocks:
        found = PLACE_DATE_LINE.match(block.text.strip()) if block.kind in (HEADING, DATELINE) else None
        if found is None:
            continue
        meta.dateline = meta.dateline or found["place"]
        meta.published = meta.published or parse_date(found["date"])
        return


def _read_place_country_line(blocks: list[Block], meta: ArticleMeta) -> None:
    """ "Beijing, China" on a line of its own above the story (a scraped page's place line): the
    dateline, when the article has none and the country is one."""
    for block in blocks:
        if (block.kind == STORY and SENTENCE_END.search(block.text)) or meta.dateline:
            return  # the story has begun ("(Agence France-Presse)" above the place line is no story)
        found = PLACE_COUNTRY_LINE.match(block.text.strip())
        if found is not None and block.kind in (HEADING, DATELINE) and geo.country_code(found["country"]):
            meta.dateline, meta.dateline_country = found["place"], found["country"]
            return


def _read_byline_date(blocks: list[Block], meta: ArticleMeta) -> None:
    """ "By Ana Torres and Luis Vega, SEPT. 10 ,2016": a byline line's date above the story is the
    publication date when none is known."""
    for block in blocks:
        if block.kind == STORY:
            return
        if meta.published is None and BYLINE_RE.match(block.text.strip()) and "\n" not in block.text.strip():
            meta.published = parse_date(block.text)


def _read_posted(blocks: list[Block], meta: ArticleMeta) -> None:
    """ "7 Sep 2010 Posted in [Press releases](...) 1. Dr Lee will visit ...": the date a press
    release was posted, written before its first paragraph, is its publication date."""
    first = next((b for b in blocks if b.kind == STORY), None)
    posted = POSTED_PREFIX.match(first.text) if first is not None else None
    if posted is not None and parse_date(posted["date"]):
        meta.published = parse_date(posted["date"])


def _opening_wire_dateline(blocks: list[Block]) -> re.Match | None:
    """ "MOSCOW, June 13 (Reuters) - ...": the first story block's wire dateline (an image or a
    link alone on its line, "![](photo.jpg)", comes before the story)."""
    first = next((b for b in blocks if b.kind == STORY and not LINK_ALONE.match(b.text.strip())), None)
    return WIRE_DATELINE.match(first.text.replace("\n", " ")) if first is not None else None


def _dateline_day(wire: re.Match, meta: ArticleMeta) -> tuple[int, int] | None:
    """ "MOSCOW, June 13, 2019 -": (6, 13), and the publication date when none is known yet."""
    month = MONTHS.get((wire["month"] or wire["dm_month"] or "").lower())
    day = int(wire["day"] or wire["dm_day"] or 0)
    if not month or not day:
        return None
    if wire["year"] and meta.published is None:
        meta.published = _safe_date(int(wire["year"]), month, day)
    return month, day


def _closed(line: str) -> bool:
    """A sentence ends with punctuation; a line ending on a quotation mark must start with one
    or close a sentence inside it (a heading may end on a quoted phrase)."""
    if not line.endswith(CLOSING):
        return False
    if line[-1] in "\"'”’" and line[0] not in "\"'“‘":
        return len(line) > 1 and line[-2] in ".!?,"
    return True


def _paragraph(text: str) -> bool:
    """Sentences, not a title or a caption: long, with a sentence ending inside."""
    return len(text.split()) > PARAGRAPH_WORDS and bool(SENTENCE_BREAK.search(text))


def _without_trailing_marks(text: str) -> str:
    """ "... met on Monday. Watch the talks » ■": the text up to its last sentence's end."""
    text = text.rstrip()
    while mark := TRAILING_MARK.search(text):
        text = text[: mark.start()].rstrip()
    return text


def _is_byline_name(previous: Block | None) -> bool:
    """ "By" alone on its line, then "Jane Smith": the name under it."""
    return previous is not None and previous.kind == BYLINE and previous.text.strip().lower() == "by"


def _header_meta(key: str, value: str, meta: ArticleMeta) -> None:
    if key == "title" and value:
        meta.title = value
    elif _published_key(key) and value and meta.published is None:
        meta.published = parse_date(value)
    elif key in {"author", "byline"} and value:
        meta.byline = value


def _published_key(key: str) -> bool:
    """ "Publish date: 2020-09-14", "published_time: ...": a header field giving the publication date."""
    return re.sub(r"[\s_-]+", " ", key).strip() in PUBLISHED_KEYS


def _is_caption(line: str) -> bool:
    if CAPTION_PLACES.search(line):
        return True
    label, sep, rest = line.partition(":")
    if not sep or not rest.strip() or len(label.split()) > 3 or SPEECH_LABEL.search(label):
        return False
    first = rest.strip()[0]
    return (
        label[:1].isupper()
        and first not in "\"'“‘"
        and not label.lower().startswith(("mr", "mrs", "ms", "dr"))
    )


def _pull_quotes(blocks: list[Block]) -> dict[int, str]:
    """A block that is one whole quotation, then a short "Name, Title" line under it."""
    found = {}
    for quote, name in zip(blocks, blocks[1:], strict=False):
        q = quote.text.strip()
        if (
            len(q) > 2
            and q[0] in "\"'“‘"
            and q[-1] in "\"'”’"
            and not re.search(r"[\"“”]|[‘’]\s|\s[‘’]|'\s|\s'", q[1:-1])
            and name.kind == HEADING
            and "," in name.text
            and len(name.text.split()) <= 8
            and name.text[:1].isupper()
        ):
            quote.kind = STORY
            name.kind = ATTRIBUTION
            found[quote.start] = name.text.split(",")[0].strip()
    return found


def _story_text(text: str, blocks: list[Block]) -> str:
    chars = [c if c in "\n\r" else " " for c in text]
    for block in blocks:
        if block.kind != STORY:
            continue
        body = block.text.replace("\r", " ").replace("\n", " ")
        posted = POSTED_PREFIX.match(body)
        if posted:
            body = " " * posted.end() + body[posted.end() :]
        wire = WIRE_DATELINE.match(body)
        if wire and any(c.islower() for c in body[wire.end() : wire.end() + 20]):
            body = " " * wire.end() + body[wire.end() :]
        body = HEADING_MARK.sub(_blank, HTML_TAG.sub(_blank, body))
        kept = len(_without_trailing_marks(body))
        body = body[:kept] + " " * (len(body) - kept)
        body = MOJIBAKE_SPACE.sub(_blank, body).replace("\u00a0", " ")
        chars[block.start : block.end] = body
    return "".join(chars)


def _blank(match: re.Match) -> str:
    return " " * len(match[0])


# --- the author of a first-person release ---------------------------------------------------------
def _first_person(story: str) -> bool:
    """A story its writer tells in the first person ("I met", "my counterpart", "we agreed"),
    outside quotation marks."""
    return bool(FIRST_PERSON.search(QUOTED.sub(" ", story)))


def _authors(blocks: list[Block], story: str) -> tuple[Author, ...]:
    """The authors the lines outside the story name: a release's label line ("Media release —
    Ana Vega, Minister for Trade"), a parliamentarian's style ("The Hon. Ana Vega MP"), a byline or
    front-matter author that gives a title ("author: Ana Vega, Minister for Trade"), a sign-off
    (a name line, then a title line, after the story)."""
    found: list[Author] = []
    story_end = max((b.end for b in blocks if b.kind == STORY and story[b.start : b.end].strip()), default=0)
    for index, block in enumerate(blocks):
        if block.kind == STORY:
            continue
        line = MARKDOWN_LINK.sub(r"\1", HTML_TAG.sub("", block.text)).strip()
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        author = _author_line(line, block) or _sign_off(line, block, following, story_end)
        if author is not None and author.title is None and _title_line(following):
            author = replace(
                author, title=following.text.strip()
            )  # "The Hon. Ana Vega MP" / "Minister for Trade"
        if author is not None and all(a.name != author.name for a in found):
            found.append(author)
    return tuple(found)


def _metadata_author(byline: str | None) -> tuple[Author, ...]:
    """The author the file's metadata names ("Alexander Downer"), when it is a person's name."""
    name = (byline or "").strip()
    words = name.split()
    fewest, most = AUTHOR_NAME_WORDS
    if not fewest <= len(words) <= most or not all(w[:1].isupper() for w in words) or name.isupper():
        return ()  # "MINISTER FOR FOREIGN AFFAIRS", an office, not a name
    if _title_words(words):
        return ()
    return (Author(name, None, None, None),)


def _author_line(line: str, block: Block) -> Author | None:
    shaped = RELEASE_LINE.match(line) or HONOURABLE_LINE.match(line)
    if shaped is not None:
        return _author(shaped["author"], block, title_needed=False)
    kv = KEY_VALUE.match(line)
    if kv and kv[1].strip().lower() in {"author", "byline"} and kv[2]:
        return _author(kv[2], block, title_needed=True)
    if block.kind == BYLINE and BYLINE_RE.search(line):
        return _author(BYLINE_RE.sub("", line), block, title_needed=True)
    return None


def _sign_off(line: str, block: Block, following: Block | None, story_end: int) -> Author | None:
    """ "Ana Vega" on a line of its own, "Minister for Trade" on the next, after the story."""
    if following is None or block.kind != HEADING or block.start < story_end:
        return None
    title = following.text.strip()
    if not _title_words(title.split()) or _title_words(line.split()):
        return None
    return _author(f"{line}, {title}", block, title_needed=True)


def _author(text: str, block: Block, *, title_needed: bool) -> Author | None:
    """The name and title of an author line: "Ana Vega, Minister for Trade", "Minister for Trade,
    Ana Vega", "MINISTER FOR TRADE ANA VEGA", "Ana Vega MP"."""
    text = re.sub(r"[*_#\[\]]", "", text).strip(" .,;:-—–|")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2:
        name, title = (
            (parts[1], parts[0]) if _title_words(parts[0].split()) else (parts[0], ", ".join(parts[1:]))
        )
    else:
        words = text.split()
        lead = _title_words(words)
        name, title = " ".join(words[lead:]), " ".join(words[:lead])
    name = _plain_name(name)
    if name is None or (title_needed and not _title_words(title.split())):
        return None
    at = block.text.lower().find(name.lower())
    start, end = (block.start + at, block.start + at + len(name)) if at >= 0 else (block.start, block.end)
    return Author(name, _as_written(title) or None, start, end)


def _title_line(block: Block | None) -> bool:
    """ "Minister for Trade", "Peruvian Minister for Trade": a short line of a title alone (one
    word before it at most), outside the story."""
    if block is None or block.kind == STORY:
        return False
    words = block.text.split()
    return 0 < len(words) <= BYLINE_WORDS and (
        _title_words(words) == len(words) or _title_words(words[1:]) == len(words) - 1 > 0
    )


def _title_words(words: list[str]) -> int:
    """How many words at the start are a title ("Minister for Foreign Affairs Ana Vega": 4);
    0 when the first is no title word."""
    count = 0
    for word in words:
        low = word.lower().strip(".,")
        if low in TITLE_WORDS or (count and (low in PORTFOLIO_WORDS or low in PORTFOLIO_JOINS)):
            count += 1
        else:
            break
    return count


def _plain_name(text: str) -> str | None:
    """ "Dr Ana Vega MP" -> "Ana Vega"; "ANA VEGA" -> "Ana Vega"; None when it is no name."""
    words = [w for w in text.split() if w.lower().strip(".") not in HONORIFICS | POST_NOMINALS]
    low, high = AUTHOR_NAME_WORDS
    if not low <= len(words) <= high or not all(re.fullmatch(r"[A-Z][\w.'’-]*", w) for w in words):
        return None
    if any(w.lower() in TITLE_WORDS for w in words):
        return None
    return " ".join(string.capwords(w) if w.isupper() and len(w) > 1 else w for w in words)


def _as_written(title: str) -> str:
    """A title written in capitals as a title is written ("MINISTER FOR TRADE" -> "Minister for Trade")."""
    if not title.isupper():
        return title
    return " ".join(w.lower() if w.lower() in PORTFOLIO_JOINS else w.capitalize() for w in title.split())


# --- a list of those present ------------------------------------------------------------------------
def _present(text: str) -> tuple[Author, ...]:
    """ "Also present:", then "### Australia", "Sir Ana Vega - Secretary, Department of Trade", ...:
    the people a record of a meeting lists as present, each with the title and the side (the
    heading above them) the list gives; the list ends at the first line of another shape."""
    found: list[Author] = []
    lines = _lines(text)
    for number, (_start, line) in enumerate(lines):
        if ATTENDANCE_LABEL.match(line):
            found += _listed(lines[number + 1 : number + 1 + LIST_LINES])
    return tuple(found)


def _lines(text: str) -> list[tuple[int, str]]:
    """The article's lines that hold words, each with where it starts."""
    found, at = [], 0
    for line in text.splitlines(keepends=True):
        pieces = NEXT_LISTED.split(line.rstrip("\r\n"))
        found += [(at + line.find(piece), piece) for piece in pieces if piece.strip()]
        at += len(line)
    return found


def _listed(lines: list[tuple[int, str]]) -> list[Author]:
    found: list[Author] = []
    side = None
    for start, line in lines:
        person = LISTED_PERSON.match(line.strip())
        if person is None and SIDE_HEADING.match(line.strip()):
            side = SIDE_HEADING.match(line.strip())["side"].strip()
            continue
        name = (
            _plain_name(" ".join(w for w in person["name"].split() if w not in LIST_STYLES))
            if person
            else None
        )
        if name is None:
            break
        at = start + line.find(person["name"])
        found.append(
            Author(name, person["title"].strip(), at, at + len(person["name"]), present=True, side=side)
        )
    return found
