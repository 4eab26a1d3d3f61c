"""Agreements: what the parties agreed, signed, decided together or committed to.

``Agreements(doc, quotations, people).find()`` reads every verb that is not negated. Three
chains of small rules, each tried in order, say what it agreed:

- ``STATUS_RULES``: which verbs make an agreement, with what status, whose subject and what
  content ("agreed", "signed", "decided" with a joint subject, "vowed" by two named parties ...);
- ``END_CUTS``: where the text of what was agreed ends (before a second verb, a trailing clause
  of context, a quotation);
- ``Agreements._parties``: who the parties are (a bloc acting as one, the states named in the
  subject or after "with", a run of states in the sentence, else the meeting's participants).

The topic of each agreement is ``agreement_topics.topic``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from . import geo, occasion, verbs
from .agreement_topics import topic, topic_head
from .deps import (
    ACL,
    ADVCL,
    AMOD,
    APPOS,
    ASIDES,
    AUX,
    AUXPASS,
    CC,
    CCOMP,
    CONJ,
    DET,
    DOBJ,
    MARK,
    MODIFIERS_OF_NAMES,
    NEG,
    NSUBJ,
    NSUBJPASS,
    NUMMOD,
    PCOMP,
    POBJ,
    POSS,
    PREP,
    RELCL,
    SUBJECTS,
    XCOMP,
)
from .lexicon import (
    AGREEING_NOUNS,
    JOINT_MARKS,
    JOINT_NOUNS,
    NOT_YET,
    PLEDGE_NOUNS,
    SENIOR_ROLE,
    SHARED_NOUNS,
    STATEMENT_NOUNS,
    TERMS_NOUNS,
)
from .nlp import entity_at
from .people import People, joint_subject
from .quotations import Quotations
from .result import AgreementFound

AGREED = "agreed"
COMMITTED = "committed"
SIGNED = "signed"
REAFFIRMED = "reaffirmed"
DECIDED = "decided"
PAST = "VBD"  # "agreed", "resolved"
PRESENT = frozenset({"VB", "VBP", "VBZ"})  # "ties [form] the bedrock"
NOUN_TAGS = frozenset({"NOUN"})  # "a joint [statement]", "the [signing] of"

# "Putin accepted an [invitation] to visit Tokyo": what an ACCEPTS verb agrees to.
OFFER_NOUNS = frozenset({"invitation"})

AGREED_CONTENT = frozenset({XCOMP, CCOMP, DOBJ, PREP, ADVCL})  # "agreed [to ...]", "signed [a deal]"
INHERITS_SUBJECT = frozenset({CONJ, XCOMP, ADVCL})  # "Putin met Erdogan and [agreed] ...": the head's subject
CLAUSE_OPENERS = frozenset({MARK, *SUBJECTS})  # ", [as] the two seek ...", ", [Hungary] won ..."
PARTY_ORGANISATIONS = frozenset({"ORG", "NORP", "GPE"})  # "[EU] leaders", "[NATO] allies"

PAIR = 2  # an agreement has two parties at least; more than two members acting as one are a bloc
STATE_RUN_SIZES = (4, 3, 2)  # "committing the UK, France and Germany to ...": longest run first
QUOTE_CUT_AFTER = 5  # words of agreed text before a quotation that opens later cuts it

BLOC_MEMBERS = {"leader", "ally", "member", "state", "government", "country", "nation"}
ALWAYS_CONTEXT = {"amid", "despite"}  # never part of what was agreed, comma or not
CONTEXT_PREPOSITIONS = {"amid", "despite", "after", "before", "following", "ahead", "during", "according"}
INFINITIVE_JOINS = {",", "and", ";"}  # ", to B and to C"
OPENING_MARKS = {'"', "“", "‘", "'"}
MODIFYING_CLAUSES = frozenset({RELCL, ACL})  # "countries [which signed the accord]", "a pact [sealed ...]"
TIME_ENTITIES = frozenset({"DATE", "TIME"})  # "signed [in January]": when, not what
# why a clause is not this meeting's agreement (occasion.why_not); terms may lie ahead ("will share")
NOT_THIS_MEETING = frozenset({"ahead", "condition", "directive", "purpose", "negated", "earlier", "separate"})
AHEAD_OF_TERMS = frozenset({"ahead"})  # "Under the accord, the two states will hold ...": still agreed
SIGNING_PURPOSE = frozenset({"purpose"})  # "leaders came to Paris to sign the accord": a ceremony held
PENDING_MARKS = frozenset({"before", "until", "till"})  # "no discount before Belarus agrees to ..."
IMPERSONAL = frozenset({"it"})  # "[It] was decided that ...": no one named, the meeting's parties
NO_ONE = frozenset({"no", "neither"})  # "[no] two nations agree", "[neither] side signed"
LINK_MARKS = ("/", "](")  # a link's address: "[text](/news/2016/...)"
AGREED_ON = frozenset({"on", "to"})  # "our agreement [on] the opening of trade"
PARTY_PREPOSITIONS = frozenset({"between", "among", "amongst"})  # "agreed [between them]": who, not what
AIM_PREPOSITIONS = frozenset({"to", "of", "towards", "toward", "on"})  # "committed [to] reaching a deal"
MADE_TOGETHER = frozenset({"joint"})  # "a [joint] statement" (a "shared commitment" may be one side's)
WILL = frozenset({"will", "shall", "'ll"})  # "the two countries [will] work together"
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "countries [which] signed": the modified noun is the subject
SINGLE_SPEAKERS = frozenset({"he", "she", "i"})  # "[He] posted a joint statement": one side's act
MADE_BY = frozenset({DOBJ, NSUBJPASS})  # "signed [an accord]", "[the accord] was signed": a document made
OWN_POSSESSIVES = frozenset({"their", "our"})  # "reaffirmed [their] ties": the parties' own bond
AGREED_CLAUSES = frozenset({XCOMP, CCOMP})  # "reaffirmed [that ...]": a clause, not a noun, reaffirmed
EXCEPTION = re.compile(
    r",?\s*\b(except(?:ing)?(?: for)?|with the exception of|apart from|but not)\b\s*(.*)$", re.I
)


class Agreed(NamedTuple):
    """What a status rule found: the agreement's status, its subject and the agreed content."""

    status: str
    subject: Token | None
    content: list[Token]
    excused: frozenset[str] = frozenset()  # reasons of ``occasion.why_not`` that do not undo it
    terms: bool = False  # the terms of a document ("the package includes"): one made at the meeting


StatusRule = Callable[[Token, Token | None], Agreed | None]


class Agreements:
    """The agreements of one parsed article. ``last_bloc`` carries a bloc from one agreement to
    the next ("EU leaders agreed ... The leaders also pledged ...")."""

    def __init__(self, doc: Doc, quotations: Quotations, people: People):
        self.doc, self.q, self.people = doc, quotations, people
        self.last_bloc: str | None = None

    def find(self) -> list[AgreementFound]:
        found: list[AgreementFound] = []
        for token in self.doc:
            for item in self._at(token):
                if not any(_overlap(a, item) or _restated(a, item) for a in found):
                    found.append(item)
        return found

    def _at(self, token: Token) -> list[AgreementFound]:
        """The agreements a verb makes, or a noun names ("a joint statement", "the signing of")."""
        if token.pos_ in NOUN_TAGS:
            return self._named(token)
        if token.pos_ not in {"VERB", "AUX"} or _negated(token) or _in_link(token):
            return []
        return self._agreements(token)

    def _agreements(self, verb: Token) -> list[AgreementFound]:
        """What ``verb`` agrees, one item per coordinated infinitive ("agreed to A, B and to C").
        A verb in a modifier gives its governing clause ("eight countries [which signed] ...")."""
        agreed = _first_agreed(verb)
        if agreed is None or not agreed.content:
            return []
        if agreed.terms and not self._document_made(verb, agreed.subject):
            return []
        if verb.sent.start != (agreed.subject or verb).sent.start:
            return []
        clause = _governing_clause(verb)
        if clause is None or not all(_this_meeting(v, agreed.excused) for v in {verb, clause}):
            return []
        subject = agreed.subject if clause is verb else _subject(clause)
        return self._items(clause, subject, agreed.content, agreed.status)

    def _named(self, noun: Token) -> list[AgreementFound]:
        """ "It ended with a joint promise to ...", "The leaders welcomed the signing of ...": the
        clause that governs a noun naming an agreement (not one that opens the sentence)."""
        status = _named_status(noun)
        clause = occasion.clause_verb(noun)
        if not status or clause is None or clause.i > noun.i or not _this_meeting(clause, frozenset()):
            return []
        subject = _subject(clause)
        if _in_context(noun) or (self._one_side(subject) and not _possessed_agreement(noun)):
            return []
        return self._items(clause, subject, [noun, *_said_after(clause, noun)], status)

    def _document_made(self, verb: Token, subject: Token | None) -> bool:
        """ "The two signed a transport accord. The package includes ...": a document's terms are
        agreed at the meeting when the story tells of a document made there (not of arrangements
        in force before it: "The arrangements allow ..."; not "A pact sealed last week allows")."""
        if subject is not None and any(
            c.dep_ in MODIFYING_CLAUSES and occasion.why_not(c) == "earlier" for c in subject.children
        ):
            return False
        return any(_makes_document(t) for t in self.doc[: verb.i + 1])

    def _one_side(self, subject: Token | None) -> bool:
        """ "The president posted a joint statement": one person's act, not the agreement."""
        if subject is None or joint_subject(subject):
            return False
        return (
            subject.lower_ in SINGLE_SPEAKERS
            or self.people.person_at(subject) is not None
            or subject.ent_type_ == "PERSON"
            or (subject.tag_ == "NN" and bool(SENIOR_ROLE.fullmatch(subject.lower_)))
        )

    def _items(self, verb: Token, subject: Token | None, content: list[Token], status: str):
        """One item per agreed clause, with the parties of ``subject`` and ``verb``."""
        spans = self._spans(verb, subject, content)
        parties = self._parties(subject, verb)
        return [
            self._item(first, last, parties, what, status) for first, last, what in spans if first.i <= last.i
        ]

    def _spans(
        self, verb: Token, subject: Token | None, content: list[Token]
    ) -> list[tuple[Token, Token, list[Token]]]:
        """(first token, last token, content) of each agreed item: "A and B agreed to A, to B and
        to C" gives one from the subject to A, then one per further clause."""
        own_subject = subject is not None and subject.i < verb.i and verb.dep_ != CONJ
        start_tok = _phrase(subject)[0] if own_subject else verb
        clauses = self._further_clauses(verb, content)
        stops = [c.left_edge.i for c in clauses] + [len(self.doc)]
        content = [c for c in content if c.i < stops[0]]
        # "agreed, to A and to B" parsed with the first clause reaching back: the clauses alone
        spans = [(start_tok, self._end(content, stops[0]), content)] if content else []
        for clause, stop in zip(clauses, stops[1:], strict=True):
            spans.append((_clause_start(clause), self._end([clause], stop), [clause]))
        return spans

    def _further_clauses(self, verb: Token, content: list[Token]) -> list[Token]:
        """ "agreed to A, to B and to C" (parsed as sibling or chained clauses): B and C. A
        speaker's own "we agreed to A, to B" stays one quoted agreement."""
        if self.q.in_quote(verb):
            return []
        xcomps = [c for c in content if c.dep_ == XCOMP]
        further = {t for x in xcomps for t in [x, *_coordinated_infinitives(x)]} - set(xcomps[:1])
        further |= {t for c in content if c.dep_ == APPOS for t in c.conjuncts if t.i > c.i}  # listed
        return sorted(further | set(_repeated_prepositions(content)), key=lambda t: t.i)

    def _item(self, first: Token, last: Token, parties: list[str], content: list[Token], status: str):
        start, end = first.idx, last.idx + len(last.text)
        text = self.q.text[start:end]
        exception = EXCEPTION.search(text)
        return AgreementFound(
            text=text,
            parties=list(parties),
            topic=topic(topic_head(content)),
            start=start,
            end=end,
            status=status,
            exceptions=exception[2].strip(" ,.") if exception else "",
        )

    # --- where the text ends -------------------------------------------------------------
    def _end(self, content: list[Token], stop: int) -> Token:
        """The end of what was agreed: the first clause of it (before ``stop``), a quotation cut
        where it opens."""
        head = content[-1]
        tokens = [t for t in head.subtree if t.i < stop] or [head]
        for cut in END_CUTS:
            tokens = cut(tokens, head, self.q)
        while len(tokens) > 1 and _loose_end(tokens[-1]):
            tokens.pop()
        return tokens[-1]

    # --- who the parties are -------------------------------------------------------------
    def _parties(self, subject: Token | None, verb: Token) -> list[str]:
        """A bloc acting as one, else the states named (widened to a run of states in the
        sentence, then to the meeting's participants, while fewer than two)."""
        bloc = self._bloc(subject)
        if bloc:
            self.last_bloc = bloc
            return [bloc]
        parties = _unique(code for head in _party_heads(subject, verb) for code in self._codes(head))
        for widen in (self._state_run, self._participant_states):
            if len(parties) >= PAIR:
                break
            parties = widen(parties, verb)
        return parties

    def _state_run(self, parties: list[str], verb: Token) -> list[str]:
        """ "A and B signed ..., committing the UK and Germany to ...": the longest run of states
        in the sentence that holds the parties named. With none named, only a run before the verb
        ("They committed to ..., including China and Libya": states in what was agreed are not parties)."""
        sent = verb.sent if parties else self.doc[verb.sent.start : verb.i]
        for size in STATE_RUN_SIZES:
            run = self.people.state_run(sent, size)
            if run and set(parties) <= set(run):
                return run
        return parties

    def _participant_states(self, parties: list[str], verb: Token) -> list[str]:
        """ "The two sides agreed to ...": the countries of the meeting's participants."""
        return _unique([*parties, *(p.country for p in self.people.participants() if p.country)])

    def _codes(self, head: Token) -> list[str]:
        """The party a subject word names: a participant's country, a state, an organisation."""
        person = self.people.person_at(head)
        if person is not None:
            return [person.country] if person.country else []
        ent = entity_at(self.doc, head.i)
        if ent is None:
            return []
        code = geo.state_of(ent.text) or geo.organisation(ent.text) or geo.demonym_country(ent.text)
        return [code] if code else []

    def _bloc(self, subject: Token | None) -> str | None:
        """ "EU leaders", "NATO allies", "the 27 leaders": an organisation's members acting as
        one are that organisation (named in the subject, else the one the meeting's people
        represent), not every member state present."""
        if not _may_be_bloc(subject):
            return None
        modifier = _bloc_modifier(subject)
        if modifier is not None:
            ent = entity_at(self.doc, modifier.i)
            return geo.organisation(ent.text) if ent is not None else None  # "Nordic leaders": states
        if subject.lemma_.lower() not in BLOC_MEMBERS:
            return None
        if not _more_than_a_pair(subject):
            return self.last_bloc  # "EU leaders agreed ... The leaders also pledged ..."
        bloc = self._meeting_bloc()
        return bloc if bloc is not None else self.last_bloc

    def _meeting_bloc(self) -> str | None:
        """ "The 27 leaders agreed ...": the organisation most of the meeting's people represent."""
        organisations = set(geo.ORGANISATIONS.values())
        blocs = [p.country for p in self.people.participants() if p.country in organisations]
        return max(set(blocs), key=blocs.count) if blocs else None


def _overlap(a: AgreementFound, b: AgreementFound) -> bool:
    """Two items over the same text: the first one found is kept."""
    return a.start <= b.start < a.end or b.start <= a.start < b.end


def _makes_document(noun: Token) -> bool:
    """ "signed an accord", "reached a deal", "the accord was signed", "a pact sealed on Monday": a
    document made at the meeting."""
    if noun.lemma_.lower() not in TERMS_NOUNS:
        return False
    makers = [noun.head] if noun.dep_ in MADE_BY else []
    makers += [c for c in noun.children if c.dep_ in MODIFYING_CLAUSES]
    return any(_makes(v) and occasion.belongs_to_meeting(v) for v in makers)


def _makes(verb: Token) -> bool:
    return verbs.plays(_lemma(verb), verbs.AGREES) or verbs.plays(_lemma(verb), verbs.REACHES)


def _restated(a: AgreementFound, b: AgreementFound) -> bool:
    """ "Both sides agreed to cut tariffs on steel. ... The two also agreed on lower steel
    tariffs.": one agreement told twice (the same topic, the same parties) is kept once."""
    same_topic = bool(a.topic) and a.topic.lower() == b.topic.lower()
    return (same_topic or a.text == b.text) and set(a.parties) == set(b.parties)


# --- does it belong to the meeting reported ----------------------------------------------------
def _this_meeting(verb: Token, excused: frozenset[str]) -> bool:
    """ "They signed a border treaty in 1994.", "The two sides still need to agree on the price.",
    "urged Iran to agree": another time, or not (yet) agreed. ``excused`` reasons do not count."""
    reason = occasion.why_not(verb)
    if reason in NOT_THIS_MEETING - excused or _unasserted(verb):
        return False
    if verb.dep_ == CONJ and verb.head.dep_ in AGREED_CLAUSES and not _this_meeting(verb.head, excused):
        return False  # "were urged to reach a truce and [forge] a deal": the same clause's reason
    return not any(c.dep_ == MARK and c.lower_ in PENDING_MARKS for c in verb.children)


def _negated(verb: Token) -> bool:
    """ "did not agree", "[No] two nations agree on everything", "[Neither] side signed"."""
    subject = _subject(verb)
    return any(c.dep_ == NEG for c in verb.children) or (
        subject is not None and any(c.dep_ == DET and c.lower_ in NO_ONE for c in subject.children)
    )


def _in_link(token: Token) -> bool:
    """ "(/news/2016/leaders-agree-on-a-draft.md)": a word of a link's address, not of the text."""
    doc, first, last = token.doc, token.i, token.i
    while first > 0 and not doc[first - 1].whitespace_:
        first -= 1
    while last < len(doc) - 1 and not doc[last].whitespace_:
        last += 1
    return any(mark in doc[first : last + 1].text for mark in LINK_MARKS)


def _unasserted(verb: Token) -> bool:
    """ "if they are unable to strike a deal", "remain committed to reaching a deal": the verb
    names an ability or an aim, not what was done."""
    if verb.dep_ == XCOMP and verb.head.pos_ == "ADJ":
        return True
    return verb.tag_ == "VBG" and verb.dep_ == PCOMP and verb.head.lower_ in AIM_PREPOSITIONS


def _governing_clause(verb: Token) -> Token | None:
    """ "Singapore was one of eight countries which signed the accord": a verb in a relative or
    participle modifier gives the clause it modifies ("was"); none where the modified noun names
    the agreement itself ("the deal signed in May allows ...": the deal's terms say what)."""
    if _means_of(verb) is not None:
        return _means_of(verb)  # "rejuvenated the process by launching ...": the clause it serves
    if verb.dep_ not in MODIFYING_CLAUSES or verbs.plays(_lemma(verb), verbs.GIVES_CONTENT):
        return verb
    own_subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if own_subject is not None and own_subject.tag_ not in RELATIVE_TAGS:
        return verb  # "meetings were held, where [we] reaffirmed ...": a clause of its own
    noun = verb.head
    if noun.lemma_.lower() in TERMS_NOUNS | STATEMENT_NOUNS:
        return None
    return occasion.clause_verb(noun)


# --- nouns that name an agreement ---------------------------------------------------------------
def _named_status(noun: Token) -> str:
    """ "a [joint] statement", "a [joint] promise" -> agreed; "the [signing] of the accord" ->
    signed; else "" (a joint statement whose words follow it is read at its verb: "saying that")."""
    if noun.lemma_.lower() in JOINT_NOUNS and any(
        c.dep_ == AMOD and c.lower_ in MADE_TOGETHER for c in noun.children
    ):
        gives_content = any(
            c.dep_ == ACL and verbs.plays(_lemma(c), verbs.GIVES_CONTENT) for c in noun.children
        )
        return "" if gives_content else AGREED
    if _possessed_agreement(noun):
        return AGREED
    stem = noun.lower_.removesuffix("ing")
    if (
        stem != noun.lower_
        and verbs.plays(stem, verbs.AGREES)
        and any(c.lower_ == "of" for c in noun.children)
    ):
        return verbs.status(stem) or AGREED
    return ""


def _possessed_agreement(noun: Token) -> bool:
    """ "Whitlam confirmed [his agreement] that the officials should come", "recording [our
    agreement] on the opening of trade": someone's agreeing, with what was agreed after it."""
    return (
        noun.lemma_.lower() in AGREEING_NOUNS
        and any(c.dep_ == POSS for c in noun.children)
        and any(_says_what(c) for c in noun.children if c.i > noun.i)
    )


def _says_what(child: Token) -> bool:
    """A that-clause or an "on"/"to" phrase after an agreeing noun: what was agreed."""
    if child.dep_ == PREP:
        return child.lower_ in AGREED_ON and _has_object(child)
    return child.dep_ in {ACL, CCOMP} and any(c.dep_ == MARK or c.tag_ == "WDT" for c in child.children)


def _in_context(noun: Token) -> bool:
    """ "two years after the signing of the accord": a time or circumstance, not the agreement."""
    before = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else noun
    return (noun.head.dep_ == PREP and noun.head.lower_ in CONTEXT_PREPOSITIONS) or (
        before.lower_ in CONTEXT_PREPOSITIONS
    )


def _said_after(clause: Token, noun: Token) -> list[Token]:
    """ "issued a joint statement after the summit, [reaffirming their respect for ...]": what the
    document says, a clause or participle of its verb after it."""
    return [
        c
        for c in clause.children
        if c.i > noun.i and (c.dep_ == CCOMP or (c.dep_ == ADVCL and c.tag_ == "VBG"))
    ]


# --- which verbs make an agreement, with what status -------------------------------------------
def _first_agreed(verb: Token) -> Agreed | None:
    """The first status rule that holds for ``verb`` (its content may still be empty)."""
    subject = _subject(verb)
    for rule in STATUS_RULES:
        agreed = rule(verb, subject)
        if agreed is not None:
            return agreed
    return None


def _agrees_or_signs(verb: Token, subject: Token | None) -> Agreed | None:
    """ "The two leaders signed a trade deal." The verb alone makes an agreement."""
    lemma = _lemma(verb)
    if verbs.plays(lemma, verbs.AGREES):
        status = verbs.status(lemma) or AGREED
        excused = SIGNING_PURPOSE if status == SIGNED else frozenset()
        return Agreed(status, subject, _content(verb) or _made_passive(verb, subject), excused)
    return None


def _made_passive(verb: Token, subject: Token | None) -> list[Token]:
    """ "A memorandum on mining was signed by the two ministers", "The following agreements were
    signed: a memorandum on A, an accord on B": what the passive verb made is its subject (or the
    documents it lists after the verb), the clause ending where the verb's does."""
    if not _passive(verb, subject) or subject.lower_ in IMPERSONAL:
        return []
    listed = [c for c in subject.children if c.dep_ == APPOS and c.i > verb.i]
    return listed or [subject, verb]


def _passive(verb: Token, subject: Token | None) -> bool:
    return (
        subject is not None
        and subject.dep_ == NSUBJPASS
        and subject.head == verb
        and any(c.dep_ == AUXPASS for c in verb.children)
    )


def _reached(verb: Token, subject: Token | None) -> Agreed | None:
    """ "Israel and Bahrain reached a landmark deal to normalise relations", "The two leaders
    shared the view that ...": an agreement reached, or a view a joint subject holds in common."""
    if not verbs.plays(_lemma(verb), verbs.REACHES):
        return None
    objects = [c for c in verb.children if c.dep_ == DOBJ]
    if _passive(verb, subject) and subject.lemma_.lower() in TERMS_NOUNS:
        return Agreed(AGREED, subject, _content(verb) or _made_passive(verb, subject))  # "A deal was reached"
    if any(o.lemma_.lower() in TERMS_NOUNS for o in objects) or (
        joint_subject(subject) and any(_held_in_common(o) and not _states_a_fact(o) for o in objects)
    ):
        return Agreed(AGREED, subject, _content(verb))
    return None


def _held_in_common(noun: Token) -> bool:
    """ "the [view] that ...", "a [shared] assessment of ...": what two parties hold together."""
    return noun.lemma_.lower() in SHARED_NOUNS or any(
        c.dep_ == AMOD and c.lower_ in JOINT_MARKS for c in noun.children
    )


def _states_a_fact(noun: Token) -> bool:
    """ "shared the view that the sea holds vital sea lanes": a view of how things are, not of what
    is to be done ("the view that they would enhance talks", "the intention to cooperate")."""
    clauses = [c for c in noun.children if c.dep_ in {ACL, CCOMP, RELCL} and c.pos_ in {"VERB", "AUX"}]
    return bool(clauses) and not any(
        a.dep_ == AUX and (a.lower_ in NOT_YET or a.tag_ == "TO") for c in clauses for a in c.children
    )


def _decided_jointly(verb: Token, subject: Token | None) -> Agreed | None:
    """ "Both sides decided to extend the truce." A joint decision of a joint subject."""
    status = verbs.agreement_status(_lemma(verb))
    if status and (joint_subject(subject) or _impersonal(verb, subject)) and not _only_praised(verb, status):
        return Agreed(status, subject, _content(verb))
    return None


def _impersonal(verb: Token, subject: Token | None) -> bool:
    """ "It was decided that a joint committee would meet twice a year": a communique's passive."""
    return _passive(verb, subject) and subject.lower_ in IMPERSONAL


def _only_praised(verb: Token, status: str) -> bool:
    """ "The leaders reaffirmed the strong partnership": a bond described, not an agreement (unlike
    "reaffirmed their commitment to ...", "reaffirmed their ties", "reaffirmed that ...")."""
    if status != REAFFIRMED or any(c.dep_ in AGREED_CLAUSES for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == DOBJ]
    return bool(objects) and not any(o.lemma_.lower() in PLEDGE_NOUNS or _their_own(o) for o in objects)


def _their_own(noun: Token) -> bool:
    """ "[their] close ties": what the parties reaffirm as their own."""
    return any(c.dep_ == POSS and c.lower_ in OWN_POSSESSIVES for c in noun.children)


def _committed_jointly(verb: Token, subject: Token | None) -> Agreed | None:
    """ "Russia and Turkey vowed to fight terrorism", "Both governments promised to ...": a
    commitment of two named parties."""
    if verbs.plays(_lemma(verb), verbs.COMMITS) and (
        joint_subject(subject, strict=True) or _named_pair(subject)
    ):
        return Agreed(COMMITTED, subject, _content(verb))
    return None


def _binding_terms(verb: Token, subject: Token | None) -> Agreed | None:
    """ "The deal commits both sides to cutting tariffs." The agreement binds its parties."""
    if (
        verbs.plays(_lemma(verb), verbs.BINDS)
        and subject is not None
        and subject.lemma_.lower() in TERMS_NOUNS
    ):
        return Agreed(COMMITTED, subject, _content(verb), AHEAD_OF_TERMS, terms=True)
    return None


def _under_terms(verb: Token, subject: Token | None) -> Agreed | None:
    """ "Under the accord, the two countries will share data." (also for X's second verb)"""
    heads = (verb, verb.head) if verb.dep_ == CONJ else (verb,)
    if any(_is_under_terms(prep, head) for head in heads for prep in head.children):
        return Agreed(AGREED, subject, _content(verb), AHEAD_OF_TERMS, terms=True)
    return None


def _joint_undertaking(verb: Token, subject: Token | None) -> Agreed | None:
    """ "The two countries will explore ways to deepen trade", "Chile and Bolivia will work together
    on ...", "Chile and Peru intend to cooperate on ...", "A joint committee will be set up": what
    two named parties say they will do together (a meeting ahead is not one)."""
    if (
        not (_will(verb) or _intended(verb) or (verb.dep_ == CONJ and _will(verb.head)))
        or verb.pos_ != "VERB"
    ):
        return None
    if not verbs.plays(_lemma(verb), verbs.ACTS_TOGETHER):
        return None
    if joint_subject(subject, strict=True) or _named_pair(subject) or _joint_body(verb, subject):
        return Agreed(COMMITTED, subject, _content(verb), AHEAD_OF_TERMS)
    return None


def _will(verb: Token) -> bool:
    return any(c.dep_ == AUX and c.lower_ in WILL for c in verb.children)


def _intended(verb: Token) -> bool:
    """ "Chile and Peru [intend] to cooperate": the to-clause of a verb of intention."""
    return verb.dep_ == XCOMP and verbs.plays(_lemma(verb.head), verbs.INTENDS)


def _joint_body(verb: Token, subject: Token | None) -> bool:
    """ "A joint committee will be established": a body of both sides set up (the verb passive)."""
    return (
        subject is not None
        and subject.dep_ == NSUBJPASS
        and any(c.dep_ == AUXPASS for c in verb.children)
        and any(c.lower_ in JOINT_MARKS for c in subject.children)
    )


def _accepted_offer(verb: Token, subject: Token | None) -> Agreed | None:
    """ "Abe accepted an invitation to visit Manila." """
    if verbs.plays(_lemma(verb), verbs.ACCEPTS) and any(c.lemma_ in OFFER_NOUNS for c in verb.children):
        return Agreed(AGREED, subject, _content(verb))
    return None


def _set_up_together(verb: Token, subject: Token | None) -> Agreed | None:
    """ "The two leaders established a joint committee", "A and B renewed the process by launching
    its next phase": a body or a process a joint subject set up."""
    if verbs.plays(_lemma(verb), verbs.SETS_UP) and _done(verb) and joint_subject(subject):
        return Agreed(DECIDED, subject, _content(verb))
    return None


def _done(verb: Token) -> bool:
    """ "[established]", "renewed the process by [launching] ...": a past act, or its means."""
    return verb.tag_ == PAST or (verb.tag_ == "VBG" and _means_of(verb) is not None)


def _means_of(verb: Token) -> Token | None:
    """ "rejuvenated the process [by launching] ...": the past verb a by-phrase says how was done."""
    prep = verb.head
    if verb.dep_ == PCOMP and prep.lower_ == "by" and prep.head.tag_ == PAST:
        return prep.head
    return None


def _joint_statement(verb: Token, subject: Token | None) -> Agreed | None:
    """ "The leaders issued a joint statement saying that they would ...": what the statement
    says, agreed by those who issued it."""
    statement = verb.head
    if not (
        verb.dep_ == ACL
        and statement.lemma_ in STATEMENT_NOUNS
        and verbs.plays(_lemma(verb), verbs.GIVES_CONTENT)
    ):
        return None
    governor = statement.head if statement.dep_ in {DOBJ, POBJ} else statement
    return Agreed(AGREED, _subject(governor) or statement, [c for c in verb.children if c.dep_ == CCOMP])


STATUS_RULES: tuple[StatusRule, ...] = (
    _agrees_or_signs,
    _reached,
    _decided_jointly,
    _committed_jointly,
    _binding_terms,
    _under_terms,
    _accepted_offer,
    _joint_undertaking,
    _set_up_together,
    _joint_statement,
)


def _lemma(verb: Token) -> str:
    return verb.lemma_.lower()


def _content(verb: Token) -> list[Token]:
    """What a verb agreed: its clause, object or preposition after it, not a trailing clause.
    "They agreed [to cut tariffs], as the two countries seek ..." """
    return [
        c
        for c in verb.children
        if c.dep_ in AGREED_CONTENT
        and c.i > verb.i
        and not _trailing_clause(c)
        and not _only_when(c)
        and c.lower_ not in PARTY_PREPOSITIONS
        and not _stranded(c)
    ]


def _stranded(prep: Token) -> bool:
    """ "the exchanges agreed [upon]": a preposition without its object names nothing agreed."""
    return prep.dep_ == PREP and not _has_object(prep)


def _only_when(prep: Token) -> bool:
    """ "the accord it signed [in January]": a time, not what was agreed."""
    objects = _objects(prep) if prep.dep_ == PREP else []
    return bool(objects) and all(o.ent_type_ in TIME_ENTITIES for o in objects)


def _named_pair(subject: Token | None) -> bool:
    """ "The governments of Indonesia and the Philippines": the members of two named parties."""
    return subject is not None and any(
        o.conjuncts for p in subject.children if p.lower_ == "of" for o in _objects(p)
    )


def _is_under_terms(prep: Token, head: Token) -> bool:
    """ "[Under the accord], X will ...": "under" an agreement's name, before the verb."""
    return (
        prep.dep_ == PREP
        and prep.lower_ == "under"
        and prep.i < head.i
        and any(o.dep_ == POBJ and o.lemma_.lower() in TERMS_NOUNS for o in prep.children)
    )


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it continues: "Putin met Erdogan and agreed ..."."""
    token = _main_clause_conjunct(verb)
    while True:
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return _participle_subject(subject)
        if _means_of(token) is not None:
            token = _means_of(token)
            continue
        if token.dep_ not in INHERITS_SUBJECT or token.head == token:
            return None
        token = token.head


def _main_clause_conjunct(verb: Token) -> Token:
    """ "The leaders agreed that ties form the bedrock and [resolved] to ...": a past verb parsed as
    joined to a present one inside the that-clause of a past verb continues that past verb."""
    clause = verb.head
    if (
        verb.dep_ == CONJ
        and verb.tag_ == PAST
        and clause.dep_ == CCOMP
        and clause.tag_ in PRESENT
        and clause.head.tag_ == PAST
    ):
        return clause.head
    return verb


def _participle_subject(subject: Token) -> Token:
    """ "EU leaders meeting in Brussels agreed ...": the participle's own subject."""
    if subject.tag_ == "VBG":
        return next((c for c in subject.children if c.dep_ == NSUBJ), subject)
    return subject


def _phrase(head: Token) -> Span:
    """The phrase of ``head`` without its asides: "Putin[, who arrived on Monday,]"."""
    tokens = [t for t in head.subtree if t.dep_ not in ASIDES]
    return head.doc[tokens[0].i : tokens[-1].i + 1] if tokens else head.doc[head.i : head.i + 1]


# --- where an agreed item starts and ends ------------------------------------------------------
def _clause_start(clause: Token) -> Token:
    """ "agreed to A[, and to B]": a further clause starts at its "to", not at the comma."""
    first = clause.left_edge
    while first.i < clause.i and (first.is_punct or first.dep_ == CC):
        first = clause.doc[first.i + 1]
    return first


def _repeated_prepositions(content: list[Token]) -> list[Token]:
    """ "committed to A, as well as to B", "agreed on A and on B": the preposition repeated after
    the first opens a further item."""
    preps = [c for c in content if c.dep_ == PREP and _has_object(c)]
    if not preps:
        return []
    first = preps[0]
    # parsed under the first: "on A and [on] B", "to A, as well as [to] B"
    same = [t for t in first.subtree if t.i > first.i and t.lower_ == first.lower_ and _has_object(t)]
    joined = [t for t in same if t.dep_ == CONJ or t.head.dep_ == CC]
    return [p for p in preps[1:] if p.lower_ == first.lower_] + joined


def _has_object(prep: Token) -> bool:
    return any(o.dep_ in {POBJ, PCOMP} for o in prep.children)


def _coordinated_infinitives(clause: Token) -> list[Token]:
    """The infinitives coordinated with an agreed "to A": ", to B and to C", "and C"."""
    found = []
    for child in clause.children:
        if child.i > clause.i and child.tag_ == "VB" and (child.dep_ == CONJ or _joined_infinitive(child)):
            found += [child, *_coordinated_infinitives(child)]
    return sorted(found, key=lambda t: t.i)


def _joined_infinitive(child: Token) -> bool:
    """ "to A[, to B]" parsed as an adverbial clause after a comma, "and" or semicolon."""
    return (
        child.dep_ == ADVCL
        and any(a.dep_ == AUX and a.lower_ == "to" for a in child.children)
        and child.doc[child.left_edge.i - 1].text in INFINITIVE_JOINS
    )


def _trailing_clause(token: Token) -> bool:
    """ ", as the two countries seek ...", ", while Hungary won ...", ", amid ...": a clause or
    phrase after a comma that sets the agreement in context and is not part of it."""
    doc = token.doc
    if token.dep_ == PREP and token.lower_ in ALWAYS_CONTEXT:
        return True  # never part of what was agreed, comma or not
    if token.left_edge.i == 0 or doc[token.left_edge.i - 1].text != ",":
        return False
    if token.dep_ == ADVCL:
        return any(c.dep_ in CLAUSE_OPENERS for c in token.children) or token.tag_ == "VBG"
    # ", under which ...", ", the first such transfer ...": a non-restrictive addition
    return token.dep_ in {RELCL, APPOS} or (token.dep_ == PREP and token.lower_ in CONTEXT_PREPOSITIONS)


def _cut_at_second_verb(tokens: list[Token], head: Token, quotations: Quotations) -> list[Token]:
    """ "agreed to cut tariffs and praised the talks": the agreement ends before the second
    verb (a clause that opens the content is kept)."""
    joined = next(
        (
            t
            for t in tokens
            if t.dep_ == CONJ and t.head.i == head.i and t.pos_ == "VERB" and t.left_edge.i > tokens[0].i
        ),
        None,
    )
    return tokens if joined is None else [t for t in tokens if t.i < joined.left_edge.i]


def _cut_at_context(tokens: list[Token], head: Token, quotations: Quotations) -> list[Token]:
    """ "agreed to cut tariffs, as the two countries seek ...": the context is not agreed."""
    trailing = next(
        (
            t
            for t in tokens
            if t.left_edge.i > tokens[0].i and _trailing_clause(t) and not _aside_within(t, tokens)
        ),
        None,
    )
    return tokens if trailing is None else [t for t in tokens if t.i < trailing.left_edge.i]


def _aside_within(aside: Token, tokens: list[Token]) -> bool:
    """ "agreed that these talks[, which were held in a helpful spirit,] had resulted in ...": a
    relative clause or apposition between commas with the agreed clause going on after it."""
    return aside.dep_ in ASIDES and any(
        t.i > aside.right_edge.i and not (t.is_punct or t.is_space) for t in tokens
    )


def _cut_at_quotation(tokens: list[Token], head: Token, quotations: Quotations) -> list[Token]:
    """'agreed to hold talks next year "because we must," Putin said': the agreed text ends
    where a quotation opens (unless it is itself quoted)."""
    quote_at = next(
        (t for t in tokens if t.i > tokens[0].i + QUOTE_CUT_AFTER and _opens_quote(t, quotations)), None
    )
    if quote_at is None or quotations.in_quote(tokens[0]):
        return tokens
    return [t for t in tokens if t.i < quote_at.i]


def _cut_at_examples(tokens: list[Token], head: Token, quotations: Quotations) -> list[Token]:
    """ "intend to cooperate in a wide range of areas which include the drafting of laws, ...": the
    agreement ends before a relative clause that lists examples."""
    listing = next(
        (t for t in tokens if t.dep_ == RELCL and t.i > head.i and verbs.plays(_lemma(t), verbs.LISTS)), None
    )
    return tokens if listing is None else [t for t in tokens if t.i < listing.left_edge.i]


END_CUTS = (_cut_at_second_verb, _cut_at_context, _cut_at_examples, _cut_at_quotation)  # applied in order


def _opens_quote(token: Token, quotations: Quotations) -> bool:
    return token.text in OPENING_MARKS and quotations.at(token.idx + 1) is not None


def _loose_end(token: Token) -> bool:
    """A comma, space or "and" the cut left at the end (or the "as well" of "as well as")."""
    return token.is_punct or token.is_space or token.dep_ == CC or token.head.dep_ == CC


# --- who the parties are ---------------------------------------------------------------
def _party_heads(subject: Token | None, verb: Token) -> list[Token]:
    """The words that name parties: the subject and its conjuncts, "with" objects, "the leaders
    [of Egypt, ...]", and their conjuncts."""
    heads = [subject, *subject.conjuncts] if subject is not None else []
    heads += [o for prep in verb.children if prep.lower_ == "with" for o in _objects(prep)]
    heads += [o for h in heads for p in h.children if p.lower_ == "of" for o in _objects(p)]
    heads += [c for h in list(heads) for c in h.conjuncts if c not in heads]
    return heads


def _objects(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == POBJ]


def _unique(codes) -> list[str]:
    """Codes in order, each once, none empty."""
    found: list[str] = []
    for code in codes:
        if code and code not in found:
            found.append(code)
    return found


def _may_be_bloc(subject: Token | None) -> bool:
    """ "EU leaders", "the leaders": a common noun, not "A and B" nor "both leaders"."""
    return (
        subject is not None
        and subject.pos_ == "NOUN"
        and not subject.conjuncts
        and not joint_subject(subject, strict=True)
    )


def _bloc_modifier(subject: Token) -> Token | None:
    """ "[EU] leaders", "[NATO]'s allies", "[Nordic] leaders": who the members belong to."""
    return next(
        (t for t in subject.subtree if t.dep_ in MODIFIERS_OF_NAMES and t.ent_type_ in PARTY_ORGANISATIONS),
        None,
    )


def _more_than_a_pair(subject: Token) -> bool:
    """ "the 27 leaders": more members than two."""
    return any(c.dep_ == NUMMOD and c.text.isdigit() and int(c.text) > PAIR for c in subject.children)
