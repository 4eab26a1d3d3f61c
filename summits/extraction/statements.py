"""Statements: each direct quotation with its speaker, and reported speech ("said that ...",
"called for ...", "expressed hope that ...", "according to ...").

Which verbs report speech, and how, is asked of the verb table (``verbs.py``) when a sentence
is read, never copied into a list here."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from . import verbs
from .boilerplate import Layout
from .deps import (
    ACL,
    ACOMP,
    ADVCL,
    AGENT,
    ATTR,
    AUXILIARIES,
    AUXPASS,
    CC,
    CCOMP,
    CLAUSES,
    CONJ,
    DOBJ,
    MARK,
    NEG,
    NPADVMOD,
    NSUBJ,
    NSUBJPASS,
    OPRD,
    PARATAXIS,
    PCOMP,
    POBJ,
    PREP,
    RELCL,
    ROOT,
    SUBJECTS,
    XCOMP,
)
from .lexicon import (
    DATA_NOUNS,
    FOCUS_WORDS,
    PERSON_NOUNS,
    PRONOUNS,
    STANCE_NOUNS,
    STATEMENT_NOUNS,
    TITLE_SMALL_WORDS,
)
from .people import People, joint_subject
from .quotations import MARKS_AND_SPACE, Quotations, Quote, mark_family
from .result import StatementFound

SENTENCE_END = ".!?"
STOP = re.compile(r"[.!?]")
# how far before and after a quotation its speaker is looked for, at most (a run-on paragraph)
CONTEXT_CHARS = 2000
# a quotation of fewer words is a phrase the writer borrows, not a statement
MIN_QUOTE_WORDS = 3
# reported content with fewer words outside quotation marks only introduces a quotation
MIN_CONTENT_WORDS = 3
# auxiliaries of reported speech's shifted tense: "had accepted", "would resume"
BACKSHIFT = {"had", "would", "could", "might"}
PRESENT_TAGS = {"VBZ", "VBP"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # a verb with a tense of its own ("were", "lay", "will")
SUMS = {"MONEY"}  # an object that is a sum of money is what was given, not what was said
BARE_DETERMINERS = {"PRP$"}  # "his opposition": a noun and nothing but its owner ("hailed the deal" is what)
VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
VERB_TAGS = {"VBD", "VBZ", "VBG", "VBN", "VBP", "VB"}
NAME_POS = {"NOUN", "PROPN"}
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rev|Prof|Sen|Rep|Gov|No|Jr|Sr))\.$"
)
# dependency groups of this module only (deps.py has no name for them)
# where spaCy puts a subject it finds after its verb: '"...," said Putin'
SUBJECTS_AFTER_VERB = frozenset({DOBJ, ATTR, NPADVMOD, NSUBJ})
# a verb of saying after the clause it reports, as the parser joins it: "X, said the minister",
# "X, Kerry said, and Y"
AFTER_ITS_CLAUSE = frozenset({CONJ, PARATAXIS})
# the verbs after which a subject may follow: '"...," said Putin', 'Putin met Xi, said the Kremlin'
INVERTING = frozenset({ROOT, CCOMP, PARATAXIS})
# a verb whose subject is its head's: "and has portrayed", "saying", "to say", "said ... he said"
SHARES_SUBJECT = frozenset({CONJ, ADVCL, XCOMP, CCOMP, PARATAXIS})
# what a stance noun's content hangs from: "hope [that ...]", "concern [over ...]"
STANCE_CLAUSES = frozenset({ACL, CCOMP})
# the phrases and clauses after an object that complete what was said: "thanked them [for ...]",
# "labelled the plan [a gamble]"
COMPLEMENTS = frozenset({PREP, ADVCL, OPRD})
# what the writer gives before a partial quotation: its subject, or whom it is asked of
WRITER_GIVES = SUBJECTS | {DOBJ}
# a dash before a phrase that spells out what was said
DASHES = (["-"], ["–"], ["—"], ["--"])
# the dashes that set an aside off: "The shootings - which the army said ... - took place"
ASIDE_DASHES = frozenset({"-", "–", "—", "--"})
# a clause hung on a noun: "a statement [that ...]"
NOUN_CLAUSES = frozenset({ACL, RELCL, CCOMP})
THAT_CLAUSES = NOUN_CLAUSES | {ADVCL}  # "made it clear [that ...]" misparsed under "clear"
# what a reported continuation follows: the reported clause, or a clause parsed as the object
REPORTED_HEADS = frozenset({CCOMP, DOBJ})
# the verb of a reported clause: "said [adheres] ...", "said X [adheres] ... and [welcomes] ..."
REPORTED_CLAUSE_VERBS = frozenset({CCOMP, CONJ})
# a clause joined to another verb: ", [adding] that ...", "and [stressed] ..."
JOINED_CLAUSES = frozenset({ADVCL, CONJ})
OPENING_WORDS = {"that", "and", "but"}
# auxiliaries of what is not (yet) said: "would argue", "will stress", "could say"
NOT_SAID_AUXILIARIES = {"would", "could", "might", "may", "will", "shall", "should", "must", "'ll", "’ll"}
CONDITION_MARKS = {"if", "unless"}
CREDIT_VERB = "report"  # "..., Trend reports.": an agency's credit for its own sentence
# "said the inspectors could go, provided the regime cooperates": a condition after a comma that
# the parser may hang on the verb of saying; it is part of what was said
CONDITIONS_AFTER = {"provided", "providing", "unless"}
WH_WORDS = {"how", "what", "why", "whether", "where", "when"}
CONTRAST_MARKS = {"while", "whereas"}
# "thanked Scholz for the help", "accused Kurz of stalling", "described Lee as a friend": a person
# as object is part of what was said when one of these follows
FOR_WHAT = frozenset({"for", "of", "as"})
# entity labels of states and peoples ("Russia", "Turkish"), as opposed to people and bodies
STATE_LABELS = frozenset({"GPE", "NORP"})
# the writer of a first-person release as subject: "I told Dr Vega that ..."
WRITER = "I"
# words that name nothing said on their own: "who is criticised by ...", "hailed it"
FUNCTION_POS = frozenset({"PRON", "DET", "PUNCT", "ADP", "CCONJ", "PART"})


# --- verbs of saying ------------------------------------------------------------------------
def _particle_of(token: Token, lemma: str) -> str | None:
    """ "called for a ceasefire": the particle that makes the verb one of saying, its child or the
    word right after it ("made clear that ...", with "clear" parsed into the clause)."""
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return next(
        (p for p in verbs.particles(lemma) if p == after or any(c.lower_ == p for c in token.children)), None
    )


def _reports_finite(token: Token, lemma: str) -> bool:
    """ "Officials hope [the deal will boost trade]": a verb that reports a clause with a subject of
    its own only ("hope to meet" reports nothing), right after it, not after an object ("indicated a
    turnaround after decades of warning [that ...]": the clause is the warning's)."""
    return verbs.plays(lemma, verbs.REPORTS_FINITE) and any(
        c.dep_ == CCOMP and _has_subject(c) and not any(d.dep_ == DOBJ and d.i < c.i for d in token.children)
        for c in token.children
    )


def _verb_key(token: Token) -> str | None:
    """ "said" → "say", "called for" → "call for", "expressed hope" → "express"; None for a word
    that does not report speech here."""
    if token.pos_ not in VERB_POS and token.tag_ not in VERB_TAGS:
        return None
    lemma = token.lemma_.lower()
    if verbs.plays(lemma, verbs.QUOTES):
        return lemma
    if _reports_finite(token, lemma):
        return lemma  # "officials hope the deal will boost ...", not "hope to meet"
    particle = _particle_of(token, lemma)
    if particle is not None:
        return f"{lemma} {particle}"
    if verbs.plays(lemma, verbs.STANCE) and any(c.lemma_ in STANCE_NOUNS for c in token.children):
        return lemma
    if verbs.plays(lemma, verbs.REPORTS_OBJECT) and any(c.dep_ == DOBJ for c in token.children):
        return lemma  # "expressed his appreciation for ...": what was said is the object
    if verbs.plays(lemma, verbs.REPORTS_WH) and _wh_clause(token) is not None:
        return lemma  # "spoke on how ...", not "spoke on the phone"
    return None


def _wh_clause(token: Token) -> Token | None:
    """ "spoke on [how both countries have faced ...]": a clause opening with a wh-word after a
    preposition of the verb."""
    for prep in (c for c in token.children if c.dep_ == PREP):
        for clause in (c for c in prep.children if c.dep_ in (PCOMP, POBJ)):
            first = clause.left_edge
            if first.lower_ in WH_WORDS and first.i == prep.i + 1:
                return clause
    return None


def _hearsay(verb: Token) -> bool:
    """ "He is said to have demanded ...", "Okada, asked about the incidents": a passive verb of
    saying with nobody after "by" reports no one's words."""
    passive = any(c.dep_ in (AUXPASS, NSUBJPASS) for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == ACL
    )
    return passive and not any(c.dep_ == AGENT for c in verb.children)


def _not_said(verb: Token) -> bool:
    """ "Merz would argue that ...", "if he says that ...", "is expected to stress ...": speech that
    is imagined, conditional or still ahead, not a statement made."""
    if any(c.dep_ in AUXILIARIES and c.lower_ in NOT_SAID_AUXILIARIES for c in verb.children):
        return True
    if any(c.dep_ == MARK and c.lower_ in CONDITION_MARKS for c in verb.children):
        return True
    if _let_say(verb) or _agency_credit(verb):
        return True
    return verb.dep_ == XCOMP and _verb_key(verb.head) is None and not _attempt_made(verb.head)


def _agency_credit(verb: Token) -> bool:
    """ "X met Y in Tirana, Trend reports.": a news agency's present-tense credit closing the
    sentence it filed, which is the article's own narration, not anyone's statement."""
    if verb.lemma_.lower() != CREDIT_VERB or verb.tag_ != "VBZ":
        return False
    after = verb.doc[verb.i + 1 : verb.sent.end]
    subject = subject_of(verb)
    return (
        all(t.is_punct or t.is_space for t in after)
        and subject is not None
        and subject.pos_ == "PROPN"
        and subject.i < verb.i
    )


def _let_say(verb: Token) -> bool:
    """ "..., letting Mr Trump tell voters he has kept his promise": a bare infinitive under a verb
    that lets or makes someone say it is what the writer expects to be said, not a statement."""
    return (
        verb.tag_ == "VB"
        and verb.dep_ == CCOMP
        and verb.head.pos_ == "VERB"
        and _verb_key(verb.head) is None
        and not any(c.dep_ in AUXILIARIES for c in verb.children)
    )


def _attempt_made(token: Token) -> bool:
    """ "Lavrov tried to assure Kerry there was no problem": an attempt in the past tense at saying
    something is saying it ("will try to assure" is still ahead)."""
    return verbs.plays(token.lemma_.lower(), verbs.ATTEMPTS) and token.tag_ == "VBD"


def titled(text: str) -> bool:
    """'"Deal of the Century"', '"Partnering for Change, Engaging the World"': a quotation whose
    every word but the small ones is capitalised is a title (of a plan, a theme, a report); with
    no speaker it is a name, not a statement."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def states_position(subject: Token | None) -> bool:
    """ "Russia and Turkey have both underscored the need to ...": states joined as one subject
    are the article's summary of their positions, not a reporting clause of a speaker (one
    state, "Turkey said ...", still speaks through its government)."""
    if subject is None or not subject.conjuncts:
        return False
    return all(t.ent_type_ in STATE_LABELS for t in (subject, *subject.conjuncts))


def _only_quotes(key: str) -> bool:
    """'"...," he asked': a verb that names a quotation's speaker but never reports speech."""
    return verbs.plays(key, verbs.QUOTES) and not verbs.plays(key, verbs.REPORTS)


def _reports(token: Token) -> bool:
    """ "Downing Street said ...": a verb that may report speech (not only name a quotation's)."""
    key = _verb_key(token)
    return key is not None and not _only_quotes(key)


def _inside_reported_clause(verb: Token) -> bool:
    """ "Gove said the UK had made it clear it would not withdraw the bill": a verb of saying in
    the clause another verb of saying reports is part of what that speaker said, not a statement
    of its own ("..., adding that ...", with no subject of its own, is the speaker's own)."""
    if not _has_subject(verb):
        return False
    token = verb
    while token.head.i != token.i:
        if token.dep_ == CCOMP and _reports(token.head) and not _relayed(token):
            end = aside_end(token.head)
            return end is None or verb.i < end
        token = token.head
    return False


def _spaced_dash(token: Token) -> bool:
    """A dash with a space either side (not the hyphen of "Amir-Abdollahian")."""
    return token.text in ASIDE_DASHES and bool(token.whitespace_) and bool(token.doc[token.i - 1].whitespace_)


def aside_end(verb: Token) -> int | None:
    """ "The shootings - which the army said came in response to attacks - took place after ...":
    the closing dash of an aside set off by dashes that holds the verb (what the verb reports ends
    there); None where the verb is in no such aside."""
    sent = verb.sent
    opened = sum(1 for t in sent if t.i < verb.i and t.i > sent.start and _spaced_dash(t))
    if opened % 2 == 0:
        return None
    return next((t.i for t in sent if t.i > verb.i and _spaced_dash(t)), None)


def _relayed(clause: Token) -> bool:
    """ "Ruiz said the talks had failed, Reuters reports": a reporting clause with its own subject
    written before a verb that relays it (the outlet only passes Ruiz's words on; "..., said an
    official" speaks them)."""
    return (
        clause.dep_ == CCOMP
        and clause.i < clause.head.i
        and verbs.plays(clause.head.lemma_.lower(), verbs.RELAYS)
        and _has_subject(clause)
        and _reports(clause)
    )


def _relays(verb: Token) -> bool:
    """ "..., Reuters reports": a verb whose clause before it is another's reporting clause."""
    return any(_relayed(c) for c in verb.children)


def _just_before(head: list[Token]) -> list[Token]:
    """'While one official says "...", officials say ...': a verb of saying with its subject right
    before the quotation (a colon or comma aside) names its speaker, however the parser hangs the
    quotation."""
    words = [t for t in head if t.text not in {":", ","}]
    last = words[-1] if words else None
    if last is None or last.i + 3 < head[-1].i or not _verb_key(last) or not _has_subject(last):
        return []
    return [last]


def _holding(verbs_of_saying: list[Token], inside: Token | None) -> list[Token]:
    """The verbs of saying whose clause holds the token ``inside`` (a quotation's first word)."""
    return [v for v in verbs_of_saying if inside is not None and inside in v.subtree]


def _kind_of_saying(verb: Token) -> bool:
    """ "the administration's way of telling the Palestinians ...": a verb of saying after a
    preposition of a noun names a kind of saying, not what someone said."""
    return verb.dep_ == PCOMP and verb.head.dep_ == PREP and verb.head.head.pos_ in NAME_POS


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in token.children)


def _has_clause(token: Token) -> bool:
    return any(c.dep_ in CLAUSES for c in token.children)


# --- subjects -------------------------------------------------------------------------------
def _saying_above(verb: Token) -> Token:
    """ "Dar said Pakistan would ..., adding that ...": a verb joined to another with no subject
    of its own ("adding", "and stressed") is said by the one who said, not by "Pakistan"."""
    if _has_subject(verb) or not (verb.dep_ == CONJ or (verb.tag_ == "VBG" and verb.dep_ == ADVCL)):
        return verb
    above = next((a for a in verb.ancestors if _verb_key(a)), None)
    if above is None:
        return verb
    return _reporting_verb(above)


def _reporting_verb(token: Token) -> Token:
    """ "Ruiz told them that Chile will highlight trade, adding that ...", parsed with "adding"
    under "highlight": a verb inside the clause another verb reports after it is not whom
    "adding" continues; the verb that reports the clause is ("They expressed ... and welcomed
    ..., said MFA": the clause before its verb is theirs)."""
    while token.dep_ == CCOMP and token.head.i < token.i:
        token = token.head
    return token


def _by_agent(token: Token) -> Token | None:
    """ "The deal was hailed by Merkel as a breakthrough": the passive's agent after "by"."""
    agent = next((c for c in token.children if c.dep_ == AGENT), None)
    return next((o for o in agent.children if o.dep_ == POBJ), None) if agent is not None else None


def _own_subject(token: Token) -> Token | None:
    """ "Putin said ...": the verb's subject; "X, who praised ...": the relative pronoun's
    antecedent."""
    for child in token.children:
        if child.dep_ in SUBJECTS and _is_word(child) and not _participle_phrase(child):
            return token.head if child.tag_ == "WP" and token.dep_ == RELCL else child
    return None


def _participle_phrase(subject: Token) -> bool:
    """ "[Addressing Ruiz], the premier thanked her": a participle and its object that open the
    sentence, set off by a comma and parsed as one more subject of the verb."""
    first = subject.left_edge
    after = subject.right_edge.i + 1
    return (
        first.tag_ == "VBG"
        and first.i == subject.sent.start
        and after < len(subject.doc)
        and subject.doc[after].text == ","
        and sum(c.dep_ in SUBJECTS for c in subject.head.children) > 1
    )


def _is_word(token: Token) -> bool:
    """Not a mark parsed as a subject: the underscore of "_Mr Fraser _said" (a record's italics)."""
    return any(ch.isalnum() for ch in token.text)


def _noun_described(token: Token) -> Token | None:
    """ "a joint statement saying ...": the noun the verb describes."""
    return token.head if token.dep_ == ACL and token.head.pos_ in NAME_POS else None


def _subject_after(token: Token) -> Token | None:
    """'"...," said Putin.': a name right after the verb, parsed as its object or attribute."""
    if token.dep_ not in INVERTING:
        return None
    after = [c for c in token.children if c.i > token.i and c.dep_ in SUBJECTS_AFTER_VERB]
    return after[0] if after and after[0].pos_ == "PROPN" else None


def _subject_left_behind(token: Token) -> Token | None:
    """ "The ministry recalled its ambassador and a statement from the leadership spoke of ...",
    parsed with the statement joined to the object and "spoke" as a clause of "recalled": a finite
    verb hung as a clause with no subject nor conjunction of its own, right after a phrase whose
    head is a document or a person, has that head as its subject."""
    if token.dep_ != ADVCL or token.tag_ not in {"VBD", "VBZ", "VBP"} or token.i == 0:
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ == MARK for c in token.children):
        return None
    noun = token.doc[token.i - 1]
    while noun.dep_ in (POBJ, PREP) and noun.head.i < noun.i:
        noun = noun.head
    speaks = noun.lemma_.lower() in STATEMENT_NOUNS or noun.lower_ in PERSON_NOUNS
    return noun if speaks and noun.dep_ in (CONJ, DOBJ) and noun.head.i < noun.i else None


# where a verb's subject is, tried in order at the verb and at each verb above it
SUBJECT_RULES = (_by_agent, _own_subject, _subject_left_behind, _noun_described, _subject_after)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing through "saying"/"adding"/"and has portrayed" to the one above."""
    seen = set()
    token = _saying_above(verb)
    while token.i not in seen:
        seen.add(token.i)
        for rule in SUBJECT_RULES:
            subject = rule(token)
            if subject is not None:
                return subject
        if token.dep_ not in SHARES_SUBJECT or token.head == token:
            return None
        token = token.head
    return None


def _set_off(token: Token) -> bool:
    """ "According to X, ...", "..., according to X": a phrase that opens its sentence or follows a
    comma names a source ("rules that discriminate according to religion" names none)."""
    return token.i - token.sent.start <= 1 or token.nbor(-1).text == ","


def according_to(tokens: list[Token]) -> Token | None:
    """ "..., according to his office": "office", the object of the first "according to"."""
    for token in tokens:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
            and _set_off(token)
        ):
            objs = [c for c in token.doc[token.i + 1].children if c.dep_ == POBJ]
            if objs:
                return objs[0]
    return None


# --- where the content of a verb of saying is -------------------------------------------------
def _clause_content(verb: Token, key: str) -> Token | None:
    """ "Putin said [that the talks went well]", "The two agreed [to meet again]": its clause
    ("made clear [that ...]": not the particle parsed as a clause)."""
    particles = verbs.particles(verb.lemma_.lower())
    clauses = [c for c in verb.children if c.dep_ in CLAUSES and c.lower_ not in particles]
    after = [c for c in clauses if c.i > verb.i]  # "While one says "...", others say [...]"
    return (after or clauses or [None])[0]


def parenthetical(verb: Token) -> bool:
    """ "The summit, she told reporters, had cleared the air": a verb of saying set off by commas
    inside the clause it reports, whose subject comes before it."""
    head = verb.head
    if verb.dep_ != PARATAXIS or head.i <= verb.i or head.pos_ not in VERB_POS:
        return False
    doc = verb.doc
    opens = doc[max(verb.left_edge.i - 1, 0) : verb.left_edge.i + 1]
    closes = doc[verb.right_edge.i : verb.right_edge.i + 2]
    set_off = any(t.text == "," for t in opens) and any(t.text == "," for t in closes)
    return set_off and any(c.dep_ in SUBJECTS and c.i < verb.i for c in head.children)


def _phrase_of_verb(token: Token, key: str) -> bool:
    """A phrase of the verb a that-clause may be misparsed into: its prepositional phrase, or the
    object of a verb whose object is whom it tells ("tells anyone willing to listen that ...")."""
    if token.dep_ == PREP:
        return True
    return token.dep_ in (DOBJ, ACOMP) and not verbs.plays(key, verbs.REPORTS_OBJECT)


def _clause_in_phrase(verb: Token, key: str) -> Token | None:
    """ "said in a statement [that the framework ...]", "told reporters before the agreement [that
    ...]", "tells anyone willing to listen [that ...]": a that-clause the parser hung on a word of
    the verb's phrase or object, when it has no clause."""
    if _has_clause(verb):
        return None
    for phrase in (c for c in verb.children if _phrase_of_verb(c, key)):
        for token in phrase.subtree:
            if token.dep_ in NOUN_CLAUSES and any(
                m.dep_ == MARK and m.lower_ == "that" for m in token.children
            ):
                return token
    return None


def _clause_under_particle(verb: Token, key: str) -> Token | None:
    """ "made it clear [that the border would stay open]", "made it clear from the outset [that
    ...]": a that-clause the parser hung under the particle parsed as a clause of the verb."""
    lemma = verb.lemma_.lower()
    particle = next(
        (c for c in verb.children if c.lower_ in verbs.particles(lemma) and c.dep_ in CLAUSES), None
    )
    if particle is None or _particle_of(verb, lemma) is None:
        return None
    return next(
        (
            t
            for t in particle.subtree
            if t.dep_ in THAT_CLAUSES and any(m.dep_ == MARK and m.lower_ == "that" for m in t.children)
        ),
        None,
    )


def _wh_content(verb: Token, key: str) -> Token | None:
    """ "Duterte spoke on [how both countries have faced ...]": the wh-clause after its preposition."""
    return _wh_clause(verb) if verbs.plays(key, verbs.REPORTS_WH) else None


def _parenthetical_content(verb: Token, key: str) -> Token | None:
    """ "Kosovo and Serbia, he said, would recognise each other": the clause around the verb."""
    return verb.head if parenthetical(verb) else None


def inverted(verb: Token) -> bool:
    """ "The two countries will build a bridge, said the minister": a verb of saying after a comma
    closing the clause it reports (parsed as joined to it), with a subject of its own and no
    clause of its own."""
    head, doc = verb.head, verb.doc
    if verb.dep_ not in AFTER_ITS_CLAUSE or head.i >= verb.i or head.pos_ not in VERB_POS or _verb_key(head):
        return False  # "Okada, asked about the incidents, said": the question is not what was said
    first = next(t for t in verb.subtree if not t.is_punct)
    before = doc[: first.i].text.rstrip(MARKS_AND_SPACE)
    return before.endswith(",") and _has_subject(verb) and not _has_clause(verb)


def _inverted_content(verb: Token, key: str) -> Token | None:
    """ "Talks will resume in May, said the minister": the clause before the verb."""
    return verb.head if inverted(verb) else None


def _content_after_particle(verb: Token, key: str) -> Token | None:
    """ "Xi called for [a ceasefire]": the object of its particle."""
    lemma, _, particle = key.partition(" ")
    particle = particle or _particle_of(verb, lemma)  # "warned against spoilers"
    if not particle or not verbs.plays(lemma, verbs.REPORTS_AFTER):
        return None
    after = verbs.particles(lemma)
    return next((o for c in verb.children if c.lower_ in after for o in c.children if o.dep_ == POBJ), None)


def _particles_object(verb: Token, head: Token) -> bool:
    """ "hit out at [China] for what he called ...": the object of the verb's own particle, which
    the verb's phrases after it complete as they complete an object."""
    return (
        head.dep_ == POBJ
        and head.head.head == verb
        and head.head.lower_ in verbs.particles(verb.lemma_.lower())
    )


def _content_of_stance(verb: Token, key: str) -> Token | None:
    """ "Modi expressed hope [that the talks would resume]": the clause its stance noun governs;
    "voiced [concern over the strikes]", "expressed [appreciation for Japan's role]": the noun's
    whole phrase, where what it governs is a phrase (whose "of" may name the holder: "the concerns
    of the United States about ...")."""
    if not verbs.plays(key, verbs.STANCE):
        return None
    nouns = [c for c in verb.children if c.lemma_ in STANCE_NOUNS]
    clauses = [g for n in nouns for g in n.children if g.dep_ in STANCE_CLAUSES]
    if clauses:
        return clauses[0]
    return next((n for n in nouns if _completed_by_phrase(verb, n)), None)


def _completed_by_phrase(verb: Token, noun: Token) -> bool:
    """ "concern [over the strikes]": a phrase on the noun, or right after it on the verb."""
    after = noun.right_edge.i + 1
    return any(g.dep_ == PREP for g in noun.children) or any(
        c.dep_ == PREP and c.i == after for c in verb.children
    )


def _bare_noun(token: Token) -> bool:
    """ "reiterated [his opposition]": a noun with only a possessive,
    which names a topic, not what was said ("hailed the latest move", "urged patience" do)."""
    words, doc = list(token.subtree), token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    completed = after is not None and (
        after.pos_ == "ADP"  # "tweeted a plea [for calm]", parsed on the verb
        or any(
            c.dep_ == OPRD and c.left_edge.i == after.i for c in token.head.children
        )  # "labelled the plan [a gamble]"
    )
    return len(words) == 2 and words[0].tag_ in BARE_DETERMINERS and token.pos_ == "NOUN" and not completed


def _object_content(verb: Token, key: str) -> Token | None:
    """ "Merkel hailed [the deal]", "urged [restraint]": its object."""
    if not verbs.plays(key, verbs.REPORTS_OBJECT):
        return None
    obj = next((c for c in verb.children if c.dep_ == DOBJ), None)
    if obj is None or obj.ent_type_ in SUMS or (_bare_noun(obj) and not _predicate_after_object(obj)):
        return None  # "pledged [$40 million]": a sum given, not words
    return obj


def _predicate_after_object(head: Token) -> list[Token]:
    """ "acknowledging [fears of globalization] [were well founded]": a tensed verb with no subject
    right after the object is the rest of a clause whose subject the parser took as the object."""
    doc, after = head.doc, head.right_edge.i + 1
    if head.dep_ != DOBJ or after >= len(doc) or doc[after].tag_ not in FINITE_TAGS:
        return []
    clause = doc[after].head if doc[after].dep_ in AUXILIARIES else doc[after]
    if clause.i < after or _has_subject(clause):
        return []
    return list(doc[after : clause.right_edge.i + 1])


def _clause_parsed_as_object(verb: Token, key: str) -> Token | None:
    """ "Critics have said [Sharon's condition that violence must stop is unrealistic]", 'said [this
    had "damaged trust"]': the object of a verb that reports clauses, holding a subject of its own,
    is the clause misparsed."""
    if verbs.plays(key, verbs.REPORTS_OBJECT) or not verbs.plays(key, verbs.REPORTS):
        return None
    obj = next((c for c in verb.children if c.dep_ == DOBJ and c.pos_ != "PRON"), None)
    return obj if obj is not None and any(t.dep_ in SUBJECTS for t in obj.subtree) else None


def _passive_content(verb: Token, key: str) -> Token | None:
    """ "[The rail link] was hailed by Scholz": the passive's subject, when someone said it."""
    if not verbs.plays(key, verbs.REPORTS_OBJECT) or _by_agent(verb) is None:
        return None
    return next((c for c in verb.children if c.dep_ == NSUBJPASS), None)


# where the content of a verb of saying starts, tried in order
CONTENT_RULES: tuple[Callable[[Token, str], Token | None], ...] = (
    _clause_content,
    _clause_in_phrase,
    _clause_under_particle,
    _wh_content,
    _parenthetical_content,
    _inverted_content,
    _content_after_particle,
    _content_of_stance,
    _object_content,
    _clause_parsed_as_object,
    _passive_content,
)


def _content_head(verb: Token, key: str) -> Token | None:
    for rule in CONTENT_RULES:
        head = rule(verb, key)
        if head is not None:
            return head
    return None


def _opens_content(token: Token, head: Token) -> bool:
    """ "that", a comma, "and": words before what was said. A clause's own conjunction stays
    ("announced that while the minister had been careless, no charges were appropriate")."""
    if token.dep_ == MARK:
        return token.head == head or token.lower_ == "that"
    return token.is_punct or token.lower_ in OPENING_WORDS


def _trails_content(token: Token) -> bool:
    """ "said the talks went well, and": punctuation (a closing quotation mark aside), a space
    or a conjunction left at the end of what was said."""
    return (token.is_punct and not mark_family(token.text[-1])) or token.is_space or token.dep_ == CC


def _backshifted(clause: Token) -> bool:
    """ "the dates had not yet been agreed": a clause in reported speech's shifted tense."""
    return any(c.dep_ in AUXILIARIES and c.lower_ in BACKSHIFT for c in clause.children)


def _present_as_reported(verb: Token, content: Token, clause: Token) -> bool:
    """ "conceded he has ..., but they have ...": past saying, present in both clauses (the
    reported clause's unshifted tense)."""
    return verb.tag_ == "VBD" and {content.tag_, clause.tag_} <= PRESENT_TAGS


def _set_against(token: Token) -> bool:
    """ ", while his allies could assume ...": a clause set against another by its conjunction."""
    return token.dep_ == ADVCL and any(c.dep_ == MARK and c.lower_ in CONTRAST_MARKS for c in token.children)


def _continues_report(verb: Token, content: Token, conj: Token) -> bool:
    """A clause joined to the verb of saying after its content ("but ...", ", while ..."), with a
    subject of its own, in the reported clause's tense; a joined verb with a clause of its own
    ("... and urged X to ...") is new speech."""
    return (
        ((conj.dep_ == CONJ and not _has_clause(conj)) or _set_against(conj))
        and conj.i > content.i
        and _has_subject(conj)
        and (_backshifted(conj) or _present_as_reported(verb, content, conj))
    )


def _reported_continuation(verb: Token, content: Token) -> list[Token]:
    """ "told reporters that the president had accepted ..., but the dates had not yet been
    agreed": a clause joined to the verb of saying, in the reported clause's back-shifted tense,
    is more of what was said."""
    if content.dep_ not in REPORTED_HEADS or content.i < verb.i:
        return []
    if content.dep_ == DOBJ and not any(t.dep_ in SUBJECTS for t in content.subtree):
        return []  # "hailed the deal and it would ...": an object, not a clause, was said
    for conj in verb.children:
        if _continues_report(verb, content, conj):
            cc = [c for c in verb.children if c.dep_ == CC and content.i < c.i < conj.i]
            return cc + list(conj.subtree)
    return []


def _misparsed_continuation(verb: Token, head: Token, end: int) -> list[Token]:
    """What the parser hung elsewhere though it continues the content after ``end``: more
    objects of the same particle ("called for [de] [-] [escalation]"), and, on the verb of saying,
    a second object ("appreciation for Peru['s] [two decades of help]") or a second clause right
    after it ('discussing with Abe ["key issues"]'), a noun joined to it ("called for X and [a
    return to diplomacy]": a verb joins no noun) or a bare infinitive ("underscored his desire to
    keep ties, [expand trade], and manage ...")."""
    if head.i < verb.i:
        return []
    siblings = [o for o in head.head.children if o.dep_ == POBJ and o.i > end] if head.dep_ == POBJ else []
    joined = [c for c in verb.children if c.i > end and _continues_on_verb(c, end)]
    tokens: list[Token] = []
    for part in sorted(siblings + joined, key=lambda t: t.i):
        if part.left_edge.i > end + 2:  # only a comma and a conjunction may come between
            break
        tokens += list(verb.doc[end + 1 : part.right_edge.i + 1])
        end = part.right_edge.i
    return tokens


def _continues_on_verb(child: Token, end: int) -> bool:
    """A child of the verb of saying that can only be more of its content (see above)."""
    if child.dep_ == CCOMP:
        return _right_after(child.doc, end, child)
    return _joined_noun(child) or _bare_infinitive(child) or child.dep_ == DOBJ


def _right_after(doc: Doc, end: int, clause: Token) -> bool:
    """The clause opens right after the content's end, or after quotation marks only (not after
    a semicolon or a comma: "...; Scholz, for his part, left" is narration)."""
    first = clause.left_edge
    between = doc[end + 1 : first.i]
    return all(mark_family(t.text[0]) for t in between) and (
        not first.is_punct or bool(mark_family(first.text[0]))
    )


def _joined_noun(token: Token) -> bool:
    return token.dep_ == CONJ and token.pos_ in NOUN_POS


def _bare_infinitive(token: Token) -> bool:
    return (
        token.dep_ in {ADVCL, CONJ}
        and token.tag_ == "VB"
        and not any(c.dep_ in SUBJECTS | AUXILIARIES | {MARK} for c in token.children)
        and _verb_key(token) is None
    )


def _modal(clause: Token) -> bool:
    return any(c.dep_ in AUXILIARIES and c.tag_ == "MD" for c in clause.children)


def _listed_clauses(verb: Token, content: Token, end: int) -> list[Token]:
    """ "said that A must be done by May; B must be destroyed by June; and C ...": further clauses
    of the verb of saying after a semicolon closing its content, like it with a modal (a list of
    what must or will be done), continue what was said ("; Binh, for his part, left": narration)."""
    doc, tokens = verb.doc, []
    for clause in (c for c in verb.children if c.dep_ == CCOMP and c.i > content.i):
        first = next(t for t in clause.subtree if not t.is_punct)
        opens = [t.text for t in doc[end + 1 : first.i]]
        if opens != [";"] or not (_modal(content) and _modal(clause)):
            break
        tokens += list(doc[end + 1 : clause.right_edge.i + 1])
        end = clause.right_edge.i
    return tokens


def _on_heads_side(verb: Token, head: Token, tokens: list[Token]) -> list[Token]:
    """The content's words on its side of the verb: all of a parenthetical's clause as written
    ("The summit, she said, went well"), before a verb after its clause without the verb's own
    words ("X, Kerry said, and Y"), else those before or after the verb."""
    if parenthetical(verb) and head == verb.head:
        return tokens
    if head.i < verb.i:
        return [t for t in tokens if t.i < verb.left_edge.i or (t.i < verb.i and head != verb.head)]
    return [t for t in tokens if t.i > verb.i]


def _addressee(verb: Token, head: Token) -> list[Token]:
    """ "urged Islamabad to improve ...": whom the verb addresses, before its clause."""
    if head.dep_ != XCOMP:
        return []
    told = next((c for c in verb.children if c.dep_ == DOBJ and verb.i < c.i < head.i), None)
    return list(told.subtree) if told is not None else []


def _condition_after(verb: Token, end: int) -> list[Token]:
    """ "said the inspectors could go, [provided the regime cooperates, since ...]": a condition
    after a comma closing the content, parsed as the verb's, is part of what was said."""
    doc = verb.doc
    for child in verb.children:
        between = [t.text for t in doc[end + 1 : child.i]]
        comma = between == [","] or (not between and doc[end].text == ",")
        if child.lower_ in CONDITIONS_AFTER and child.i > end and comma:
            return list(doc[end + 1 : child.right_edge.i + 1])
    return []


def _verb_complements(verb: Token, end: int) -> list[Token]:
    """ "praised the choice of Berlin for the first trip", "thanked them for their patience",
    "expressed optimism about X after a cleric was elected": the verb's phrases and clauses
    right after its object complete what was said (a source, or a clause after a comma, not)."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ not in COMPLEMENTS:
            continue
        if not (_next_to(verb.doc, end, child.left_edge.i) or _manner_after_comma(verb.doc, end, child)):
            continue
        if child.lower_ == "according":
            continue
        tokens += list(child.subtree)
        end = child.right_edge.i
    return tokens


def _manner_after_comma(doc: Doc, end: int, clause: Token) -> bool:
    """ "affirmed its commitment to the defense of Japan, [using its full range of capabilities]",
    "recognized the visit as significant, [to celebrate the anniversary]": a participle or
    to-clause of the verb after the comma closing its object, with no subject and no speech of its
    own (", saying that ...", ", adding ..." are new speech), completes what was said."""
    first = clause.left_edge
    return (
        clause.dep_ == ADVCL
        and [t.text for t in doc[end + 1 : first.i]] == [","]
        and (clause.tag_ == "VBG" or first.lower_ == "to")
        and first.i <= clause.i
        and not _has_subject(clause)
        and _verb_key(clause) is None
    )


def _next_to(doc: Doc, end: int, start: int) -> bool:
    """'described ties as "growing" [even though ...]': ``start`` follows ``end`` with at most
    quotation marks between them, a dash, or a comma before a narrowing word ("the need to
    invest, [especially] in energy")."""
    between = doc[end + 1 : start]
    if start > end and all(mark_family(t.text[-1]) for t in between):
        return True
    if [t.text for t in between] in DASHES:
        return True  # "support at all levels - from the party to the people"
    return start < len(doc) and [t.text for t in between] == [","] and _narrows(doc[start])


def _narrows(token: Token) -> bool:
    """ "the need to invest, [especially] in energy", "affirmed the importance of cybersecurity, [as]
    a critical enabler of ...": a word after a comma that narrows or casts what was said (a
    preposition "as", not the conjunction of a clause of the writer's: ", as the talks ended")."""
    return token.lower_ in FOCUS_WORDS or (token.lower_ == "as" and token.dep_ == PREP)


def _contrast(token: Token) -> bool:
    """ ", while Britain and France remained concerned ...": a clause with its own subject set
    against what was said is the writer's narration, not part of it."""
    return (
        _set_against(token)
        and _has_subject(token)
        and not _backshifted(token)  # "..., while his allies could assume ...": still what was said
    )


def _shares_content(token: Token) -> bool:
    """ "said Kazakhstan adheres to ... and welcomes more investment": a verb coordinated with
    the reported clause's own verb, in the same tense, belongs to what was said; one with a
    clause of its own ("... and underlined that ...", "... and urged X to ...") is new speech."""
    head = token.head
    return (
        token.dep_ == CONJ
        and not _has_clause(token)
        and head.pos_ in VERB_POS
        and _verb_key(head) is None
        and token.tag_ == head.tag_
        and head.dep_ in REPORTED_CLAUSE_VERBS
        and not _has_subject(token)
    )


def _own_speech(token: Token) -> bool:
    """A clause of its own speech inside the content: ", adding that ..." """
    if _shares_content(token):
        return False
    if token.dep_ == CONJ and _verb_key(token) and not _has_subject(token):
        return True  # "... and has portrayed the summit as ..."
    return token.dep_ in JOINED_CLAUSES and token.tag_ == "VBG" and _verb_key(token) is not None


def _ends_content(token: Token, head: Token) -> bool:
    """ "said the talks went well, adding that ...", "..., while Britain remained concerned":
    where what was said gives way to other speech or to the writer's narration."""
    return token is not head and (_own_speech(token) or _contrast(token))


def _trimmed_body(tokens: list[Token]) -> list[Token]:
    """ "Talks will resume in May, according to ...": the words without spaces, leading
    punctuation, or trailing punctuation and conjunctions."""
    body = [t for t in tokens if not t.is_space]
    while body and ((body[-1].is_punct and not mark_family(body[-1].text[-1])) or body[-1].dep_ == CC):
        body.pop()
    while body and body[0].is_punct:
        body.pop(0)
    return body


class Statements:
    def __init__(self, doc: Doc, layout: Layout, quotations: Quotations, people: People):
        self.doc, self.layout, self.q, self.people = doc, layout, quotations, people
        self.text = doc.text

    def _tokens(self, lo: int, hi: int) -> list[Token]:
        if hi <= lo:
            return []
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    def _outside_quotes(self, tokens: list[Token]) -> list[Token]:
        return [t for t in tokens if not self.q.in_quote(t)]

    # --- the sentence around a quotation ------------------------------------------------------
    def _sentence_bounds(self, quote: Quote) -> tuple[int, int]:
        """From the last full stop before the quote to the first one after it (marks aside),
        within its paragraph and at most CONTEXT_CHARS either side (a run-on paragraph)."""
        block = self.q.block_of[quote.start]
        block_end = self._block_ends[block]
        before = bisect.bisect_right(self._stops, quote.start - 2) - 1
        lo = self._stops[before] + 1 if before >= 0 and self._stops[before] >= block else block
        after = bisect.bisect_left(self._stops, quote.end + 1)
        hi = self._stops[after] if after < len(self._stops) else block_end
        hi = min(hi, self._next_quote(quote), block_end)
        return max(lo, quote.start - 1 - CONTEXT_CHARS), min(hi, quote.end + 1 + CONTEXT_CHARS)

    @functools.cached_property
    def _stops(self) -> list[int]:
        """Where sentences end outside quotations, in order."""
        return [m.start() for m in STOP.finditer(self.text) if self._ends_sentence(m.start())]

    @functools.cached_property
    def _block_ends(self) -> dict[int, int]:
        return {b.start: b.end for b in self.layout.blocks}

    def _next_quote(self, quote: Quote) -> int:
        """The first character of another quotation after ``quote`` (one character apart at least)."""
        for other in self.q.after(quote):
            at = max(other.start, quote.end + 2)
            if at < other.end:
                return at
        return len(self.text)

    def _ends_sentence(self, i: int) -> bool:
        if self.text[i] not in SENTENCE_END or self.q.at(i) is not None:
            return False
        after = self.text[i + 1 : i + 2]
        return (not after or after.isspace()) and not ABBREVIATION.search(self.text[max(0, i - 5) : i + 1])

    # --- speakers ------------------------------------------------------------------------------
    def _resolve(self, subject: Token) -> str | None:
        """The speaker a subject names; "I" outside quotation marks is the writer of a first-person
        release, its first author ("I told Dr Vega that ..."); "we" names no one."""
        if subject.text == WRITER and not self.q.in_quote(subject):
            return next(iter(self.layout.meta.authors), None)
        return self.people.resolve(subject)

    def _named_subject(self, verbs_of_saying: list[Token]) -> str | None:
        """'"...," Macron told Xi': the first verb of saying whose subject is a known person
        (a pronoun other than he, she or the writer's "I"; "we", "it", name no one)."""
        for verb in verbs_of_saying:
            subject = subject_of(verb)
            if subject is not None and not (
                subject.pos_ == "PRON" and subject.lower_ not in PRONOUNS and subject.text != WRITER
            ):
                name = self._resolve(subject)
                if name:
                    return name
        return None

    def _speaker_from(self, tail: list[Token], head: list[Token], inside: Token | None = None) -> str | None:
        """The subject of a verb of saying whose clause holds the quotation ('X said it would damage
        the "...", while Y asked'), else of one after it, else before it; an "according to" source
        before any verb that does not hold it ('"...," Macron told Xi, according to his office';
        'Macron "banged his fist", according to an aide, accusing ...')."""
        tail, head = self._outside_quotes(tail), self._outside_quotes(head)
        verbs_of_saying = [t for t in tail if _verb_key(t)] + sorted(
            (t for t in head if _verb_key(t)), key=lambda v: (v.lemma_ == "agree", v.i)
        )
        name = self._named_subject(
            _just_before(head) + _holding(verbs_of_saying, inside)
            or list(filter(_has_subject, verbs_of_saying))
        )
        if name:
            return name
        source = according_to(tail) or according_to(head)
        if source is not None:
            return self.people.resolve(source)
        name = self._named_subject(verbs_of_saying)
        if name:
            return name
        return next((name for verb in verbs_of_saying if (name := self.speaker_of(verb))), None)

    def speaker_of(self, verb: Token) -> str | None:
        subject = subject_of(verb)
        if subject is not None:
            return self._resolve(subject)
        person = self.people.person_before(verb)
        return person.name if person is not None else None

    def _pull_quote_speaker(self, block_start: int) -> str | None:
        written = self.layout.pull_quotes.get(block_start)
        if not written:
            return None
        for person in self.people.persons:
            if (
                person.name == written
                or written in person.aliases
                or written.split()[-1].lower() == person.surname
            ):
                return person.name
        return written

    # --- direct quotations ---------------------------------------------------------------------
    def _around(self, quote: Quote) -> tuple[list[Token], list[Token]]:
        """The words of the quotation's sentence after it and before it."""
        lo, hi = self._sentence_bounds(quote)
        tail = (
            self._tokens(quote.end + 1, hi) if hi > quote.end + 1 and not self._closes_sentence(quote) else []
        )
        head = self._tokens(lo, max(lo, quote.start - 1)) if quote.start - 1 > lo else []
        return tail, head

    def _closes_sentence(self, quote: Quote) -> bool:
        """'"... in our history." Arce said the talks would go on': a full stop inside the closing
        mark, a capital after it, ends the sentence (the next one's subject is not the speaker)."""
        after = self.text[quote.end + 1 : quote.end + 4].lstrip()
        return self.text[quote.end - 1 : quote.end] == "." and after[:1].isupper()

    def direct(self) -> list[StatementFound]:
        """Every quotation of a few words with its speaker: named around it, written above the
        paragraph, else the paragraph's last speaker, else (with no words before it in its
        sentence) the story's last speaker."""
        found: list[StatementFound] = []
        last_speaker_in_block: dict[int, str] = {}
        last_speaker, last_block = None, None
        for quote in self.q.quotes:
            if quote.words(self.text) < MIN_QUOTE_WORDS:
                continue
            block = self.q.block_of[quote.start]
            if last_block is not None:
                last_speaker = self._chain_speaker(last_block, block, last_speaker)
            last_block = block
            tail, head = self._around(quote)
            inside = self._tokens(quote.start, quote.end)
            speaker = self._speaker_from(tail, head, inside[0] if inside else None)
            if speaker is None:
                speaker = self._pull_quote_speaker(block) or last_speaker_in_block.get(block)
            if speaker is None and not head:
                speaker = last_speaker
            last_speaker_in_block[block] = speaker or last_speaker_in_block.get(block)
            last_speaker = speaker or last_speaker
            found.append(
                StatementFound(speaker, self.text[quote.start : quote.end], "direct", quote.start, quote.end)
            )
        found = self._speaker_at_the_end(self._one_speaker_per_sentence(found))
        return [f for f in found if f.speaker or not titled(f.text)]

    def _one_speaker_per_sentence(self, found: list[StatementFound]) -> list[StatementFound]:
        """'"This is a breakthrough" that will "bring peace", the statement reads': a quotation with
        no speaker takes the one of the next quotation of its sentence."""
        for k in range(len(found) - 2, -1, -1):
            this, after = found[k], found[k + 1]
            if this.speaker is None and after.speaker and self._same_sentence(this.end, after.start):
                found[k] = dataclasses.replace(this, speaker=after.speaker)
        return found

    def _speaker_at_the_end(self, found: list[StatementFound]) -> list[StatementFound]:
        """'“I have heard many complaints ...¶“I am grateful,” said Mr Mark.': a quotation left
        open at its paragraph's end runs on into the next paragraph's, and its speaker is the one
        named at the end of the whole quotation."""
        for k in range(len(found) - 2, -1, -1):
            this, after = found[k], found[k + 1]
            if this.speaker is None and after.speaker and self._runs_on_into(this, after):
                found[k] = dataclasses.replace(this, speaker=after.speaker)
        return found

    def _runs_on_into(self, this: StatementFound, after: StatementFound) -> bool:
        """No closing mark after ``this``, and only space and an opening mark before ``after``."""
        closed = mark_family(self.text[this.end : this.end + 1]) is not None
        between = self.text[this.end : after.start]
        return not closed and "\n" in between and not between.strip().strip(MARKS_AND_SPACE)

    def _same_sentence(self, lo: int, hi: int) -> bool:
        """No sentence end nor paragraph break between two offsets."""
        return "\n" not in self.text[lo:hi] and not any(lo <= stop < hi for stop in self._stops)

    def _chain_speaker(self, earlier: int, later: int, speaker: str | None) -> str | None:
        """Whom an unattributed quotation paragraph continues: the last quotation's speaker, unless
        a paragraph without quotations comes between: then the speaker of the speech it reports
        ("He said both agreed ..."), or no one after narration."""
        for block in self._story:
            if earlier < block.start < later and block.start not in self._quoted_blocks:
                speaker = self._reporting_speaker(block.start, block.end)
        return speaker

    def _reporting_speaker(self, lo: int, hi: int) -> str | None:
        """The speaker of the last verb of saying with a subject of its own in a paragraph."""
        said = [t for t in self._outside_quotes(self._tokens(lo, hi)) if _reports(t) and _has_subject(t)]
        return self.speaker_of(said[-1]) if said else None

    @functools.cached_property
    def _story(self) -> list:
        return self.layout.story_blocks()

    @functools.cached_property
    def _quoted_blocks(self) -> set[int]:
        return {self.q.block_of[q.start] for q in self.q.quotes if q.words(self.text) >= MIN_QUOTE_WORDS}

    # --- reported speech -----------------------------------------------------------------------
    def _not_reported_speech(self, verb: Token, key: str) -> bool:
        """'"...," he asked', a verb inside a quotation, "did not say", "said ... and welcomes"
        (part of another's content), and a joint vow ("A and B vowed to ...": a commitment, an
        agreement, not one speaker's words) report no speech of their own."""
        return (
            _only_quotes(key)
            or self.q.in_quote(verb)
            or any(c.dep_ == NEG for c in verb.children)
            or _shares_content(verb)
            or _hearsay(verb)
            or _not_said(verb)
            or (verbs.plays(key, verbs.COMMITS) and joint_subject(subject_of(verb), strict=True))
            or states_position(subject_of(verb))
            or _inside_reported_clause(verb)
            or _relays(verb)
            or _kind_of_saying(verb)
        )

    def _reported(self, verb: Token) -> StatementFound | None:
        """ "Erdogan said that Turkey would continue to take measures": what the verb reports and
        who said it."""
        key = _verb_key(verb)
        if not key or self._not_reported_speech(verb, key):
            return None
        content = self._content(verb, key)
        if content is None:
            return None
        lo, hi, head = content
        if self._introduces_quotation(lo) or not self._says_enough(lo, hi, head):
            return None
        speaker = self._joint_statement(verb) or self.speaker_of(verb)
        if not speaker:
            return None
        return StatementFound(speaker, self.text[lo:hi], "indirect", lo, hi)

    def _says_enough(self, lo: int, hi: int, head: Token) -> bool:
        """ "called for patience", 'called for "a united republic"': a noun phrase says what was said
        in a word, or wholly in quotation marks; a clause needs a few words outside quotation marks
        or a subject before a partial quotation ('said: "..."' only introduces a quotation)."""
        tokens = self._tokens(lo, hi)
        if head.pos_ not in VERB_POS and head.dep_ not in CLAUSES:
            named = [t for t in tokens if t.pos_ not in FUNCTION_POS]  # not "who" nor "it"
            # "after the initial plan was announced by ...": a passive's short subject is narration
            return len(named) >= (MIN_CONTENT_WORDS if head.dep_ == NSUBJPASS else 1)
        outside = [t for t in self._outside_quotes(tokens) if not t.is_punct]
        return len(outside) >= MIN_CONTENT_WORDS or self._partial_quotation(tokens)

    def _introduces_quotation(self, lo: int) -> bool:
        """'said: "We believe ..." because of the attack': what opens with a quotation after a colon
        or comma is the quotation the verb introduces, whatever the writer adds after it."""
        if self.q.at(lo) is None:
            return False
        before = self.text[:lo].rstrip(MARKS_AND_SPACE)
        return before.endswith((":", ","))

    def _partial_quotation(self, tokens: list[Token]) -> bool:
        """'said the move "represents a grave harm"', 'asked ministers to "think again"': a clause
        whose subject (or addressee) the writer gives before a quotation that completes it is
        reported speech with a partial quotation (the quotation is a statement too); 'said: "..."'
        only introduces a quotation."""
        if not tokens or self.q.in_quote(tokens[0]) or mark_family(tokens[0].text[-1]):
            return False
        return any(t.dep_ in WRITER_GIVES and not self.q.in_quote(t) for t in tokens) and any(
            self.q.in_quote(t) for t in tokens
        )

    def indirect(self) -> list[StatementFound]:
        return [found for verb in self.doc if (found := self._reported(verb)) is not None]

    def _joint_statement(self, verb: Token) -> str | None:
        """ "In a joint statement, the two governments said ...": the statement is the speaker,
        unless one named person speaks."""
        subject = subject_of(verb)
        if subject is not None and self.people.person_at(subject) and not subject.conjuncts:
            return None
        for prep in verb.children:
            document = [o for o in prep.children if o.dep_ == POBJ and o.lemma_.lower() in STATEMENT_NOUNS]
            if prep.lower_ == "in" and document:
                return self.people.resolve(document[0])
        return None

    # --- "according to" ------------------------------------------------------------------------
    def _according_body(self, token: Token, source: Token) -> list[Token]:
        """ "According to the Kremlin, talks will resume in May": the rest of the sentence after
        the source when the phrase opens it, else the sentence before the phrase ("Talks will
        resume in May, according to the Kremlin")."""
        sent = token.sent
        if token.i - sent.start <= 1:
            return _trimmed_body(list(self.doc[source.right_edge.i + 1 : sent.end]))
        return _trimmed_body(list(self.doc[sent.start : token.i]))

    def _according_statement(self, token: Token) -> StatementFound | None:
        """ "Talks will resume in May, according to the Kremlin": what a person or written
        source is reported to have said (not a figure's source, not another verb's content)."""
        if token.lower_ != "according" or self.q.in_quote(token):
            return None
        source = according_to([token])
        if source is None or source.lemma_.lower() in DATA_NOUNS:
            return None  # "according to a recent U.N. estimate": a figure's source, not speech
        speaker = self.people.resolve(source)
        if speaker is None:
            return None
        body = self._according_body(token, source)
        if not self._reported_by_source(body):
            return None
        lo, hi = body[0].idx, body[-1].idx + len(body[-1].text)
        return StatementFound(speaker, self.text[lo:hi], "indirect", lo, hi)

    def _reported_by_source(self, body: list[Token]) -> bool:
        """ "Talks will resume in May, according to ...": a few words of the writer's, not another
        verb's speech ("Downing Street said ..., according to a briefing note": Downing Street
        speaks) and not a quotation (a clause completed by a partial one is: 'At one point Macron
        "banged his fist on the table", according to an aide')."""
        if any(_reports(t) for t in body):
            return False
        quoted = any(self.q.in_quote(t) for t in body)
        return len(body) >= MIN_CONTENT_WORDS and (not quoted or self._partial_quotation(body))

    def according(self) -> list[StatementFound]:
        return [found for token in self.doc if (found := self._according_statement(token)) is not None]

    # --- the content of a verb of saying -------------------------------------------------------
    def _whom_not_what(self, head: Token, complements: list[Token]) -> bool:
        """ "welcomed Macron in Berlin", "to recognise Israel": an object that is a person or a state
        is whom, not what was said ("thanked Scholz for the help": what, the phrase after "for")."""
        return (
            head.dep_ == DOBJ
            and (
                bool(self.people.person_at(head))
                or head.ent_type_ in STATE_LABELS
                or head.lower_ in PERSON_NOUNS  # "recalled its ambassador", "thanked the minister"
            )
            and not (complements and complements[0].lower_ in FOR_WHAT)
        )

    def _content_tokens(self, verb: Token, key: str, head: Token) -> list[Token]:
        """The content's words on the head's side of the verb: whom the verb addresses before a
        clause, the head's phrase, the verb's complements after an object or stance noun and a
        reported continuation; none where the object is whom, not what."""
        particles = verbs.particles(verb.lemma_.lower())  # "made [clear] that": the verb's, not said
        tokens = [t for t in head.subtree if not (t.i == verb.i + 1 and t.lower_ in particles)]
        after_object = head.dep_ == DOBJ or verbs.plays(key, verbs.STANCE) or _particles_object(verb, head)
        predicate = _predicate_after_object(head)  # "acknowledging fears [were well founded]"
        tokens += predicate
        complements = _verb_complements(verb, tokens[-1].i) if after_object else []
        if self._whom_not_what(head, complements):
            return []
        tokens = _addressee(verb, head) + tokens + complements + _reported_continuation(verb, head)
        tokens += _misparsed_continuation(verb, head, max(t.i for t in tokens))
        if head.i > verb.i:
            tokens += _condition_after(verb, tokens[-1].i)
            tokens += _listed_clauses(verb, head, tokens[-1].i)
        end = aside_end(verb)  # "- which the army said came in response to attacks - took place"
        return _on_heads_side(verb, head, [t for t in tokens if end is None or t.i < end])

    def _content(self, verb: Token, key: str) -> tuple[int, int, Token] | None:
        """The characters of what ``verb`` reports and the head of its words, or None where it
        reports nothing."""
        head = _content_head(verb, key)
        if head is None:
            return None
        tokens = self._content_tokens(verb, key, head)
        span = self._content_span(tokens, head) if tokens else None
        return (*span, head) if span is not None else None

    def _content_span(self, tokens: list[Token], head: Token) -> tuple[int, int] | None:
        """ "said that, according to his office, the talks went well, adding that ...": the
        content's words without its source, its opening "that", the speech or contrast after it
        and trailing punctuation."""
        first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)  # in reading order
        source = according_to(tokens)  # "..., according to a statement": the source is not content
        if source is not None:
            first, last = self._without_source(source, first, last, head)
        cut = next((t for t in tokens if _ends_content(t, head) and not self.q.in_quote(t)), None)
        first = self._first_said(first, last, head)
        if first is None:
            return None
        if cut is not None and cut.left_edge.i > first.i:
            last = self.doc[cut.left_edge.i - 1]  # a clause set against what was said after it
        while last.i > first.i and _trails_content(last):
            last = self.doc[last.i - 1]
        if last.i < first.i:
            return None
        return first.idx, last.idx + len(last.text)

    def _first_said(self, first: Token, last: Token, head: Token) -> Token | None:
        """ "said, that the talks": the first word of what was said after "that", commas and
        "and" (None where nothing else is left)."""
        while _opens_content(first, head):
            if first.i >= last.i:
                return None
            first = self.doc[first.i + 1]
        return first

    def _without_source(self, source: Token, first: Token, last: Token, head: Token) -> tuple[Token, Token]:
        """The content without its "according to" source: cut before it ("said the talks went
        well, according to his office") or after it when it opens the content ("said that,
        according to his office, the talks went well")."""
        according = source.head.i - 1
        if any(not _opens_content(t, head) for t in self.doc[first.i : according]):
            return first, self.doc[according - 1]
        after = source.right_edge.i + 1
        return (self.doc[after], last) if after <= last.i else (last, last)
