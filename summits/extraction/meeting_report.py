"""Meeting report: does the article report a meeting between two or more parties at all?

The archive takes news of meetings: held, under way, planned, announced or even called off, but
a meeting between at least two parties. A domestic speech, a factory or disaster-site visit, a
policy story at home report none. ``refusal`` decides it for one parsed piece of the article and
gives the reason (``REFUSAL``) that ``Extraction.refusal`` carries to the import, or None.

One piece of evidence is enough, found in the story or in a caption or summary bullet
(``EVIDENCE_RULES``, each a small rule tried on every word, in order):

- ``partner``: a meeting verb or noun with a party as its partner — "Torres met Vega", "Vega
  received Torres", "talks with Chile", "a meeting between Torres and Vega", "a courtesy call on
  Vega", "a visit to Peru" (a place partner only where it is a state: "visited the province" is
  no meeting);
- ``joint_actors``: a meeting verb whose subject is two parties — "Torres and Vega met", "the two
  leaders held talks";
- ``two_sided``: a meeting noun that names two sides or a bloc — "bilateral talks", "the
  Chile-Peru summit", "the ASEAN summit", "a state visit";
- ``joint_document``: what two parties issue or hold together — "a joint statement", "a joint
  press conference", "the communique";

and, from the other finders: an agreement with two parties or more, two participants, or
participants of two different states.

A meeting counts whatever its time: only one that did not happen or is not of this story is no
evidence (``occasion``: "did not meet", "if they meet", "urged them to meet", "met in 1994").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Token

from . import geo, occasion, verbs
from .deps import (
    ACL,
    ADVCL,
    AGENT,
    AMOD,
    APPOS,
    AUXILIARIES,
    COMPOUND,
    DATIVE,
    DOBJ,
    NAME_PARTS,
    NMOD,
    NSUBJ,
    NSUBJPASS,
    POBJ,
    POSS,
    PREP,
    RELCL,
    SUBJECTS,
    XCOMP,
)
from .lexicon import (
    CARRIED_MEETING_PREPOSITIONS,
    JOINT_APPEARANCES,
    JOINT_BY_NAME,
    JOINT_MARKS,
    MEETING_NOUNS,
    OFFICE_HOLDERS,
    PARTY_NOUNS,
    PLURAL_PARTIES,
    STATEMENT_NOUNS,
    TWO_SIDED_MARKS,
    VISIT_NOUNS,
)
from .nlp import entity_at
from .participation import joint_subject

REFUSAL = (
    "no meeting found: the article reports no meeting between two or more parties (no talks, "
    "visit, host and guest, joint statement or agreement between two sides)"
)
# what the occasion layer says of a meeting that is no evidence of one: it did not or may not
# happen, it was only asked for, or it is another, earlier one
NOT_HELD = frozenset({"negated", "condition", "directive", "earlier"})
NOT_YET_HELD = frozenset({"ahead", "cancelled"})  # news of a meeting that nobody has attended yet
VERB_TAGS = frozenset({"VERB", "AUX"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "who"
SIDE_DEPS = frozenset({*NAME_PARTS, POSS, AMOD, APPOS, NMOD})  # where a noun's sides are written
OF = frozenset({"of"})
CARRIED = frozenset({DOBJ, NSUBJPASS})  # "extended [a welcome]", "[a welcome] was extended"
CONTROLLED = frozenset({XCOMP, ADVCL})  # a to-clause whose subject is the one above: "were [to meet]"
CLAUSES_CLIMBED = 3
PARTY_LABELS = frozenset({"PERSON", "GPE", "ORG"})  # a people ("Filipinos") is no party by itself
ACTOR_LABELS = frozenset({"PERSON", "ORG"})  # a party even as the partner of a visit
JOINT_ROLES = (
    verbs.AGREES,
    verbs.TOGETHER,
    verbs.COMMITS,
)  # "Chile and Peru [signed]", "the two [sat] down together", "[pledge] to"
PARTY_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us"})
PARTNER_PREPOSITIONS = frozenset({"with", "between", "among"})  # "talks [with] X", "[between] X and Y"
CALL_PREPOSITIONS = frozenset({"on"})  # "a courtesy call [on] the president"
GUEST_PREPOSITIONS = frozenset({"for"})  # "hosted a dinner [for] the president"
VISIT_PREPOSITIONS = frozenset({"to"})  # "a visit [to] Peru"
TOGETHER_PREPOSITIONS = frozenset({"with", "beside", "alongside"})  # "stood [beside] Vega"
COUNTED_AS_TWO = frozenset({"two", "three", "both"})  # "the [two] leaders", "[both] presidents"
RECIPROCALS = frozenset({"other", "another"})  # "greeted each [other]", "met one [another]"
PURPOSE_PREPOSITIONS = frozenset({"for"})  # "arrived [for] talks"
MEETINGS_OF_SIDES = frozenset({"summit"})  # a meeting noun that means leaders of several sides


class Evidence(NamedTuple):
    """Why an article is a meeting report: the rule that found it and the word it found."""

    rule: str
    word: str
    start: int  # character offset of the word in its Doc


def refusal(doc: Doc, captions: Iterable[Doc] = (), *, participants=(), agreements=()) -> str | None:
    """REFUSAL if nothing in ``doc``, its ``captions``, the ``participants`` (two of them, or of
    two countries) or the ``agreements`` (with ``parties``) shows a meeting of two parties, else None.
    "Torres met Vega in Lima." -> None; "Torres toured a factory in Lima." -> REFUSAL."""
    if len(participants) >= 2 or len({p.country for p in participants if p.country}) >= 2:
        return None  # the finder of who took part already saw two people meet
    if any(len(set(a.parties)) >= 2 for a in agreements):
        return None
    return None if first_evidence([doc, *captions]) else REFUSAL


def first_evidence(docs: Iterable[Doc]) -> Evidence | None:
    return next(evidence(docs), None)


def evidence(docs: Iterable[Doc]) -> Iterator[Evidence]:
    """Every word of ``docs`` that shows a meeting of two parties, with the rule that says so."""
    for doc in docs:
        for token in doc:
            for name, rule in EVIDENCE_RULES:
                if rule(token) and occasion.why_not(token) not in NOT_HELD:
                    yield Evidence(name, token.text, token.idx)
                    break


def only_ahead(docs: Iterable[Doc]) -> bool:
    """The meeting the article reports has not been held: every word that shows a meeting is
    still ahead or called off ("Torres will meet Vega on Monday"), none tells of one held."""
    reasons = {
        occasion.why_not(token)
        for doc in docs
        for token in doc
        if any(rule(token) for _name, rule in EVIDENCE_RULES)
    }
    held = any(_told_as_held(token) for doc in docs for token in doc)
    return bool(reasons & NOT_YET_HELD) and None not in reasons and not held


def _told_as_held(word: Token) -> bool:
    """ "The meeting [held] in Lima was the first", "The talks [ended] on Sunday": a meeting noun,
    partners or not, told in the past of this story (not "to be held", not "held in 1994")."""
    if not _meeting_noun(word):
        return False
    verbs_of_noun = [c for c in word.children if c.dep_ == ACL and c.tag_ == "VBN" and not _has_aux(c)]
    if word.dep_ == NSUBJ and word.head.tag_ == "VBD":
        verbs_of_noun.append(word.head)
    return any(occasion.why_not(v) is None for v in verbs_of_noun)


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in AUXILIARIES for c in verb.children)


# --- who is a party -------------------------------------------------------------------------------
def party(word: Token, *, places: bool = True) -> bool:
    """ "Torres", "Chile", "the EU", "his counterpart", "the two leaders", "she" (or one of words
    joined by "and", or a name in apposition: "his predecessor, [Benedict]"); ``places``: a place
    counts (the partner of a visit counts only a state)."""
    asides = [c for c in word.children if c.dep_ == APPOS]
    return any(_one_party(w, places=places) for w in (word, *word.conjuncts, *asides))


def _one_party(word: Token, *, places: bool) -> bool:
    if word.lower_ in PARTY_PRONOUNS or word.lower_ in PARTY_NOUNS:
        return True
    if not places and word.ent_type_ not in ACTOR_LABELS and word.pos_ == "PROPN":
        return _state(word)  # a visit to a state, not to a province or a city
    if word.pos_ == "PROPN" and not word.ent_type_:
        return True  # a name the model did not label: "[Ana Torres] and Luis Vega met"
    return word.ent_type_ in PARTY_LABELS


def _state(word: Token) -> bool:
    """ "Peru", "the United States": a place that is a state (not a province or a city)."""
    name = _entity_text(word)
    return bool(geo.country_code(name) or geo.organisation(name))


def _entity_text(word: Token) -> str:
    ent = entity_at(word.doc, word.i)
    return ent.text if ent is not None else word.text


# --- the rules ------------------------------------------------------------------------------------
def _meeting_verb(word: Token) -> bool:
    """ "met", "hosted", "received", "held [talks]"."""
    objects = [w for c in word.children if c.dep_ == DOBJ for w in (c.lower_, c.lemma_)]
    return word.pos_ in VERB_TAGS and verbs.meets_with(word.lemma_, objects)


def _meeting_noun(word: Token) -> bool:
    """ "talks", "a meeting", "cabinet meetings"."""
    return word.lower_ in MEETING_NOUNS or word.lemma_.lower() in MEETING_NOUNS


def _visit_noun(word: Token) -> bool:
    return word.lemma_.lower() in VISIT_NOUNS


def _partners(word: Token, prepositions: frozenset[str]) -> list[Token]:
    """The objects of ``word``'s prepositions in ``prepositions``: "talks [with] [Chile]"."""
    return [
        o
        for p in word.children
        if p.dep_ == PREP and p.lower_ in prepositions
        for o in p.children
        if o.dep_ == POBJ
    ]


def partner(word: Token) -> bool:
    """ "Torres met Vega", "held talks with Vega", "greeted each other", "stood beside Vega",
    "signed a treaty with Peru", "talks between Chile and Peru", "a visit to Peru"."""
    if word.pos_ in VERB_TAGS:
        return _verb_partner(word)
    if word.pos_ not in NOUN_TAGS:
        return False
    if _meeting_noun(word):
        partners = _partners(word, PARTNER_PREPOSITIONS | CALL_PREPOSITIONS | GUEST_PREPOSITIONS)
        return any(party(p) for p in partners) or any(party(p, places=False) for p in _carried_partners(word))
    if _visit_noun(word):
        partners = _partners(word, PARTNER_PREPOSITIONS) + _partners(word, VISIT_PREPOSITIONS)
        return any(party(p, places=False) for p in partners)
    return False


def _carried_partners(noun: Token) -> list[Token]:
    """ "a welcome was extended [to the Governor] [by the Mayor]", "gave a dinner for [Vega]": the
    parties of the verb a meeting noun is given with (its object or passive subject)."""
    if noun.dep_ not in CARRIED or noun.head.pos_ not in VERB_TAGS:
        return []
    verb = noun.head
    return [
        o
        for p in verb.children
        if p.dep_ == AGENT or (p.dep_ in {PREP, DATIVE} and p.lower_ in CARRIED_MEETING_PREPOSITIONS)
        for o in p.children
        if o.dep_ == POBJ
    ]


def _verb_partner(verb: Token) -> bool:
    if verbs.plays(verb.lemma_, verbs.TOGETHER):
        return any(party(p) for p in _partners(verb, TOGETHER_PREPOSITIONS))
    if verbs.plays(verb.lemma_, verbs.AGREES):
        return any(party(p) for p in _signed_with(verb))
    if not _meeting_verb(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == DOBJ]
    if any(o.lower_ in RECIPROCALS for o in objects):
        return True  # "greeted each other"
    places = not verbs.plays(verb.lemma_, verbs.GOES_TO)
    return any(party(p, places=places) for p in _verb_partners(verb, objects))


def _verb_partners(verb: Token, objects: list[Token]) -> list[Token]:
    """ "met [Vega]", "met with [Vega]", "held talks with [Vega]", "[Vega] was received by Torres",
    "hosted a dinner for [Vega]"."""
    talks = [o for o in objects if _meeting_noun(o)]
    partners = [o for o in objects if o not in talks] + _partners(verb, PARTNER_PREPOSITIONS) + _visited(verb)
    if verbs.plays(verb.lemma_, verbs.HOSTS):
        partners += _partners(verb, GUEST_PREPOSITIONS)
    return partners + [p for t in talks for p in _partners(t, PARTNER_PREPOSITIONS | GUEST_PREPOSITIONS)]


def _signed_with(verb: Token) -> list[Token]:
    """ "agreed with [Peru]", "signed a treaty with [Peru]": who agreed with the subject."""
    objects = [c for c in verb.children if c.dep_ == DOBJ]
    return [p for word in (verb, *objects) for p in _partners(word, TOGETHER_PREPOSITIONS)]


def _visited(verb: Token) -> list[Token]:
    """ "[Vega] was received by Torres", "[Vega] visited by diplomats": of a passive verb (one with a
    by-agent), its subject is the partner; a by-agent alone makes no meeting ("the factory was
    visited by the president")."""
    if not any(c.dep_ == AGENT for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return subjects + [a for s in subjects for a in s.children if a.dep_ == APPOS]


def joint_actors(word: Token) -> bool:
    """ "Torres and Vega met", "The two leaders held talks", "the leaders of Chile and Peru are to
    meet", "Chile and Peru signed a treaty", "both agreed", "eight countries, which signed"; and
    two of a kind doing anything together: "the two leaders exchanged hugs"."""
    if word.pos_ not in VERB_TAGS:
        return False
    subjects = _subjects(word)
    if _meeting_verb(word) or any(verbs.plays(word.lemma_, role) for role in JOINT_ROLES):
        return any(_joint(s) for s in subjects)
    if word.pos_ != "VERB" or word.lemma_ == "be" or any(verbs.plays(word.lemma_, r) for r in verbs.SAYING):
        return False
    return any(_two_of_a_kind(s) for s in subjects)


def _two_of_a_kind(subject: Token) -> bool:
    """ "the two leaders", "both presidents": people holding an office, counted as more than one
    (not "both sides", who may be rioters)."""
    counted = any(c.lower_ in COUNTED_AS_TWO for c in subject.children)
    return counted and subject.lemma_.lower() in OFFICE_HOLDERS


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects: for "which" of a relative clause, the noun it stands for; for a
    to-clause without one, the subject of the verb above ("the leaders were [to meet]")."""
    for _ in range(CLAUSES_CLIMBED):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects or verb.dep_ not in CONTROLLED or verb.head == verb:
            break
        verb = verb.head
    if verb.dep_ == RELCL:
        subjects = [verb.head if s.tag_ in RELATIVE_TAGS else s for s in subjects]
    return subjects


def _joint(subject: Token) -> bool:
    """ "Torres and Vega", "the two leaders", "the leaders", "both", "Indian and Pakistani
    ministers", "the leaders of Chile and Peru", "the Chilean minister and the Peruvian minister"."""
    if joint_subject(subject, strict=True) or subject.lower_ in PLURAL_PARTIES:
        return True
    if sum(_one_party(w, places=True) for w in _members(subject)) >= 2:
        return True
    return len(_named_sides(subject)) >= 2


def _members(subject: Token) -> list[Token]:
    """The words joined by "and" in a subject, through an apposition: "Biden, [Jr.] of the United
    States and Draghi" -> Biden, Jr., Draghi."""
    asides = [c for c in subject.children if c.dep_ == APPOS]
    return [subject, *subject.conjuncts, *(c for a in asides for c in a.conjuncts)]


def two_sided(word: Token) -> bool:
    """ "bilateral talks", "a state visit", "the Chile-Peru summit", "the ASEAN summit", "a summit",
    "two delegations arrived for talks"."""
    if not (_meeting_noun(word) or _visit_noun(word)) or word.pos_ not in NOUN_TAGS:
        return False
    if word.lemma_.lower() in MEETINGS_OF_SIDES:
        return True
    if any(c.dep_ in {AMOD, COMPOUND} and c.lower_ in TWO_SIDED_MARKS for c in word.children):
        return True
    if _purpose_of_joint_actors(word):
        return True
    sides = _named_sides(word)
    return len(sides) >= 2 or any(geo.organisation(s) for s in sides)


def _purpose_of_joint_actors(word: Token) -> bool:
    """ "Chilean and Peruvian delegations arrived [for] talks": the meeting two parties came for."""
    preposition = word.head
    if word.dep_ != POBJ or preposition.lower_ not in PURPOSE_PREPOSITIONS or preposition.head == preposition:
        return False
    return any(_joint(s) for s in _subjects(preposition.head))


def _named_sides(word: Token) -> set[str]:
    """The states and organisations named in the words that modify ``word``: "the [Chile]-[Peru]
    summit", "[Indian] and [Pakistani] ministers", "the leaders of [Chile] and [Peru]"."""
    near = [c for c in word.children if c.dep_ in SIDE_DEPS]
    near += _partners(word, OF)
    names = {_entity_text(w) for n in near for w in (n, *n.conjuncts)}
    return {name for name in names if _side(name)}


def _side(name: str) -> bool:
    return bool(geo.state_of(name) or geo.demonym_country(name) or geo.organisation(name))


def joint_document(word: Token) -> bool:
    """ "a joint statement", "a joint press conference", "the communique"."""
    if word.lower_ in JOINT_BY_NAME:
        return True
    joint_nouns = STATEMENT_NOUNS | JOINT_APPEARANCES
    return word.lower_ in joint_nouns and any(c.lower_ in JOINT_MARKS for c in word.children)


EVIDENCE_RULES: tuple[tuple[str, Callable[[Token], bool]], ...] = (
    ("partner", partner),
    ("joint_actors", joint_actors),
    ("two_sided", two_sided),
    ("joint_document", joint_document),
)
