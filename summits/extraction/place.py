"""Where the meeting took place: every place named in the story is a candidate, scored by small
named rules; the best-scored one wins, unless a wire dateline's city scores better.

Each rule looks at one candidate and gives one of the weights below (or 0): a city after "in"
in a sentence about the meeting wins over a country, a capital standing for its government, a
place where someone else spoke and the place of the next meeting.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from . import geo, verbs
from .deps import ACL, ADVCL, ADVMOD, AGENT, DOBJ, POSS, PREP, SUBJECTS
from .nlp import entities
from .tense import about_meeting, about_past, ahead

if TYPE_CHECKING:
    from .people import Person

# --- weights ------------------------------------------------------------------------------
BONUS_DATELINE = 4.0  # "MOSCOW, June 13 (Reuters) -": the wire dateline's city
BONUS_DATELINE_HERE = 3  # ... and the story says the leaders met "here"
BONUS_MEETING_SENTENCE = 3
BONUS_AFTER_IN_OR_AT = 2
BONUS_VENUE = 1
BONUS_KNOWN_PLACE = 2
PENALTY_COUNTRY = -3
PENALTY_PAST = -2
PENALTY_NEXT_MEETING = -5
PENALTY_SPOKEN_ELSEWHERE = -6
PENALTY_CAPITAL_AS_GOVERNMENT = -4
PENALTY_UNKNOWN_REGION = -1
TIE_BREAK_PER_RANK = 0.01  # of two places scored alike, the one named first
NO_PLACE = -99.0  # the score to beat when there is no dateline

CITY, VENUE, REGION = "GPE", "FAC", "LOC"  # spaCy's entity labels
PLACE_LABELS = frozenset({CITY, REGION, VENUE})
CONTEXT_CHARS = 40  # how far before a place its preposition is looked for
PLACE_BEFORE = re.compile(
    r"(?:\bin|\bat|\bto|\bresort of|\bcity of|\btown of|\bcapital,?|\bcapital of|\bvillage of|\bisland of)\s*"
    r"(?:the\s+)?(?:\w+(?:'s|’s)\s+(?:capital\s+)?)?$",
    re.IGNORECASE,
)
CAPITAL_OF = re.compile(r"\bin the ([A-Z][a-z]+) capital\b")
ARTICLE_AND_POSSESSIVE = re.compile(r"^the\s+|['’]s$", re.IGNORECASE)
PLACE_PREPOSITIONS = frozenset({"in", "from"})  # "said in Moscow", "speaking from Brasilia"
GOVERNMENT_ROLES = SUBJECTS | {DOBJ, POSS}  # "Moscow said", "squeezed Moscow", "Moscow's war"
HERE = "here"


@dataclass(frozen=True)
class Candidate:
    """A place named in the story: its span, the name it is stored under and what precedes it."""

    span: Span
    name: str
    label: str
    before: str  # the text just before the place ("... met in the Black Sea resort of ")
    rank: int  # its order among the candidates


@dataclass(frozen=True)
class Scored:
    name: str
    score: float


@dataclass(frozen=True)
class Scene:
    """What the rules know besides the candidate: the token indices where participants are named."""

    present: frozenset[int]


Rule = Callable[[Candidate, Scene], float]


# --- rules: each gives its weight or 0 ----------------------------------------------------
def in_meeting_sentence(c: Candidate, scene: Scene) -> float:
    """ "Putin met Erdogan in Sochi.": the place is in a sentence about the meeting."""
    return BONUS_MEETING_SENTENCE if about_meeting(c.span.sent) else 0


def after_in_or_at(c: Candidate, scene: Scene) -> float:
    """ "... in the Black Sea resort of Sochi": the place follows "in", "at", "city of"."""
    return BONUS_AFTER_IN_OR_AT if PLACE_BEFORE.search(c.before) else 0


def country_not_city(c: Candidate, scene: Scene) -> float:
    """ "Putin arrived in Turkey for talks in Sochi.": a country is less precise than a city."""
    return PENALTY_COUNTRY if geo.is_country(c.name) else 0


def venue(c: Candidate, scene: Scene) -> float:
    """ "They met at the Kremlin Palace.": a building, hall or resort named as such."""
    return BONUS_VENUE if c.label == VENUE and not geo.is_country(c.name) else 0


def known_place(c: Candidate, scene: Scene) -> float:
    """ "They met in Sochi.": a city or region the gazetteer knows."""
    if c.label == VENUE or geo.is_country(c.name):
        return 0
    return BONUS_KNOWN_PLACE if geo.place_country(c.name) else 0


def past_event(c: Candidate, scene: Scene) -> float:
    """ "They last met in Helsinki in 2018.": the place of an earlier meeting."""
    return PENALTY_PAST if about_past(c.span.sent) else 0


def next_meeting(c: Candidate, scene: Scene) -> float:
    """ "Erdogan will meet Macron in Paris on Friday.": the next meeting, not this one."""
    return PENALTY_NEXT_MEETING if ahead(c.span.doc, c.span.start_char) else 0


def spoken_elsewhere(c: Candidate, scene: Scene) -> float:
    """ "Lavrov said in Moscow", "speaking in Brasilia": where someone who did not take part spoke."""
    verb = _speech_verb_of(c.span)
    if verb is None:
        return 0
    speaker = _speaker_tokens(verb)
    return PENALTY_SPOKEN_ELSEWHERE if speaker and not any(t.i in scene.present for t in speaker) else 0


def capital_as_government(c: Candidate, scene: Scene) -> float:
    """ "Kyiv is squeezed by Moscow", "Moscow's war": a capital standing for its state."""
    root = c.span.root
    return PENALTY_CAPITAL_AS_GOVERNMENT if root.dep_ in GOVERNMENT_ROLES or root.head.dep_ == AGENT else 0


def unknown_region(c: Candidate, scene: Scene) -> float:
    """ "They met in the Middle East.": a region the gazetteer cannot place in a country."""
    return PENALTY_UNKNOWN_REGION if c.label == REGION and not geo.place_country(c.name) else 0


PLACE_RULES: tuple[Rule, ...] = (
    in_meeting_sentence,
    after_in_or_at,
    country_not_city,
    venue,
    known_place,
    past_event,
    next_meeting,
    spoken_elsewhere,
    capital_as_government,
    unknown_region,
)


def _speech_verb_of(place: Span) -> Token | None:
    """ "said in Moscow": the verb of saying or speaking the place is "in" or "from" of."""
    prep = place.root.head
    verb = prep.head
    lemma = verb.lemma_
    if prep.dep_ != PREP or prep.lower_ not in PLACE_PREPOSITIONS:
        return None
    return verb if verbs.plays(lemma, verbs.QUOTES) or verbs.plays(lemma, verbs.SPEAKS) else None


def _speaker_tokens(verb: Token) -> list[Token]:
    """ "Lavrov, speaking in Moscow, ...": the speaker's words; "Lavrov said in Moscow": the subject's."""
    if verb.dep_ == ACL:
        return list(verb.head.subtree)
    clause = verb.head if verb.dep_ == ADVCL else verb
    return [t for c in clause.children if c.dep_ in SUBJECTS for t in c.subtree]


# --- candidates -----------------------------------------------------------------------------
def _named_places(doc: Doc) -> Iterator[tuple[Span, str, str]]:
    """ "They met in Sochi.": the places spaCy names (cities, regions, venues)."""
    for ent in entities(doc):
        if ent.label_ in PLACE_LABELS:
            yield ent, ent.text, ent.label_


def _capitals_by_demonym(doc: Doc) -> Iterator[tuple[Span, str, str]]:
    """ "They met in the Belgian capital.": that state's capital (Brussels)."""
    for m in CAPITAL_OF.finditer(doc.text):
        code = geo.demonym_country(m[1])
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if code and geo.capital_name(code) and span is not None:
            yield span, geo.capital_name(code), CITY


def candidates(doc: Doc, in_quote: Callable[[Token], bool]) -> list[Candidate]:
    """Every place named outside quotations, in text order."""
    places = [*_named_places(doc), *_capitals_by_demonym(doc)]
    places = sorted((p for p in places if not in_quote(p[0][0])), key=lambda p: p[0].start_char)
    return [
        _candidate(doc.text, span, written, label, rank) for rank, (span, written, label) in enumerate(places)
    ]


def _candidate(text: str, span: Span, written: str, label: str, rank: int) -> Candidate:
    name = ARTICLE_AND_POSSESSIVE.sub("", written).strip()
    before = text[
        max(0, span.start_char - CONTEXT_CHARS) : span.start_char if written == span.text else span.end_char
    ]
    return Candidate(span, name, label, before, rank)


def score(c: Candidate, scene: Scene, rules: Iterable[Rule] = PLACE_RULES) -> Scored:
    return Scored(c.name, sum(rule(c, scene) for rule in rules) - c.rank * TIE_BREAK_PER_RANK)


# --- the place ------------------------------------------------------------------------------
def find_place(
    doc: Doc,
    participants: Sequence[Person],
    in_quote: Callable[[Token], bool],
    *,
    dateline: tuple[str | None, str | None] = (None, None),
) -> tuple[str | None, str | None]:
    """The best-placed place name and its country: in a meeting sentence, after "in"/"at", a
    city before a venue and a venue before a country; a wire dateline's city when the story
    says "here"."""
    city, _country_written = dateline
    scene = Scene(frozenset(i for p in participants for start, end in p.mentions for i in range(start, end)))
    best = _dateline_place(doc, city, in_quote)
    for scored in (score(c, scene) for c in candidates(doc, in_quote)):
        if scored.score > (best.score if best else NO_PLACE):
            best = scored
    if best is None:
        return None, None
    return best.name, _country(doc, best.name, dateline, participants)


def _dateline_place(doc: Doc, city: str | None, in_quote: Callable[[Token], bool]) -> Scored | None:
    """ "MOSCOW, June 13 (Reuters) - Putin met Erdogan here": the dateline's city, more so with "here"."""
    if not city:
        return None
    here = any(
        t.lower_ == HERE and t.dep_ == ADVMOD and not in_quote(t) and about_meeting(t.sent) for t in doc
    )
    return Scored(city, BONUS_DATELINE + BONUS_DATELINE_HERE * here)


def _country(
    doc: Doc, place: str, dateline: tuple[str | None, str | None], participants: Sequence[Person]
) -> str | None:
    """The place's country; the dateline's country for its city; else the host's country."""
    city, dateline_country = dateline
    country = geo.place_country(place)
    if place == city and dateline_country:
        country = geo.country_code(dateline_country) or country
    if country is None:
        hosts = [p for p in participants if p.country and _hosts(doc, p)]
        country = hosts[0].country if hosts else None
    return country


def _hosts(doc: Doc, person: Person) -> bool:
    """ "Erdogan hosted Putin in his palace.": the person hosts the meeting."""
    for start, _end in person.mentions:
        if any(verbs.plays(t.lemma_, verbs.HOSTS) and t.i > start for t in doc[start].sent):
            return True
    return False
