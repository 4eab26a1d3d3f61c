"""The pipeline: one spaCy Doc per article, then each finder works on that Doc."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.tokens import Doc

from .agreements import Agreements
from .boilerplate import Layout, read_layout
from .nlp import get_nlp
from .people import People
from .place_date import find_date, find_place, make_title
from .quotes import Quotations, Statements
from .result import Extraction, ParticipantFound, SummitFound


def extract(text: str, *, published: dt.date | None = None) -> Extraction:
    return extract_many([text], published=published)[0]


def extract_many(texts: Iterable[str], *, published: dt.date | None = None) -> list[Extraction]:
    """Extract from many articles, parsing them in one ``nlp.pipe`` batch."""
    layouts = [read_layout(text) for text in texts]
    docs = get_nlp().pipe(layout.story_text for layout in layouts)
    return [_extract(doc, layout, published) for doc, layout in zip(docs, layouts, strict=True)]


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


def _align(item, layout: Layout) -> None:
    """Offsets without surrounding blanks, and the item's text exactly as the article has it."""
    while item.start < item.end and layout.story_text[item.start].isspace():
        item.start += 1
    while item.end > item.start and layout.story_text[item.end - 1].isspace():
        item.end -= 1
    item.text = layout.text[item.start : item.end]


def _extract(doc: Doc, layout: Layout, published: dt.date | None) -> Extraction:
    published = published or layout.meta.published
    reference = _dateline_date(layout, published) or published
    quotations = Quotations(doc, layout)
    people = People(doc, quotations.in_quote)
    statements = Statements(doc, layout, quotations, people)
    direct = statements.direct()
    indirect = statements.indirect() + statements.according()
    participants = people.participants()
    location, country = find_place(
        doc, participants, quotations.in_quote, dateline=(layout.meta.dateline, layout.meta.dateline_country)
    )
    date, date_text = find_date(doc, reference)
    agreements = Agreements(doc, quotations, people).find()
    summit = SummitFound(
        title=make_title(participants, location, date, doc),
        location=location,
        country=country,
        date=date,
        date_text=date_text,
        topics=sorted({a.topic for a in agreements if a.topic})[:8],
    )
    for item in [*direct, *indirect, *agreements]:
        _align(item, layout)
    return Extraction(
        summit=summit,
        participants=[
            ParticipantFound(
                name=p.name,
                role=p.role,
                country=p.country,
                aliases=sorted(p.aliases),
                start=doc[p.mentions[0][0]].idx,
                end=doc[p.mentions[0][1] - 1].idx + len(doc[p.mentions[0][1] - 1].text),
            )
            for p in participants
        ],
        statements=sorted(direct + indirect, key=lambda s: s.start),
        agreements=agreements,
        article=layout.meta,
    )
