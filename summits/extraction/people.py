"""People: who is named, with what title and country, who took part, and who "he" is."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import geo
from .lexicon import (
    ABSENT_VERBS,
    ATTENDANCE_WORDS,
    CHAIR_VERBS,
    COMMIT_VERBS,
    EAST_ASIAN_FAMILY_NAMES,
    GROUP_SPEAKERS,
    HONORIFICS,
    JOINT_SUBJECT,
    JOINT_VERBS,
    MEETING_NOUNS,
    MEETING_VERBS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOBILITY,
    NOT_YET,
    ORGANISATION_HEADS,
    PRONOUNS,
    SENIOR_ROLE,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_WORDS,
)
from .nlp import entities, entities_in

BARE_HONORIFICS = {h.rstrip(".") for h in HONORIFICS}  # "Mr", "Dr" with or without the full stop
NAME_LABELS_NOT = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


@dataclass
class Person:
    name: str
    parts: tuple[str, ...]  # lower-cased words of the name
    role: str | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    aliases: set[str] = field(default_factory=set)
    participant: bool = False
    counterpart_of: Person | None = None
    body: str | None = None  # the organisation a title belongs to ("european council")

    @property
    def surname(self) -> str:
        """The last word of the name that is not a suffix ("Marcos" of Ferdinand Marcos Jr.)."""
        words = [w for w in self.parts if w not in NAME_SUFFIXES] or list(self.parts)
        return words[-1]

    @property
    def short(self) -> str:
        return short_form(self.name, self.aliases)


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


def joint_subject(subject: Token | None, *, strict: bool = False) -> bool:
    """ "A and B", "the two sides", "both governments": a subject that is more than one party.
    ``strict``: only named parties joined by "and" or a noun counted as two ("both", "two")."""
    if subject is None:
        return False
    if subject.conjuncts and subject.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"}:
        return True
    if strict:
        return subject.pos_ == "NOUN" and any(c.lower_ in {"both", "two"} for c in subject.children)
    phrase = [t for t in subject.subtree if t.dep_ not in {"relcl", "appos"}]
    return bool(subject.conjuncts) or bool(JOINT_SUBJECT.search(" ".join(t.text for t in phrase)))


def _is_title(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS and (token.is_title or token.is_upper or token.lower_ == "of")


def _name_span(ent: Span) -> Span | None:
    """The name inside a PERSON entity, without titles, honorifics and a possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        _is_title(doc[start]) or doc[start].lower_ in HONORIFICS or not doc[start].is_alpha
    ):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or not doc[end - 1].text[0].isalnum()):
        end -= 1
    while end > start and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1  # "Ursula von der" + "Leyen" labelled apart
    while (
        end < len(doc)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i >= end
        and _capitalised(doc[end])
    ):
        end += 1  # "Chairperson Moussa" labelled, "Faki Mahamat" the rest of the same name
    while (
        start <= ent.start
        and start > 0
        and doc[start - 1].ent_iob_ == "O"
        and doc[start - 1].dep_ == "compound"
        and start <= doc[start - 1].head.i < end
        and _capitalised(doc[start - 1])
        and doc[start - 1].lower_.rstrip(".") not in HONORIFICS
    ):
        start -= 1  # "Samia Suluhu Hassan" labelled only "Hassan" (often right after a dateline)
    if start >= end:
        return None
    span = _with_particles(doc[start:end])
    return span if span.text and span[0].text[0].isupper() else None


def _only_rank(role: str) -> bool:
    return all(w in NOBILITY for w in role.lower().split())


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper() and token.lower_ not in TITLE_WORDS


def _with_particles(span: Span) -> Span:
    """A name kept whole over its particles: "von der Leyen", "Mohammed bin Salman"."""
    doc = span.doc
    start, end = span.start, span.end
    while True:
        j = end
        while j < len(doc) and doc[j].lower_ in NAME_PARTICLES:
            j += 1
        if j > end and j < len(doc) and _capitalised(doc[j]):
            end = j + 1
        elif (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and _capitalised(doc[end + 1])
        ):
            end += 2  # "Kassym" "-" "Jomart"
        else:
            break
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].is_lower:
        start -= 1  # "von der Leyen said"
    while (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and _capitalised(doc[start - 2])
    ):
        start -= 2
    return doc[start:end]


class People:
    """Every person named in the story, and how to turn a noun phrase into a speaker's name."""

    def __init__(self, doc: Doc, in_quote):
        self._start(doc, in_quote)
        self._collect()
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
        self._decide_participants()
        self._pair_countries()  # before descriptions: "the Brazilian president" by the pair's state
        self.described_at = {}  # a description's head token -> its person
        self._link_descriptions()
        self._decide_participants()  # a role found in a description can make a participant
        self._pair_countries()
        # mentions in text order, for pronoun resolution: (token index, person, is subject)
        self.timeline = sorted(
            [(s, p, self._is_subject(self.doc[s:e])) for p in self.persons for s, e in p.mentions]
            + [(i, p, self._is_subject(self.doc[i : i + 1])) for i, p in self.described_at.items()],
            key=lambda item: item[0],
        )

    def _start(self, doc: Doc, in_quote) -> None:
        self.doc = doc
        self.text = doc.text
        self.in_quote = in_quote  # token -> bool
        self.persons: list[Person] = []
        self.by_token: dict[int, Person] = {}
        self.described_at: dict[int, Person] = {}
        self.timeline: list[tuple[int, Person, bool]] = []

    @classmethod
    def empty(cls, doc: Doc, in_quote) -> People:
        """Nobody: what the other finders work with when finding people failed."""
        people = cls.__new__(cls)
        people._start(doc, in_quote)
        return people

    # --- finding names -------------------------------------------------------------------
    def _collect(self) -> None:
        spans = [
            s for s in (_name_span(e) for e in entities(self.doc) if e.label_ == "PERSON") if s is not None
        ]
        spans += self._honorific_names() + self._titled_names()
        spans.sort(key=lambda s: (s.start, -len(s)))
        for span in spans:
            if any(i in self.by_token for i in range(span.start, span.end)):
                continue
            self._add(span)
        # names the model missed, found by their place in the sentence
        for span in self._coordinated_names() + self._described_names():
            if not any(i in self.by_token for i in range(span.start, span.end)):
                self._add(span)
        self._add_surname_mentions()

    def _proper_name(self, start: int, end: int) -> Span | None:
        """Capitalised words from ``start`` (titles and ranks skipped), if they can be a person's name."""
        doc = self.doc
        while start < end and (_is_title(doc[start]) or doc[start].lower_ in HONORIFICS):
            start += 1
        if start >= end or doc[start].ent_type_ in NAME_LABELS_NOT:
            return None
        span = _with_particles(doc[start:end])
        text = span.text
        if (
            geo.state_of(text)
            or geo.organisation(text)
            or geo.demonym_country(text)
            or geo.place_country(text)
        ):
            return None
        if not all(t.text[0].isupper() or t.lower_ in NAME_PARTICLES or t.text == "-" for t in span):
            return None
        return span

    def _name_after(self, i: int) -> Span | None:
        """The name written right after a title ending at token ``i - 1``."""
        doc = self.doc
        while i < len(doc) and (_is_title(doc[i]) or doc[i].lower_ in HONORIFICS):
            i += 1
        if i > 0 and doc[i - 1].lower_ == "of":
            i = self._past_state(i)  # "President of Laos Thongloun Sisoulith"
        end = i
        while end < len(doc) and (
            (_capitalised(doc[end]) and doc[end].pos_ == "PROPN")
            or (
                doc[end].text == "-" and end > i and not doc[end - 1].whitespace_ and not doc[end].whitespace_
            )
        ):
            end += 1
        return self._proper_name(i, end) if end > i else None

    def _past_state(self, i: int) -> int:
        """The index after a state or organisation named from ``i`` ("Laos", "the African Union")."""
        i += i < len(self.doc) and self.doc[i].lower_ == "the"
        for size in (4, 3, 2, 1):
            if i + size <= len(self.doc) and self._country_at(i, i + size - 1):
                return i + size
        return i

    def _titled_names(self) -> list[Span]:
        """ "Kazakh President Kassym-Jomart Tokayev" even when the model calls it an organisation."""
        found = []
        for token in self.doc:
            if token.lower_ in TITLE_HEADS and (token.is_title or token.lower_ == "counterpart"):
                span = self._name_after(token.i + 1)
                if span is not None:
                    found.append(span)
        return found

    def _chain(self, token: Token) -> Span | None:
        """The proper noun headed by ``token`` with its compound words ("Sheikh Hasina")."""
        if token.pos_ != "PROPN" or not token.text[0].isupper() or token.ent_type_ in {"ORG", "NORP", "FAC"}:
            return None  # "Trump and Congress"
        start = min([c.i for c in token.lefts if c.dep_ in {"compound", "flat"}] + [token.i])
        return self._proper_name(start, token.i + 1)

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
        while 0 <= j < len(doc) and (_is_title(doc[j]) or (_capitalised(doc[j]) and doc[j].pos_ == "PROPN")):
            j += step
        lo, hi = (i, j) if step > 0 else (j + 1, i + 1)
        span = self._proper_name(lo, hi) if hi > lo else None
        if span is None:
            return None
        labelled = {t.ent_type_ for t in span} & {"ORG", "NORP", "FAC", "GPE", "LOC"}
        if labelled and (len(span) < 2 or span[-1].lower_ in ORGANISATION_HEADS):
            return None
        return span

    def _described_names(self) -> list[Span]:
        """ "Hasina, the Bangladeshi prime minister, ...": a proper noun with a title in apposition."""
        found = []
        for token in self.doc:
            if token.lower_ in TITLE_HEADS:  # "The Conservative leader, Kemi Badenoch, said"
                names = [self._chain(c) for c in token.children if c.dep_ == "appos" and c.i > token.i]
                found += [n for n in names if n is not None]
            if token.i in self.by_token or token.dep_ == "compound":
                continue
            if token.i + 1 < len(self.doc) and self.doc[token.i + 1].text == ",":
                role, _country, _body = self._title_after(token.i + 1)
                span = self._chain(token) if role else None
                if span is not None:
                    found.append(span)
        return found

    def _honorific_names(self) -> list[Span]:
        found = []
        for token in self.doc:
            if token.lower_.rstrip(".") in BARE_HONORIFICS and token.i + 1 < len(self.doc):
                end = token.i + 1
                while end < len(self.doc) and self.doc[end].is_title and self.doc[end].pos_ == "PROPN":
                    end += 1
                if end > token.i + 1:
                    found.append(self.doc[token.i + 1 : end])
        return found

    def _add(self, span: Span) -> None:
        parts = tuple(t.lower_ for t in span)
        person = self._match(parts)
        if person is None:
            person = Person(name=span.text, parts=parts)
            self.persons.append(person)
        elif len(parts) > len(person.parts) and set(person.parts) <= set(parts):
            person.aliases.add(person.name)
            person.name, person.parts = span.text, parts
        else:
            person.aliases.add(span.text)
        person.mentions.append((span.start, span.end))
        for i in range(span.start, span.end):
            self.by_token[i] = person

    def _match(self, parts: tuple[str, ...]) -> Person | None:
        for person in self.persons:
            if parts == person.parts:
                return person
        for person in self.persons:
            if len(parts) == 1 and parts[0] == person.surname:
                return person
        firsts = [p for p in self.persons if len(parts) == 1 and len(p.parts) > 1 and p.parts[0] == parts[0]]
        if len(firsts) == 1:
            return firsts[0]  # "Li" for Li Keqiang
        for person in self.persons:
            if len(parts) > 1 and len(person.parts) == 1 and person.parts[0] == parts[-1]:
                return person
            nested = set(parts) < set(person.parts) or set(person.parts) < set(parts)
            if len(parts) > 1 and nested and parts[-1] == person.surname:
                return person
        return None

    def _add_surname_mentions(self) -> None:
        """A bare surname the model labelled as a place or organisation is still the person."""
        surnames = {p.surname: p for p in reversed(self.persons) if len(p.parts) > 1}
        for person in self.persons:
            if len(person.parts) > 1 and sum(p.parts[0] == person.parts[0] for p in self.persons) == 1:
                surnames.setdefault(person.parts[0], person)
        for token in self.doc:
            person = surnames.get(token.lower_)
            if person and token.i not in self.by_token and token.is_title:
                span = _with_particles(self.doc[token.i : token.i + 1])
                person.mentions.append((span.start, span.end))
                person.aliases.add(span.text)  # the short form the text uses alone ("Wang")
                for i in range(span.start, span.end):
                    self.by_token[i] = person

    # --- titles and countries ------------------------------------------------------------
    def _describe(self, person: Person) -> None:
        for start, end in person.mentions:
            role, country, body = self._title_before(start)
            if not role or _only_rank(role):
                after = self._title_after(end)
                if after[0]:
                    role, country, body = after
            if role and (not person.role or _only_rank(person.role)):
                person.role = role
                if "counterpart" in role.lower():
                    person.counterpart_of = self._other_in_sentence(person, start)
            if country and not person.country:
                person.country = country
            if body and not person.body:
                person.body = body
        if person.role and _only_rank(person.role):
            person.role = None  # "Sheikh Hasina": a name, and her office comes from elsewhere
        if person.role and not person.country:
            person.country = self._country_nearby(person)

    def _title_before(self, start: int) -> tuple[str | None, str | None, str | None]:
        doc = self.doc
        i = start - 1
        while i >= 0 and doc[i].lower_ in HONORIFICS:
            i -= 1
        of_country = None
        for size in (1, 2, 3, 4):  # "President of Laos Thongloun Sisoulith"
            j = i - size + 1
            if j > 1 and doc[j - 1].lower_ == "of" and _is_title(doc[j - 2]) and self._country_at(j, i):
                of_country, i = self._country_at(j, i), j - 2
                break
        words: list[Token] = []
        while i >= 0 and (_is_title(doc[i]) or (doc[i].lower_ == "counterpart")):
            words.insert(0, doc[i])
            i -= 1
        if not words:  # "Sudan's army chief Abdel Fattah al-Burhan": a lower-case title after a possessive
            k = i
            while k >= 0 and k > i - 3 and doc[k].is_lower and doc[k].is_alpha:
                k -= 1
            if k < i and k >= 1 and doc[k].tag_ == "POS" and doc[i].lower_ in TITLE_WORDS | {"chief"}:
                return doc[k + 1 : i + 1].text.title(), self._country_before(k), None
        if words and words[0].lower_ == "of":
            words = words[1:]
        country, body = of_country or self._country_before(i), None
        for cut in range(len(words) - 1, 0, -1):
            named = " ".join(w.text for w in words[:cut])
            org = geo.organisation(named)
            if org:  # "European Commission President" -> EU, President
                country, words, body = org, words[cut:], named.lower()
                break
        while len(words) > 1 and words[-1].lower_ in NOBILITY and words[-2].lower_ not in {"crown"}:
            words = words[:-1]  # "Foreign Minister Prince Faisal"
        role = " ".join(w.text for w in words) or None
        if role and words[-1].lower_ not in {"of"}:
            return role, country, body
        return None, None, None

    def _country_at(self, i: int, j: int) -> str | None:
        """A state or organisation named by tokens i..j: "Russian", "Bangladeshi", "Turkey's"."""
        text = self.doc[i : j + 1].text
        if not text[:1].isupper():
            return None
        return geo.demonym_country(text) or geo.state_of(text) or geo.organisation(text)

    def _country_before(self, i: int) -> str | None:
        doc = self.doc
        if i >= 0 and doc[i].tag_ == "POS":
            i -= 1
        if i < 0 or not doc[i].text[:1].isupper():
            return None
        if doc[i].ent_type_ in {"NORP", "GPE", "ORG", "LOC"}:
            j = i
            while j > 0 and doc[j].ent_iob_ == "I":
                j -= 1
            found = self._country_at(j, i)
            if found:
                return found
        return self._country_at(i, i)

    def _title_after(self, end: int) -> tuple[str | None, str | None, str | None]:
        """ "Ben Rhodes, US deputy national security adviser" / "Hasina, the Bangladeshi prime minister"
        / "Michel, the president of the European Council"."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return None, None, None
        i = end + 1
        if i < len(doc) and doc[i].lower_ in {"the", "a"}:
            i += 1
        country, body = None, None
        j = i
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ not in TITLE_WORDS:
            j += 1
        if j > i:
            country = self._country_at(i, j - 1)
            if country is None:
                return None, None, None
            i = j
            if i < len(doc) and doc[i].tag_ == "POS":
                i += 1
        words = []
        while i < len(doc) and (doc[i].lower_ in TITLE_WORDS) and not doc[i].is_punct:
            words.append(doc[i])
            i += 1
        if words and words[-1].lower_ == "of":
            # "the president of the European Council"
            words = words[:-1]
            k = i + (i < len(doc) and doc[i].lower_ == "the")
            m = k
            while m < len(doc) and doc[m].text[:1].isupper():
                m += 1
            if m > k and not country:
                country = self._country_at(k, m - 1)
                if geo.organisation(doc[k:m].text):
                    body = doc[k:m].text.lower()
        role = " ".join(w.text for w in words)
        if not words or not SENIOR_ROLE.search(role):
            return None, None, None
        if role.islower():
            role = role.title()  # "the prime minister" -> "Prime Minister"
        return role, country, body

    def _parallel_countries(self) -> None:
        """ "Rishi Sunak and Emmanuel Macron ... after the first UK-France summit": two people
        without a country and two states written in the same order in the same sentence."""
        for sent in self.doc.sents:
            group: list[Person] = []
            for token in sent:
                person = self.by_token.get(token.i)
                if person is None or person in group or token.dep_ not in {"nsubj", "conj", "dobj", "pobj"}:
                    continue
                if token.dep_ == "conj" or any(
                    c.dep_ == "conj" and c.i in self.by_token for c in token.children
                ):
                    group.append(person)
            if len(group) < 2 or any(p.country for p in group):
                continue
            states = self.state_run(sent, len(group))
            if states:
                for person, code in zip(group, states, strict=True):
                    person.country = code

    def _pair_countries(self) -> None:
        """ "Starmer and Scholz signed ..., committing the UK and Germany to ...": once the other
        participant's country is known, the one state left in such a sentence is this one's."""
        for person in self.participants():
            if person.country:
                continue
            taken = {p.country for p in self.participants() if p.country}
            for start, _end in person.mentions:
                states = {
                    geo.country_code(e.text) for e in entities_in(self.doc[start].sent) if e.label_ == "GPE"
                }
                states.discard(None)
                left = states - taken
                if len(states) >= 2 and len(left) == 1:
                    person.country = left.pop()
                    break

    def state_run(self, sent: Span, size: int) -> list[str] | None:
        ents = [e for e in entities_in(sent) if e.label_ in {"GPE", "NORP", "ORG"}]
        for i in range(len(ents) - size + 1):
            run = ents[i : i + size]
            joins = [self.text[a.end_char : b.start_char].strip() for a, b in zip(run, run[1:], strict=False)]
            codes = [
                geo.state_of(e.text) or geo.demonym_country(e.text) or geo.organisation(e.text) for e in run
            ]
            if (
                all(j in {"-", "–", "and", ",", "/"} for j in joins)
                and all(codes)
                and len(set(codes)) == size
            ):
                return codes
        return None

    # --- descriptions: "the Indian prime minister", "The prime minister" ---------------------
    def _descriptions(self) -> list[tuple[Token, list[str], str | None, str | None]]:
        doc = self.doc
        found = []
        for token in doc:
            if token.lower_ not in TITLE_HEADS or token.i in self.by_token or self.in_quote(token):
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and (nxt.i in self.by_token or (nxt.pos_ == "PROPN" and nxt.is_title)):
                continue  # a title written before a name
            if any(c.dep_ == "appos" and c.i in self.by_token for c in token.children):
                continue  # "the Conservative leader, Kemi Badenoch": the name says who
            start = token.i
            while (
                start > 0
                and doc[start - 1].lower_ != "the"
                and (
                    doc[start - 1].lower_ in TITLE_WORDS
                    or (doc[start - 1].is_title and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"})
                )
            ):
                start -= 1
            if start == 0 or doc[start - 1].lower_ != "the":
                continue
            words = list(doc[start : token.i + 1])
            if any(w.lower_ in {"former", "late", "ex-president", "outgoing"} for w in words):
                continue
            country, body = None, None
            named = [
                w
                for w in words
                if w.is_title and w.lower_ not in TITLE_WORDS - {"european", "council", "commission"}
            ]
            if named:
                text = " ".join(w.text for w in named)
                country = self._country_at(named[0].i, named[-1].i)
                if geo.organisation(text):
                    body = text.lower()
            if nxt is not None and nxt.lower_ == "of":  # "the president of the European Council"
                k = nxt.i + 1 + (nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "the")
                m = k
                while m < len(doc) and doc[m].is_title:
                    m += 1
                if m > k:
                    country = country or self._country_at(k, m - 1)
                    body = doc[k:m].text.lower() if geo.organisation(doc[k:m].text) else body
            role = [w.lower_ for w in words if w not in named and w.lower_ in TITLE_WORDS]
            found.append((token, role, country, body))
        return found

    @staticmethod
    def _compatible(person: Person, role: list[str], country: str | None, body: str | None) -> bool:
        if country and person.country and person.country != country:
            return False
        if body and person.body and person.body != body:
            return False
        wanted = set(role) - {"leader", "counterpart"}
        return not (wanted and person.role and not wanted <= set(person.role.lower().split()))

    def _link_descriptions(self) -> None:
        """Each description goes to the person it can only be (its country first), or the most
        recent compatible one; that person's role and country are filled in from it."""
        descriptions = sorted(self._descriptions(), key=lambda d: (d[2] is None, d[0].i))
        for head, role, country, body in descriptions:
            candidates = []
            for person in self.persons:
                before = [s for s, _e in person.mentions if s < head.i]
                if not before or (person.role and "former" in person.role.lower()):
                    continue
                if not self._compatible(person, role, country, body):
                    continue
                wanted = set(role) - {"leader", "counterpart"}
                key = (
                    person.participant,
                    bool(country and person.country == country),
                    bool(wanted and person.role),
                    max(before),
                )
                candidates.append((key, person))
            if not candidates:
                continue
            person = max(candidates, key=lambda c: c[0])[1]
            self.described_at[head.i] = person
            titled = [w for w in role if w not in {"leader", "counterpart", "the"}]
            if titled and not person.role and SENIOR_ROLE.search(" ".join(titled)):
                person.role = " ".join(titled).title()
            person.country = person.country or country
            person.body = person.body or body

    def _other_in_sentence(self, person: Person, start: int) -> Person | None:
        sent = self.doc[start].sent
        for token in sent:
            other = self.by_token.get(token.i)
            if other is not None and other is not person:
                return other
        return None

    def _country_nearby(self, person: Person) -> str | None:
        """A title without a country ("Crown Prince X") borrows that of the person before it."""
        start = person.mentions[0][0]
        sent = self.doc[start].sent
        for token in reversed(list(self.doc[sent.start : start])):
            other = self.by_token.get(token.i)
            if other is not None and other is not person and other.country:
                return other.country
        return None

    def _country_of_sentences(self, person: Person) -> str | None:
        """The state most often named where the person is (a "President X" written without one)."""
        taken = {p.country for p in self.persons if p.country}
        counts: dict[str, int] = {}
        for start, _end in person.mentions:
            for ent in entities_in(self.doc[start].sent):
                code = geo.state_of(ent.text) if ent.label_ == "GPE" else None
                if code and code not in taken:
                    counts[code] = counts.get(code, 0) + 1
        return max(counts, key=counts.get) if counts else None

    # --- who took part --------------------------------------------------------------------
    def _decide_participants(self) -> None:
        for person in self.persons:
            if person.participant or (person.role and "former" in person.role.lower()):
                continue
            senior = bool(person.role and SENIOR_ROLE.search(person.role))
            mentions = [m for m in person.mentions if not self.in_quote(self.doc[m[0]])]
            if not mentions or self._absent(person):
                continue
            person.participant = any(
                self._acts_in_meeting(m) or self._own_clause_attends(m) for m in mentions
            )
            if senior and not person.participant:
                person.participant = any(self._meeting_context(m) for m in mentions)

    def _absent(self, person: Person) -> bool:
        for start, _end in person.mentions:
            token = self.doc[start]
            while token.dep_ in {"compound", "flat", "appos", "conj"} and token.head is not token:
                token = token.head
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in ABSENT_VERBS:
                return True
        return False

    @staticmethod
    def _not_yet(verb: Token) -> bool:
        """ "will meet", "would attend", "did not meet", "plans to visit"."""
        for token in [verb, *verb.ancestors][:3]:
            if any(
                c.dep_ in {"aux", "neg"} and c.lower_ in NOT_YET | {"not", "n't", "never"}
                for c in token.children
            ):
                return True
            if token.dep_ != "xcomp":
                break
        return False

    @staticmethod
    def _is_meeting_verb(verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if lemma in MEETING_VERBS | JOINT_VERBS:
            return True
        objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
        return lemma in CHAIR_VERBS and any(o.lower_ in MEETING_NOUNS for o in objects)

    def _acts_in_meeting(self, mention: tuple[int, int]) -> bool:
        """Subject or object of a meeting or agreeing verb: "A met B", "A held talks with B",
        "A and B agreed ... after meeting on the sidelines of ...", "A received B"."""
        span = self.doc[mention[0] : mention[1]]
        # a name the parse splits ("Abdel Fattah al-Burhan met"): the word that has the role
        governed = [t for t in span if not (span.start <= t.head.i < span.end)] or [span.root]
        token = next((t for t in governed if t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}), span.root)
        while token.dep_ in {"compound", "flat", "conj", "appos"} and token.head is not token:
            token = token.head
        verb = None
        if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            verb = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in {"with", "by"}:
            verb = token.head.head
            person = self.by_token.get(token.i)
            if token.head.lower_ == "by" and not (person and person.role and SENIOR_ROLE.search(person.role)):
                return False  # "they were greeted by indigenous chief X": a greeter, not a party
            if verb.pos_ == "NOUN" and verb.lower_ in MEETING_NOUNS:
                verb = verb.head  # "held talks with B"
        if verb is None or verb.pos_ not in {"VERB", "AUX"} or self._not_yet(verb):
            return False
        if token.dep_ == "dobj" and verb.lemma_.lower() in JOINT_VERBS:
            return False
        if self._is_meeting_verb(verb):
            return True
        if verb.lemma_.lower() in COMMIT_VERBS and token.dep_ == "nsubj" and token.conjuncts:
            return True  # "A and B vowed to ...": a joint commitment made at the meeting
        # "A pressed B on trade during government consultations in Berlin"
        for prep in verb.children:
            objects = [o for o in prep.children if o.dep_ == "pobj"] if prep.dep_ == "prep" else []
            if prep.lower_ in {"during", "at", "on"} and any(o.lower_ in MEETING_NOUNS for o in objects):
                return True
        # "A and B agreed ... after meeting ...": a meeting participle under the subject's verb
        if token.dep_ != "nsubj":
            return False
        for child in verb.subtree:
            if (
                child.tag_ == "VBG"
                and child.lemma_.lower() in MEETING_VERBS
                and child.dep_ in {"pcomp", "advcl"}
            ):
                return not self._not_yet(child)
        return False

    def _own_clause_attends(self, mention: tuple[int, int]) -> bool:
        """ "Donald Tusk, who co-hosted the talks, ..." / "Modi, who hosted the meeting, ..." """
        token = self.doc[mention[1] - 1]
        own = [t for c in token.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree]
        return any(t.lower_ in ATTENDANCE_WORDS for t in own) and not any(
            t.dep_ == "neg" or t.lower_ in NOT_YET for t in own
        )

    def _meeting_context(self, mention: tuple[int, int]) -> bool:
        """A meeting word among the mention's governors or their direct dependants."""
        token = self.doc[mention[1] - 1]
        seen = set()
        while token.head is not token and token.i not in seen:
            seen.add(token.i)
            token = token.head
            if token.pos_ in {"VERB", "AUX"} and self._not_yet(token):
                return False  # "Li will meet French President Emmanuel Macron"
            # what a speaker said is not where they were ("said the US welcomed the decision")
            words = [token, *(c for c in token.children if c.dep_ != "ccomp")]
            near = [c for c in token.children if c.dep_ in {"prep", "agent", "acomp", "attr"}]
            words += [g for c in near for g in c.children]
            words += [g for c in near for p in c.children if p.dep_ == "prep" for g in p.children]
            if any(w.lower_ in ATTENDANCE_WORDS or w.lemma_.lower() in self._meeting_groups for w in words):
                return True  # "... were among the 27 leaders", "told the leaders that ..."
        return False

    @functools.cached_property
    def _meeting_groups(self) -> set[str]:
        """Plural nouns that meet or agree as the subject ("EU leaders meeting in ... agreed")."""
        verbs = MEETING_VERBS | JOINT_VERBS | COMMIT_VERBS
        return {
            t.lemma_.lower()
            for t in self.doc
            if t.dep_ == "nsubj" and t.tag_ == "NNS" and t.head.lemma_.lower() in verbs and not t.ent_type_
        }

    def _is_subject(self, span: Span) -> bool:
        token = span.root
        while token.dep_ in {"conj", "appos", "compound"} and token.head is not token:
            token = token.head
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return True
        # "Rhodes, Ben Rhodes, US deputy adviser, had said ..." parsed without a subject
        verb = next((t for t in self.doc[span.end : span.sent.end] if t.pos_ == "VERB"), None)
        return (
            verb is not None
            and verb.lemma_ in SPEECH_VERBS
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        )

    # --- speakers -------------------------------------------------------------------------
    def participants(self) -> list[Person]:
        return [p for p in self.persons if p.participant]

    def person_at(self, token: Token) -> Person | None:
        return self.by_token.get(token.i)

    def remember(self, token: Token, person: Person) -> None:
        """A resolved pronoun counts as a mention for the next pronoun."""
        self.timeline.append((token.i, person, True))
        self.timeline.sort(key=lambda item: item[0])

    def antecedent(self, token: Token) -> Person | None:
        """The most recent person written as a subject before ``token`` (any mention if none)."""
        before = [
            (i, p, subj) for i, p, subj in self.timeline if i < token.i and not self.in_quote(self.doc[i])
        ]
        for _i, person, subject in reversed(before):
            if subject:
                return person
        return before[-1][1] if before else None

    def person_before(self, verb: Token) -> Person | None:
        """The nearest person named before a verb that has no subject of its own."""
        for token in reversed(list(self.doc[verb.sent.start : verb.i])):
            if token.i in self.by_token and not self.in_quote(token):
                return self.by_token[token.i]
        return None

    def described(self, phrase: Span) -> Person | None:
        """ "the Turkish president", "the Russian President", "the president"."""
        words = [t for t in phrase if t.lower_ not in {"the", "'s", "’s"}]
        if not words or words[-1].lower_ not in TITLE_WORDS:
            return None
        country = None
        for t in words:
            if t.ent_type_ in {"NORP", "GPE"}:
                country = geo.demonym_country(t.text) or geo.state_of(t.text)
        role = " ".join(t.lower_ for t in words if t.lower_ in TITLE_WORDS)
        candidates = [
            p
            for p in self.persons
            if p.role
            and role in p.role.lower()
            and (country is None or p.country == country)
            and p.participant
        ]
        if country is None and len(candidates) > 1:
            return None
        return candidates[0] if candidates else None

    def resolve(self, head: Token) -> str | None:
        """The speaker named by the noun phrase headed by ``head``."""
        conjuncts = [head] + [c for c in head.conjuncts if c.i > head.i]
        if len(conjuncts) > 1:
            names = [self._resolve_one(c, alone=False) for c in conjuncts]
            if all(names):
                return " and ".join(names)
        return self._resolve_one(head, alone=True)

    def _resolve_one(self, head: Token, *, alone: bool) -> str | None:
        person = self.person_at(head) or next(
            (
                self.person_at(t)
                for t in head.subtree
                if self.person_at(t) and t.dep_ in {"appos", "compound"}
            ),
            None,
        )
        if person is None:
            person = self.described_at.get(head.i)
        if person is not None:
            return person.name
        if head.lower_ in PRONOUNS:
            person = self.antecedent(head)
            if person is not None:
                self.remember(head, person)
                return person.name
            return None
        if head.pos_ == "PRON":
            return None
        phrase = self._phrase(head, alone=alone)
        person = self.described(phrase)
        if person is not None:
            return person.name
        if self._is_group(phrase):
            group = self.participants()
            if len(group) >= 2:
                return " and ".join(p.name for p in group)
        return phrase.text.strip(" ,") or None

    def _phrase(self, head: Token, *, alone: bool) -> Span:
        skip = {"relcl", "acl", "punct", "appos", "advcl", "cc", "conj", "prep"}
        tokens = [head] + [t for c in head.children if c.dep_ not in skip for t in c.subtree]
        if alone:
            tokens += [t for c in head.children if c.dep_ in {"cc", "conj"} for t in c.subtree]
        start = min(t.i for t in tokens)
        end = max(t.i for t in tokens) + 1
        return self.doc[start:end]

    @staticmethod
    def _is_group(phrase: Span) -> bool:
        return bool(GROUP_SPEAKERS.search(phrase.text.strip()))
