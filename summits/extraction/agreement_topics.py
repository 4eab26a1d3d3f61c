"""An agreement's topic: a short noun phrase naming what was agreed.

``topic(head)`` reads the clause or object that was agreed ("to speed up negotiations on trade")
and names what it is about ("trade"): the first noun of the clause, past light nouns
("cooperation in", "negotiations on") to what they are about, never a verb, a preposition, a
place or a date. Each rule below is one phenomenon, with an example sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .deps import (
    ACL,
    ADVCL,
    AMOD,
    ATTR,
    CASE,
    CCOMP,
    CLAUSES,
    COMPOUND,
    DET,
    DOBJ,
    NMOD,
    NPADVMOD,
    NSUBJ,
    NSUBJPASS,
    NUMMOD,
    POBJ,
    POSS,
    PREP,
    PREP_OBJECTS,
    PUNCT,
    RELCL,
    XCOMP,
)
from .lexicon import ACTOR_NOUNS, LIGHT_NOUNS, VAGUE_TOPIC_MODIFIERS, VAGUE_TOPIC_NOUNS

NOUNS = frozenset({"NOUN", "PROPN"})  # parts of speech that can name a topic
PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})  # entity types that are never a topic
TIME = frozenset({"DATE", "TIME"})
ACTORS = frozenset({"PERSON", "NORP", "GPE", "ORG"})  # entity types of who acts, not what about
AMOUNTS = frozenset({"MONEY", "QUANTITY"})
PEOPLE = frozenset({"PERSON", "NORP"})  # entity types that are never what was agreed

AGREED_PARTS = frozenset({XCOMP, CCOMP, DOBJ})  # what a verb agrees, rather than when or after what
ABOUT_OBJECTS = frozenset({DOBJ, ATTR, NSUBJPASS})  # what a clause is about: "to speed up [negotiations]"
PURPOSE_CLAUSES = frozenset({XCOMP, ADVCL})  # "a new deal [to tackle crossings]"
DESCRIBING_CLAUSES = frozenset({ACL, RELCL})  # "a plan [to cut emissions]", "a deal [that ends ...]"
PHRASE_MODIFIERS = frozenset({COMPOUND, AMOD, NMOD, NUMMOD, NPADVMOD})  # kept in a topic's phrase
NOT_IN_PHRASE = frozenset({DET, PUNCT, POSS, CASE})  # dropped from a modifier: "the", "'s"
BETWEEN_CONJUNCTS_DROPPED = frozenset({PREP, DET})  # "energy, transport and agriculture"

# what a light noun is about: "cooperation [in] energy", "talks [on] trade", "a plan [to] ..."
ABOUT_PREPOSITIONS = frozenset({"in", "on", "of", "for", "over", "to", "against", "about"})
# the same written after the light noun's verb: "deepen co-operation [on] nuclear energy"
VERB_ABOUT_PREPOSITIONS = frozenset({"in", "on", "over", "for", "against"})

# when or where rather than what: "signed [during] the visit, on trade"
CIRCUMSTANCES = frozenset({"during", "after", "before", "following", "at", "amid", "despite", "ahead"})
MAX_HOPS = 4  # words walked down from the agreed clause to its first noun
MAX_LIGHT_NOUNS = 3  # light nouns looked through: "negotiations on cooperation in ..."
MAX_CONJUNCTS = 3  # coordinated nouns kept in a topic: "energy, transport and agriculture"
MAX_TOPIC_WORDS = 4  # an editor's topic is a short noun phrase; a longer one is cut to its noun


def topic(head: Token) -> str:
    """A short noun phrase naming what was agreed: the object of the agreed verb, or what a
    light noun ("cooperation in", "negotiations on") is about. Never a verb or preposition.

    "The two sides agreed to deepen cooperation in energy." -> "energy"."""
    noun = _past_light_nouns(_object_noun(head))
    if noun is None or _is_place_or_time(noun) or _names_nothing(noun):
        return ""  # "signed an agreement in Berlin": a place is never a topic
    inner = _inner_noun(noun)
    phrase = next((p for rule in TOPIC_RULES if (p := rule(noun, inner)) is not None), None)
    return _short(phrase or _noun_phrase(noun), noun)


def _names_nothing(noun: Token) -> bool:
    """A noun an editor would not write as a topic: a vague one ("deserved the [term]") or who
    acts ("urged [Mr Adib]", "with [other countries]")."""
    return noun.lower_ in VAGUE_TOPIC_NOUNS or noun.lower_ in ACTOR_NOUNS or noun.ent_type_ in PEOPLE


def _short(phrase: str, noun: Token) -> str:
    """At most MAX_TOPIC_WORDS words (a name excepted): else the noun without its coordinated
    nouns ("bilateral dialogues and policy consultations" -> "bilateral dialogues"), or what an
    action is of ("early conclusion of a comprehensive free trade agreement" -> "comprehensive
    free trade agreement"), or the noun with its compounds; else no topic."""
    if _fits(phrase) or _is_name(noun):
        return phrase
    of_object = _of_object(noun)
    alone = _noun_phrase(noun, with_conjuncts=False)
    candidates = [_noun_phrase(of_object)] if of_object is not None else []
    candidates = [alone, *candidates] if len(alone.split()) > 1 else [*candidates, alone]
    candidates.append(_with_compounds(noun))
    return next((c for c in candidates if _fits(c)), "")


def _fits(phrase: str) -> bool:
    return len(phrase.split()) <= MAX_TOPIC_WORDS


def _is_name(noun: Token) -> bool:
    """ "the Colombo Security Conclave CSC Charter": a name is kept whole."""
    return noun.pos_ == "PROPN" and noun.text[:1].isupper()


def _of_object(noun: Token) -> Token | None:
    of = next((c for c in noun.children if c.dep_ == PREP and c.lower_ == "of"), None)
    obj = _prep_object(of) if of is not None else None
    return obj if obj is not None and obj.pos_ in NOUNS and not _names_nothing(obj) else None


def _with_compounds(noun: Token) -> str:
    """ "a [free trade] agreement": the noun and the nouns that name its kind."""
    start, end = _hyphenated(noun)
    compounds = [
        t for c in noun.lefts if c.dep_ == COMPOUND for t in c.subtree if t.dep_ not in NOT_IN_PHRASE
    ]
    return " ".join(t.text for t in sorted({*noun.doc[start:end], *compounds}, key=lambda t: t.i)).replace(
        " - ", "-"
    )


def topic_head(content: list[Token]) -> Token:
    """The clause or object that was agreed, before any "on Tuesday" or "after meeting ...".

    "They agreed on Tuesday to cut tariffs." -> "cut"."""
    ranked = sorted(
        content,
        key=lambda c: (
            _is_actor(c) or c.lower_ in CIRCUMSTANCES,
            c.dep_ not in AGREED_PARTS,
            any(t.ent_type_ in TIME for t in c.subtree),
            c.i,
        ),
    )
    return ranked[0]


# --- what a topic is called once its noun is found -------------------------------------------
def _amount_for(noun: Token, inner: Token | None) -> str | None:
    """An amount says what it is for: "pledged 1 billion euros for the Amazon rainforest" ->
    "Amazon rainforest"."""
    if inner is not None and _is_amount(noun) and not _is_actor(inner):
        return _noun_phrase(inner)
    return None


def _noun_alone(noun: Token, inner: Token | None) -> str | None:
    """What the noun is about adds no topic: "signed a deal with France", "a pact in Paris" ->
    "deal", "pact"."""
    if inner is None or _is_place_or_time(inner) or _is_actor(inner):
        return _noun_phrase(noun)
    return None


def _noun_of_inner(noun: Token, inner: Token | None) -> str | None:
    """The head alone says too little: "agreed deliveries of artillery ammunition" ->
    "deliveries of artillery ammunition", "a revision of the budget" -> "revision of budget"."""
    of = next((c for c in noun.children if c.dep_ == PREP and c.lower_ == "of"), None)
    if inner is not None and of is not None and inner.head == of and not _named_kind(noun):
        return f"{_noun_phrase(noun)} of {_noun_phrase(inner)}"
    return None


TOPIC_RULES = (_amount_for, _noun_alone, _noun_of_inner)  # tried in order; else the noun's own phrase


# --- finding the noun ------------------------------------------------------------------------
def _past_light_nouns(noun: Token | None) -> Token | None:
    """From a light noun to what it is about, unless its own modifier says it.

    "agreed to speed up negotiations on trade" -> "trade"; "a migration agreement": "agreement"."""
    for _ in range(MAX_LIGHT_NOUNS):
        if noun is None:
            return None
        start, end = _hyphenated(noun)
        word = noun.doc[start:end]
        noun = word[-1]  # "co-operation": the whole word's last part
        if word.text.lower() not in LIGHT_NOUNS | VAGUE_TOPIC_NOUNS or _named_kind(noun):
            return noun  # "a migration agreement": the light noun's own modifier says what about
        inner = _inner_noun(noun)
        if inner is None or _is_place_or_time(inner):
            return noun
        noun = inner
    return noun


def _object_noun(head: Token) -> Token | None:
    """The first noun the agreed clause is about: "to speed up negotiations" -> negotiations."""
    token: Token | None = head
    for _ in range(MAX_HOPS):
        if token is None:
            return None
        if token.pos_ in NOUNS:
            return token
        if token.pos_ == "ADP":
            token = _prep_object(token)
            continue
        found, token = _from_verb(token)
        if token is None:
            return found
    return None


def _from_verb(verb: Token) -> tuple[Token | None, Token | None]:
    """The noun a verb is about, or else the word to look at next (its clause or preposition).

    "agreed a new deal to tackle crossings" -> ("deal", None)."""
    objects = [c for c in verb.children if c.dep_ in ABOUT_OBJECTS and c.pos_ in NOUNS]
    purpose = _purpose(objects[0]) if objects else None
    if objects and not (purpose is not None and _is_actor(objects[0])):
        return objects[0], None
    following = _next_word(verb, purpose)
    if following is None:
        return _acting_subject(verb), None
    return None, following


def _next_word(verb: Token, purpose: Token | None) -> Token | None:
    """Where a verb without an object goes on: "press all parties [to reach] a political
    agreement" (the purpose), "agreed [to] cut" (the clause), "cooperate [in] energy" (a
    preposition after it; "in the event of aggression, the US stood ...": one before it is not)."""
    if purpose is not None:
        return purpose
    clauses = [c for c in verb.children if c.dep_ in CLAUSES]
    if clauses:
        return clauses[0]
    return next((c for c in verb.children if c.dep_ == PREP and c.i > verb.i), None)


def _acting_subject(verb: Token) -> Token | None:
    """A subject that is a thing, not who acts: "the talks would resume" -> "talks"; "both
    countries would cooperate": who acts is not what about."""
    return next(
        (c for c in verb.children if c.dep_ == NSUBJ and c.pos_ == "NOUN" and not _is_actor(c)),
        None,
    )


def _inner_noun(noun: Token) -> Token | None:
    """What a light noun is about: its "in/on/of/for/over" object, or its "to ..." clause's object.

    "cooperation in energy" -> "energy"; "a plan to cut emissions" -> "emissions"."""
    about = _modifier_about(noun)
    if about is not None:
        return _object_noun(about)  # a noun is its own object noun
    if noun.dep_ != DOBJ:
        return None
    purpose = _purpose(noun)
    if purpose is not None:
        return _object_noun(purpose)
    return _verb_prep_object(noun)


def _modifier_about(noun: Token) -> Token | None:
    """A light noun's own "on X" object or describing clause: "talks [on trade]", "a plan [to
    cut emissions]"."""
    for child in noun.children:
        if child.dep_ == PREP and child.lower_ in ABOUT_PREPOSITIONS:
            obj = _prep_object(child)
            if obj is not None:
                return obj
        if child.dep_ in DESCRIBING_CLAUSES and child.pos_ == "VERB":
            return child
    return None


def _verb_prep_object(noun: Token) -> Token | None:
    """ "deepen co-operation on nuclear energy" with "on" under the verb: "energy"."""
    for prep in noun.head.children:
        if prep.dep_ == PREP and prep.i > noun.i and prep.lower_ in VERB_ABOUT_PREPOSITIONS:
            obj = next((c for c in prep.children if c.dep_ == POBJ), None)
            if obj is not None and obj.pos_ in NOUNS:
                return obj
    return None


def _prep_object(prep: Token) -> Token | None:
    """ "on [trade]", "by [cutting] tariffs": a preposition's object."""
    return next((c for c in prep.children if c.dep_ in PREP_OBJECTS), None)


def _purpose(obj: Token) -> Token | None:
    """The "to ..." clause after a verb's object: "agreed a new deal to tackle crossings"."""
    return next(
        (
            c
            for c in obj.head.children
            if c.dep_ in PURPOSE_CLAUSES and c.i > obj.i and c.tag_ == "VB" and _has_to(c)
        ),
        None,
    )


def _has_to(verb: Token) -> bool:
    """ "[to] tackle": an infinitive's "to"."""
    return any(a.lower_ == "to" for a in verb.children)


# --- what kind of noun -------------------------------------------------------------------
def _is_actor(noun: Token) -> bool:
    """Who is to act rather than what about: "press all parties to ...", "urge Iran to ..."."""
    return noun.lower_ in ACTOR_NOUNS or noun.ent_type_ in ACTORS


def _is_amount(noun: Token) -> bool:
    """ "1 billion euros", "two frigates": a sum or a count."""
    return noun.ent_type_ in AMOUNTS or any(c.dep_ == NUMMOD for c in noun.children)


def _named_kind(noun: Token) -> bool:
    """ "migration agreement", "free trade deal": a noun before the light noun names its kind."""
    return any(c.dep_ == COMPOUND and c.pos_ == "NOUN" for c in noun.lefts)


def _is_action(noun: Token) -> bool:
    """A verb made noun, with what it acts on: "conciliation and [strengthening] of the
    ceasefire" is a clause's fragment, not a second topic."""
    return noun.tag_ == "VBG" or (
        noun.lower_.endswith("ing") and any(c.lower_ == "of" for c in noun.children)
    )


def _is_place_or_time(noun: Token) -> bool:
    """ "signed an agreement in Berlin on Monday": neither is what was agreed."""
    return noun.ent_type_ in PLACE_OR_TIME


# --- the phrase --------------------------------------------------------------------------
def _hyphenated(token: Token) -> tuple[int, int]:
    """The token range of a hyphenated word ("co-operation", "cross-border")."""
    doc = token.doc
    start = end = token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not (doc[start - 1].whitespace_ or doc[start - 2].whitespace_)
    ):
        start -= 2
    while (
        end + 2 < len(doc)
        and doc[end + 1].text == "-"
        and not (doc[end].whitespace_ or doc[end + 1].whitespace_)
    ):
        end += 2
    return start, end + 1


def _joins(before: Token, hyphen: Token) -> bool:
    """ "co[-]operation": a hyphen written without spaces."""
    return hyphen.text == "-" and not (before.whitespace_ or hyphen.whitespace_)


def _noun_phrase(noun: Token, *, with_conjuncts: bool = True) -> str:
    """The noun with its modifiers ("comprehensive economic partnership agreement") and
    coordinated nouns ("energy, transport and agriculture"); no article or clause."""
    start, end = _hyphenated(noun)
    conjuncts = _conjunct_words(noun) if with_conjuncts else []
    words = [*noun.doc[start:end], *_modifier_words(noun), *conjuncts]
    text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
    text = re.sub(r" ([,;])", r"\1", text).replace(" - ", "-")
    return text.strip().strip("\"'“”‘’ ,")


def _modifier_words(noun: Token) -> list[Token]:
    """ "a [comprehensive economic partnership] agreement", "[cross-border] trade"."""
    return [
        t
        for child in noun.lefts
        if child.dep_ in PHRASE_MODIFIERS and child.lower_ not in VAGUE_TOPIC_MODIFIERS
        for t in child.subtree
        if t.dep_ not in NOT_IN_PHRASE or (t.text == "-" and not t.whitespace_)
    ]


def _conjunct_words(noun: Token) -> list[Token]:
    """ "energy[, transport and agriculture]": up to three coordinated nouns."""
    conjuncts = [c for c in noun.conjuncts if c.i > noun.i and not _is_action(c)][:MAX_CONJUNCTS]
    if not conjuncts:
        return []
    return [t for t in noun.doc[noun.i + 1 : conjuncts[-1].i + 1] if t.dep_ not in BETWEEN_CONJUNCTS_DROPPED]
