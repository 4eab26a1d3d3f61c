"""People: who is named, with what title and country, who took part, and who "he" is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import geo
from .lexicon import (
    ABSENT_VERBS,
    ATTENDANCE_WORDS,
    GROUP_SPEAKERS,
    HONORIFICS,
    PRONOUNS,
    SENIOR_ROLE,
    SPEECH_VERBS,
    TITLE_WORDS,
)


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

    @property
    def surname(self) -> str:
        return self.parts[-1]


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
    span = doc[start:end]
    return span if span.text and span[0].text[0].isupper() else None


class People:
    """Every person named in the story, and how to turn a noun phrase into a speaker's name."""

    def __init__(self, doc: Doc, in_quote):
        self.doc = doc
        self.in_quote = in_quote  # token -> bool
        self.persons: list[Person] = []
        self.by_token: dict[int, Person] = {}
        self._collect()
        for person in self.persons:
            self._describe(person)
        for person in self.persons:
            if person.role and not person.country:
                person.country = self._country_of_sentences(person)
        for person in self.persons:
            if person.counterpart_of and person.counterpart_of.role:
                person.role = person.counterpart_of.role
            if person.role and SENIOR_ROLE.search(person.role):
                person.role = re.sub(r"\bcounterpart\b", "", person.role).strip() or None
        self._decide_participants()
        # mentions in text order, for pronoun resolution: (token index, person, is subject)
        self.timeline: list[tuple[int, Person, bool]] = sorted(
            (s, p, self._is_subject(self.doc[s:e])) for p in self.persons for s, e in p.mentions
        )

    # --- finding names -------------------------------------------------------------------
    def _collect(self) -> None:
        spans = [s for s in (_name_span(e) for e in self.doc.ents if e.label_ == "PERSON") if s is not None]
        spans += self._honorific_names()
        spans.sort(key=lambda s: (s.start, -len(s)))
        for span in spans:
            if any(i in self.by_token for i in range(span.start, span.end)):
                continue
            self._add(span)
        self._add_surname_mentions()

    def _honorific_names(self) -> list[Span]:
        found = []
        for token in self.doc:
            if token.lower_.rstrip(".") in {h.rstrip(".") for h in HONORIFICS} and token.i + 1 < len(
                self.doc
            ):
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
                person.mentions.append((token.i, token.i + 1))
                self.by_token[token.i] = person

    # --- titles and countries ------------------------------------------------------------
    def _describe(self, person: Person) -> None:
        for start, end in person.mentions:
            role, country = self._title_before(start)
            if not role:
                role, country = self._title_after(end)
            if role and not person.role:
                person.role = role
                if "counterpart" in role.lower():
                    person.counterpart_of = self._other_in_sentence(person, start)
            if country and not person.country:
                person.country = country
        if person.role and not person.country:
            person.country = self._country_nearby(person)

    def _title_before(self, start: int) -> tuple[str | None, str | None]:
        doc = self.doc
        i = start - 1
        while i >= 0 and doc[i].lower_ in HONORIFICS:
            i -= 1
        words: list[Token] = []
        while i >= 0 and (_is_title(doc[i]) or (doc[i].lower_ == "counterpart")):
            words.insert(0, doc[i])
            i -= 1
        if words and words[0].lower_ == "of":
            words = words[1:]
        country = self._country_before(i)
        for cut in range(len(words) - 1, 0, -1):
            org = geo.organisation(" ".join(w.text for w in words[:cut]))
            if org:  # "European Commission President" -> EU, President
                country, words = org, words[cut:]
                break
        role = " ".join(w.text for w in words) or None
        if role and words[-1].lower_ not in {"of"}:
            return role, country
        return None, None

    def _country_before(self, i: int) -> str | None:
        doc = self.doc
        if i >= 0 and doc[i].tag_ == "POS":
            i -= 1
        if i < 0 or doc[i].ent_type_ not in {"NORP", "GPE", "ORG", "LOC"}:
            return None
        j = i
        while j > 0 and doc[j - 1].ent_iob_ == "I" or (j > 0 and doc[j].ent_iob_ == "I"):
            j -= 1
        text = doc[j : i + 1].text
        return geo.demonym_country(text) or geo.state_of(text) or geo.organisation(text)

    def _title_after(self, end: int) -> tuple[str | None, str | None]:
        """ "Ben Rhodes, US deputy national security adviser" / "Vladimir Putin, Russian President"."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return None, None
        i = end + 1
        if i < len(doc) and doc[i].lower_ in {"the", "a"}:
            i += 1
        country = None
        if i < len(doc) and doc[i].ent_type_ in {"NORP", "GPE"}:
            j = i
            while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
                j += 1
            country = geo.demonym_country(doc[i : j + 1].text) or geo.state_of(doc[i : j + 1].text)
            i = j + 1
            if i < len(doc) and doc[i].tag_ == "POS":
                i += 1
        words = []
        while i < len(doc) and (doc[i].lower_ in TITLE_WORDS) and not doc[i].is_punct:
            words.append(doc[i].text)
            i += 1
        role = " ".join(words) if words and SENIOR_ROLE.search(" ".join(words)) else None
        return (role, country) if role else (None, None)

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
            for ent in self.doc[start].sent.ents:
                code = geo.state_of(ent.text) if ent.label_ == "GPE" else None
                if code and code not in taken:
                    counts[code] = counts.get(code, 0) + 1
        return max(counts, key=counts.get) if counts else None

    # --- who took part --------------------------------------------------------------------
    def _decide_participants(self) -> None:
        for person in self.persons:
            senior = (
                bool(person.role and SENIOR_ROLE.search(person.role)) and "former" not in person.role.lower()
            )
            mentions = [m for m in person.mentions if not self.in_quote(self.doc[m[0]])]
            if not senior or not mentions or self._absent(person):
                continue
            person.participant = any(self._meeting_context(m) for m in mentions)

    def _absent(self, person: Person) -> bool:
        for start, _end in person.mentions:
            token = self.doc[start]
            while token.dep_ in {"compound", "flat", "appos", "conj"} and token.head is not token:
                token = token.head
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in ABSENT_VERBS:
                return True
        return False

    def _meeting_context(self, mention: tuple[int, int]) -> bool:
        """A meeting word among the mention's governors or their direct dependants."""
        token = self.doc[mention[1] - 1]
        own = [t for c in token.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree]
        if any(t.lower_ in ATTENDANCE_WORDS for t in own) and not any(t.dep_ == "neg" for t in own):
            return True  # "Donald Tusk, who co-hosted the talks, ..."
        seen = set()
        while token.head is not token and token.i not in seen:
            seen.add(token.i)
            token = token.head
            words = [token, *token.children]
            words += [g for c in token.children if c.dep_ in {"prep", "agent"} for g in c.children]
            if any(w.lower_ in ATTENDANCE_WORDS for w in words):
                return True
        return False

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
