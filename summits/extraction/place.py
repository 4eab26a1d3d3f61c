"""Where the meeting took place: every place named in the story is a candidate, scored by small
named rules; the best-scored one wins, unless a wire dateline's city scores better.

Each rule looks at one candidate and gives one of the weights below (or 0): a place attached to
the meeting's verb or noun ("met in Sochi", "talks at his office in Putrajaya", "visited Japan")
wins over one merely in the same sentence, a city wins over a country, and a capital standing
for its government ("the thaw between Santiago and La Paz", "Moscow said"), a place where
someone else spoke, a place modifying a noun ("the Singapore-Malaysia border") and a place of
another occasion (occasion.why_not: an earlier meeting, the next one) lose. Continents and world
regions are never candidates. A landmark (venues.py) is written with its city ("White House,
Washington") and gives its country; a "City, Country" written in the text gives the country
before the gazetteer's guess.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc, Span, Token

from . import geo, occasion, verbs
from .date import PRESS_TIME, photo_caption
from .deps import (
    ACL,
    ADVCL,
    ADVMOD,
    AGENT,
    AMOD,
    APPOS,
    AUX,
    CCOMP,
    COMPOUND,
    CONJ,
    DOBJ,
    NMOD,
    PCOMP,
    POSS,
    PREP,
    PREP_OBJECTS,
    RELCL,
    SUBJECTS,
    XCOMP,
)
from .lexicon import (
    EARLIER_ADJECTIVES,
    MEETING_NOUNS,
    MEETING_PEOPLE,
    MEETING_WORDS,
    PERSON_NOUNS,
    VISIT_NOUNS,
)
from .nlp import entities
from .tense import about_meeting

if TYPE_CHECKING:
    from .people import Person

# --- weights ------------------------------------------------------------------------------
BONUS_DATELINE = 3.0  # "MOSCOW, June 13 (Reuters) -": the wire dateline's city (where it was filed)
BONUS_DATELINE_HERE = 4  # ... and the story says the leaders met "here"
BONUS_MEETING_SENTENCE = 2
BONUS_ATTACHED = 4  # "met in Sochi", "talks at his office in Putrajaya", "visited Japan"
BONUS_AFTER_IN_OR_AT = 2
BONUS_PARTICIPANTS_THERE = 2  # "Torres and Vega stood side by side in Geneva"
BONUS_VENUE = 1
BONUS_KNOWN_PLACE = 2
PENALTY_COUNTRY = -3
PENALTY_MODIFIER = -3  # "the Singapore-Malaysia border", "the Mumbai bombings"
PENALTY_SPOKEN_ELSEWHERE = -6
PENALTY_CAPITAL_AS_GOVERNMENT = -4
PENALTY_HEDGED = -5  # "possibly in Amman"
PENALTY_UNKNOWN_PLACE = -2  # "the Middle East", a name spaCy took for a place that no data knows
PENALTY_LATER_STOP = -5  # "I will visit Nauru, Fiji and Vanuatu": a stop of the tour after its first
# a place in a clause about another occasion (occasion.why_not's reasons)
OCCASION_PENALTIES = {
    "earlier": -5,  # "They last met in Helsinki in 2018."
    "ahead": -5,  # "Erdogan will meet Macron in Paris." (a planned visit alone still gives its place)
    "separate": -5,  # "He then travels on to Oslo."
    "elsewhere": -6,  # "She told a rally in Lyon."
    "negated": -3,  # "They did not meet in Geneva."
    "condition": -3,  # "If they meet in Vienna, ..."
    "directive": -3,  # "Rome urged them to meet in Bari."
}
AHEAD = "ahead"  # occasion.why_not's reason for what is still to come
# the occasions of a clause that can give the venue: this meeting, or the planned visit the
# story is about ("is scheduled to visit Peru"); the visited country of a story with no place
# takes either, a place merely in a sentence about the meeting too
VISITED_NOW: frozenset[str | None] = frozenset({None})
VISITED_ANY_TIME: frozenset[str | None] = frozenset({None, AHEAD})
TIE_BREAK_PER_RANK = 0.01  # of two places scored alike, the one named first
NO_PLACE = -99.0  # the score to beat when there is no dateline
HOPS_TO_MEETING = 4  # "met at his office in the capital of X": prepositions climbed to the meeting word

CITY, VENUE, REGION = "GPE", "FAC", "LOC"  # spaCy's entity labels
PLACE_LABELS = frozenset({CITY, REGION, VENUE})
CONTEXT_CHARS = 40  # how far before a place its preposition is looked for
PLACE_BEFORE = re.compile(
    r"(?:\bin|\bat|\bto|\bsidelines of|\bresort of|\bcity of|\btown of|\bcapital,?|\bcapital of|"
    r"\bvillage of|\bisland of)\s*"
    r"(?:the\s+)?(?:\w+(?:'s|’s)\s+(?:capital\s+)?)?$",
    re.IGNORECASE,
)
CAPITAL_OF = re.compile(r"\bin the ([A-Z][a-z]+) capital\b")
ARTICLE_AND_POSSESSIVE = re.compile(r"^the\s+|['’]s$", re.IGNORECASE)
PLACE_PREPOSITIONS = frozenset({"in", "from", "at"})  # "said in Moscow", "told a briefing at the palace"
GOVERNMENT_ROLES = SUBJECTS | {DOBJ, POSS}  # "Moscow said", "squeezed Moscow", "Moscow's war"
MODIFIER_ROLES = frozenset({COMPOUND, AMOD, NMOD})  # "the [Singapore]-Malaysia border"
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
BETWEEN = "between"  # "the thaw between Santiago and La Paz": the two governments
PURPOSE = "purpose"  # occasion.why_not's reason for a to-clause of purpose
IN = "in"
DESTINATIONS = frozenset({"to", "for"})  # "flew to Lima", "left for Tokyo"
SITE_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "near"})  # "at [his office]", "in [a hotel]"
GAZETTEER_PREPOSITIONS = frozenset({"in", "at", "to"})  # "met in Davao" when spaCy names no place
PROPER = "PROPN"
OF = "of"
# the prepositions a place hangs on its meeting by: "talks at his office in the capital of X"
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "of", "to", "near", "outside", "inside", "on", "from"})
NAME = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*"  # "Sochi", "Buenos Aires", "Carmichael"
SIDELINES_OF = re.compile(rf"\bsidelines of (?:the )?({NAME})")  # "on the sidelines of the Munich ..."
# "Sochi, Russia", "Carmichael, California", "Sochi in southwest Russia": a place and its state
PLACE_AND_STATE = re.compile(
    rf"\b({NAME}),\s+(?:the\s+)?({NAME})|\b({NAME})\s+in\s+(?:(?:north|south|east|west|central)\w*\s+)?({NAME})"
)
# "the Indonesian resort island of Bali", "Saudi Arabia's Red Sea city of Jeddah": the state
# written before a place, by its name or its demonym
STATE_BEFORE = re.compile(
    rf"(?:\b(?:the|The) )?\b([A-Z][\w]+(?: [A-Z][\w]+)?)(?:['’]s)? (?:[\w-]+ ){{0,3}}?"
    rf"(?:city|town|island|resort|port|capital|village|province|region|enclave) of ({NAME})"
)
# "Sochi[ in southwest Russia]", "Davao[, Philippines]": the state written after a place
STATE_AFTER = re.compile(
    rf"^(?:,\s+(?:the\s+)?|\s+in\s+(?:(?:north|south|east|west|central)\w*\s+)?)({NAME})"
)
# "the Marco Polo Hotel in Davao", "the Kremlin, Moscow": the city a venue stands in
CITY_AFTER_VENUE = re.compile(rf"^(?:,\s*|\s+in\s+)(?:the\s+)?({NAME})")
HERE = "here"
WHERE = "where"  # "flew to Seoul, where she met Lee"
# "possibly in Amman", "perhaps at Camp David": a place guessed at
HEDGED = re.compile(r"\b(?:possibly|perhaps|maybe|probably)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# occasion.why_not's reasons for a clause that tells of another meeting or event: never the venue
NOT_THIS_MEETING = frozenset({"earlier", "separate", "elsewhere"})
NOUN = "NOUN"
AFTER = "after"  # "arrived in Vientiane [after] attending the summit in Hangzhou"
BEFORE = "before"  # "met Biden, days [before] his visit to Vietnam"
PURPOSE_CLAUSES = frozenset({ADVCL, XCOMP})  # "were at the White House [to sign]"
TO = "TO"  # the tag of the infinitive's "to"
PERSON = "PERSON"  # spaCy's label for a person's name
# "met virtually", "held a video call", "spoke by phone": a meeting held at a distance has no venue
REMOTE_WORDS = frozenset(
    {"virtually", "virtual", "video", "videoconference", "video-conference", "videolink"}
    | {"teleconference", "phone", "telephone", "phoned", "telephoned"}
)
# "held a productive call with Vega": a call with someone is made at a distance (a "courtesy
# call on" the premier is a visit)
CALL = "call"
NOUN_CLAUSES = frozenset(
    {RELCL, ACL}
)  # "the meeting, [which was held by video]", "the talks [held by phone]"
WITH = "with"
POSTS = frozenset({"to", "of"})  # "his envoy to China", "the ambassador of Peru": a person's post


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
    candidate: Candidate | None = None  # None for the dateline's city


@dataclass(frozen=True)
class Scene:
    """What the rules know besides the candidate: the token indices where participants are named."""

    present: frozenset[int]
    later_stops: frozenset[str] = frozenset()  # the names of a tour's stops after its first


Rule = Callable[[Candidate, Scene], float]


# --- rules: each gives its weight or 0 ----------------------------------------------------
def in_meeting_sentence(c: Candidate, scene: Scene) -> float:
    """ "Putin met Erdogan in Sochi.": the place is in a sentence about the meeting."""
    return BONUS_MEETING_SENTENCE if about_meeting(c.span.sent) else 0


def attached_to_meeting(c: Candidate, scene: Scene) -> float:
    """ "The call took place at his office in Putrajaya.": the place belongs to the meeting's
    verb or noun, not merely to its sentence."""
    return BONUS_ATTACHED if meeting_word_of(c.span.root) is not None else 0


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
    """ "They met in Sochi.", "They met at Camp David.": a city, region or landmark the data knows."""
    if geo.landmark(c.name):
        return BONUS_KNOWN_PLACE
    if c.label == VENUE or geo.is_country(c.name):
        return 0
    return BONUS_KNOWN_PLACE if geo.place_country(c.name) else 0


def another_occasion(c: Candidate, scene: Scene) -> float:
    """ "They last met in Helsinki in 2018.", "Li will meet Macron in Paris on Friday.": the place
    of an earlier or a later meeting, or of something that did not happen. What is still ahead
    at the time of writing is the meeting itself ("As the paper went to press, the leaders
    were to meet in Moscow")."""
    where = _where_met(c.span.root)  # "flew to Seoul, where she will meet Lee"
    reason = occasion.why_not(c.span.root) or (occasion.why_not(where) if where is not None else None)
    reason = reason or (AHEAD if _planned(c.span.root) else "")
    if reason == AHEAD and PRESS_TIME.search(c.span.sent.text):
        return 0
    return OCCASION_PENALTIES.get(reason, 0)


def _planned(place: Token) -> bool:
    """ "The two plan to meet Lee in Paris" read with "plan" as a noun: the to-clause of a noun
    of anticipation ("plan", "hope") is still ahead."""
    verb = occasion.clause_verb(place)
    if verb is None or verb.dep_ != ACL or verb.head.pos_ not in NOUN_TAGS:
        return False
    to = any(a.dep_ == AUX and a.tag_ == TO for a in verb.children)
    return to and verbs.plays(verb.head.lemma_, verbs.ANTICIPATES)


def participants_there(c: Candidate, scene: Scene) -> float:
    """ "Torres and Vega stood side by side in Geneva.": a place after "in" or "at" in a clause
    whose subject names those who took part."""
    verb = occasion.clause_verb(c.span.root)
    if verb is None or not PLACE_BEFORE.search(c.before):
        return 0
    subject = [t for s in verb.children if s.dep_ in SUBJECTS for t in s.subtree]
    return BONUS_PARTICIPANTS_THERE if any(t.i in scene.present for t in subject) else 0


def spoken_elsewhere(c: Candidate, scene: Scene) -> float:
    """ "Lavrov said in Moscow", "speaking in Brasilia": where someone who did not take part spoke."""
    verb = _speech_verb_of(c.span)
    if verb is None:
        return 0
    speaker = _speaker_tokens(verb)
    return PENALTY_SPOKEN_ELSEWHERE if speaker and not any(t.i in scene.present for t in speaker) else 0


def earlier_stop(c: Candidate, scene: Scene) -> float:
    """ "Obama arrived in Vientiane after attending the G20 summit in Hangzhou.": a meeting told
    of in a clause under "after" is an earlier stop of the journey, not this meeting; unless it
    names someone who took part ("After meeting Widodo in Jakarta, he flew to Manila": the
    meeting the story reports)."""
    word = meeting_word_of(c.span.root)
    if word is None:
        return 0
    verb = occasion.clause_verb(word)
    after = verb is not None and verb.dep_ == PCOMP and verb.head.lower_ == AFTER
    # "After talks in Tokyo, she flew to Seoul": the meeting noun is the object of "after"
    after_noun = word.pos_ in NOUN_TAGS and word.dep_ in PREP_OBJECTS and word.head.lower_ == AFTER
    clause = verb if after else word if after_noun else None
    if clause is None or any(t.i in scene.present for t in clause.subtree):
        return 0
    return OCCASION_PENALTIES["earlier"]


def visit_still_ahead(c: Candidate, scene: Scene) -> float:
    """ "Kishida met Biden on Monday, days before his visit to Vietnam", "ahead of her trip to
    Peru": a meeting noun under "before" or "ahead of" is a later occasion, not this meeting."""
    word = meeting_word_of(c.span.root)
    if word is None or word.pos_ not in NOUN_TAGS or word.dep_ not in PREP_OBJECTS:
        return 0
    prep = word.head
    later = prep.lower_ == BEFORE or (prep.lower_ == OF and prep.head.lower_ == AHEAD)
    return OCCASION_PENALTIES[AHEAD] if later else 0


def earlier_visit(c: Candidate, scene: Scene) -> float:
    """ "On a recent trip to Iowa, Vega said ...": a place of a visit or meeting the noun's own
    adjective puts before the one reported."""
    word = meeting_word_of(c.span.root)
    earlier = word is not None and word.pos_ in NOUN_TAGS and _earlier_noun(word)
    return OCCASION_PENALTIES["earlier"] if earlier else 0


def _earlier_noun(word: Token) -> bool:
    return any(a.dep_ == AMOD and a.lower_ in EARLIER_ADJECTIVES for a in word.children)


def hedged(c: Candidate, scene: Scene) -> float:
    """ "A three-way summit could follow, possibly in Amman.": a place only guessed at."""
    return PENALTY_HEDGED if HEDGED.search(c.before) else 0


def capital_as_government(c: Candidate, scene: Scene) -> float:
    """ "Kyiv is squeezed by Moscow", "Moscow's war": a capital standing for its state; not the
    object of a meeting verb ("Duterte will visit Japan")."""
    root = c.span.root
    if root.dep_ == DOBJ and _is_meeting_word(root.head):
        return 0
    return PENALTY_CAPITAL_AS_GOVERNMENT if root.dep_ in GOVERNMENT_ROLES or root.head.dep_ == AGENT else 0


def later_stop(c: Candidate, scene: Scene) -> float:
    """ "I will visit Nauru, Fiji, Vanuatu and New Zealand. ... My visit to Fiji will be the
    first ...": a tour's stop after the first, in a sentence that names no one who took part."""
    if c.name not in scene.later_stops:
        return 0
    sent = c.span.sent
    return 0 if any(i in scene.present for i in range(sent.start, sent.end)) else PENALTY_LATER_STOP


def between_governments(c: Candidate, scene: Scene) -> float:
    """ "The thaw between Santiago and La Paz continued.": two capitals standing for their states."""
    word = c.span.root
    while word.dep_ == CONJ and word.head != word:
        word = word.head
    between = word.dep_ in PREP_OBJECTS and word.head.lower_ == BETWEEN
    return PENALTY_CAPITAL_AS_GOVERNMENT if between else 0


def modifier_of_noun(c: Candidate, scene: Scene) -> float:
    """ "They discussed the Singapore-Malaysia border.": a place describing another noun, not
    where anything happened (unless the noun is the meeting: "the Sochi talks")."""
    root = c.span.root
    head = root.head
    if (
        root.dep_ not in MODIFIER_ROLES
        or head.pos_ not in NOUN_TAGS
        or head.i in range(c.span.start, c.span.end)
    ):
        return 0
    return 0 if _is_meeting_word(head) else PENALTY_MODIFIER


def unknown_place(c: Candidate, scene: Scene) -> float:
    """ "They met in the Middle East.", "They met Deskovic.": a region or a city that no gazetteer
    or landmark table can place in a country (often a name spaCy took for a place)."""
    return 0 if _known(c) else PENALTY_UNKNOWN_PLACE


PLACE_RULES: tuple[Rule, ...] = (
    in_meeting_sentence,
    attached_to_meeting,
    participants_there,
    after_in_or_at,
    country_not_city,
    venue,
    known_place,
    another_occasion,
    spoken_elsewhere,
    earlier_stop,
    visit_still_ahead,
    earlier_visit,
    hedged,
    capital_as_government,
    between_governments,
    modifier_of_noun,
    unknown_place,
    later_stop,
)


# --- the meeting word a place belongs to --------------------------------------------------
def _is_meeting_word(word: Token) -> bool:
    """ "met", "visited", "talks", "summit", "held talks": a word that names the meeting."""
    lemma = word.lemma_.lower()
    if verbs.plays(lemma, verbs.MEETS):
        return not _message(word)
    if word.pos_ in NOUN_TAGS:
        return _names_meeting(word)
    # "held talks", "paid a visit", "the meeting was held", "the round of talks ended"
    return any(
        _names_meeting(c) or _round_of_meeting(c) for c in word.children if c.dep_ in (DOBJ, *SUBJECTS)
    ) or _there_to_meet(word)


def _there_to_meet(word: Token) -> bool:
    """ "They were at the White House to sign the accord.", "She flew to Lima to meet Vega.": a
    verb whose to-clause of purpose is the meeting or the signing."""
    return any(
        c.dep_ in PURPOSE_CLAUSES
        and any(a.dep_ == AUX and a.tag_ == TO for a in c.children)
        and (verbs.plays(c.lemma_, verbs.MEETS) or verbs.plays(c.lemma_, verbs.AGREES))
        for c in word.children
    )


def _names_meeting(word: Token) -> bool:
    """ "talks", "meeting", "visit", "call", "a tour of ...": a noun of meeting or visiting."""
    lemma = word.lemma_.lower()
    return word.lower_ in MEETING_WORDS or lemma in MEETING_NOUNS or lemma in VISIT_NOUNS


def _round_of_meeting(word: Token) -> bool:
    """ "the latest round of talks": a noun whose "of" names a meeting."""
    return any(
        p.lower_ == OF and any(_names_meeting(o) for o in p.children if o.dep_ in PREP_OBJECTS)
        for p in word.children
        if p.dep_ == PREP
    )


def meeting_word_of(place: Token) -> Token | None:
    """ "met in Sochi" -> "met"; "visited Japan" -> "visited"; "the Sochi talks" -> "talks";
    "a call on the premier at his office in Putrajaya" -> "call": the meeting verb or noun the
    place is attached to, through prepositions and the nouns they hang on."""
    where = _where_met(place)
    if where is not None:
        return where
    word = place
    for hop in range(HOPS_TO_MEETING):
        governor = _governor(word)
        if governor is None or (hop and word.dep_ == DOBJ):  # only the place itself is "visited"
            return None
        if _qualifies_person(word, governor) or _post_of_person(word):  # "my New Zealand counterpart"
            return None
        if _is_meeting_word(governor):
            return governor
        if governor.pos_ not in NOUN_TAGS:
            return None
        word = governor
    return None


def _where_met(place: Token) -> Token | None:
    """ "She flew to Seoul, where she met Lee.": the meeting verb of a relative clause on the place
    introduced by "where"."""
    for clause in place.children:
        where = any(c.dep_ == ADVMOD and c.lower_ == WHERE for c in clause.children)
        if clause.dep_ == RELCL and where and _is_meeting_word(clause):
            return clause
    return None


def _qualifies_person(word: Token, governor: Token) -> bool:
    """ "talks with my New Zealand counterpart", "the Chinese delegation": a place qualifying a
    meeting word that names people is their state, not where they met."""
    return word.dep_ in (*MODIFIER_ROLES, POSS) and governor.lower_ in MEETING_PEOPLE


def _post_of_person(word: Token) -> bool:
    """ "met his special envoy to China", "met the ambassador of Peru": a place after "to" or "of"
    on a noun for a person is that person's post, not where they met."""
    prep = word.head
    if word.dep_ not in PREP_OBJECTS or prep.lower_ not in POSTS or prep.i == 0:
        return False
    # the parser may hang "to China" on the verb ("met [his envoy] [to China]"): the word before
    # the preposition is the noun it follows
    nouns = (prep.head, prep.doc[prep.i - 1])
    return any(n.lemma_.lower() in PERSON_NOUNS and n.pos_ in NOUN_TAGS for n in nouns)


def _governor(word: Token) -> Token | None:
    """ "in Sochi" -> the word "in" hangs on; "visited Japan" -> "visited"; "Sochi talks" -> "talks";
    "the resort, Sochi" -> "resort"."""
    head = word.head
    if head == word:
        return None
    if word.dep_ in PREP_OBJECTS and head.dep_ == PREP and head.head != head:
        if head.lower_ == OF and head.head.ent_type_ == PERSON:  # "Prime Minister Kishida of Japan"
            return None
        return head.head if head.lower_ in LOCATIVE_PREPOSITIONS else None
    if word.dep_ in (DOBJ, COMPOUND, APPOS, CONJ):
        return head
    return None


def _speech_verb_of(place: Span) -> Token | None:
    """ "said in Moscow", "told a news conference at the palace": the verb of saying or speaking
    the place is "in", "at" or "from" of, directly or through the nouns it hangs on."""
    word: Token | None = place.root
    # "at the [Malacanang] presidential palace", "in the Afghan capital [Kabul]"
    while word is not None and word.dep_ in (*MODIFIER_ROLES, APPOS):
        word = word.head
    prep = word.head if word is not None else None
    if prep is None or prep.dep_ != PREP or prep.lower_ not in PLACE_PREPOSITIONS:
        return None
    for _hop in range(HOPS_TO_MEETING):
        word = _governor(word) if word is not None else None
        if word is None or word.pos_ not in NOUN_TAGS:
            break
    if word is None:
        return None
    if _speaks(word) or _participle_of_speech(word):
        return word
    return None


def _speaks(word: Token) -> bool:
    return verbs.plays(word.lemma_, verbs.QUOTES) or verbs.plays(word.lemma_, verbs.SPEAKS)


def _participle_of_speech(word: Token) -> bool:
    """ "Watching on television in Kabul, teacher Ana Ruiz said ...": a participle clause with no
    subject of its own, not of meeting, on a verb of saying: where the speaker was."""
    return (
        word.dep_ == ADVCL
        and _speaks(word.head)
        and not any(c.dep_ in SUBJECTS for c in word.children)
        and not _is_meeting_word(word)
    )


def _speaker_tokens(verb: Token) -> list[Token]:
    """ "Lavrov, speaking in Moscow, ...": the speaker's words; "Lavrov said in Moscow": the subject's."""
    if verb.dep_ == ACL:
        return list(verb.head.subtree)
    clause = verb.head if verb.dep_ == ADVCL else verb
    return [t for c in clause.children if c.dep_ in SUBJECTS for t in c.subtree]


# --- candidates -----------------------------------------------------------------------------
Found = tuple[Span, str, str]  # the span, the name as written (or meant), the label


def _landmarks(doc: Doc) -> Iterator[Found]:
    """ "They met at Camp David.": a landmark of the data table, whatever spaCy calls it."""
    taken: set[int] = set()
    found = [(m.start(1), m.group(1)) for m in geo.landmark_pattern().finditer(doc.text)]
    for start, name in sorted(found, key=lambda f: -len(f[1])):  # the longest name first, as written
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            yield span, name, VENUE


def _generic_seats(doc: Doc, taken: set[int]) -> Iterator[Found]:
    """ "They met at the presidential palace.", "talks at Parliament House": a seat of government
    named by what it is (venues.GENERIC_SEATS), whatever spaCy calls it."""
    for m in geo.generic_seat_pattern().finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            yield span, m.group(1), VENUE


def _named_places(doc: Doc, taken: set[int]) -> Iterator[Found]:
    """ "They met in Sochi.": the places spaCy names (cities, regions, venues), never a continent."""
    for ent in entities(doc):
        place = ent.label_ in PLACE_LABELS and not geo.is_world_region(ent.text)
        if place and not taken.intersection(range(ent.start, ent.end)):
            yield ent, ent.text, ent.label_


def _gazetteer_places(doc: Doc, taken: set[int]) -> Iterator[Found]:
    """ "Lukashenko visited Sochi.", "They met in Davao.": a proper noun after "in"/"at"/"to" or
    the object of a meeting verb that the gazetteer knows, where spaCy named no place."""
    for token in doc:
        if token.pos_ != PROPER or token.i in taken or token.dep_ not in (*PREP_OBJECTS, DOBJ):
            continue
        if not _where_a_place_goes(token):
            continue
        if token.ent_type_ and not _placed_in_its_state(token):  # the costly test last
            continue
        start = min([token.i, *(c.i for c in token.children if c.dep_ == COMPOUND and c.pos_ == PROPER)])
        span = doc[start : token.i + 1]
        if geo.place_country(span.text) and not geo.is_world_region(span.text):
            yield span, span.text, CITY


def _where_a_place_goes(token: Token) -> bool:
    """ "in Davao", "at Davao", "to Davao", "left for Davao", "visited Davao"."""
    head = token.head
    if head.lower_ in GAZETTEER_PREPOSITIONS:
        return True
    if head.lower_ in DESTINATIONS and verbs.plays(head.head.lemma_, verbs.TRAVELS):  # "left for"
        return True
    return token.dep_ == DOBJ and _is_meeting_word(head)


def _placed_in_its_state(token: Token) -> bool:
    """ "visited Sochi in southwest Russia", "met in Davao, Philippines": a name spaCy took for a
    person or an organisation, written with the state the gazetteer puts that place in."""
    after = STATE_AFTER.match(token.doc.text[token.idx + len(token) : token.idx + len(token) + CONTEXT_CHARS])
    code = geo.place_country(token.text)
    return bool(after and code and geo.region_country(after[1]) == code)


def _event_places(doc: Doc, taken: set[int]) -> Iterator[Found]:
    """ "They met on the sidelines of the Munich Security Conference.": the place an event on whose
    sidelines they met is named after, where spaCy took the whole name for the event."""
    for m in SIDELINES_OF.finditer(doc.text):
        for words in (2, 1):
            name = " ".join(m[1].split()[:words])
            start = m.start(1)
            span = doc.char_span(start, start + len(name), alignment_mode="expand")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            if geo.place_country(name) and not geo.is_world_region(name):
                yield span, name, CITY
                break


def _capitals_by_demonym(doc: Doc) -> Iterator[Found]:
    """ "They met in the Belgian capital.": that state's capital (Brussels)."""
    for m in CAPITAL_OF.finditer(doc.text):
        code = geo.demonym_country(m[1])
        span = doc.char_span(m.start(1), m.end(), alignment_mode="expand")  # "[Afghan capital]"
        if code and geo.capital_name(code) and span is not None:
            yield span, geo.capital_name(code), CITY


def candidates(doc: Doc, in_quote: Callable[[Token], bool]) -> list[Candidate]:
    """Every place named outside quotations and photo captions, in text order."""
    places = list(_landmarks(doc))
    taken = {i for span, _name, _label in places for i in range(span.start, span.end)}
    places += _generic_seats(doc, taken)
    places += _named_places(doc, taken)
    taken |= {i for span, _name, _label in places for i in range(span.start, span.end)}
    places += [*_gazetteer_places(doc, taken), *_event_places(doc, taken), *_capitals_by_demonym(doc)]
    places = sorted(
        (p for p in places if not in_quote(p[0][0]) and not photo_caption(p[0].sent)),
        key=lambda p: p[0].start_char,
    )
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
    return Scored(c.name, sum(rule(c, scene) for rule in rules) - c.rank * TIE_BREAK_PER_RANK, c)


# --- the place ------------------------------------------------------------------------------
class Place(NamedTuple):
    """Where the meeting was: the place as written with its city ("Elysee Palace, Paris"), its
    country, and the landmark or building in it when there is one ("Elysee Palace")."""

    name: str | None
    country: str | None
    venue: str | None = None


def find_place(
    doc: Doc,
    participants: Sequence[Person],
    in_quote: Callable[[Token], bool],
    *,
    dateline: tuple[str | None, str | None] = (None, None),
) -> Place:
    """The best-placed place name and its country: attached to the meeting, after "in"/"at", a
    city before a venue and a venue before a country; a wire dateline's city when the story
    says "here". A landmark or a venue is written with its city ("White House, Washington").
    Only a place tied to the meeting (``tied_to_meeting``) can be the venue: a story that names
    none gives no place, and at most the country the meeting's verb names ("will visit Peru")."""
    if held_at_a_distance(doc, in_quote):
        return Place(None, None)
    found = candidates(doc, in_quote)
    present = frozenset(i for p in participants for start, end in p.mentions for i in range(start, end))
    scene = Scene(present, tour_later_stops(found))
    best = _best_place(doc, found, scene, dateline, in_quote)
    if best is None:
        return Place(None, _visited_country(found, scene, allowed=VISITED_ANY_TIME))
    if best.candidate is not None and geo.is_country(best.name):
        return Place(*_country_venue(best.name, dateline, _city_of_visit(found, scene, best.name)))
    name, venue_country, venue = _with_city(doc, best)
    if venue_country is None and best.candidate is not None and geo.generic_seat(best.name):
        return _seat_in_capital(best.name, _story_country(doc, found, scene, dateline, participants))
    country = venue_country or _country(doc, best.name, dateline, participants)
    return Place(name, country or _visited_country(found, scene), venue)


def _seat_in_capital(seat: str, code: str | None) -> Place:
    """ "met Karzai at the presidential palace" in a story set in Afghanistan -> ("Presidential
    Palace, Kabul", "AF"): a generic seat of government stands in its country's capital."""
    capital = geo.capital_name(code) if code else None
    name = seat if seat[:1].isupper() else string.capwords(seat)  # "presidential palace" as a name
    return Place(f"{name}, {capital}", code, name) if capital else Place(name, code)


def _story_country(
    doc: Doc,
    found: Sequence[Candidate],
    scene: Scene,
    dateline: tuple[str | None, str | None],
    participants: Sequence[Person],
) -> str | None:
    """The country the story sets the meeting in: the one the meeting's verb visits ("visited
    Peru"), else the host's ("Karzai hosted Kerry"), else the dateline's."""
    visited = _visited_country(found, scene, allowed=VISITED_ANY_TIME)
    if visited:
        return visited
    hosts = [p.country for p in participants if p.country and _hosts(doc, p)]
    if hosts:
        return hosts[0]
    city, dateline_country = dateline
    return geo.country_code(dateline_country or "") or (geo.place_country(city) if city else None)


def _best_place(
    doc: Doc,
    found: Sequence[Candidate],
    scene: Scene,
    dateline: tuple[str | None, str | None],
    in_quote: Callable[[Token], bool],
) -> Scored | None:
    """The best-scored place tied to the meeting, or the dateline's city if it scores better
    (and the story sends no visit to another country)."""
    best = _dateline_place(doc, dateline[0], in_quote)
    if best is not None and _visit_abroad(found, scene, dateline, best):
        best = None
    for scored in (score(c, scene) for c in found if tied_to_meeting(c, scene)):
        if scored.score > (best.score if best else NO_PLACE):
            best = scored
    return best


def tour_later_stops(found: Sequence[Candidate]) -> frozenset[str]:
    """ "I will visit Nauru, Fiji, Vanuatu and New Zealand", "a tour of Laos and Cambodia": the
    places listed after the first on the meeting's verb or noun, the later stops of a tour."""
    starts = {c.span.root.i: c for c in found}
    later = set()
    for c in found:
        first = c.span.root
        while first.dep_ == CONJ and first.head != first:
            first = first.head
        head = starts.get(first.i)
        if head is not None and first != c.span.root and head.name != c.name and _attached(head):
            later.add(c.name)
    return frozenset(later - {c.name for c in found if c.span.root.i in starts and _first_of_tour(c, starts)})


def _first_of_tour(c: Candidate, starts: dict[int, Candidate]) -> bool:
    """The first place of a listed tour ("visit [Nauru], Fiji and Vanuatu")."""
    root = c.span.root
    return root.dep_ != CONJ and any(t.dep_ == CONJ and t.i in starts for t in root.children) and _attached(c)


def held_at_a_distance(doc: Doc, in_quote: Callable[[Token], bool]) -> bool:
    """ "Biden met virtually today with Kishida.", "Lee held a video call with Lunde.": the first
    sentence about the meeting says it was held by video or phone, in its own clause (not "...,
    who spoke by phone last week, met in Oslo"): there is no venue, and a dateline is the office's."""
    sents = [s for s in doc.sents if about_meeting(s) and not in_quote(s.root)]
    return bool(sents) and (
        any(_held_at_a_distance(t) and _of_this_meeting(occasion.clause_verb(t), sents[0]) for t in sents[0])
        or any(
            _held_at_a_distance(t) and _describes_the_meeting(occasion.clause_verb(t))
            for s in sents
            for t in s
        )
    )


def _held_at_a_distance(word: Token) -> bool:
    """ "virtually", "by phone", "a video call", "a call with Vega", in a clause of this occasion."""
    if not (word.lower_ in REMOTE_WORDS or _call_with(word)):
        return False
    return not _message(occasion.clause_verb(word)) and occasion.why_not(word) is None


def _describes_the_meeting(verb: Token | None) -> bool:
    """ "during the meeting [done via video-conferencing]", "the talks, [held by video link], ...":
    a clause on a meeting noun, in any sentence, says how the meeting itself was held."""
    return verb is not None and verb.dep_ in NOUN_CLAUSES and _names_meeting(verb.head)


def _call_with(word: Token) -> bool:
    """ "Lee held a call with Vega.", "a call with Vega": a call with someone (not a courtesy
    call on them, a visit)."""
    if word.lemma_.lower() != CALL or word.pos_ != NOUN:
        return False
    holders = [word, word.head] if word.dep_ == DOBJ else [word]
    return any(c.dep_ == PREP and c.lower_ == WITH for h in holders for c in h.children)


def _occasion(word: Token) -> str | None:
    """occasion.why_not, except that what a message says is no purpose of its own: "Rogers
    telephoned me to say that Lee was in Lima and had talks with Vega" tells of the meeting."""
    reason = occasion.why_not(word)
    return None if reason == PURPOSE and _said_in_message(word) else reason


def _said_in_message(word: Token) -> bool:
    """The word's clause is what a to-clause of saying says ("telephoned me [to say] that ...")."""
    verb = occasion.clause_verb(word)
    while verb is not None and verb.dep_ in (CCOMP, CONJ) and verb.head != verb:
        verb = verb.head
    return verb is not None and verb.dep_ in PURPOSE_CLAUSES and _message(verb.head)


def _message(verb: Token | None) -> bool:
    """ "Rogers telephoned me to say that Lee and Vega had talks": a call (or a visit) made to
    say something is a message about the meeting, not the meeting itself."""
    return verb is not None and any(
        c.dep_ in PURPOSE_CLAUSES
        and any(a.dep_ == AUX and a.tag_ == TO for a in c.children)
        and _speaks(c)
        and any(a.dep_ == CCOMP for a in c.children)  # what is said: "to say [that ...]"
        for c in verb.children
    )


def _of_this_meeting(verb: Token | None, sent: Span) -> bool:
    """The sentence's own clause, or a relative clause on its meeting noun ("his meeting with
    the ministers, one of several summits that took place virtually")."""
    if verb is None:
        return False
    if verb == sent.root:
        return True
    noun = verb.head
    return verb.dep_ in NOUN_CLAUSES and (_names_meeting(noun) or _round_of_meeting(noun))


def _country_venue(
    country: str, dateline: tuple[str | None, str | None], visit_city: str | None = None
) -> tuple[str | None, str | None]:
    """ "Kishida visited Kenya for talks.": a country-only venue, unless a dateline's city lies in
    that country and places it ("Issued in Tokyo, 26 October" under "an official visit to Japan"),
    or the story names a city of that country for the visit ("While in Nairobi, he ...")."""
    code = geo.country_code(country)
    city, dateline_country = dateline
    in_country = city and (geo.country_code(dateline_country or "") or geo.place_country(city)) == code
    return (city if in_country else visit_city or country), code


def _visit_abroad(
    found: Sequence[Candidate], scene: Scene, dateline: tuple[str | None, str | None], place: Scored
) -> bool:
    """ "MANILA - Duterte will visit Japan next week": a dateline without "here" is where the
    report was filed, never the venue of a visit the story sends to another country (a visit
    still ahead only in a story of a planned visit, where no one has met yet: not "TOKYO - Kishida
    met Biden on Monday. He will visit Vietnam next week.")."""
    if place.score > BONUS_DATELINE:  # the story says "here"
        return False
    visited = _visited_country(found, scene)
    if visited is None and not scene.present:
        visited = _visited_country(found, scene, allowed=VISITED_ANY_TIME)
    city, dateline_country = dateline
    home = geo.country_code(dateline_country or "") or geo.place_country(city or "")
    return bool(visited and home and visited != home)


def _city_of_visit(found: Sequence[Candidate], scene: Scene, country: str) -> str | None:
    """ "Duterte will visit Japan ... While in Tokyo, he will meet ...": a city of the visited
    country named after "in" or "at" in a sentence about the meeting (a city beats a country)."""
    code = geo.country_code(country)
    for c in found:
        reason = occasion.why_not(c.span.root)
        if geo.is_country(c.name) or geo.place_country(c.name) != code or c.label == VENUE:
            continue
        verb = occasion.clause_verb(c.span.root)
        of_event = verb is not None and verb.dep_ == ACL  # "the Symposium, held in Mumbai"
        usable = reason in VISITED_ANY_TIME and not of_event and PLACE_BEFORE.search(c.before)
        usable = usable and not HEDGED.search(c.before)
        government = capital_as_government(c, scene) or between_governments(c, scene)
        if (usable and _tells_of_meeting(c.span.sent) and not government) or _journey_to(c):
            return c.name
    return None


def _journey_to(c: Candidate) -> bool:
    """ "Duterte left for Japan ... before leaving for Tokyo": the city a journey to the visited
    country goes to is where the visit is (the journey itself is no other occasion)."""
    root = c.span.root
    prep = root.head
    return (
        root.dep_ in PREP_OBJECTS
        and prep.lower_ in DESTINATIONS
        and verbs.plays(prep.head.lemma_, verbs.TRAVELS)
        and not HEDGED.search(c.before)
    )


def _with_city(doc: Doc, best: Scored) -> tuple[str, str | None, str | None]:
    """ "the White House" -> ("White House, Washington", "US", "White House") from the landmark
    table; "the Marco Polo Hotel in Davao" -> ("Marco Polo Hotel, Davao", "PH", "Marco Polo
    Hotel"): a venue with its city, and the venue alone."""
    c = best.candidate
    if c is None or c.label != VENUE:
        return best.name, None, None
    known = geo.landmark(c.name)
    if known:
        city, country = known
        return (c.name, country, None) if c.name == city else (f"{c.name}, {city}", country, c.name)
    after = CITY_AFTER_VENUE.match(doc.text[c.span.end_char : c.span.end_char + CONTEXT_CHARS])
    if after and geo.place_country(after[1]) and not geo.is_country(after[1]):
        country = _written_country(doc, after[1]) or geo.place_country(after[1])
        return f"{c.name}, {after[1]}", country, c.name
    return best.name, None, None


def _dateline_place(doc: Doc, city: str | None, in_quote: Callable[[Token], bool]) -> Scored | None:
    """ "MOSCOW, June 13 (Reuters) - Putin met Erdogan here": the dateline's city; without "here"
    it is where the report was filed, below a known place the story puts the meeting in."""
    if not city:
        return None
    here = any(
        t.lower_ == HERE and t.dep_ == ADVMOD and not in_quote(t) and about_meeting(t.sent) for t in doc
    )
    return Scored(city, BONUS_DATELINE + BONUS_DATELINE_HERE * here)


def _written_country(doc: Doc, place: str) -> str | None:
    """ "Santiago, Chile", "Sochi in southwest Russia": the state the text writes after the place,
    which wins over the gazetteer's most populous homonym."""
    for m in PLACE_AND_STATE.finditer(doc.text):
        written, state = (m[1], m[2]) if m[1] else (m[3], m[4])
        if written == place and geo.region_country(state):
            return geo.region_country(state)
    for m in STATE_BEFORE.finditer(doc.text):
        if m[2].rstrip(".") == place and (geo.country_code(m[1]) or geo.demonym_country(m[1])):
            return geo.country_code(m[1]) or geo.demonym_country(m[1])
    return None


def _country(
    doc: Doc, place: str, dateline: tuple[str | None, str | None], participants: Sequence[Person]
) -> str | None:
    """The place's country: a state written after it; the dateline's country for its city; the
    gazetteer's; else the host's."""
    city, dateline_country = dateline
    if geo.is_country(place):  # "Jordan" is the state, not a homonymous street or town
        return geo.country_code(place)
    country = _written_country(doc, place) or geo.place_country(place)
    if place == city and dateline_country:
        country = geo.country_code(dateline_country) or country
    if country is None:
        hosts = [p for p in participants if p.country and _hosts(doc, p)]
        country = hosts[0].country if hosts else None
    return country


def _visited_country(
    found: Sequence[Candidate], scene: Scene, allowed: frozenset[str | None] = VISITED_NOW
) -> str | None:
    """ "I visited New Zealand for talks. The meeting was held at Lake Taupo.": a place the
    gazetteer cannot place lies in the country the meeting's verb names. With no place at all,
    a planned visit names it too ("Tanaka is scheduled to visit Peru on 10 May")."""
    for c in found:
        visited = geo.is_country(c.name) and _attached(c) and not HEDGED.search(c.before)
        visited = visited and not visit_still_ahead(c, scene)  # "days before his visit to Vietnam"
        if visited and occasion.why_not(c.span.root) in allowed:
            return geo.country_code(c.name)
    return None


def tied_to_meeting(c: Candidate, scene: Scene) -> bool:
    """A place that can be the venue: attached to a meeting word ("met in Sochi"), or a known
    place after "in" or "at" in a sentence about the meeting ("The talks, in Sochi, ...") or in
    one that names someone who took part ("Lopez stood beside Ruiz in Lima"). Not a place merely named
    in the story ("Sweden represents U.S. interests in Pyongyang", "bombs ripped through Mumbai")."""
    reason = _occasion(c.span.root)
    if HEDGED.search(c.before) or reason in NOT_THIS_MEETING or spoken_elsewhere(c, scene):
        return False
    if earlier_visit(c, scene) or _post_of_person(c.span.root) or _end_of_a_range(c.span.root):
        return False
    if _attached(c):
        return True
    if reason not in VISITED_ANY_TIME or not PLACE_BEFORE.search(c.before) or not _known(c):
        return False
    if _in_another_thing(c):
        return False
    sent = c.span.sent
    return _tells_of_meeting(sent) or any(i in scene.present for i in range(sent.start, sent.end))


def _in_another_thing(c: Candidate) -> bool:
    """ "... agreed to cooperate on military action in Kabul": a place after "in" on a noun that
    names no meeting is where that thing is, not where the meeting was."""
    root = c.span.root
    prep = root.head
    if root.dep_ not in PREP_OBJECTS or prep.lower_ != IN or prep.head == prep:
        return False
    thing = prep.head
    # "at his office in Putrajaya": a place within a place where someone was
    site = thing.dep_ in PREP_OBJECTS and thing.head.lower_ in SITE_PREPOSITIONS
    return thing.pos_ == NOUN and not site and not _is_meeting_word(thing) and not _round_of_meeting(thing)


def _end_of_a_range(place: Token) -> bool:
    """ "countries ranging from Egypt [to Senegal]", "from Lima [to Quito]": a range's end is no
    destination."""
    while place.dep_ == CONJ and place.head != place:
        place = place.head
    prep = place.head
    if place.dep_ not in PREP_OBJECTS or prep.lower_ != "to":
        return False
    return any(c.dep_ == PREP and c.lower_ == "from" and c.i < prep.i for c in prep.head.children)


def _attached(c: Candidate) -> bool:
    """ "met in Sochi", "visited Japan", "the Sochi talks"; not a place that only qualifies a word
    on the way ("talks with Angola's minister", "met Sri Lanka Minister X")."""
    root = c.span.root
    word = meeting_word_of(root)
    if word is None:
        return False
    return root.dep_ not in (*MODIFIER_ROLES, POSS) or root.head == word


def _tells_of_meeting(sent: Span) -> bool:
    """A sentence with a meeting word ("met", "talks"), a noun of meeting ("a courtesy call") or
    a verb of agreeing ("Leaders gathered in Oslo and agreed to ...")."""
    return about_meeting(sent) or any(
        (t.pos_ == NOUN and t.lemma_.lower() in MEETING_NOUNS) or verbs.plays(t.lemma_, verbs.AGREES)
        for t in sent
    )


def _known(c: Candidate) -> bool:
    """A venue, or a place the gazetteer or the landmark table knows (not "the West Bank" nor a
    name spaCy took for a place)."""
    return c.label == VENUE or bool(geo.place_country(c.name) or geo.landmark(c.name))


def _hosts(doc: Doc, person: Person) -> bool:
    """ "Erdogan hosted Putin in his palace.": the person hosts the meeting."""
    for start, _end in person.mentions:
        if any(verbs.plays(t.lemma_, verbs.HOSTS) and t.i > start for t in doc[start].sent):
            return True
    return False
