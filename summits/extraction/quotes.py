"""Statements: direct quotations (any marks, unbalanced tolerated) and reported speech."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .boilerplate import Layout
from .lexicon import (
    COMMIT_VERBS,
    DATA_NOUNS,
    NOT_INDIRECT,
    PARTICLE_VERBS,
    PRONOUNS,
    SPEECH_VERBS,
    STANCE_NOUNS,
    STANCE_VERBS,
    STATEMENT_NOUNS,
)
from .people import People, joint_subject
from .result import StatementFound

DOUBLE_OPEN, DOUBLE_CLOSE = "“„", "”"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
BEFORE_OPEN = set(" \t\n([{—–-:")
AFTER_CLOSE = set(" \t\n,.;:!?)]}—–-")
SENTENCE_END = ".!?"
STOP = re.compile(r"[.!?]")
SINGLE_MARK = re.compile("['‘’]")
# how far before and after a quotation its speaker is looked for, at most (a run-on paragraph)
CONTEXT_CHARS = 2000
# auxiliaries of reported speech's shifted tense: "had accepted", "would resume"
BACKSHIFT = {"had", "would", "could", "might"}
PRESENT_TAGS = {"VBZ", "VBP"}
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rev|Prof|Sen|Rep|Gov|No|Jr|Sr))\.$"
)


@dataclass
class Quote:
    start: int  # offsets of the text between the marks
    end: int
    family: str  # "double" or "single"

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _family(ch: str) -> str | None:
    if ch in '"“”„':
        return "double"
    if ch in "'‘’":
        return "single"
    return None


def _is_open(text: str, i: int, lo: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    return ch in DOUBLE_OPEN + SINGLE_OPEN or (ch in "\"'" and (prev in BEFORE_OPEN or _family(prev)))


def _is_close(text: str, i: int, hi: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isspace():
        return False
    return ch in DOUBLE_CLOSE + SINGLE_CLOSE + "\"'" and (nxt in AFTER_CLOSE or bool(_family(nxt)))


def _stray_close(text: str, i: int, lo: int, hi: int) -> bool:
    """A closing mark after a comma with no opening one: the paragraph began the quotation."""
    return i > lo and text[i - 1] in ",.?!" and _is_close(text, i, hi)


def _plural_possessive(text: str, i: int, closes_next: Callable[[int], bool]) -> bool:
    """ "'Our two countries' interests are the same,' he said": an apostrophe after a plural,
    followed by a word, when the next single mark closes a quotation rather than opens one."""
    if text[i - 1] != "s" or text[i + 1 : i + 2] != " " or not text[i + 2 : i + 3].isalpha():
        return False
    return closes_next(i)


def _next_single_closes(text: str, lo: int, hi: int) -> Callable[[int], bool]:
    """Whether the first single mark after position i in text[lo:hi] that opens or closes a
    quotation closes one; worked out once for the whole paragraph (not rescanned per mark)."""
    marks = [m.start() for m in SINGLE_MARK.finditer(text, lo, hi)]
    verdicts = [False] * (len(marks) + 1)
    for k in range(len(marks) - 1, -1, -1):
        j = marks[k]
        verdicts[k] = False if _is_open(text, j, 0) else True if _is_close(text, j, hi) else verdicts[k + 1]
    return lambda i: verdicts[bisect.bisect_right(marks, i)]


def find_quotes(text: str, lo: int, hi: int) -> list[Quote]:
    """Quotations in text[lo:hi] (one paragraph). Never fails on unbalanced marks."""
    quotes: list[Quote] = []
    open_at, open_family = None, None
    closes_next = _next_single_closes(text, lo, hi)
    for i in range(lo, hi):
        family = _family(text[i])
        if family is None:
            continue
        if open_at is not None and family == open_family and _is_close(text, i, hi):
            if family == "single" and _plural_possessive(text, i, closes_next):
                continue
            if i > open_at + 1:
                quotes.append(Quote(open_at + 1, i, family))
            open_at = open_family = None
        elif _is_open(text, i, lo) and (open_at is None or family == open_family):
            open_at, open_family = i, family
        elif open_at is None and family == "double" and not quotes and _stray_close(text, i, lo, hi):
            quotes.append(Quote(lo, i, family))
    if open_at is not None:
        end = hi
        while end > open_at + 1 and text[end - 1] in "\"'“”‘’ ":
            end -= 1
        if len(text[open_at + 1 : end].split()) >= 3:
            quotes.append(Quote(open_at + 1, end, open_family))
    return quotes


class Quotations:
    """All quotations of the story, with token lookup."""

    def __init__(self, doc: Doc, layout: Layout):
        self._start(doc)
        for block in layout.story_blocks():
            for q in find_quotes(self.text, block.start, block.end):
                self.quotes.append(q)
                self.block_of[q.start] = block.start
        self.quotes.sort(key=lambda q: q.start)
        self._starts = [q.start for q in self.quotes]

    def _start(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes: list[Quote] = []
        self.block_of: dict[int, int] = {}
        self._starts: list[int] = []

    @classmethod
    def empty(cls, doc: Doc) -> Quotations:
        """No quotation: what the other finders work with when finding quotations failed."""
        quotations = cls.__new__(cls)
        quotations._start(doc)
        return quotations

    def at(self, char: int) -> Quote | None:
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def in_quote(self, token: Token) -> bool:
        return self.at(token.idx) is not None

    def after(self, quote: Quote) -> Iterator[Quote]:
        """The quotations that start after ``quote``, in order."""
        for k in range(bisect.bisect_right(self._starts, quote.start), len(self.quotes)):
            yield self.quotes[k]


# --- speakers -----------------------------------------------------------------------------
def _verb_key(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBG", "VBN", "VBP", "VB"}:
        return None
    if lemma in SPEECH_VERBS:
        return lemma
    for verb, particle in PARTICLE_VERBS:
        if lemma == verb and any(c.lower_ == particle for c in token.children):
            return f"{verb} {particle}"
    if lemma in STANCE_VERBS and any(c.lemma_ in STANCE_NOUNS for c in token.children):
        return lemma
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing through "saying"/"adding"/"and has portrayed" to the one above."""
    seen = set()
    token = verb
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if not own_subject and (verb.dep_ == "conj" or (verb.tag_ == "VBG" and verb.dep_ == "advcl")):
        # "Dar said Pakistan would ..., adding that ...": the one who said, not "Pakistan"
        above = next((a for a in verb.ancestors if _verb_key(a)), None)
        if above is not None:
            token = above
    while token.i not in seen:
        seen.add(token.i)
        for child in token.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                if child.tag_ == "WP" and token.dep_ == "relcl":
                    return token.head  # "X, who praised ...": the relative pronoun's antecedent
                return child
        if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
            return token.head  # "a joint statement saying ..."
        after = [
            c for c in token.children if c.i > token.i and c.dep_ in {"dobj", "attr", "npadvmod", "nsubj"}
        ]
        if token.dep_ in {"ROOT", "ccomp", "parataxis"} and after and after[0].pos_ == "PROPN":
            return after[0]  # "..., said Putin."
        if token.dep_ not in {"conj", "advcl", "xcomp", "ccomp", "parataxis"} or token.head is token:
            return None
        token = token.head
    return None


def according_to(tokens: list[Token]) -> Token | None:
    for token in tokens:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
        ):
            objs = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


class Statements:
    def __init__(self, doc: Doc, layout: Layout, quotations: Quotations, people: People):
        self.doc, self.layout, self.q, self.people = doc, layout, quotations, people
        self.text = doc.text

    def _tokens(self, lo: int, hi: int) -> list[Token]:
        if hi <= lo:
            return []
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

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

    def _speaker_from(self, tail: list[Token], head: list[Token]) -> str | None:
        """The subject of a verb of saying after the quotation, else before it; only then an
        "according to" source ('"...," Macron told Xi, according to his office'; 'praised the
        "strategic mutual trust" ..., according to state broadcaster CCTV')."""
        tail = [t for t in tail if not self.q.in_quote(t)]
        head = [t for t in head if not self.q.in_quote(t)]
        verbs = [t for t in tail if _verb_key(t)] + sorted(
            (t for t in head if _verb_key(t)), key=lambda v: (v.lemma_ == "agree", v.i)
        )
        for verb in verbs:
            subject = subject_of(verb)
            if subject is not None and not (subject.pos_ == "PRON" and subject.lower_ not in PRONOUNS):
                name = self.people.resolve(subject)
                if name:
                    return name
        source = according_to(tail) or according_to(head)
        if source is not None:
            return self.people.resolve(source)
        for verb in verbs:
            name = self.speaker_of(verb)
            if name:
                return name
        return None

    def speaker_of(self, verb: Token) -> str | None:
        subject = subject_of(verb)
        if subject is not None:
            return self.people.resolve(subject)
        person = self.people.person_before(verb)
        return person.name if person is not None else None

    def direct(self) -> list[StatementFound]:
        found: list[StatementFound] = []
        last_speaker_in_block: dict[int, str] = {}
        last_speaker = None
        for quote in self.q.quotes:
            if quote.words(self.text) < 3:
                continue
            block = self.q.block_of[quote.start]
            lo, hi = self._sentence_bounds(quote)
            tail = self._tokens(quote.end + 1, hi) if hi > quote.end + 1 else []
            head = self._tokens(lo, max(lo, quote.start - 1)) if quote.start - 1 > lo else []
            speaker = self._speaker_from(tail, head)
            if speaker is None:
                speaker = self._pull_quote_speaker(block) or last_speaker_in_block.get(block)
            if speaker is None and not head:
                speaker = last_speaker
            last_speaker_in_block[block] = speaker or last_speaker_in_block.get(block)
            last_speaker = speaker or last_speaker
            found.append(
                StatementFound(speaker, self.text[quote.start : quote.end], "direct", quote.start, quote.end)
            )
        return found

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

    def indirect(self) -> list[StatementFound]:
        found = []
        for verb in self.doc:
            key = _verb_key(verb)
            if (
                not key
                or key in NOT_INDIRECT
                or self.q.in_quote(verb)
                or any(c.dep_ == "neg" for c in verb.children)
                or _shares_content(verb)
                or (key in COMMIT_VERBS and joint_subject(subject_of(verb), strict=True))
            ):
                continue  # a joint vow is a commitment (an agreement), not one speaker's words
            content = self._content(verb, key)
            if content is None:
                continue
            lo, hi = content
            outside = [t for t in self._tokens(lo, hi) if not self.q.in_quote(t) and not t.is_punct]
            if len(outside) < 3:
                continue  # only introduces a quotation
            speaker = self._joint_statement(verb) or self.speaker_of(verb)
            if not speaker:
                continue
            found.append(StatementFound(speaker, self.text[lo:hi], "indirect", lo, hi))
        return found

    def _joint_statement(self, verb: Token) -> str | None:
        """ "In a joint statement, the two governments said ...": the statement is the speaker,
        unless one named person speaks."""
        subject = subject_of(verb)
        if subject is not None and self.people.person_at(subject) and not subject.conjuncts:
            return None
        for prep in verb.children:
            document = [o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in STATEMENT_NOUNS]
            if prep.lower_ == "in" and document:
                return self.doc[document[0].left_edge.i : document[0].i + 1].text
        return None

    def according(self) -> list[StatementFound]:
        found = []
        for token in self.doc:
            if token.lower_ != "according" or self.q.in_quote(token):
                continue
            source = according_to([token])
            if source is not None and source.lemma_.lower() in DATA_NOUNS:
                continue  # "according to a recent U.N. estimate": a figure's source, not speech
            speaker = self.people.resolve(source) if source is not None else None
            sent = token.sent
            phrase_end = source.right_edge.i + 1 if source is not None else token.i + 2
            if speaker is None:
                continue
            if token.i - sent.start <= 1:
                body = [t for t in self.doc[phrase_end : sent.end] if not t.is_space]
            else:
                body = [t for t in self.doc[sent.start : token.i] if not t.is_space]
            while body and (body[-1].is_punct or body[-1].dep_ == "cc"):
                body.pop()
            while body and body[0].is_punct:
                body.pop(0)
            if any(_verb_key(t) not in {None, *NOT_INDIRECT} for t in body):
                continue  # "Downing Street said ..., according to a briefing note": Downing Street speaks
            if len(body) >= 3 and not any(self.q.in_quote(t) for t in body):
                lo, hi = body[0].idx, body[-1].idx + len(body[-1].text)
                found.append(StatementFound(speaker, self.text[lo:hi], "indirect", lo, hi))
        return found

    def _content(self, verb: Token, key: str) -> tuple[int, int] | None:
        children = list(verb.children)
        heads = [c for c in children if c.dep_ in {"ccomp", "xcomp"}]
        if not heads and key in {"call for", "call on"}:
            heads = [o for c in children if c.lower_ in {"for", "on"} for o in c.children if o.dep_ == "pobj"]
        if not heads and key in STANCE_VERBS:
            nouns = [c for c in children if c.lemma_ in STANCE_NOUNS]
            heads = [g for n in nouns for g in n.children if g.dep_ in {"acl", "ccomp", "prep"}]
            heads = [o for h in heads for o in ([h] if h.dep_ != "prep" else h.children) if o.dep_ != "punct"]
        if not heads and key in {
            "hail",
            "pledge",
            "promise",
            "portray",
            "welcome",
            "praise",
            "announce",
            "urge",
            "thank",
        }:
            heads = [c for c in children if c.dep_ == "dobj"]
        if not heads:
            return None
        head = heads[0]
        tokens = list(head.subtree)
        complements = (
            _verb_complements(verb, tokens[-1].i) if head.dep_ == "dobj" or key in STANCE_VERBS else []
        )
        if (
            head.dep_ == "dobj"
            and self.people.person_at(head)
            and not (complements and complements[0].lower_ == "for")
        ):
            return None  # "welcomed Macron in Berlin": whom, not what ("thanked Scholz for the help": what)
        told = [c for c in children if c.dep_ == "dobj" and verb.i < c.i < head.i]
        if head.dep_ == "xcomp" and told:  # "urged Islamabad to improve ...": whom, then what
            tokens = list(told[0].subtree) + tokens
        tokens += complements
        tokens += _reported_continuation(verb, head)
        tokens = (
            [t for t in tokens if t.i < verb.i] if head.i < verb.i else [t for t in tokens if t.i > verb.i]
        )
        if not tokens:
            return None
        first, last = tokens[0], tokens[-1]
        source = according_to(tokens)  # "..., according to a statement": the source is not content
        if source is not None:
            first, last = self._without_source(source, first, last, head)
        cut = next((t for t in tokens if t is not head and (_own_speech(t) or _contrast(t))), None)
        while _opens_content(first, head):
            if first.i >= last.i:
                return None
            first = self.doc[first.i + 1]
        if cut is not None and cut.left_edge.i > first.i:
            last = self.doc[cut.left_edge.i - 1]  # a clause set against what was said after it
        while last.i > first.i and (
            (last.is_punct and not _family(last.text[-1])) or last.is_space or last.dep_ == "cc"
        ):
            last = self.doc[last.i - 1]
        if last.i < first.i:
            return None
        return first.idx, last.idx + len(last.text)

    def _without_source(self, source: Token, first: Token, last: Token, head: Token) -> tuple[Token, Token]:
        """The content without its "according to" source: cut before it ("said the talks went
        well, according to his office") or after it when it opens the content ("said that,
        according to his office, the talks went well")."""
        according = source.head.i - 1
        if any(not _opens_content(t, head) for t in self.doc[first.i : according]):
            return first, self.doc[according - 1]
        after = source.right_edge.i + 1
        return (self.doc[after], last) if after <= last.i else (last, last)


def _opens_content(token: Token, head: Token) -> bool:
    """ "that", a comma, "and": words before what was said. A clause's own conjunction stays
    ("announced that while the minister had been careless, no charges were appropriate")."""
    if token.dep_ == "mark":
        return token.head == head or token.lower_ == "that"
    return token.is_punct or token.lower_ in {"that", "and", "but"}


def _reported_continuation(verb: Token, content: Token) -> list[Token]:
    """ "told reporters that the president had accepted ..., but the dates had not yet been
    agreed": a clause joined to the verb of saying, in the reported clause's back-shifted tense,
    is more of what was said."""
    if content.dep_ != "ccomp" or content.i < verb.i:
        return []
    for conj in verb.children:
        if (
            conj.dep_ == "conj"
            and conj.i > content.i
            and not any(c.dep_ in {"ccomp", "xcomp"} for c in conj.children)
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children)
            and (
                any(c.dep_ in {"aux", "auxpass"} and c.lower_ in BACKSHIFT for c in conj.children)
                # "conceded he has ..., but they have ...": the reported clause's unshifted tense
                or (verb.tag_ == "VBD" and {content.tag_, conj.tag_} <= PRESENT_TAGS)
            )
        ):
            cc = [c for c in verb.children if c.dep_ == "cc" and content.i < c.i < conj.i]
            return cc + list(conj.subtree)
    return []


def _verb_complements(verb: Token, end: int) -> list[Token]:
    """ "praised the choice of Berlin for the first trip", "thanked them for their patience",
    "expressed optimism about X after a cleric was elected": the verb's phrases and clauses
    right after its object complete what was said (a source, or a clause after a comma, not)."""
    tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ not in {"prep", "advcl"} or child.left_edge.i != end + 1 or child.lower_ == "according":
            continue
        tokens += list(child.subtree)
        end = child.right_edge.i
    return tokens


def _contrast(token: Token) -> bool:
    """ ", while Britain and France remained concerned ...": a clause with its own subject set
    against what was said is the writer's narration, not part of it."""
    return (
        token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in {"while", "whereas"} for c in token.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    )


def _shares_content(token: Token) -> bool:
    """ "said Kazakhstan adheres to ... and welcomes more investment": a verb coordinated with
    the reported clause's own verb, in the same tense, belongs to what was said; one with a
    clause of its own ("... and underlined that ...", "... and urged X to ...") is new speech."""
    head = token.head
    return (
        token.dep_ == "conj"
        and not any(c.dep_ in {"ccomp", "xcomp"} for c in token.children)
        and head.pos_ in {"VERB", "AUX"}
        and _verb_key(head) is None
        and token.tag_ == head.tag_
        and head.dep_ in {"ccomp", "conj"}
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    )


def _own_speech(token: Token) -> bool:
    """A clause of its own speech inside the content: ", adding that ..." """
    if _shares_content(token):
        return False
    subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    if token.dep_ == "conj" and _verb_key(token) and not subject:
        return True  # "... and has portrayed the summit as ..."
    return token.dep_ in {"advcl", "conj"} and token.tag_ == "VBG" and _verb_key(token) is not None
