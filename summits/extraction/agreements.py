"""Agreements: what the parties agreed, signed, decided together or committed to."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import geo
from .lexicon import ACTOR_NOUNS, COMMIT_VERBS, LIGHT_NOUNS, STATEMENT_NOUNS, TERMS_NOUNS
from .nlp import entity_at
from .people import People, joint_subject
from .quotes import Quotations
from .result import AgreementFound

ALWAYS = {"agree": "agreed", "sign": "signed"}
JOINTLY = {"decide": "decided", "commit": "committed", "pledge": "committed"}
BLOC_MEMBERS = {"leader", "ally", "member", "state", "government", "country", "nation"}
CONTEXT_PREPOSITIONS = {"amid", "despite", "after", "before", "following", "ahead", "during", "according"}
EXCEPTION = re.compile(
    r",?\s*\b(except(?:ing)?(?: for)?|with the exception of|apart from|but not)\b\s*(.*)$", re.I
)


class Agreements:
    def __init__(self, doc: Doc, quotations: Quotations, people: People):
        self.doc, self.q, self.people = doc, quotations, people
        self.last_bloc: str | None = None

    def find(self) -> list[AgreementFound]:
        found: list[AgreementFound] = []
        for token in self.doc:
            if token.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "neg" for c in token.children):
                continue
            for item in self._agreements(token):
                if not any(a.start <= item.start < a.end or item.start <= a.start < item.end for a in found):
                    found.append(item)
        return found

    def _agreements(self, verb: Token) -> list[AgreementFound]:
        """What ``verb`` agrees, one item per coordinated infinitive ("agreed to A, B and to C")."""
        lemma = verb.lemma_.lower()
        subject = self._subject(verb)
        content = [
            c
            for c in verb.children
            if c.dep_ in {"xcomp", "ccomp", "dobj", "prep", "advcl"}
            and c.i > verb.i
            and not _trailing_clause(c)
        ]
        if lemma in ALWAYS:
            status = ALWAYS[lemma]
        elif lemma in JOINTLY and joint_subject(subject):
            status = JOINTLY[lemma]
        elif lemma in COMMIT_VERBS and joint_subject(subject, strict=True):
            status = "committed"  # "A and B vowed to ...", "Both governments promised to ..."
        elif lemma == "commit" and subject is not None and subject.lemma_.lower() in TERMS_NOUNS:
            status = "committed"  # "The deal commits both sides to ..."
        elif _under_terms(verb):
            status = "agreed"  # "Under the accord, the two countries will ..."
        elif lemma == "accept" and any(c.lemma_ == "invitation" for c in verb.children):
            status = "agreed"
        elif verb.dep_ == "acl" and verb.head.lemma_ in STATEMENT_NOUNS and lemma in {"say", "state"}:
            # "The leaders issued a joint statement saying that ..."
            status, statement = "agreed", verb.head
            governor = statement.head if statement.dep_ in {"dobj", "pobj"} else statement
            subject = self._subject(governor) or statement
            content = [c for c in verb.children if c.dep_ == "ccomp"]
        else:
            return []
        if not content or self.doc[verb.i].sent.start != (subject or verb).sent.start:
            return []
        own_subject = subject is not None and subject.i < verb.i and verb.dep_ != "conj"
        start_tok = self._phrase(subject)[0] if own_subject else verb
        # "agreed to A, to B and to C" (parsed as sibling or chained clauses); a speaker's own
        # "we agreed to A, to B" stays one quoted agreement
        xcomps = [c for c in content if c.dep_ == "xcomp"] if not self.q.in_quote(verb) else []
        clauses = sorted(
            {t for x in xcomps for t in [x, *_coordinated_infinitives(x)]} - set(xcomps[:1]),
            key=lambda t: t.i,
        )
        stop = clauses[0].left_edge.i if clauses else len(self.doc)
        content = [c for c in content if c.i < stop]
        # "agreed, to A and to B" parsed with the first clause reaching back: the clauses alone
        items = [(start_tok, self._end(content, stop), content)] if content else []
        for i, clause in enumerate(clauses):
            stop = clauses[i + 1].left_edge.i if i + 1 < len(clauses) else len(self.doc)
            first = clause.left_edge
            while first.i < clause.i and (first.is_punct or first.dep_ == "cc"):
                first = self.doc[first.i + 1]
            items.append((first, self._end([clause], stop), [clause]))
        parties = self._parties(subject, verb)
        return [
            self._item(first, last, parties, what, status) for first, last, what in items if first.i <= last.i
        ]

    def _item(self, first: Token, last: Token, parties: list[str], content: list[Token], status: str):
        start, end = first.idx, last.idx + len(last.text)
        text = self.q.text[start:end]
        exception = EXCEPTION.search(text)
        return AgreementFound(
            text=text,
            parties=list(parties),
            topic=self._topic(_topic_head(content)),
            start=start,
            end=end,
            status=status,
            exceptions=exception[2].strip(" ,.") if exception else "",
        )

    def _subject(self, verb: Token) -> Token | None:
        token = verb
        while True:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    # "EU leaders meeting in ... agreed": the participle's own subject
                    inner = [c for c in child.children if c.dep_ == "nsubj"] if child.tag_ == "VBG" else []
                    return inner[0] if inner else child
            if token.dep_ in {"conj", "xcomp", "advcl"} and token.head is not token:
                token = token.head
                continue
            return None

    def _phrase(self, head: Token) -> Span:
        tokens = [t for t in head.subtree if t.dep_ not in {"relcl", "appos"}]
        return self.doc[tokens[0].i : tokens[-1].i + 1] if tokens else self.doc[head.i : head.i + 1]

    def _end(self, content: list[Token], stop: int) -> Token:
        """The end of what was agreed: the first clause of it (before ``stop``), a quotation cut
        where it opens."""
        last = content[-1]
        tokens = [t for t in last.subtree if t.i < stop] or [last]
        # a cut is made only after the first word: a clause that opens the content is kept
        verb_conj = next(
            (
                t
                for t in tokens
                if t.dep_ == "conj"
                and t.head.i == last.i
                and t.pos_ == "VERB"
                and t.left_edge.i > tokens[0].i
            ),
            None,
        )
        if verb_conj is not None:
            tokens = [t for t in tokens if t.i < verb_conj.left_edge.i]
        trailing = next((t for t in tokens if t.left_edge.i > tokens[0].i and _trailing_clause(t)), None)
        if trailing is not None:
            tokens = [t for t in tokens if t.i < trailing.left_edge.i]
        quote_at = next((t for t in tokens if t.i > tokens[0].i + 5 and self._opens_quote(t)), None)
        if quote_at is not None and not self.q.in_quote(tokens[0]):
            tokens = [t for t in tokens if t.i < quote_at.i]
        while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
            tokens.pop()
        return tokens[-1]

    def _opens_quote(self, token: Token) -> bool:
        return token.text in {'"', "“", "‘", "'"} and self.q.at(token.idx + 1) is not None

    def _bloc(self, subject: Token | None) -> str | None:
        """ "EU leaders", "NATO allies", "the 27 leaders": an organisation's members acting as
        one are that organisation (named in the subject, else the one the meeting's people
        represent), not every member state present."""
        if (
            subject is None
            or subject.pos_ != "NOUN"
            or subject.conjuncts
            or joint_subject(subject, strict=True)
        ):
            return None
        for token in subject.subtree:
            if token.dep_ in {"compound", "amod", "poss"} and token.ent_type_ in {"ORG", "NORP", "GPE"}:
                ent = entity_at(self.doc, token.i)
                return geo.organisation(ent.text) if ent is not None else None  # "Nordic leaders": states
        if subject.lemma_.lower() not in BLOC_MEMBERS:
            return None
        if not any(c.dep_ == "nummod" and c.text.isdigit() and int(c.text) > 2 for c in subject.children):
            return self.last_bloc  # "EU leaders agreed ... The leaders also pledged ..."
        blocs = [
            p.country for p in self.people.participants() if p.country in set(geo.ORGANISATIONS.values())
        ]
        return max(set(blocs), key=blocs.count) if blocs else self.last_bloc

    def _parties(self, subject: Token | None, verb: Token) -> list[str]:
        bloc = self._bloc(subject)
        if bloc:
            self.last_bloc = bloc
            return [bloc]
        parties: list[str] = []
        heads = []
        if subject is not None:
            heads = [subject, *subject.conjuncts]
        for prep in verb.children:
            if prep.lower_ == "with":
                heads += [o for o in prep.children if o.dep_ == "pobj"]
        of = [p for h in heads for p in h.children if p.lower_ == "of"]
        heads += [o for p in of for o in p.children if o.dep_ == "pobj"]  # "the leaders of Egypt, ..."
        heads += [c for h in list(heads) for c in h.conjuncts if c not in heads]
        for head in heads:
            for code in self._codes(head):
                if code not in parties:
                    parties.append(code)
        if len(parties) < 2:  # "A and B signed ..., committing the UK and Germany to ..."
            for size in (4, 3, 2):
                run = self.people.state_run(verb.sent, size)
                if run and set(parties) <= set(run):
                    parties = run
                    break
        if len(parties) < 2:
            for person in self.people.participants():
                if person.country and person.country not in parties:
                    parties.append(person.country)
        return parties

    def _codes(self, head: Token) -> list[str]:
        person = self.people.person_at(head)
        if person is not None:
            return [person.country] if person.country else []
        ent = entity_at(self.doc, head.i)
        if ent is None:
            return []
        code = geo.state_of(ent.text) or geo.organisation(ent.text) or geo.demonym_country(ent.text)
        return [code] if code else []

    @staticmethod
    def _topic(head: Token) -> str:
        """A short noun phrase naming what was agreed: the object of the agreed verb, or what a
        light noun ("cooperation in", "negotiations on") is about. Never a verb or preposition."""
        noun = _object_noun(head)
        for _ in range(3):
            if noun is not None:
                start, end = _hyphenated(noun)
                noun = noun.doc[end - 1]  # "co-operation": the whole word's last part
            if noun is None or noun.doc[start:end].text.lower() not in LIGHT_NOUNS or _named_kind(noun):
                break  # "a migration agreement": the light noun's own modifier says what about
            inner = _inner_noun(noun)
            if inner is None or _is_place_or_time(inner):
                break
            noun = inner
        if noun is None or _is_place_or_time(noun):
            return ""  # "signed an agreement in Berlin": a place is never a topic
        inner = _inner_noun(noun)
        amount = noun.ent_type_ in {"MONEY", "QUANTITY"} or any(c.dep_ == "nummod" for c in noun.children)
        if inner is not None and amount and not _is_actor(inner):
            return _noun_phrase(inner)  # "1 billion euros for the Amazon rainforest"
        if inner is None or _is_place_or_time(inner) or _is_actor(inner):
            return _noun_phrase(noun)
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and inner.head == of and not _named_kind(noun):
            # "deliveries of artillery ammunition", "a revision of the budget": the head alone
            # says too little
            return f"{_noun_phrase(noun)} of {_noun_phrase(inner)}"
        return _noun_phrase(noun)


def _coordinated_infinitives(clause: Token) -> list[Token]:
    """The infinitives coordinated with an agreed "to A": ", to B and to C", "and C"."""
    found = []
    for child in clause.children:
        if (
            child.dep_ in {"conj", "advcl"}
            and child.i > clause.i
            and child.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            and child.doc[child.left_edge.i - 1].text in {",", "and", ";"}
        ) or (child.dep_ == "conj" and child.tag_ == "VB" and child.i > clause.i):
            found += [child, *_coordinated_infinitives(child)]
    return sorted(found, key=lambda t: t.i)


def _trailing_clause(token: Token) -> bool:
    """ ", as the two countries seek ...", ", while Hungary won ...", ", amid ...": a clause or
    phrase after a comma that sets the agreement in context and is not part of it."""
    doc = token.doc
    if token.dep_ == "prep" and token.lower_ in {"amid", "despite"}:
        return True  # never part of what was agreed, comma or not
    if token.left_edge.i == 0 or doc[token.left_edge.i - 1].text != ",":
        return False
    if token.dep_ == "advcl":
        return any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in token.children) or token.tag_ == "VBG"
    # ", under which ...", ", the first such transfer ...": a non-restrictive addition
    return token.dep_ in {"relcl", "appos"} or (token.dep_ == "prep" and token.lower_ in CONTEXT_PREPOSITIONS)


def _under_terms(verb: Token) -> bool:
    """ "Under the accord, X will ...": the terms of an agreement (also for X's second verb)."""
    for token in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        for prep in token.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "under"
                and prep.i < token.i
                and any(o.dep_ == "pobj" and o.lemma_.lower() in TERMS_NOUNS for o in prep.children)
            ):
                return True
    return False


def _named_kind(noun: Token) -> bool:
    """ "migration agreement", "free trade deal": a noun before the light noun names its kind."""
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in noun.lefts)


def _is_place_or_time(noun: Token) -> bool:
    return noun.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}


def _topic_head(content: list[Token]) -> Token:
    """The clause or object that was agreed, before any "on Tuesday" or "after meeting ..."."""
    ranked = sorted(
        content,
        key=lambda c: (
            c.dep_ not in {"xcomp", "ccomp", "dobj"},
            any(t.ent_type_ in {"DATE", "TIME"} for t in c.subtree),
            c.i,
        ),
    )
    return ranked[0]


def _hyphenated(token: Token) -> tuple[int, int]:
    """The token range of a hyphenated word ("co-operation", "cross-border")."""
    doc = token.doc
    start = end = token.i
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
    ):
        start -= 2
    while (
        end + 2 < len(doc)
        and doc[end + 1].text == "-"
        and not doc[end].whitespace_
        and not doc[end + 1].whitespace_
    ):
        end += 2
    return start, end + 1


def _object_noun(head: Token) -> Token | None:
    """The first noun the agreed clause is about: "to speed up negotiations" -> negotiations."""
    seen = 0
    token = head
    while token is not None and seen < 4:
        seen += 1
        if token.pos_ in {"NOUN", "PROPN"}:
            return token
        if token.pos_ == "ADP":
            token = next((c for c in token.children if c.dep_ in {"pobj", "pcomp"}), None)
            continue
        kids = list(token.children)
        objects = [c for c in kids if c.dep_ in {"dobj", "attr", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}]
        clauses = [c for c in kids if c.dep_ in {"xcomp", "ccomp"}]
        purpose = _purpose(objects[0]) if objects else None
        if objects and not (purpose is not None and _is_actor(objects[0])):
            return objects[0]
        if purpose is not None:  # "press all parties to reach a political agreement"
            clauses = [purpose]
        # "in the event of aggression, the US stood ...": an adjunct before the verb is not it
        preps = [c for c in kids if c.dep_ == "prep" and c.i > token.i]
        nxt = clauses[0] if clauses else (preps[0] if preps else None)
        if nxt is None:
            # "both countries would cooperate": who acts is not what about
            subjects = [c for c in kids if c.dep_ == "nsubj" and c.pos_ == "NOUN" and not _is_actor(c)]
            return subjects[0] if subjects else None
        token = nxt
    return None


def _is_actor(noun: Token) -> bool:
    """Who is to act rather than what about: "press all parties to ...", "urge Iran to ..."."""
    return noun.lower_ in ACTOR_NOUNS or noun.ent_type_ in {"PERSON", "NORP", "GPE", "ORG"}


def _purpose(obj: Token) -> Token | None:
    """The "to ..." clause after a verb's object: "agreed a new deal to tackle crossings"."""
    return next(
        (
            c
            for c in obj.head.children
            if c.dep_ in {"xcomp", "advcl"}
            and c.i > obj.i
            and c.tag_ == "VB"
            and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )


def _inner_noun(noun: Token) -> Token | None:
    """What a light noun is about: its "in/on/of/for/over" object, or its "to ..." clause's object."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {
            "in",
            "on",
            "of",
            "for",
            "over",
            "to",
            "against",
            "about",
        }:
            obj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if obj is not None:
                return obj if obj.pos_ in {"NOUN", "PROPN"} else _object_noun(obj)
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
            return _object_noun(child)
    if noun.dep_ == "dobj" and _purpose(noun) is not None:
        return _object_noun(_purpose(noun))
    if noun.dep_ == "dobj":  # "deepen co-operation on nuclear energy" with "on" under the verb
        for prep in noun.head.children:
            if (
                prep.dep_ == "prep"
                and prep.i > noun.i
                and prep.lower_ in {"in", "on", "over", "for", "against"}
            ):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def _noun_phrase(noun: Token) -> str:
    """The noun with its modifiers ("comprehensive economic partnership agreement") and
    coordinated nouns ("energy, transport and agriculture"); no article or clause."""
    keep = {"compound", "amod", "nmod", "nummod", "npadvmod"}
    start, end = _hyphenated(noun)
    words = list(noun.doc[start:end])
    for child in noun.lefts:
        if child.dep_ in keep:
            words += [
                t
                for t in child.subtree
                if t.dep_ not in {"det", "punct", "poss", "case"} or (t.text == "-" and not t.whitespace_)
            ]
    conjuncts = [c for c in noun.conjuncts if c.i > noun.i][:3]
    if conjuncts:
        last = conjuncts[-1]
        words += [t for t in noun.doc[noun.i + 1 : last.i + 1] if t.dep_ not in {"prep", "det"}]
    words = sorted(set(words), key=lambda t: t.i)
    text = " ".join(t.text for t in words)
    text = re.sub(r" ([,;])", r"\1", text).replace(" - ", "-")
    return text.strip().strip("\"'“”‘’ ,")
