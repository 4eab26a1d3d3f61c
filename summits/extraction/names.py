"""Names and titles: who is named where in the story, with what title and country.

``find_names(doc)`` gives a ``PersonIndex``: every person once (the fullest form of the name,
the other forms as aliases), each mention as a token range, the title and country written
around the mentions. Nothing here decides who took part; that is ``participation``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from . import geo, verbs
from .deps import APPOS, COMPOUND, CONJ, DOBJ, NAME_PARTS, NSUBJ, POBJ, SUBJECTS
from .lexicon import (
    EAST_ASIAN_FAMILY_NAMES,
    HONORIFICS,
    KIN_NOUNS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    ORGANISATION_HEADS,
    SENIOR_ROLE,
    STATEMENT_NOUNS,
    TITLE_HEADS,
    TITLE_SUFFIXES,
)
from .nlp import entities, entities_in
from .titles import (
    capitalised,
    country_at,
    honorific_at,
    is_title,
    only_rank,
    paired_titles_after,
    portfolio_end,
    state_run,
    title_after,
    title_before,
)

BARE_HONORIFICS = {h.rstrip(".") for h in HONORIFICS}  # "Mr", "Dr" with or without the full stop
NAME_LABELS_NOT = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
NOT_A_PERSON = {"ORG", "NORP", "FAC"}  # a proper noun labelled so is no name: "Trump and Congress"
PLACE_LABELS = {"ORG", "NORP", "FAC", "GPE", "LOC"}
GROUPED = frozenset({NSUBJ, CONJ, DOBJ, POBJ})  # where the people of "A and B met ..." stand
# words that govern a place: "[in] Davao", "[visited] Sochi"
PLACE_GOVERNORS = frozenset({"in", "at", "to", "from", "near", "visit", "arrive"})
DASHES = {"-", "–", "—", "--"}
INITIAL = re.compile(r"[A-Z]\.")  # "R." of "R. D. Muldoon"
INITIALS = re.compile(r"(?:[a-z]\.)+")  # "l.h." of "L.H. Border", lower-cased


@dataclass(frozen=True, eq=False)
class Person:
    """One person of the story. Compared by identity: two people may share a name's form."""

    name: str
    parts: tuple[str, ...]  # lower-cased words of the name
    role: str | None = None
    country: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()  # token ranges, in the order found
    aliases: frozenset[str] = frozenset()
    body: str | None = None  # the organisation a title belongs to ("european council")

    @property
    def surname(self) -> str:
        """The last word of the name that is not a suffix ("Marcos" of Ferdinand Marcos Jr.)."""
        return _surname(self.parts)

    @property
    def short(self) -> str:
        return short_form(self.name, self.aliases)


@dataclass(frozen=True)
class PersonIndex:
    """Who is named where: the people in order of first finding, and each name's tokens."""

    persons: tuple[Person, ...] = ()
    by_token: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))  # token -> number

    def at(self, i: int) -> Person | None:
        """The person named at token ``i``."""
        number = self.by_token.get(i)
        return None if number is None else self.persons[number]

    def number(self, person: Person) -> int:
        return next(n for n, p in enumerate(self.persons) if p is person)

    def replaced(self, changed: Mapping[int, Person]) -> PersonIndex:
        """The same index with the people numbered in ``changed`` replaced."""
        if not changed:
            return self
        return PersonIndex(tuple(changed.get(n, p) for n, p in enumerate(self.persons)), self.by_token)


def short_form(name: str, aliases: Iterable[str]) -> str:
    """The shortest form the text itself uses alone ("Wang" for Wang Yi, "Xi" for Xi
    Jinping), else the family name by position (the last word that is not a suffix)."""
    forms = [a for a in aliases if a and len(a.split()) < len(name.split())]
    forms = [
        a
        for a in forms
        if a.lower() in name.lower() and (a[0].isupper() or a.split()[0].lower() in NAME_PARTICLES)
    ]
    if forms:
        return min(forms, key=len)
    words = name.split() or [name]
    if len(words) == 2 and words[0].lower() in EAST_ASIAN_FAMILY_NAMES:
        return words[0]
    return next((w for w in reversed(words) if w.lower() not in NAME_SUFFIXES), words[-1])


def _surname(parts: tuple[str, ...]) -> str:
    words = [w for w in parts if w not in NAME_SUFFIXES] or list(parts)
    return words[-1]


# --- a name's extent ---------------------------------------------------------------------------
def name_span(ent: Span) -> Span | None:
    """The name inside a PERSON entity, without titles, honorifics and a possessive:
    "[Russian President] Vladimir Putin['s]"."""
    doc = ent.doc
    start = _past_titles(doc, _past_demonym(doc, _past_portfolio(doc, ent.start), ent.end), ent.end)
    if start < ent.end and _opening_participle(doc[start]):
        start += 1  # "[Addressing] Ruiz, the premier said", the participle labelled with the name
    if start >= ent.end:
        return None  # "[Sri Lankan] High Commissioner": a people and a title, no name
    end = _before_trailing(doc, start, ent.end)
    while end < len(doc) and _compound_goes_on(doc, end):
        end += 1  # "Chairperson Moussa" labelled, "Faki Mahamat" the rest of the same name
    while start <= ent.start and _compound_before(doc, start, end):
        start -= 1  # "Samia Suluhu Hassan" labelled only "Hassan" (often right after a dateline)
    if start >= end:
        return None
    span = with_particles(doc[start:end])
    if geo.state_of(span.text) or geo.organisation(span.text) or _in_brackets(span):
        return None  # "[Vanuatu] Minister" labelled a person; "Permanent Secretary ([Law])", "(JMSDF)"
    return span if span.text and span[0].text[0].isupper() else None


def _past_demonym(doc: Doc, start: int, end: int) -> int:
    """The index after a people's name labelled part of a person's: "[Sri Lankan] High Commissioner"."""
    for size in (2, 1):
        if start + size <= end and geo.demonym_country(doc[start : start + size].text):
            return start + size
    return start


def _without_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The words from ``start`` to ``end`` without the titles, portfolios and honorifics around
    them: "[Minister of Commerce Dr] Than Myint", "Minister of Commerce [Dr]" (a name split off)."""
    while start < end and (is_title(doc[start]) or honorific_at(doc, start)):
        start = max(start + max(1, honorific_at(doc, start)), portfolio_end(doc, start))
    while end > start and (is_title(doc[end - 1]) or doc[end - 1].lower_ in HONORIFICS):
        end -= 1
    return start, end


def _in_brackets(span: Span) -> bool:
    """ "the Maritime Self-Defense Force ([JMSDF])": one word alone in brackets is an abbreviation
    or a portfolio, not a person."""
    doc = span.doc
    return (
        len(span) == 1
        and span.start > 0
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
    )


def _past_titles(doc: Doc, start: int, end: int) -> int:
    """ "[President] Vladimir Putin", "[Mr] Albanese", "[Tan Sri] Muhyiddin": where the name starts
    after its title and honorific."""
    while start < end and (
        is_title(doc[start])
        or honorific_at(doc, start)
        or (not doc[start].is_alpha and not _initial(doc[start]))
        or (doc[start].lower_ == "the" and start + 1 < end)  # "[the] Rt Hon. R. D. Muldoon"
    ):
        start += max(1, honorific_at(doc, start))
    return start


def _initial(token: Token) -> bool:
    """ "[R.] D. Muldoon": a given name written as its initial."""
    return bool(INITIAL.fullmatch(token.text))


def _past_portfolio(doc: Doc, start: int) -> int:
    """ "Minister of State for [Law] Edwin Tong" labelled "Law Edwin Tong": where the name starts
    after the portfolio of a title written before it."""
    head = next((k for k in range(start - 1, max(-1, start - 12), -1) if portfolio_end(doc, k) > start), None)
    return start if head is None else portfolio_end(doc, head)


def _before_trailing(doc: Doc, start: int, end: int) -> int:
    """ "Putin['s]", "Ursula von der" + "Leyen" labelled apart: where the name ends."""
    while end > start and (
        doc[end - 1].tag_ == "POS" or not doc[end - 1].text[0].isalnum() or is_title(doc[end - 1])
    ):
        end -= 1  # "Putin['s]", "Vanuatu [Minister]"
    for k in range(start + 1, end):
        if doc[k].text in DASHES and doc[k - 1].whitespace_:
            end = k  # "J. J. Webster [- Australian High] Commissioner": a dash set apart ends the name
            break
    for k in range(start + 1, end - 1):
        if doc[k].lower_ == "of" and geo.state_of(doc[k + 1 : end].text):
            end = k  # "Ana Vega [of Peru]": her state, no part of her name
            break
    while end > start and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1
    return end


def _compound_goes_on(doc: Doc, end: int) -> bool:
    """ "Moussa [Faki Mahamat]": the last word is a compound of a capitalised word after it."""
    last = doc[end - 1]
    return last.dep_ == COMPOUND and last.head.i >= end and capitalised(doc[end])


def _compound_before(doc: Doc, start: int, end: int) -> bool:
    """ "[Samia Suluhu] Hassan": an unlabelled capitalised compound of the name before it."""
    if start <= 0:
        return False
    word = doc[start - 1]
    return (
        word.ent_iob_ == "O"
        and word.dep_ == COMPOUND
        and start <= word.head.i < end
        and capitalised(word)
        and word.lower_.rstrip(".") not in HONORIFICS
    )


def with_particles(span: Span) -> Span:
    """A name kept whole over its particles: "von der Leyen", "Mohammed bin Salman"."""
    doc = span.doc
    return doc[_particles_before(doc, span.start) : _particles_after(doc, span.end)]


def _particles_after(doc: Doc, end: int) -> int:
    """ "Mohammed [bin Salman]", "Kassym[-Jomart]": where the name ends."""
    while True:
        j = end
        while j < len(doc) and doc[j].lower_ in NAME_PARTICLES:
            j += 1
        if j > end and j < len(doc) and capitalised(doc[j]):
            end = j + 1
        elif _hyphen_joins(doc, end):
            end += 2  # "Kassym" "-" "Jomart"
        else:
            return end


def _hyphen_joins(doc: Doc, end: int) -> bool:
    """ "Kassym" "-" "Jomart": a hyphen written tight after the name and a capitalised word."""
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and capitalised(doc[end + 1])
    )


def _particles_before(doc: Doc, start: int) -> int:
    """ "[von der] Leyen said", "[Kassym-]Jomart": where the name starts."""
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].is_lower:
        start -= 1
    while (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and capitalised(doc[start - 2])
    ):
        start -= 2
    return start


# --- the people, while they are being found ----------------------------------------------------
@dataclass
class _Draft:
    """A person while the names stage is finding them; frozen into a ``Person`` at the end."""

    name: str
    parts: tuple[str, ...]
    role: str | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    counterpart_of: _Draft | None = None
    body: str | None = None

    @property
    def surname(self) -> str:
        return _surname(self.parts)

    def frozen(self) -> Person:
        return Person(
            self.name,
            self.parts,
            self.role,
            self.country,
            tuple(self.mentions),
            frozenset(self.aliases),
            self.body,
        )


def _same_name(parts: tuple[str, ...], persons: list[_Draft]) -> _Draft | None:
    """ "Vladimir Putin" again."""
    return next((p for p in persons if parts == p.parts), None)


def _surname_alone(parts: tuple[str, ...], persons: list[_Draft]) -> _Draft | None:
    """ "Putin said": the surname of Vladimir Putin."""
    return next((p for p in persons if len(parts) == 1 and parts[0] == p.surname), None)


def _given_name_alone(parts: tuple[str, ...], persons: list[_Draft]) -> _Draft | None:
    """ "Li said": the first word of one person's name only (Li Keqiang)."""
    firsts = [p for p in persons if len(parts) == 1 and len(p.parts) > 1 and p.parts[0] == parts[0]]
    return firsts[0] if len(firsts) == 1 else None


def _fuller_form(parts: tuple[str, ...], persons: list[_Draft]) -> _Draft | None:
    """ "Putin ... Vladimir Putin", "Recep Erdogan ... Recep Tayyip Erdogan": one name inside the other."""
    if len(parts) < 2:
        return None
    for person in persons:
        if len(person.parts) == 1 and person.parts[0] == parts[-1]:
            return person
        nested = set(parts) < set(person.parts) or set(person.parts) < set(parts)
        if nested and parts[-1] == person.surname:
            return person
    return None


def _initialled_form(parts: tuple[str, ...], persons: list[_Draft]) -> _Draft | None:
    """ "L.H. Border ... Lewis H. Border": the same surname, the given names one written as the
    initials of the other's."""
    matching = [p for p in persons if _initials_of(parts, p.parts) or _initials_of(p.parts, parts)]
    return matching[0] if len(matching) == 1 else None


def _initials_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "l.h. border" of "lewis h. border": the given names' first letters, with an initial in
    ``short`` and a written-out name in ``full``."""
    if len(short) < 2 or len(full) < 2 or short[-1] != full[-1]:
        return False
    short_letters = (
        [c for w in short[:-1] for c in w if c.isalpha()] if all(map(_initials, short[:-1])) else None
    )
    full_letters = [w[0] for w in full[:-1]]
    written_out = any(not _initials(w) for w in full[:-1])
    return short_letters == full_letters and written_out


def _initials(word: str) -> bool:
    """ "l.", "l.h.", "d.h.": a word of initials."""
    return bool(INITIALS.fullmatch(word))


NAME_MATCHES: tuple[Callable[[tuple[str, ...], list[_Draft]], _Draft | None], ...] = (
    _same_name,
    _surname_alone,
    _given_name_alone,
    _fuller_form,
    _initialled_form,
)


class _Names:
    """The names stage's working state: the people found so far and the tokens they own."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.persons: list[_Draft] = []
        self.by_token: dict[int, _Draft] = {}

    def index(self) -> PersonIndex:
        frozen = [p.frozen() for p in self.persons]
        number = {id(p): n for n, p in enumerate(self.persons)}
        by_token = {i: number[id(p)] for i, p in self.by_token.items()}
        return PersonIndex(tuple(frozen), MappingProxyType(by_token))

    def free(self, span: Span) -> bool:
        return not any(i in self.by_token for i in range(span.start, span.end))

    # --- finding names ---------------------------------------------------------------------
    def collect(self) -> None:
        spans = [
            s for s in (name_span(e) for e in entities(self.doc) if e.label_ == "PERSON") if s is not None
        ]
        spans += self._honorific_names() + self._titled_names()
        spans.sort(key=lambda s: (s.start, -len(s)))
        for span in spans:
            if self.free(span):
                self._add(span)
        # names the model missed, found by their place in the sentence
        for span in self._meeting_subjects():
            if self.free(span):
                self._add(span)
        for span in self._coordinated_names() + self._described_names():
            if self.free(span):
                self._add(span)
        self._add_surname_mentions()
        self._drop_places()

    def _drop_places(self) -> None:
        """ "Lukashenko visited Sochi", "a dinner in Davao": a one-word name the gazetteer knows
        as a place, written where a place goes and never as a subject nor after a title or an
        honorific, is that place."""
        for person in [p for p in self.persons if self._is_place(p)]:
            self.persons.remove(person)
            for start, end in person.mentions:
                for i in range(start, end):
                    self.by_token.pop(i, None)

    def _is_place(self, person: _Draft) -> bool:
        if len(person.parts) != 1 or not geo.place_country(person.name):
            return False
        words = [self.doc[start:end].root for start, end in person.mentions]
        if any(w.dep_ in SUBJECTS or _titled(self.doc, w.i) for w in words):
            return False
        return any(w.head.lower_ in PLACE_GOVERNORS or w.head.lemma_ in PLACE_GOVERNORS for w in words)

    def _proper_name(self, start: int, end: int) -> Span | None:
        """Capitalised words from ``start`` (titles and ranks skipped), if they can be a person's name."""
        doc = self.doc
        start, end = _without_titles(doc, start, end)
        if start < end and _opening_participle(doc[start]):
            start += 1  # "[Addressing] Ruiz, the premier said"
        if start >= end or doc[start].ent_type_ in NAME_LABELS_NOT:
            return None
        span = with_particles(doc[start:end])
        text = span.text
        if geo.organisation(text) or geo.demonym_country(text) or geo.country_code(text):
            return None
        if (geo.state_of(text) or geo.place_country(text)) and not _titled_person(span):
            return None  # "Sofia" is a capital, "Queen Sofia" a person
        if not all(t.text[0].isupper() or t.lower_ in NAME_PARTICLES or t.text == "-" for t in span):
            return None
        return span

    def _name_after(self, i: int) -> Span | None:
        """The name written right after a title ending at token ``i - 1``: "President [Putin]"."""
        doc = self.doc
        i = portfolio_end(doc, i - 1) if i > 0 else i  # "Minister [of Commerce] Dr Than Myint"
        while i < len(doc) and (is_title(doc[i]) or doc[i].lower_ in HONORIFICS or _title_suffix(doc, i)):
            i += 1
        if i > 0 and doc[i - 1].lower_ == "of":
            i = self._past_state(i)  # "President of Laos Thongloun Sisoulith"
        honoured = i > 0 and doc[i - 1].lower_ in HONORIFICS  # "Dr Than Myint": whatever the tagger says
        end = i
        while end < len(doc) and (
            _name_word(doc[end]) or _tight_hyphen(doc, end, i) or (honoured and capitalised(doc[end]))
        ):
            end += 1
        return self._proper_name(i, end) if end > i else None

    def _past_state(self, i: int) -> int:
        """The index after a state or organisation named from ``i`` ("Laos", "the African Union")."""
        i += i < len(self.doc) and self.doc[i].lower_ == "the"
        for size in (4, 3, 2, 1):
            if i + size <= len(self.doc) and country_at(self.doc, i, i + size - 1):
                return i + size
        return i

    def _titled_names(self) -> list[Span]:
        """ "Kazakh President Kassym-Jomart Tokayev" even when the model calls it an organisation."""
        found = []
        for token in self.doc:
            if token.lower_ in TITLE_HEADS and (
                token.is_title or token.lower_ == "counterpart" or _title_suffix(self.doc, token.i + 1)
            ):  # "President X", "his counterpart X", "president-elect X"
                span = self._name_after(token.i + 1)
                if span is not None:
                    found.append(span)
        return found

    def _chain(self, token: Token) -> Span | None:
        """The proper noun headed by ``token`` with its compound words ("Sheikh Hasina")."""
        if token.pos_ != "PROPN" or not token.text[0].isupper() or token.ent_type_ in NOT_A_PERSON:
            return None  # "Trump and Congress"
        start = token
        while parts := [c for c in start.lefts if c.dep_ in NAME_PARTS]:
            start = parts[0]  # "[Sri] Lankan Minister": the name's words before it, and theirs
        return self._proper_name(start.i, token.i + 1)

    def _meeting_subjects(self) -> list[Span]:
        """ "Milei meets with Trump", "Zelenskyy and Trump hold talks": a proper noun the model
        gave no label, the subject of a meeting verb (a headline's way of naming people); not
        "The Joint [Statement] received ..."."""
        spans = [self._chain(t) for t in self.doc if _unlabelled_meeting_subject(t)]
        return [s for s in spans if s is not None and s[-1].lower_ not in STATEMENT_NOUNS]

    def _coordinated_names(self) -> list[Span]:
        """ "Narendra Modi and Sheikh Hasina": a proper noun joined to a person is a person, by
        the parse or, where the parse does not join them, by "and" in the text."""
        found = []
        for person in list(self.persons):
            for start, end in person.mentions:
                root = self.doc[start:end].root
                spans = [self._chain(other) for other in root.conjuncts]
                if end + 1 < len(self.doc) and self.doc[end].lower_ == "and":
                    spans.append(self._joined_run(end + 1, 1))
                if start >= 2 and self.doc[start - 1].lower_ == "and":
                    spans.append(self._joined_run(start - 2, -1))
                found += [s for s in spans if s is not None and all(t.i not in self.by_token for t in s)]
        return found

    def _joined_run(self, i: int, step: int) -> Span | None:
        """The capitalised words from ``i`` on (or back), when they can be a person's name; the
        model may call "Olaf Scholz" an organisation, but not "Deutsche Bank" or "Congress"."""
        doc = self.doc
        j = i
        while 0 <= j < len(doc) and (is_title(doc[j]) or _name_word(doc[j])):
            j += step
        lo, hi = (i, j) if step > 0 else (j + 1, i + 1)
        span = self._proper_name(lo, hi) if hi > lo else None
        if span is None:
            return None
        labelled = {t.ent_type_ for t in span} & PLACE_LABELS
        if labelled and (len(span) < 2 or span[-1].lower_ in ORGANISATION_HEADS):
            return None
        return span

    def _described_names(self) -> list[Span]:
        """ "Hasina, the Bangladeshi prime minister, ...": a proper noun with a title in apposition."""
        found = []
        for token in self.doc:
            if token.lower_ in TITLE_HEADS:  # "The Conservative leader, Kemi Badenoch, said"
                names = [self._chain(c) for c in token.children if c.dep_ == APPOS and c.i > token.i]
                found += [n for n in names if n is not None]
            if token.i in self.by_token or token.dep_ == COMPOUND:
                continue
            if token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ",":
                span = self._chain(token) if title_after(self.doc, token.i + 1).role else None
                if span is not None:
                    found.append(span)
        return found

    def _honorific_names(self) -> list[Span]:
        """ "Mr Albanese", "Dr. Tedros": the capitalised words after an honorific."""
        found = []
        for token in self.doc:
            if token.lower_.rstrip(".") in BARE_HONORIFICS and token.i + 1 < len(self.doc):
                end = token.i + 1
                while end < len(self.doc) and self.doc[end].is_title and self.doc[end].pos_ == "PROPN":
                    end += 1
                start = _past_titles(self.doc, token.i + 1, end)  # "His Excellency [President] X"
                if end > start:
                    found.append(self.doc[start:end])
        return found

    def _add(self, span: Span) -> None:
        if _in_brackets(span):
            return
        parts = tuple(t.lower_ for t in span)
        matches = (_same_name,) if _beside_kin(self.doc, span.start) else NAME_MATCHES
        found = (match(parts, self.persons) for match in matches)
        person = next((p for p in found if p is not None), None)
        if person is None:
            person = _Draft(name=span.text, parts=parts)
            self.persons.append(person)
        elif (len(parts) > len(person.parts) and set(person.parts) <= set(parts)) or _initials_of(
            person.parts, parts
        ):
            person.aliases.add(person.name)
            person.name, person.parts = span.text, parts
        else:
            person.aliases.add(span.text)
        self._mention(person, span)

    def _mention(self, person: _Draft, span: Span) -> None:
        person.mentions.append((span.start, span.end))
        for i in range(span.start, span.end):
            self.by_token[i] = person

    def _add_surname_mentions(self) -> None:
        """A bare surname the model labelled as a place or organisation is still the person."""
        surnames = {p.surname: p for p in reversed(self.persons) if len(p.parts) > 1}
        for person in self.persons:
            if len(person.parts) > 1 and sum(p.parts[0] == person.parts[0] for p in self.persons) == 1:
                surnames.setdefault(person.parts[0], person)
        for token in self.doc:
            person = surnames.get(token.lower_)
            if person and token.i not in self.by_token and token.is_title:
                span = with_particles(self.doc[token.i : token.i + 1])
                person.aliases.add(span.text)  # the short form the text uses alone ("Wang")
                self._mention(person, span)

    # --- titles and countries ----------------------------------------------------------------
    def describe(self) -> None:
        for person in self.persons:
            self._describe(person)
        self._parallel_countries()
        for person in self.persons:
            if person.role and not person.country:
                person.country = self._country_of_sentences(person)
        for person in self.persons:
            if person.counterpart_of and person.counterpart_of.role:
                person.role = person.counterpart_of.role
            if person.role and SENIOR_ROLE.search(person.role):
                person.role = re.sub(r"\bcounterpart\b", "", person.role).strip() or None

    def _describe(self, person: _Draft) -> None:
        for start, end in person.mentions:
            if self._paired(person, start, end):
                continue
            title = title_before(self.doc, start)
            if not title.role or only_rank(title.role):
                after = title_after(self.doc, end)
                if after.role:
                    title = after
            self._take_title(person, title, start)
            self._shared_title(person, start)
            if not person.country:
                person.country = self._state_after(end)
        if person.role and only_rank(person.role):
            person.role = None  # "Sheikh Hasina": a name, and her office comes from elsewhere
        if person.role and not person.country:
            person.country = self._country_nearby(person)

    def _paired(self, person: _Draft, start: int, end: int) -> bool:
        """ "Torres and Vega, Chile's president and Peru's prime minister": the first title goes to
        the name before "and", the second to this one."""
        first = self.by_token.get(start - 2) if start >= 2 and self.doc[start - 1].lower_ == "and" else None
        pair = paired_titles_after(self.doc, end) if first is not None and first is not person else None
        if pair is None:
            return False
        self._take_title(first, pair[0], start - 2)
        self._take_title(person, pair[1], start)
        return True

    def _state_after(self, end: int) -> str | None:
        """ "Ana Vega of Peru": the state written after the name."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        for size in (3, 2, 1):
            if end + size < len(doc) and geo.state_of(doc[end + 1 : end + 1 + size].text):
                return geo.state_of(doc[end + 1 : end + 1 + size].text)
        return None

    def _shared_title(self, person: _Draft, start: int) -> None:
        """ "Prime Ministers Fraser and Muldoon": a plural title before the first name is the
        second's too."""
        first = self.by_token.get(start - 2) if start >= 2 and self.doc[start - 1].lower_ == "and" else None
        if first is None or first is person or person.role:
            return
        first_start = next((s for s, e in first.mentions if e == start - 1), None)
        plural = (
            first_start is not None and first_start > 0 and self.doc[first_start - 1].lower_.endswith("s")
        )
        if plural and is_title(self.doc[first_start - 1]):
            self._take_title(person, title_before(self.doc, first_start)._replace(country=None), start)

    def _take_title(self, person: _Draft, title, start: int) -> None:
        """A title written at one mention fills what the person has not yet got."""
        role, country, body = title
        if role and (not person.role or only_rank(person.role)):
            person.role = role
            if "counterpart" in role.lower():
                person.counterpart_of = self._other_in_sentence(person, start) or self._subject_before(start)
        if country and not person.country:
            person.country = country
        if body and not person.body:
            person.body = body

    def _other_in_sentence(self, person: _Draft, start: int) -> _Draft | None:
        """ "Putin met his Turkish counterpart Erdogan": the other person in the sentence."""
        for token in self.doc[start].sent:
            other = self.by_token.get(token.i)
            if other is not None and other is not person:
                return other
        return None

    def _subject_before(self, start: int) -> _Draft | None:
        """ "Barnier said ... His counterpart X said": the person last written as a subject in
        the sentence before."""
        sent = self.doc[start].sent
        if sent.start == 0:
            return None
        for token in reversed(self.doc[self.doc[sent.start - 1].sent.start : sent.start]):
            person = self.by_token.get(token.i)
            if person is not None and token.dep_ in SUBJECTS:
                return person
        return None

    def _country_nearby(self, person: _Draft) -> str | None:
        """A title without a country ("Crown Prince X") borrows that of the person before it."""
        start = person.mentions[0][0]
        sent = self.doc[start].sent
        for token in reversed(list(self.doc[sent.start : start])):
            other = self.by_token.get(token.i)
            if other is not None and other is not person and other.country:
                return other.country
        return None

    def _country_of_sentences(self, person: _Draft) -> str | None:
        """The state most often named where the person is (a "President X" written without one)."""
        taken = {p.country for p in self.persons if p.country}
        counts: dict[str, int] = {}
        for start, _end in person.mentions:
            for ent in entities_in(self.doc[start].sent):
                code = geo.state_of(ent.text) if ent.label_ == "GPE" else None
                if code and code not in taken:
                    counts[code] = counts.get(code, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _parallel_countries(self) -> None:
        """ "Rishi Sunak and Emmanuel Macron ... after the first UK-France summit": two people
        without a country and two states written in the same order in the same sentence."""
        for sent in self.doc.sents:
            group = self._coordinated_group(sent)
            if len(group) < 2 or any(p.country for p in group):
                continue
            states = state_run(self.doc, sent, len(group))
            if states:
                for person, code in zip(group, states, strict=True):
                    person.country = code

    def _coordinated_group(self, sent: Span) -> list[_Draft]:
        """ "Rishi Sunak and Emmanuel Macron met": the people joined by "and" in a sentence."""
        group: list[_Draft] = []
        for token in sent:
            person = self.by_token.get(token.i)
            if person is None or person in group or token.dep_ not in GROUPED:
                continue
            if token.dep_ == CONJ or any(c.dep_ == CONJ and c.i in self.by_token for c in token.children):
                group.append(person)
        return group


def _beside_kin(doc: Doc, start: int) -> bool:
    """ "whose wife, Hillary Roe," "his son Jon Roe": the name of another person of the family,
    never a fuller form of the bare surname written before it."""
    i = start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].lower_ in KIN_NOUNS


def _unlabelled_meeting_subject(token: Token) -> bool:
    """The verb's one subject, on its line, with no entity label (a misparse gives a verb two
    subjects, or one from the line above)."""
    verb = token.head
    objects = [c.lemma_ for c in verb.children if c.dep_ == DOBJ]
    if (
        token.dep_ != NSUBJ
        or token.ent_type_
        or verb.pos_ != "VERB"
        or not verbs.meets_with(verb.lemma_, objects)
    ):
        return False
    return sum(c.dep_ == NSUBJ for c in verb.children) == 1 and _on_one_line(token, verb)


def _on_one_line(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo : hi + 1].text


def _title_suffix(doc: Doc, i: int) -> bool:
    """ "President[-elect]", "Prime Minister[-designate]": the hyphen and the word after a title."""
    word = doc[i]
    if word.text == "-":
        return i + 1 < len(doc) and doc[i + 1].lower_ in TITLE_SUFFIXES
    return word.lower_ in TITLE_SUFFIXES and i > 0 and doc[i - 1].text == "-"


def _opening_participle(token: Token) -> bool:
    """ "Addressing Ruiz, ...": a participle opening the sentence, capitalised only for that."""
    return token.tag_ == "VBG" and token.lower_.endswith("ing") and token.is_sent_start


def _titled_person(span: Span) -> bool:
    """ "Queen Sofia": a name the gazetteer also knows as a place, written right after a person's
    title or honorific and labelled a person."""
    before = span.doc[span.start - 1] if span.start else None
    titled = before is not None and (is_title(before) or before.lower_ in HONORIFICS)
    return titled and all(t.ent_type_ == "PERSON" for t in span)


def _titled(doc: Doc, i: int) -> bool:
    """A title or an honorific right before token ``i``: "President [Putin]", "Mr [Kerry]"."""
    return i > 0 and (is_title(doc[i - 1]) or doc[i - 1].lower_ in HONORIFICS)


def _name_word(token: Token) -> bool:
    return capitalised(token) and token.pos_ == "PROPN"


def _tight_hyphen(doc: Doc, end: int, start: int) -> bool:
    """ "Kassym-Jomart": a hyphen inside a name, with no space on either side."""
    return doc[end].text == "-" and end > start and not doc[end - 1].whitespace_ and not doc[end].whitespace_


def find_names(doc: Doc) -> PersonIndex:
    """Every person named in the story, with the title and country written around the names:
    "Russian President Vladimir Putin met ... Putin said" is one person, "President", "RU"."""
    names = _Names(doc)
    names.collect()
    names.describe()
    return names.index()


def pair_countries(doc: Doc, index: PersonIndex, taking_part: Iterable[int]) -> PersonIndex:
    """ "Starmer and Scholz signed ..., committing the UK and Germany to ...": once the other
    participant's country is known, the one state left in such a sentence is this one's."""
    numbers = [n for n in range(len(index.persons)) if n in set(taking_part)]
    countries = {n: index.persons[n].country for n in numbers}
    for n in numbers:
        if countries[n]:
            continue
        taken = {c for c in countries.values() if c}
        for start, _end in index.persons[n].mentions:
            states = {geo.country_code(e.text) for e in entities_in(doc[start].sent) if e.label_ == "GPE"}
            states.discard(None)
            left = states - taken
            if len(states) >= 2 and len(left) == 1:
                countries[n] = left.pop()
                break
    persons = index.persons
    return index.replaced(
        {n: replace(persons[n], country=c) for n, c in countries.items() if c != persons[n].country}
    )
