"""Where and when the meeting took place, and a readable title for it."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from . import geo
from .boilerplate import MONTHS
from .lexicon import MEETING_WORDS, NOT_YET, SPEECH_VERBS
from .nlp import entities
from .people import Person

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
PLACE_BEFORE = re.compile(
    r"(?:\bin|\bat|\bto|\bresort of|\bcity of|\btown of|\bcapital,?|\bcapital of|\bvillage of|\bisland of)\s*"
    r"(?:the\s+)?(?:\w+(?:'s|’s)\s+(?:capital\s+)?)?$",
    re.IGNORECASE,
)
CAPITAL_OF = re.compile(r"\bin the ([A-Z][a-z]+) capital\b")
PAST_MARKERS = re.compile(
    r"\b(since|last year|in \d{4}|ago|previous|earlier this year|back in)\b", re.IGNORECASE
)


def _meeting_sentence(sent: Span) -> bool:
    return any(t.lower_ in MEETING_WORDS for t in sent)


def find_place(
    doc: Doc, participants: list[Person], in_quote, *, dateline: tuple[str | None, str | None] = (None, None)
) -> tuple[str | None, str | None]:
    """The best-placed place name: in a meeting sentence, after "in"/"at", a city before a venue
    and a venue before a country; a wire dateline's city when the story says "here"."""
    best, best_score = None, -99.0
    city, dateline_country = dateline
    if city:
        here = any(
            t.lower_ == "here" and t.dep_ == "advmod" and not in_quote(t) and _meeting_sentence(t.sent)
            for t in doc
        )
        best, best_score = city, 4.0 + 3 * here
    text = doc.text
    places = [(e, e.text, e.label_) for e in entities(doc) if e.label_ in {"GPE", "LOC", "FAC"}]
    for m in CAPITAL_OF.finditer(text):  # "meeting in the Belgian capital": that state's capital
        code = geo.demonym_country(m[1])
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if code and geo.capital_name(code) and span is not None:
            places.append((span, geo.capital_name(code), "GPE"))
    places = sorted((p for p in places if not in_quote(p[0][0])), key=lambda p: p[0].start_char)
    for rank, (ent, written, label) in enumerate(places):
        name = re.sub(r"^the\s+|['’]s$", "", written, flags=re.IGNORECASE).strip()
        before = text[max(0, ent.start_char - 40) : ent.start_char if written == ent.text else ent.end_char]
        score = 0
        if _meeting_sentence(ent.sent):
            score += 3
        if PLACE_BEFORE.search(before):
            score += 2
        if geo.is_country(name):
            score -= 3
        elif label == "FAC":
            score += 1
        elif geo.place_country(name):
            score += 2
        if PAST_MARKERS.search(ent.sent.text):
            score -= 2
        if _ahead(doc, ent.start_char):
            score -= 5  # "will meet Macron in Paris on Friday": the next meeting, not this one
        if _spoken_elsewhere(ent, participants):
            score -= 6
        if ent.root.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"} or ent.root.head.dep_ == "agent":
            score -= 4  # "squeezed by Moscow", "Moscow's war": a capital standing for its state
        if label == "LOC" and not geo.place_country(name):
            score -= 1
        score -= rank * 0.01
        if score > best_score:
            best, best_score = name, score
    if best is None:
        return None, None
    country = geo.place_country(best)
    if best == city and dateline_country:
        country = geo.country_code(dateline_country) or country
    if country is None:
        hosts = [p for p in participants if p.country and _hosts(doc, p)]
        country = hosts[0].country if hosts else None
    return best, country


def _spoken_elsewhere(ent: Span, participants: list[Person]) -> bool:
    """ "Lavrov said in Moscow", "speaking in Brasilia": where someone who did not take part spoke."""
    prep = ent.root.head
    verb = prep.head
    if (
        prep.dep_ != "prep"
        or prep.lower_ not in {"in", "from"}
        or verb.lemma_.lower() not in SPEECH_VERBS | {"speak"}
    ):
        return False
    if verb.dep_ == "acl":
        speaker = list(verb.head.subtree)
    else:
        clause = verb.head if verb.dep_ == "advcl" else verb
        speaker = [t for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
    present = {i for p in participants for start, end in p.mentions for i in range(start, end)}
    return bool(speaker) and not any(t.i in present for t in speaker)


def _hosts(doc: Doc, person: Person) -> bool:
    for start, _end in person.mentions:
        sent = doc[start].sent
        if any(t.lemma_ == "host" and t.i > start for t in sent):
            return True
    return False


def find_date(doc: Doc, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    candidates = []
    sentences = [s for s in doc.sents if s.text.strip()]
    for index, sent in enumerate(sentences):
        if PAST_MARKERS.search(sent.text) and not _meeting_sentence(sent):
            continue
        lead = index < 3
        for pattern in EXPLICIT:
            for m in pattern.finditer(sent.text):
                later = _ahead(doc, sent.start_char + m.start())
                candidates.append(
                    (
                        _rank(sent, lead, 1) - 5 * later,
                        sent.start_char + m.start(),
                        m[0],
                        _explicit(m, published),
                    )
                )
        for m in RELATIVE_RE.finditer(sent.text):
            phrase = m[1] or m[2]
            before = sent.text[max(0, m.start() - 8) : m.start()].lower()
            if "since" in before or "until" in before:
                continue
            later = _ahead(doc, sent.start_char + m.start())
            candidates.append(
                (
                    _rank(sent, lead, 0) - 5 * later,
                    sent.start_char + m.start(),
                    phrase,
                    _relative(phrase, published, ahead=later),
                )
            )
    if not candidates:
        return None, None
    candidates.sort(key=lambda c: (-c[0], c[1]))
    _rank_, _pos, phrase, date = candidates[0]
    return date, phrase


def _ahead(doc: Doc, char: int) -> bool:
    """The date belongs to what will happen: "will meet on Friday", "is to visit on Monday"."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None:
        return False
    verb = next((t for t in [token.root, *token.root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    for word in [verb, *(verb.ancestors if verb is not None else [])][:3]:
        if word is None:
            break
        if any(c.dep_ == "aux" and c.lower_ in NOT_YET for c in word.children):
            return True
        if word.dep_ != "xcomp":
            break
    return False


def _rank(sent: Span, lead: bool, explicit: int) -> int:
    return 4 * _meeting_sentence(sent) + 2 * lead + explicit


def _explicit(m: re.Match, published: dt.date | None) -> dt.date | None:
    groups = [g for g in m.groups() if g]
    day = next((int(g) for g in groups if g.isdigit() and len(g) <= 2), None)
    month = next((MONTHS[g.lower()] for g in groups if g.lower() in MONTHS), None)
    year = next((int(g) for g in groups if g.isdigit() and len(g) == 4), None)
    if not year and published and day and month:
        # no year written: the nearest such day not after publication
        year = published.year - ((month, day) > (published.month, published.day))
    if not (day and month and year):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _relative(phrase: str, published: dt.date | None, *, ahead: bool = False) -> dt.date | None:
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


def make_title(participants: list[Person], location: str | None, date: dt.date | None, doc: Doc) -> str:
    return title_for([p.short for p in participants], location, date, doc.text)


def title_for(short_names: list[str], location: str | None, date: dt.date | None, text: str) -> str:
    """ "Putin–Erdogan talks in Sochi, 3 May 2017": who, a summit or talks, where and when."""
    names = short_names[:4]
    kind = "summit" if re.search(r"\bsummit\b", text, re.IGNORECASE) else "talks"
    title = "–".join(names) + f" {kind}" if names else kind.capitalize()
    if location:
        title += f" in {location}"
    if date:
        title += f", {date:%-d %B %Y}"
    return title[:1].upper() + title[1:]
