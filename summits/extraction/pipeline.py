"""The pipeline: the story parsed in bounded pieces, then each finder works on each piece's Doc.

The stages, each passing a typed result forward: layout (``Layout``) → parse (``Doc``) →
quotations (which tokens are quoted) → names and titles (``PersonIndex``) → participation (the
participants' numbers) → descriptions ("the Turkish president" → a person) → ``Cast``, read by
the speaker resolution (``speakers.speaker``) → statements, agreements, place, date, title.
``read_people`` and ``_extract`` below show them in order.

Nothing in the text can make an article fail: each part (layout, parse, statements,
participants, place, date, agreements, title) runs isolated through ``Parts.run``. An unexpected
error in one is logged (logger ``summits.extraction``, with the article's identity and the
part's name), that part is left empty and named in ``Extraction.incomplete``, and the others
still deliver.

An article longer than CHUNK_CHARS is read in paragraph groups of at most that size (spaCy
parses at most ``nlp.max_length`` characters at once, and some finders compare every mention
with every other): each group is extracted on its own, with offsets shifted back onto the
article, and the results are merged. Normal articles are one group, read exactly as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc

from . import descriptions, meeting_report, occasion, participation
from .agreements import Agreements
from .boilerplate import (
    CAPTION,
    HEADING,
    HIGHLIGHT,
    HIGHLIGHT_MARK,
    LINK,
    Author,
    Layout,
    link_words,
    read_layout,
    whole_story,
)
from .date import MeetingDate, find_date
from .names import find_names, pair_countries
from .nlp import get_nlp, parse
from .participation import Caption
from .people import People, short_form
from .place import Place, find_place
from .quotations import Quotations
from .result import AgreementFound, Extraction, ParticipantFound, StatementFound, SummitFound
from .speakers import Cast
from .statements import Statements
from .title import make_title, title_for

logger = logging.getLogger("summits.extraction")

# The most story text parsed as one Doc: far below spaCy's nlp.max_length (1,000,000), so
# that the finders' work per piece stays bounded; a longer article is read in paragraph groups.
CHUNK_CHARS = 100_000
PARSE_BATCH = 16  # pieces per nlp.pipe batch: memory stays bounded however long the batch is
# where a paragraph longer than a piece may be cut, best first: a full stop, a line break, a space
PIECE_BREAKS = (re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\n"), re.compile(r"\s"))
T = TypeVar("T")
# blocks outside the story that still show who took part (never sources of statements)
EVIDENCE_BLOCKS = (CAPTION, HIGHLIGHT)
TITLE_MARKS = "#*_ \t"  # "# Title", "**Title**"


def extract(
    text: str, *, published: dt.date | None = None, byline: str | None = None, title: str | None = None
) -> Extraction:
    """``byline``: who wrote it, as the file's metadata says (a front matter's author), when the
    text itself may not: the writer of a story told in the first person. ``title``: the title the
    file's metadata gives, where the text has none of its own (a front matter's "title:")."""
    return extract_many([text], published=published, byline=byline, title=title)[0]


def extract_many(
    texts: Iterable[str],
    *,
    published: dt.date | None = None,
    byline: str | None = None,
    title: str | None = None,
) -> list[Extraction]:
    """Extract from many articles, parsing their pieces in ``nlp.pipe`` batches."""
    articles = [_Article.read(text, byline, title) for text in texts]
    pieces = [(article, window) for article in articles for window in article.windows]
    for (article, (start, end)), doc in zip(pieces, _parsed(pieces), strict=True):
        article.found.append((start, _extract_piece(doc, article, start, end, published)))
    return [article.merged() for article in articles]


@dataclass
class Parts:
    """The parts of one article's extraction that failed, and the one way to run a part."""

    article: str  # the article's identity in the log: the first 12 hex digits of its sha256
    failed: list[str] = field(default_factory=list)

    def run(self, part: str, func: Callable[[], T], default: T) -> T:
        """``func()``, or ``default`` with the failure logged and ``part`` marked incomplete."""
        try:
            return func()
        except Exception:
            logger.error("extraction of article %s: %s failed", self.article, part, exc_info=True)
            self.fail(part)
            return default

    def fail(self, part: str) -> None:
        if part not in self.failed:
            self.failed.append(part)


@dataclass
class _Article:
    text: str
    layout: Layout
    parts: Parts
    windows: list[tuple[int, int]]
    found: list[tuple[int, Extraction]] = field(default_factory=list)  # (offset, piece's result)

    @classmethod
    def read(cls, text: str, byline: str | None = None, title: str | None = None) -> _Article:
        parts = Parts(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12])
        layout = parts.run("layout", lambda: read_layout(text, byline=byline, title=title), None)
        layout = layout or whole_story(text)
        return cls(text, layout, parts, pieces(layout.story_text, CHUNK_CHARS))

    def merged(self) -> Extraction:
        if len(self.found) == 1 and self.found[0][0] == 0:
            result = self.found[0][1]
        else:
            result = _merge([(offset, found) for offset, found in self.found], self.layout, self.parts)
        result.incomplete = list(self.parts.failed)
        return result


def _parsed(pieces: list[tuple[_Article, tuple[int, int]]]) -> Iterator[Doc | None]:
    """One Doc per piece, in order; None where spaCy failed on it (the piece's article is then
    marked incomplete: "parse")."""
    nlp = get_nlp()
    for i in range(0, len(pieces), PARSE_BATCH):
        batch = pieces[i : i + PARSE_BATCH]
        texts = [article.layout.story_text[start:end] for article, (start, end) in batch]
        try:
            yield from list(parse(nlp, texts))
        except Exception:  # find the piece that failed; the others are parsed alone
            for (article, _window), text in zip(batch, texts, strict=True):
                yield article.parts.run("parse", lambda text=text: next(parse(nlp, [text])), None)


def pieces(text: str, size: int) -> list[tuple[int, int]]:
    """``text`` cut into consecutive windows of at most ``size`` characters, each ending at a
    paragraph break where one is near, else after a sentence, else at a space."""
    windows, start = [], 0
    while len(text) - start > size:
        end = _break_before(text, start, start + size)
        windows.append((start, end))
        start = end
    windows.append((start, len(text)))
    return windows


def _break_before(text: str, start: int, limit: int) -> int:
    """The last good place to cut ``text`` in the second half of (start, limit]."""
    lo = start + (limit - start) // 2
    paragraph = text.rfind("\n\n", lo, limit)
    if paragraph >= 0:
        return paragraph + 2
    for pattern in PIECE_BREAKS:
        ends = [m.end() for m in pattern.finditer(text, lo, limit)]
        outside = [end for end in ends if not _inside_quotation(text, end)]
        if outside or ends:
            return (outside or ends)[-1]
    return limit


def _inside_quotation(text: str, at: int) -> bool:
    """A quotation opened on the line before ``at`` is not closed yet ('“... whereas the U.S.
    [cut] presence is ...,” said X'): a piece cut there would leave its words without a speaker."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


def _extract_piece(
    doc: Doc | None, article: _Article, start: int, end: int, published: dt.date | None
) -> Extraction:
    """One piece of the article (usually all of it) through every finder."""
    if doc is None:
        return Extraction(summit=SummitFound(), article=article.layout.meta)
    layout = article.layout if (start, end) == (0, len(article.text)) else article.layout.window(start, end)
    return _extract(doc, layout, published, article.parts)


def _dateline_date(layout: Layout, published: dt.date | None) -> dt.date | None:
    """A dateline's "Sept 9" read as the nearest such day not after publication."""
    if layout.dateline_day is None or published is None:
        return None
    month, day = layout.dateline_day
    for year in (published.year, published.year - 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue
        if found <= published:
            return found
    return None


def _align(item, layout: Layout, *, outside_story: bool = False):
    """Offsets without surrounding blanks, and the item's text exactly as the article has it. An
    item of a caption (``outside_story``) is trimmed on the article's text, which the story text
    blanks there."""
    seen = layout.text if outside_story else layout.story_text
    item.start = max(0, min(item.start, len(layout.text)))
    item.end = max(item.start, min(item.end, len(layout.text)))
    while item.start < item.end and seen[item.start].isspace():
        item.start += 1
    while item.end > item.start and seen[item.end - 1].isspace():
        item.end -= 1
    item.text = layout.text[item.start : item.end]
    return item


def _aligned(items: list, layout: Layout) -> list:
    """The items with their offsets aligned on the article; an empty one is nothing found."""
    for item in items:
        _align(item, layout)
    return [item for item in items if item.end > item.start]


def _participant(person, doc: Doc, people: People) -> ParticipantFound:
    """A participant, first named in the story or, named only in a caption or bullet, there."""
    if person.mentions:
        first, last = person.mentions[0]
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    else:
        start, end = people.first_named(person) or (None, None)
    return ParticipantFound(
        name=person.name,
        role=person.role,
        country=person.country,
        aliases=sorted(person.aliases),
        start=start,
        end=end,
    )


def read_people(
    doc: Doc, in_quote: Callable, captions: tuple[Caption, ...] = (), authors: tuple[Author, ...] = ()
) -> People:
    """Who is who in the story, stage by stage; each stage gives a frozen value to the next.
    ``captions`` (photo captions and summary bullets, parsed apart) are evidence of taking part:
    of people of the story, and of participants named only there."""
    # names and titles: a PersonIndex (each person once, every mention, title, country, aliases)
    index = find_names(doc)
    # participation, decided apart from who is named: the participants' numbers in the index
    taking_part = participation.decide(doc, index, in_quote)
    # a participant's country from the one state left in their sentence ("... the UK and Germany")
    index = pair_countries(doc, index, taking_part)
    # descriptions ("the Turkish president") linked to a person, adding the office they give
    index, described_at = descriptions.link(doc, index, taking_part, in_quote)
    # an office found in a description can make a participant, and then a country
    taking_part = participation.decide(doc, index, in_quote, already=taking_part)
    # a caption or bullet that shows someone taking part ("Torres meets Vega in Lima"): a person of
    # the story (under the fuller name it may give), or one named only there
    shown = participation.read_captions(captions, index)
    index, taking_part = shown.index, taking_part | shown.taking_part
    # the author of a first-person release who writes "I met ..." (the layout's author lines)
    written = participation.read_authors(doc, index, in_quote, authors)
    index, taking_part = written.index, taking_part | written.taking_part
    index = pair_countries(doc, index, taking_part)
    # the cast the speaker resolution reads (speakers.speaker: a mention in, a speaker out)
    return People(Cast.of(doc, index, taking_part, described_at, in_quote), shown.pictured + written.pictured)


def _spoken_from(doc: Doc, reference: dt.date | None) -> Doc:
    """The Doc, told the time its article speaks from (what "in 1994" is earlier than)."""
    doc.user_data[occasion.REFERENCE] = reference
    return doc


def _captions(
    layout: Layout, kinds: tuple[str, ...] = EVIDENCE_BLOCKS, *, reference: dt.date | None = None
) -> tuple[Caption, ...]:
    """The photo captions and summary bullets of the article (or its blocks of other ``kinds``),
    each parsed on its own, with where it starts and the time the article speaks from."""
    blocks = [b for b in layout.blocks if b.kind in kinds and b.text.strip() != HIGHLIGHT_MARK]
    docs = (
        get_nlp().pipe([link_words(b.text) if b.kind == LINK else b.text for b in blocks]) if blocks else ()
    )
    return tuple(
        Caption(_spoken_from(doc, reference), block.start) for block, doc in zip(blocks, docs, strict=True)
    )


def _title(layout: Layout, reference: dt.date | None) -> list[Doc]:
    """The article's title parsed on its own ("Meeting with Joey Concepcion"), if it has one,
    without the marks of a Markdown heading around it ("# Record of Conversation Between ...")."""
    title = (layout.meta.title or "").strip(TITLE_MARKS)
    return [_spoken_from(get_nlp()(title), reference)] if title else []


def _met_in_title(titles: list[Doc], people: People) -> list:
    """ "Record of Conversation Between Willesee and Callaghan": where the title tells of a
    meeting held, the story's people it names by surname, when it names two or more."""
    held = [d for d in titles if meeting_report.first_evidence([d]) and not meeting_report.only_ahead([d])]
    words = {t.text.lower() for d in held for t in d if t.text[:1].isupper()}
    named = [p for p in people.persons if p.surname.lower() in words]
    return named if len(named) >= 2 else []


def _headlines(layout: Layout, titles: list[Doc]) -> tuple[Caption, ...]:
    """The title where the article writes it (a heading line), as a caption, which may name
    participants the story does not."""
    found = []
    for title in titles:
        starts = [b.start + b.text.find(title.text) for b in layout.blocks if title.text in b.text]
        found += [Caption(title, starts[0])] if starts else []
    return tuple(found)


def _caption_statements(
    captions: tuple[Caption, ...], people: People, *, reported: bool = False
) -> list[StatementFound]:
    """A quotation a caption or bullet attributes there (' "...," North Korea says'), each caption
    read as a story of its own; what it reports without quotation marks is no statement (issue 11:
    captions are evidence, never sources of statements unless quoted). The speaker is the story's
    person of that name where there is one ("Kerry": John Kerry). A related item's link
    (``reported``) is a story of its own: what it reports is read too."""
    found = []
    for caption in captions:
        layout = whole_story(caption.doc.text)
        quotations = Quotations(caption.doc, layout)
        statements = Statements(
            caption.doc, layout, quotations, read_people(caption.doc, quotations.in_quote)
        )
        for item in statements.direct() + (statements.indirect() if reported else []):
            if not item.speaker:
                continue
            item.speaker = _story_name(item.speaker, people)
            item.start, item.end = item.start + caption.start, item.end + caption.start
            found.append(item)
    return found


def _story_name(speaker: str, people: People) -> str:
    """A caption's "Kerry" as the story names him ("John Kerry"): the one person of that name."""
    words = speaker.split()
    same = [
        p
        for p in people.persons
        if speaker in {p.name, *p.aliases} or (len(words) == 1 and p.surname == words[0].lower())
    ]
    return same[0].name if len(same) == 1 else speaker


def _caption_agreements(
    captions: tuple[Caption, ...], story: list[AgreementFound], participants: list
) -> list[AgreementFound]:
    """What a caption or bullet says was agreed ("NEW: Torres and Vega sign a border pact"), each
    caption read as a story of its own; one the story tells too (its topic) is the story's. Parties
    the caption does not name are the participants' states."""
    found: list[AgreementFound] = []
    for caption in captions:
        quotations = Quotations(caption.doc, whole_story(caption.doc.text))
        people = read_people(caption.doc, quotations.in_quote)
        for item in Agreements(caption.doc, quotations, people).find():
            if any(item.topic == known.topic for known in story + found):
                continue
            item.start, item.end = item.start + caption.start, item.end + caption.start
            item.parties = item.parties or sorted({p.country for p in participants if p.country})
            found.append(item)
    return found


def _extract(doc: Doc, layout: Layout, published: dt.date | None, parts: Parts) -> Extraction:
    """The stages on one parsed piece: quotations → people (``read_people``) → statements,
    participants, place, date, agreements → the summit's title."""
    run = parts.run
    published = published or layout.meta.published
    reference = _dateline_date(layout, published) or published
    _spoken_from(doc, reference)
    # which tokens are quoted: what people, statements and agreements must tell apart
    quotations = run("statements", lambda: Quotations(doc, layout), Quotations.empty(doc))
    in_quote = quotations.in_quote
    # names → participation → descriptions, behind the facade the other finders call
    captions = run("participants", lambda: _captions(layout, reference=reference), ())
    people = run(
        "participants",
        lambda: read_people(doc, in_quote, captions, layout.author_lines),
        People.empty(doc, in_quote),
    )
    # statements: quotations and reported speech, each speaker resolved by the people stages
    statements = Statements(doc, layout, quotations, people)
    direct = run("statements", statements.direct, [])
    indirect = run("statements", statements.indirect, []) + run("statements", statements.according, [])
    titles = run("meeting", lambda: _title(layout, reference), [])
    participants = run("participants", people.participants, [])
    if run("participants", lambda: meeting_report.only_ahead([doc, *(c.doc for c in captions)]), False):
        participants = []  # a meeting only planned or called off: nobody has taken part yet
    elif not participants:  # the story names nobody at it: the title may ("Talks Between A and B")
        participants = run("participants", lambda: _met_in_title(titles, people), [])
        headlines = _headlines(layout, titles)
        if not participants and headlines:  # "Milei meets with Trump at CPAC": read as a caption is
            people = run(
                "participants",
                lambda: read_people(doc, in_quote, captions + headlines, layout.author_lines),
                people,
            )
            participants = run("participants", people.participants, [])
    dateline = (layout.meta.dateline, layout.meta.dateline_country)
    location, country, venue = run(
        "place", lambda: find_place(doc, participants, in_quote, dateline=dateline), Place(None, None)
    )
    dated = (layout.date_heading, layout.document_date)
    when = run("date", lambda: find_date(doc, reference, *dated), MeetingDate(None, None, None))
    agreements = run("agreements", Agreements(doc, quotations, people).find, [])
    summit = SummitFound(
        title=run("title", lambda: make_title(participants, location, when.date, doc), ""),
        location=location,
        country=country,
        venue=venue,
        date=when.date,
        end_date=when.end,
        date_text=when.text,
        date_precision=when.precision,
        month=when.month,
        year=when.year,
        topics=sorted({a.topic for a in agreements if a.topic})[:8],
    )
    statements_found = run("statements", lambda: _aligned(direct + indirect, layout), [])
    # a statement a caption or bullet attributes there
    from_captions = run("statements", lambda: _caption_statements(captions, people), [])
    # and one a related item's link says (its words are no evidence of who took part)
    from_captions += run(
        "statements", lambda: _caption_statements(_captions(layout, (LINK,)), people, reported=True), []
    )
    statements_found += [_align(s, layout, outside_story=True) for s in from_captions]
    # is this a meeting report at all? story, captions, bullets, headings and the title (a
    # front-matter "title:" too); a failure refuses nothing
    refusal = run(
        "meeting",
        lambda: meeting_report.refusal(
            doc,
            [c.doc for c in captions + _captions(layout, (HEADING,))] + titles,
            participants=participants,
            agreements=agreements,
        ),
        None,
    )
    return Extraction(
        summit=summit,
        participants=run("participants", lambda: [_participant(p, doc, people) for p in participants], []),
        statements=sorted(statements_found, key=lambda s: s.start),
        agreements=run("agreements", lambda: _aligned(agreements, layout), [])
        + [
            _align(a, layout, outside_story=True)
            for a in run("agreements", lambda: _caption_agreements(captions, agreements, participants), [])
        ],
        article=layout.meta,
        refusal=refusal,
    )


# --- an article read in pieces ----------------------------------------------------------
def _merge(found: list[tuple[int, Extraction]], layout: Layout, parts: Parts) -> Extraction:
    """The pieces' results as one article's: items shifted to the article's offsets, each
    person once (first mention, every alias), the place and date the first piece that names
    them gives (the lead), the title made again from all that."""
    statements: list[StatementFound] = []
    agreements: list[AgreementFound] = []
    people: dict[str, ParticipantFound] = {}
    for offset, piece in found:
        statements += [_shifted(s, offset) for s in piece.statements]
        agreements += [_shifted(a, offset) for a in piece.agreements]
        for person in piece.participants:
            _add_person(people, _shifted(person, offset))
    summit = SummitFound(topics=sorted({a.topic for a in agreements if a.topic})[:8])
    placed = next((piece.summit for _offset, piece in found if piece.summit.location), None)
    if placed is not None:
        summit.location, summit.country, summit.venue = placed.location, placed.country, placed.venue
    dated = next((piece.summit for _offset, piece in found if piece.summit.date_text), None)
    if dated is not None:
        summit.date, summit.end_date, summit.date_text = dated.date, dated.end_date, dated.date_text
        summit.date_precision, summit.month, summit.year = dated.date_precision, dated.month, dated.year
    participants = list(people.values())
    summit.title = parts.run(
        "title",
        lambda: title_for(
            [short_form(p.name, p.aliases) for p in participants],
            summit.location,
            summit.date,
            layout.story_text,
        ),
        "",
    )
    return Extraction(
        summit=summit,
        participants=participants,
        statements=statements,
        agreements=agreements,
        article=layout.meta,
        refusal=_refusal(piece for _offset, piece in found),
    )


def _refusal(pieces: Iterable[Extraction]) -> str | None:
    """An article read in pieces is a meeting report when one of its pieces reports a meeting."""
    refused = [piece.refusal for piece in pieces]
    return None if None in refused else refused[0]


def _shifted(item, offset: int):
    if item.start is not None:
        item.start += offset
        item.end += offset
    return item


def _add_person(people: dict[str, ParticipantFound], person: ParticipantFound) -> None:
    """A person met again in a later piece: the first mention stays, what is new is added."""
    known = people.get(person.name)
    if known is None:
        people[person.name] = person
        return
    known.role = known.role or person.role
    known.country = known.country or person.country
    known.aliases = sorted(set(known.aliases) | set(person.aliases))
