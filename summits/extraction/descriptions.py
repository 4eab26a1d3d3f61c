"""Descriptions: "the Indian prime minister", "The prime minister", "the president of the
European Council" written instead of a name, each linked to the person it can only be.

``link(doc, index, taking_part, in_quote)`` gives the index with the roles and countries that
the descriptions add, and which person each description's head word stands for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import NamedTuple

from spacy.tokens import Doc, Token

from . import geo
from .deps import APPOS
from .lexicon import SENIOR_ROLE, TITLE_HEADS, TITLE_WORDS
from .names import Person, PersonIndex
from .titles import country_at

NOT_IN_OFFICE = {"former", "late", "ex-president", "outgoing"}
ORGAN_WORDS = {"european", "council", "commission"}  # title words that also name an organisation
PORTFOLIO_HEADS = {"chief"}  # the head of a portfolio the words before it name: "the defence [chief]"
# title words that say nothing about which office ("the defence chief": the portfolio does)
ANY_TITLE = {"leader", "counterpart", "chief"}
DESCRIPTION_WORDS = {"PROPN", "ADJ", "NOUN"}
# a word that stands for any of several offices: "the monarch" is the king, the sultan, the emir...
OFFICE_FAMILIES = {
    "monarch": {"king", "queen", "sultan", "emir", "amir", "emperor", "empress", "monarch"},
    "sovereign": {"king", "queen", "sultan", "emir", "amir", "emperor", "empress", "monarch"},
    "diplomat": {"minister", "secretary", "ambassador", "envoy", "diplomat"},  # "the Chilean diplomat"
    "pontiff": {"pope", "pontiff"},  # "the pontiff said"
    "premier": {"premier", "prime"},  # "the premier" of a story that names a prime minister
}


AGE_DESCRIPTION = re.compile(r"^the (\d{1,3})[- ]year[- ]old$", re.IGNORECASE)  # "the 40-year-old"
AGE_AFTER_NAME = re.compile(r"^\s*[,(]\s*(\d{1,3})\s*[,)]")  # "Ana Ruiz, 40," / "Ana Ruiz (40)"
AGE_BEFORE_NAME = re.compile(r"(\d{1,3})[- ]year[- ]old\s+$", re.IGNORECASE)  # "40-year-old Ana Ruiz"


class Description(NamedTuple):
    head: Token  # "president" of "the Turkish president"
    role: tuple[str, ...]  # its title words, lower-cased
    country: str | None
    body: str | None  # the organisation whose title it is ("european council")


def find(doc: Doc, index: PersonIndex, in_quote) -> list[Description]:
    """Every "the [Turkish] president" outside quotation marks that stands for a person."""
    found = []
    for token in doc:
        if not _stands_alone(doc, index, in_quote, token):
            continue
        start = _start(doc, token.i)
        if start is None:
            continue
        words = list(doc[start : token.i + 1])
        if not any(w.lower_ in NOT_IN_OFFICE for w in words):
            found.append(_read(doc, token, words))
    return found


def _stands_alone(doc: Doc, index: PersonIndex, in_quote, token: Token) -> bool:
    """A title head that is not part of a name: "the president said", not "President Putin"
    nor "the Conservative leader, Kemi Badenoch" (there the name says who)."""
    if not _office_head(token) or token.i in index.by_token or in_quote(token):
        return False
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and (nxt.i in index.by_token or (nxt.pos_ == "PROPN" and nxt.is_title)):
        return False  # a title written before a name
    return not any(c.dep_ == APPOS and c.i in index.by_token for c in token.children)


def _office_head(token: Token) -> bool:
    """ "the president", and a word for a family of offices: "the monarch said"."""
    return token.lower_ in TITLE_HEADS or token.lower_ in OFFICE_FAMILIES or token.lower_ in PORTFOLIO_HEADS


def _start(doc: Doc, head: int) -> int | None:
    """Where "the [Russian] president" starts after its "the"; None without one."""
    start = head
    while start > 0 and doc[start - 1].lower_ != "the" and _describing(doc[start - 1]):
        start -= 1
    if start == 0 or doc[start - 1].lower_ != "the":
        return None
    return start


def _describing(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS or (token.is_title and token.pos_ in DESCRIPTION_WORDS)


def _read(doc: Doc, head: Token, words: list[Token]) -> Description:
    """ "the Turkish president": ("president",), "TR"; "the European Council president":
    ("president",), "EU", "european council"."""
    country, body = None, None
    named = [w for w in words if w.is_title and w.lower_ not in TITLE_WORDS - ORGAN_WORDS]
    if named:
        text = " ".join(w.text for w in named)
        country = country_at(doc, named[0].i, named[-1].i)
        if geo.organisation(text):
            body = text.lower()
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "of":
        country, body = _of_organisation(doc, nxt.i, country, body)
    role = tuple(w.lower_ for w in words if w not in named and (w.lower_ in TITLE_WORDS or _office_head(w)))
    return Description(head, role, country, body)


def _of_organisation(
    doc: Doc, of: int, country: str | None, body: str | None
) -> tuple[str | None, str | None]:
    """ "the president of the European Council": its organisation."""
    k = of + 1 + (of + 1 < len(doc) and doc[of + 1].lower_ == "the")
    m = k
    while m < len(doc) and doc[m].is_title:
        m += 1
    if m > k:
        country = country or country_at(doc, k, m - 1)
        body = doc[k:m].text.lower() if geo.organisation(doc[k:m].text) else body
    return country, body


def family_of(office: str) -> set[str]:
    """The offices a word's family holds ("minister": minister, secretary, ambassador, envoy...);
    the word alone where it has none."""
    families = [f for f in OFFICE_FAMILIES.values() if office in f]
    return set().union(*families) if families else {office}


def compatible(person: Person, description: Description) -> bool:
    """The person can be the one described: no other country, body or office."""
    _head, role, country, body = description
    if country and person.country and person.country != country:
        return False
    if body and person.body and person.body != body:
        return False
    held = set((person.role or "").lower().split())
    if not _in_family(held, role):
        return False
    wanted = set(role) - ANY_TITLE - set(OFFICE_FAMILIES)
    return not (wanted and person.role and not wanted <= held)


def _in_family(held: set[str], role: tuple[str, ...]) -> bool:
    """ "the monarch" is only someone known to hold one of its offices ("Sultan Omar")."""
    return all(held & OFFICE_FAMILIES[w] for w in role if w in OFFICE_FAMILIES)


def link(
    doc: Doc, index: PersonIndex, taking_part: frozenset[int], in_quote
) -> tuple[PersonIndex, Mapping[int, int]]:
    """Each description goes to the person it can only be (its country first), or the most
    recent compatible one; that person's role and country are filled in from it. Gives the
    index so completed, and the person's number for each description's head token."""
    persons = dict(enumerate(index.persons))
    described: dict[int, int] = {}
    for description in sorted(find(doc, index, in_quote), key=lambda d: (d.country is None, d.head.i)):
        number = _best_candidate(persons, taking_part, description)
        if number is None:
            continue
        described[description.head.i] = number
        persons[number] = _filled(persons[number], description)
    return index.replaced(persons), MappingProxyType(described)


def _best_candidate(
    persons: dict[int, Person], taking_part: frozenset[int], description: Description
) -> int | None:
    """Who "the Turkish president" is: a participant first, then one of that country, then
    one whose office is known, then the one named last before it."""
    wanted = set(description.role) - ANY_TITLE
    candidates = []
    for number, person in persons.items():
        before = [s for s, _e in person.mentions if s < description.head.i]
        if not before or (person.role and "former" in person.role.lower()):
            continue
        if not compatible(person, description):
            continue
        key = (
            number in taking_part,
            bool(description.country and person.country == description.country),
            bool(wanted and person.role),
            max(before),
        )
        candidates.append((key, number))
    best = max(candidates, key=lambda c: c[0], default=None)
    if best is None or not any(best[0][:3]):  # no one before it that it fits better than by recency
        later = _named_later(persons, description)
        if later is not None or best is None:
            return later
    return best[1]


def _named_later(persons: dict[int, Person], description: Description) -> int | None:
    """ "after meetings between the President and ... President Kennedy expressed": the one
    person, named only after the description, whose title is the description's office."""
    wanted = set(description.role) - ANY_TITLE
    titled = [
        number
        for number, person in persons.items()
        if wanted
        and person.role
        and set(person.role.lower().split()) >= wanted
        and compatible(person, description)
        and "former" not in person.role.lower()
    ]
    return titled[0] if len(titled) == 1 else None


def _filled(person: Person, description: Description) -> Person:
    """The person with the office, country and body the description gives where unknown."""
    titled = [w for w in description.role if w not in ANY_TITLE | {"the"}]
    role = person.role
    if titled and not person.role and SENIOR_ROLE.search(" ".join(titled)):
        role = " ".join(titled).title()
    return replace(
        person, role=role, country=person.country or description.country, body=person.body or description.body
    )


def age_described(text: str) -> int | None:
    """ "the 40-year-old": 40; None for any other phrase."""
    found = AGE_DESCRIPTION.match(text.strip())
    return int(found.group(1)) if found else None


def of_age(doc: Doc, index: PersonIndex, age: int, before: int) -> list[int]:
    """The people whose age the text gives as ``age`` next to their name before token ``before``:
    "Ana Ruiz, 40, said" or "the 40-year-old Ana Ruiz"."""
    found = []
    for number, person in enumerate(index.persons):
        for start, end in person.mentions:
            if start >= before:
                continue
            after = AGE_AFTER_NAME.match(doc.text[doc[end - 1].idx + len(doc[end - 1].text) :][:12])
            ahead = AGE_BEFORE_NAME.search(doc.text[max(0, doc[start].idx - 16) : doc[start].idx])
            if any(m and int(m.group(1)) == age for m in (after, ahead)):
                found.append(number)
                break
    return found
