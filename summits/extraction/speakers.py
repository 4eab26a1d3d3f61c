"""Speaker resolution: a mention in, a person's name or a written source out.

``speaker(cast, head)`` is a pure function of the ``Cast`` (who is named where, who took part,
what each description stands for): "Putin", "the Turkish president", "he", "the two leaders"
become the name of a person (or of the participants), anything else the phrase as written
("a Kremlin spokesman"). Nothing is remembered between calls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from . import geo, verbs
from .deps import (
    ACL,
    ADVCL,
    APPOS,
    CC,
    CCOMP,
    COMPOUND,
    CONJ,
    PARATAXIS,
    POSS,
    PREP,
    PUNCT,
    RELCL,
    ROOT,
    SUBJECTS,
)
from .lexicon import GROUP_SPEAKERS, PRONOUNS, TITLE_WORDS
from .names import Person, PersonIndex

OUTSIDE_PHRASE = {RELCL, ACL, PUNCT, APPOS, ADVCL, CC, CONJ, PREP}  # not part of "the Turkish president"
COORDINATION = {CC, CONJ}
NAME_INSIDE = {APPOS, COMPOUND}  # "the president, Putin," / "President Putin"
UP_TO_SUBJECT = {CONJ, APPOS, COMPOUND}
NOT_DESCRIBING = {"the", "'s", "’s"}
STATE_LABELS = {"NORP", "GPE"}
REPORTING_LINKS = {CCOMP, PARATAXIS}  # "she said [Cruz would come]", "[Cruz will come], she said"
MAX_PRONOUN_CHAIN = 20  # "she ... she ... she": how far one pronoun is followed back to a name
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
MALE_WORDS = {"mr", "he", "his", "king", "prince", "sultan", "emperor", "emir", "lord", "sir", "sheikh"}
FEMALE_WORDS = {"ms", "mrs", "miss", "madam", "she", "her", "queen", "princess", "empress", "lady", "dame"}
GENDER_WORDS = {**dict.fromkeys(MALE_WORDS, "m"), **dict.fromkeys(FEMALE_WORDS, "f")}
MAX_NAME_WORDS = 4  # "Tan Sri Muhyiddin": a title or two and a name, not a longer phrase


def _nowhere(token: Token) -> bool:
    return False


@dataclass(frozen=True)
class Cast:
    """Who is who in one Doc: what the names, participation and descriptions stages found."""

    doc: Doc
    index: PersonIndex = field(default_factory=PersonIndex)
    taking_part: frozenset[int] = frozenset()  # the participants' numbers in ``index``
    described_at: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))  # head -> number
    in_quote: Callable[[Token], bool] = _nowhere
    # every mention in text order, for pronouns: (token index, person's number, is a subject)
    timeline: tuple[tuple[int, int, bool], ...] = ()

    @classmethod
    def of(
        cls,
        doc: Doc,
        index: PersonIndex,
        taking_part: frozenset[int],
        described_at: Mapping[int, int],
        in_quote: Callable[[Token], bool],
    ) -> Cast:
        """The cast with its timeline: named and described mentions in text order."""
        mentions = [(s, n, is_subject(doc[s:e])) for n, p in enumerate(index.persons) for s, e in p.mentions]
        mentions += [(i, n, is_subject(doc[i : i + 1])) for i, n in described_at.items()]
        timeline = tuple(sorted(mentions, key=lambda item: item[0]))
        return cls(doc, index, taking_part, described_at, in_quote, timeline)

    @property
    def participants(self) -> list[Person]:
        return [p for n, p in enumerate(self.index.persons) if n in self.taking_part]


def is_subject(span: Span) -> bool:
    """ "Putin said", "Putin and Erdogan met"; also "Rhodes, US deputy adviser, had said ..."
    parsed without a subject: a name before a verb of saying that has none."""
    token = span.root
    while token.dep_ in UP_TO_SUBJECT and token.head is not token:
        token = token.head
    if token.dep_ in SUBJECTS:
        return True
    verb = next((t for t in span.doc[span.end : span.sent.end] if t.pos_ == "VERB"), None)
    return (
        verb is not None
        and verbs.plays(verb.lemma_, verbs.QUOTES)
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    )


def antecedent(cast: Cast, token: Token, depth: int = 0) -> Person | None:
    """Who "he" is: the person written as a subject in the nearest sentence before ``token``
    outside quotation marks, the sentence's own subject before one of a clause it reports, of the
    pronoun's gender where the text shows it (any mention if none): "Ms Reyes said Cruz would
    come. She added ..." -> Reyes."""
    gender = PRONOUN_GENDER.get(token.lower_)
    skip = _reported_by(token)
    before = [
        (i, n, subj)
        for i, n, subj in cast.timeline
        if i < token.i and not cast.in_quote(cast.doc[i]) and i not in skip and _agrees(cast, n, gender)
    ]
    subjects = [(_rank(cast.doc[i]), i, n) for i, n, subj in before if subj]
    if depth < MAX_PRONOUN_CHAIN:
        subjects += [(_rank(p), p.i, None) for p in _pronoun_subjects(cast, token, gender) if p.i not in skip]
    if subjects:
        _rank_key, i, number = max(subjects)
        if number is None:
            return antecedent(cast, cast.doc[i], depth + 1)
        return cast.index.persons[number]
    return cast.index.persons[before[-1][1]] if before else None


def _rank(token: Token) -> tuple[int, bool]:
    """Nearer sentences first; in one sentence its own subject before a reported one's."""
    return token.sent.start, is_main_subject(token)


def is_main_subject(token: Token) -> bool:
    """ "Reyes said Cruz would come": Reyes, the subject of the sentence's own verb (or of a verb
    joined to it), not Cruz, the subject of the clause it reports."""
    while token.dep_ in UP_TO_SUBJECT and token.head is not token:
        token = token.head
    if token.dep_ in SUBJECTS:
        verb = token.head
    else:  # "Rhodes, US deputy adviser, had said": a name before a verb with no subject
        verb = next((t for t in token.doc[token.i + 1 : token.sent.end] if t.pos_ == "VERB"), token)
    while verb.dep_ == CONJ and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == ROOT


def _pronoun_subjects(cast: Cast, token: Token, gender: str | None) -> list[Token]:
    """Pronouns of the same gender as subjects before ``token``: "She said Cruz would come.
    Cruz will also visit Lima, she said." -- the second "she" is the first."""
    return [
        t
        for t in cast.doc[: token.i]
        if t.lower_ in PRONOUN_GENDER
        and PRONOUN_GENDER[t.lower_] == gender
        and t.dep_ in SUBJECTS
        and not cast.in_quote(t)
    ]


def _reported_by(token: Token) -> set[int]:
    """The clause a pronoun's own verb of saying reports, where its speaker is not named: "Cruz
    will visit Lima, she said" -- had Cruz said it, the writer would say "he"."""
    verb = token.head
    if token.dep_ not in SUBJECTS or not verbs.plays(verb.lemma_, verbs.QUOTES):
        return set()
    if verb.dep_ in REPORTING_LINKS and verb.head is not verb:
        return {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return {t.i for c in verb.children if c.dep_ in REPORTING_LINKS for t in c.subtree}


def _agrees(cast: Cast, number: int, gender: str | None) -> bool:
    found = gender_of(cast, number)
    return gender is None or found is None or found == gender


def gender_of(cast: Cast, number: int) -> str | None:
    """ "m" or "f" where the text shows it: a title or honorific at the name ("Mrs Reyes",
    "Queen Ana", "Sultan Omar"), or "his"/"her" in the clause the person is the subject of
    ("Reyes said her government ..."); None where it shows none or both."""
    person = cast.index.persons[number]
    words = set((person.role or "").lower().split())
    for start, end in person.mentions:
        words |= {t.lower_.rstrip(".") for t in cast.doc[max(start - 1, 0) : end]}
        words |= _own_possessives(cast, cast.doc[start:end].root)
    found = {GENDER_WORDS[w] for w in words if w in GENDER_WORDS}
    return found.pop() if len(found) == 1 else None


def _own_possessives(cast: Cast, token: Token) -> set[str]:
    """ "his"/"her" in the clause whose subject is the person at ``token``, when no one else is
    named there: "Reyes said her government would help"."""
    if token.dep_ not in SUBJECTS or cast.in_quote(token):
        return set()
    clause = list(token.head.subtree)
    others = {cast.index.by_token.get(t.i) for t in clause} - {None, cast.index.by_token.get(token.i)}
    if others:
        return set()
    return {
        t.lower_ for t in clause if t.dep_ == POSS and t.lower_ in {"his", "her"} and not cast.in_quote(t)
    }


def person_before(cast: Cast, verb: Token) -> Person | None:
    """The nearest person named before a verb that has no subject of its own: "Putin, speaking
    after the talks, said"."""
    for token in reversed(list(cast.doc[verb.sent.start : verb.i])):
        if token.i in cast.index.by_token and not cast.in_quote(token):
            return cast.index.at(token.i)
    return None


def described(cast: Cast, phrase: Span) -> Person | None:
    """The participant "the Turkish president", "the Russian President", "the president" is
    (with no country named, only where one participant holds that office)."""
    words = [t for t in phrase if t.lower_ not in NOT_DESCRIBING]
    if not words or words[-1].lower_ not in TITLE_WORDS:
        return None
    country = _country_named(words)
    role = " ".join(t.lower_ for t in words if t.lower_ in TITLE_WORDS)
    candidates = [p for p in cast.participants if _holds(p, role, country)]
    if country is None and len(candidates) > 1:
        return None
    return candidates[0] if candidates else None


def by_name_word(cast: Cast, phrase: Span) -> Person | None:
    """ "PM Lee said", "Tan Sri Muhyiddin said" in a story that names Lee Hsien Loong and Muhyiddin
    Yassin: a short proper name whose last word is a word of one person's name, and of no other's."""
    head = phrase[-1]
    if len(phrase) > MAX_NAME_WORDS or head.pos_ != "PROPN" or head.ent_type_ in STATE_LABELS:
        return None
    word = head.lower_
    if word in TITLE_WORDS:
        return None
    holders = [p for p in cast.index.persons if word in p.parts]
    return fullest(cast, holders[0]) if len(holders) == 1 else None


def fullest(cast: Cast, person: Person) -> Person:
    """ "PM Lee" (titles the names stage kept) of a story that named Lee Hsien Loong before: the one
    earlier person of two names or more whose name holds this one's last word."""
    if not person.mentions or not person.parts:
        return person
    first = person.mentions[0][0]
    fuller = [
        p
        for p in cast.index.persons
        if p is not person
        and len(p.parts) >= 2
        and person.parts[-1] in p.parts
        and p.mentions
        and p.mentions[0][0] < first
    ]
    return fuller[0] if len(fuller) == 1 else person


def _country_named(words: list[Token]) -> str | None:
    """The state the last state word names: "the [Turkish] president"."""
    country = None
    for t in words:
        if t.ent_type_ in STATE_LABELS:
            country = geo.demonym_country(t.text) or geo.state_of(t.text)
    return country


def _holds(person: Person, role: str, country: str | None) -> bool:
    return bool(
        person.role and role in person.role.lower() and (country is None or person.country == country)
    )


def speaker(cast: Cast, head: Token) -> str | None:
    """The speaker named by the noun phrase headed by ``head``: "Putin and Erdogan" both named,
    else the phrase as one speaker."""
    conjuncts = [head] + [c for c in head.conjuncts if c.i > head.i]
    if len(conjuncts) > 1:
        names = [_speaker_one(cast, c, alone=False) for c in conjuncts]
        if all(names):
            return " and ".join(names)
    return _speaker_one(cast, head, alone=True)


def _speaker_one(cast: Cast, head: Token, *, alone: bool) -> str | None:
    for rule in (_named, _pronoun, _name_beside):
        found = rule(cast, head)
        if found is not None:
            return found or None
    if head.pos_ == "PRON":
        return None
    phrase = _phrase(cast.doc, head, alone=alone)
    person = described(cast, phrase)
    if person is not None:
        return person.name
    person = by_name_word(cast, phrase)
    if person is not None:
        return person.name
    if GROUP_SPEAKERS.search(phrase.text.strip()):
        group = cast.participants
        if len(group) >= 2:
            return " and ".join(p.name for p in group)
    return phrase.text.strip(" ,") or None


def _named(cast: Cast, head: Token) -> str | None:
    """ "Putin said", "President Putin said", "the president, Putin, said", and a description
    already linked to its person ("the Turkish president" of a story that names Erdogan)."""
    person = cast.index.at(head.i) or next(
        (cast.index.at(t.i) for t in head.subtree if cast.index.at(t.i) and t.dep_ in NAME_INSIDE),
        None,
    )
    if person is None and head.i in cast.described_at:
        person = cast.index.persons[cast.described_at[head.i]]
    return fullest(cast, person).name if person is not None else None


def _name_beside(cast: Cast, head: Token) -> str | None:
    """ "Chilean presidential adviser on trade Ana Ruiz said", parsed as two subjects of "said":
    the title is the person named right after it, as a second subject of the same verb."""
    if head.dep_ not in SUBJECTS or head.pos_ != "NOUN":
        return None
    end = max(t.i for t in head.subtree) + 1
    for other in head.head.children:
        if other is not head and other.dep_ in SUBJECTS and other.left_edge.i == end:
            person = cast.index.at(other.i)
            if person is not None:
                return fullest(cast, person).name
    return None


def _pronoun(cast: Cast, head: Token) -> str | None:
    """ "he said": the person of the antecedent; "" (no speaker) where there is none."""
    if head.lower_ not in PRONOUNS:
        return None
    person = antecedent(cast, head)
    return fullest(cast, person).name if person is not None else ""


def _phrase(doc: Doc, head: Token, *, alone: bool) -> Span:
    """The words of the noun phrase itself: "the Turkish president" of "the Turkish president,
    who arrived on Tuesday,"; with what it is joined to when it stands alone."""
    tokens = [head] + [t for c in head.children if c.dep_ not in OUTSIDE_PHRASE for t in c.subtree]
    if alone:
        tokens += [t for c in head.children if c.dep_ in COORDINATION for t in c.subtree]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    return doc[start:end]
