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

from . import descriptions, first_names, geo, verbs
from .deps import (
    ACL,
    ADVCL,
    APPOS,
    CC,
    CCOMP,
    COMPOUND,
    CONJ,
    DOBJ,
    PARATAXIS,
    POBJ,
    POSS,
    PREP,
    PUNCT,
    RELCL,
    ROOT,
    SUBJECTS,
)
from .lexicon import (
    BODY_NOUNS,
    GROUP_SPEAKERS,
    HONORIFIC_PAIRS,
    HONORIFICS,
    INDEFINITE_SPEAKERS,
    PERSON_NOUNS,
    PRONOUNS,
    STATEMENT_NOUNS,
    TITLE_HEADS,
    TITLE_WORDS,
)
from .names import Person, PersonIndex

OUTSIDE_PHRASE = {RELCL, ACL, PUNCT, APPOS, ADVCL, CC, CONJ, PREP}  # not part of "the Turkish president"
COORDINATION = {CC, CONJ}
NAME_INSIDE = {APPOS, COMPOUND}  # "the president, Putin," / "President Putin"
UP_TO_SUBJECT = {CONJ, APPOS, COMPOUND}
NOT_DESCRIBING = {"the", "'s", "’s"}
STATE_LABELS = {"NORP", "GPE"}
TIME_LABELS = {"DATE", "TIME"}
REPORTING_LINKS = {CCOMP, PARATAXIS}  # "she said [Cruz would come]", "[Cruz will come], she said"
UNNAMED = -1  # in a pronoun's candidates: one person not named ("the ambassador")
MAX_PRONOUN_CHAIN = 20  # "she ... she ... she": how far one pronoun is followed back to a name
MAX_PLURAL_LOOKBACK = 2  # "they": a plural subject in one of the two sentences before
PLURAL_TAGS = {"NNS", "NNPS"}
PAIRED_HONORIFICS = {word for pair in HONORIFIC_PAIRS for word in pair}  # "Tan Sri Muhyiddin"
HOST_AND_GUEST = {"the", "host", "guest", "and", "his", "her", "their"}
GROUP_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}  # "the two ministers", "both presidents"
CLAUSE_PARTS = {RELCL, ACL, ADVCL, PREP}  # "the minister [who met Ruiz]", "a spokesman [for Putin]"
GUEST_WORDS = {"guest", "visitor"}  # "told his guest that ...": the subject is the host
OBJECTS = {DOBJ, "dative"}
DASHES = {"--", "—", "–"}  # what sets an aside off: "-- a reference to the rebels --"
SIDE_WORDS = {"sides", "countries", "nations", "side"}  # a group of states, not of people
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
MALE_WORDS = {"mr", "he", "his", "king", "prince", "sultan", "emperor", "emir", "lord", "sir", "sheikh"}
FEMALE_WORDS = {"ms", "mrs", "miss", "madam", "she", "her", "queen", "princess", "empress", "lady", "dame"}
GENDER_WORDS = {**dict.fromkeys(MALE_WORDS, "m"), **dict.fromkeys(FEMALE_WORDS, "f")}
INDEFINITE = {"a", "an", "one", "another", "some"}
DESCRIBED_GROUP = {
    "those"
}  # "Those pushing for arming the rebels argue ..."  # "a minister admitted": someone not named
ISSUER_PREPOSITIONS = {"from", "by", "of"}  # "a statement from the Palestinian leadership"
ISSUER_PARTS = {COMPOUND, POSS}  # "a White House statement", "Japan's statement"
NAMING_LABELS = {"ORG", "GPE", "NORP", "PERSON", "FAC"}
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
    token = _up_to_subject(span.root)
    if token.dep_ in SUBJECTS:
        return True
    verb = next((t for t in span.doc[span.end : span.sent.end] if t.pos_ == "VERB"), None)
    return (
        verb is not None
        and verbs.plays(verb.lemma_, verbs.QUOTES)
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    )


def _up_to_subject(token: Token) -> Token:
    """The word of the sentence a name stands in: "[Putin] and Erdogan", "the president,
    [Putin]", "the head of the council, [Mr Roe]"; the owner of a thing that acts ("[Kerry]'s
    announcement was ..."), not of a person ("Putin's spokesman said": the spokesman); no person
    set beside a thing ("the announcement, [Lavrov] at his side, was ...")."""
    while token.head != token:
        head = token.head
        person_head = head.pos_ == "PROPN" or head.lower_ in PERSON_NOUNS or head.lower_ in TITLE_WORDS
        if token.dep_ == APPOS and not person_head:
            break
        if not (
            token.dep_ in UP_TO_SUBJECT or (token.dep_ == POSS and head.pos_ == "NOUN" and not person_head)
        ):
            break
        token = head
    return token


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
    subjects += _other_subjects(cast, token, gender, skip, depth)
    if subjects:
        _rank_key, i, number = max(subjects)
        if number is None:
            return antecedent(cast, cast.doc[i], depth + 1)
        if number == UNNAMED:
            return Person(_phrase(cast.doc, cast.doc[i], alone=False).text.strip(" ,"), ())
        return cast.index.persons[number]
    return cast.index.persons[before[-1][1]] if before else None


def _other_subjects(cast: Cast, token: Token, gender: str | None, skip: set[int], depth: int) -> list:
    """The candidates that are not named subjects: pronouns of the same gender (to follow back)
    and people not named ("the ambassador"), ranked as the named ones are."""
    found = [(_rank(t), t.i, UNNAMED) for t in _unnamed_subjects(cast, token) if t.i not in skip]
    if depth < MAX_PRONOUN_CHAIN:
        found += [(_rank(p), p.i, None) for p in _pronoun_subjects(cast, token, gender) if p.i not in skip]
    return found


def _unnamed_subjects(cast: Cast, token: Token) -> list[Token]:
    """One person not named, the main subject of a sentence before ``token``: "Germany's
    ambassador said the talks had failed. He added ..." -- "he" is the ambassador."""
    return [
        t
        for t in cast.doc[: token.sent.start]
        if t.dep_ in SUBJECTS
        and t.pos_ == "NOUN"
        and t.tag_ == "NN"
        and t.lower_ in PERSON_NOUNS
        and t.i not in cast.index.by_token
        and t.i not in cast.described_at
        and not cast.in_quote(t)
        and not _names_inside(cast, t)
        and is_main_subject(t)
    ]


def _names_inside(cast: Cast, head: Token) -> bool:
    """ "the president, Putin," / "President Putin": a name in the phrase says who it is."""
    return any(t.i in cast.index.by_token for t in head.subtree)


def _rank(token: Token) -> tuple[int, bool]:
    """Nearer sentences first; in one sentence its own subject before a reported one's."""
    return token.sent.start, is_main_subject(token)


def is_main_subject(token: Token) -> bool:
    """ "Reyes said Cruz would come": Reyes, the subject of the sentence's own verb (or of a verb
    joined to it), not Cruz, the subject of the clause it reports."""
    token = _up_to_subject(token)
    if token.dep_ in SUBJECTS:
        verb = token.head
    else:  # "Rhodes, US deputy adviser, had said": a name before a verb with no subject
        verb = next((t for t in token.doc[token.i + 1 : token.sent.end] if t.pos_ == "VERB"), token)
    while verb.dep_ == CONJ and verb.head != verb:
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
    if verb.dep_ in REPORTING_LINKS and verb.head != verb:
        return {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return {t.i for c in verb.children if c.dep_ in REPORTING_LINKS for t in c.subtree}


def _agrees(cast: Cast, number: int, gender: str | None) -> bool:
    found = gender_of(cast, number)
    return gender is None or found is None or found == gender


def gender_of(cast: Cast, number: int) -> str | None:
    """ "m" or "f" where the text shows it: a title or honorific at the name ("Mrs Reyes",
    "Queen Ana", "Sultan Omar"), or "his"/"her" in the clause the person is the subject of
    ("Reyes said her government ..."); else a first name of known gender ("Maria Lopez"); None
    where none shows or the text shows both."""
    person = cast.index.persons[number]
    by_first_name = first_names.gender(person.parts[0]) if len(person.parts) >= 2 else None
    found = _genders(set((person.role or "").lower().split()))
    for start, end in person.mentions:
        words = {t.lower_.rstrip(".") for t in cast.doc[max(start - 1, 0) : end]}
        at_mention = _genders(words | _own_possessives(cast, cast.doc[start:end].root))
        if by_first_name and at_mention and by_first_name not in at_mention:
            continue  # "Malcolm Fraser, accompanied by Mrs Fraser": his wife, not him
        found |= at_mention
    if found:
        return found.pop() if len(found) == 1 else None
    return by_first_name


def _genders(words: set[str]) -> set[str]:
    return {GENDER_WORDS[w] for w in words if w in GENDER_WORDS}


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
    if phrase[0].lower_ in INDEFINITE:
        return None  # "a minister admitted": not one of the people named
    words = [t for t in phrase if t.lower_ not in NOT_DESCRIBING]
    if not words or words[-1].lower_ not in TITLE_WORDS:
        return None
    country = _country_named(words)
    role = " ".join(t.lower_ for t in words if t.lower_ in TITLE_WORDS)
    candidates = [p for p in cast.participants if _holds(p, role, country)]
    if country is None and len(candidates) > 1:
        return None
    return candidates[0] if candidates else None


def aged(cast: Cast, phrase: Span) -> Person | None:
    """ "the 40-year-old said": the one person the text gives that age ("Ana Ruiz, 40,"), else the
    person a pronoun there would stand for (the subject of the sentence before)."""
    age = descriptions.age_described(phrase.text)
    if age is None:
        return None
    numbers = descriptions.of_age(cast.doc, cast.index, age, phrase.start)
    if len(numbers) == 1:
        return fullest(cast, cast.index.persons[numbers[0]])
    person = antecedent(cast, phrase.root)
    return fullest(cast, person) if person is not None and person.parts else None


def the_host(cast: Cast, phrase: Span) -> Person | None:
    """ "The host pledged ...": the one person the text shows receiving the others, as the
    subject of a verb of hosting ("Ruiz hosted Arce") or of one whose object is the guest ("He
    told his guest that ...")."""
    if [t.lower_ for t in phrase] != ["the", "host"]:
        return None
    hosts = set()
    for token in cast.doc[: phrase.start]:
        if token.dep_ not in SUBJECTS or cast.in_quote(token) or not _hosting(token.head):
            continue
        person = cast.index.at(token.i)
        if person is None and token.lower_ in PRONOUNS:
            person = antecedent(cast, token)
        if person is not None and person.mentions:
            hosts.add(cast.index.persons.index(person))
    return cast.index.persons[hosts.pop()] if len(hosts) == 1 else None


def _hosting(verb: Token) -> bool:
    """ "hosted", or a verb with the guest as its object: "told guest", "welcomed his guests"."""
    return verbs.plays(verb.lemma_, verbs.HOSTS) or any(
        c.dep_ in OBJECTS and c.lemma_.lower() in GUEST_WORDS for c in verb.children
    )


def named_next(cast: Cast, phrase: Span) -> Person | None:
    """ "..., a government spokesman said on Friday. Assistant Secretary Ana Ruiz told a news
    conference that ...": the person not named before whom the next sentence introduces, with a
    title, as the subject of its own verb of saying (not one of the participants)."""
    if phrase[0].lower_ not in {"a", "an"} or phrase.root.lower_ not in PERSON_NOUNS:
        return None
    following = [s for s in cast.doc.sents if s.start >= phrase.sent.end][:1]
    for sent in following:
        for token in sent:
            number = cast.index.by_token.get(token.i)
            if number is None or not _introduced_speaking(cast, token, number):
                continue
            return cast.index.persons[number]
    return None


def _introduced_speaking(cast: Cast, token: Token, number: int) -> bool:
    """A person with a title, first named at ``token`` as the main subject of a verb of saying."""
    person = cast.index.persons[number]
    head = _up_to_subject(token)
    return (
        bool(person.role)
        and number not in cast.taking_part
        and person.mentions[0][0] <= token.i < person.mentions[0][1]
        and head.dep_ in SUBJECTS
        and head.head.dep_ == ROOT
        and verbs.plays(head.head.lemma_, verbs.QUOTES)
        and not cast.in_quote(token)
    )


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
    earlier person of two names or more whose name holds this one's last word, and every other word
    of it but titles ("Ashraf Ghani" is not "Abdul Ghani Baradar")."""
    if not person.mentions or not person.parts:
        return person
    first = person.mentions[0][0]
    start, end = person.mentions[0]
    abbreviations = {t.lower_ for t in cast.doc[start:end] if t.is_upper}  # "FM Kishida"
    own = {w for w in person.parts if w not in TITLE_WORDS | HONORIFICS | PAIRED_HONORIFICS | abbreviations}
    fuller = [
        p
        for p in cast.index.persons
        if p is not person
        and len(p.parts) >= 2
        and person.parts[-1] in p.parts
        and own <= set(p.parts)
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
    if head.ent_type_ in TIME_LABELS and head.pos_ in {"PROPN", "NOUN"}:
        return None  # 'said Tuesday: "..."', parsed with the day after the verb
    if cast.in_quote(head):
        head = _subject_outside_quotes(cast, head)
        if head is None:
            return None
    head = _nearest_subject(cast, head)
    together = _group(cast, _phrase(cast.doc, head, alone=True)) if head.conjuncts else None
    if together:
        return together
    conjuncts = [head] + [c for c in head.conjuncts if c.i > head.i]
    if len(conjuncts) > 1:
        names = [_speaker_one(cast, c, alone=False) for c in conjuncts]
        if all(names):
            return " and ".join(names)
    return _speaker_one(cast, head, alone=True)


def _office_holders(cast: Cast, phrase: Span) -> list[Person]:
    """ "the two ministers", "both presidents": the people known to hold that office, as many as
    the phrase counts (among the participants first), by the office's family if the word alone
    finds too few ("the two ministers": a foreign minister and a foreign secretary)."""
    words = [t.lower_ for t in phrase]
    count = next((GROUP_COUNTS[w] for w in words if w in GROUP_COUNTS), None)
    head = phrase.root
    office = _singular(head)
    if office is None:
        return []
    if count is None:
        return _participants_titled(cast, phrase, office)
    for offices in ({office}, descriptions.family_of(office)):
        for people in (cast.participants, list(cast.index.persons)):
            holders = [p for p in people if offices & set((p.role or "").lower().split())]
            if len(holders) == count:
                return holders
    return []


def _singular(token: Token) -> str | None:
    """The office a plural title names: "ministers" -> "minister", also where the model keeps a
    capitalised plural as a name ("the Prime Ministers"); None for any other word."""
    if token.tag_ in PLURAL_TAGS and token.lemma_.lower() in TITLE_HEADS:
        return token.lemma_.lower()
    word = token.lower_
    return word[:-1] if word.endswith("s") and word[:-1] in TITLE_HEADS else None


def _participants_titled(cast: Cast, phrase: Span, office: str) -> list[Person]:
    """ "The Prime Ministers agreed", "the foreign ministers noted" (no count, as a communiqué
    writes): the participants whose title holds every title word of the phrase, if two or more."""
    if phrase[0].lower_ not in {"the", "both", "all"}:
        return []
    wanted = {t.lower_ for t in phrase[:-1] if t.lower_ in TITLE_WORDS} | {office}
    holders = [p for p in cast.participants if wanted <= set((p.role or "").lower().split())]
    return holders if len(holders) >= 2 else []


def _nearest_subject(cast: Cast, head: Token) -> Token:
    """ "-- a reference to the rebels -- U.S. officials say", parsed as two subjects of one verb:
    the one nearer the verb, between the other and it."""
    if head.dep_ not in SUBJECTS:
        return head
    verb = head.head
    between = [
        c
        for c in verb.children
        if c.dep_ in SUBJECTS
        and head.i < c.i < verb.i
        and not cast.in_quote(c)
        and c.pos_ != "PRON"
        and any(ch.isalnum() for ch in c.text)  # not the "_" of "_Mr Fraser _said" (italics)
    ]
    return between[-1] if between else _after_aside(cast, head, verb)


def _after_aside(cast: Cast, head: Token, verb: Token) -> Token:
    """ "-- a reference to the rebels -- U.S. officials say", parsed with the aside as the subject
    and the officials hung inside it: the noun phrase between the closing dash and the verb."""
    start = head.left_edge.i
    if start == 0 or cast.doc[start - 1].text not in DASHES:
        return head
    closing = next((t for t in cast.doc[head.i : verb.i] if t.text in DASHES), None)
    if closing is None:
        return head
    words = cast.doc[closing.i + 1 : verb.i]
    roots = [t for t in words if not words.start <= t.head.i < words.end and t.pos_ in {"NOUN", "PROPN"}]
    return roots[0] if len(roots) == 1 and not cast.in_quote(roots[0]) else head


def _subject_outside_quotes(cast: Cast, head: Token) -> Token | None:
    """'"The second country to make peace," he tweeted', parsed with the quotation's noun as a
    subject too: the verb's other subject, outside the marks (never words of the quotation)."""
    if head.dep_ not in SUBJECTS:
        return None
    return next(
        (c for c in head.head.children if c.dep_ in SUBJECTS and c is not head and not cast.in_quote(c)),
        None,
    )


def _speaker_one(cast: Cast, head: Token, *, alone: bool) -> str | None:
    for rule in (_named, _pronoun, _plural_pronoun, _name_beside):
        found = rule(cast, head)
        if found is not None:
            return found or None
    if head.lower_ in INDEFINITE_SPEAKERS and head.pos_ != "NOUN":
        return _indefinite(cast, head)
    if head.lower_ in DESCRIBED_GROUP:
        return _described_group(cast, head)
    if head.pos_ == "PRON":
        return None
    document = issuer(cast, head)
    if document is not None:
        return document
    phrase = _phrase(cast.doc, head, alone=alone)
    spelled = _spelled_out(cast, phrase)
    if spelled is not None:
        return spelled
    person = _person_described(cast, phrase)
    if person is not None:
        return person.name
    return _group(cast, phrase) or named_body(cast, phrase) or phrase.text.strip(" ,") or None


def named_body(cast: Cast, phrase: Span) -> str | None:
    """ "the Peruvian ministry said", "the ministry added": the body of that name and state that
    the story named in full before ("Peru's Ministry of Foreign Affairs")."""
    head = phrase.root
    kind = head.lemma_.lower()
    if head.pos_ != "NOUN" or kind not in BODY_NOUNS or not any(t.lower_ == "the" for t in phrase):
        return None
    country = _state_of_words(phrase)
    for token in cast.doc[: phrase.start]:
        if token.pos_ != "PROPN" or token.lemma_.lower() != kind or cast.in_quote(token):
            continue
        full = _phrase(cast.doc, token, alone=False)
        if country is None or _state_of_words(full) == country:
            return full.text.strip(" ,")
    return None


def _state_of_words(phrase: Span) -> str | None:
    """The state a word of the phrase names, labelled or not: "the [Chilean] ministry" (which the
    model may take for an organisation's name), "[Peru]'s Ministry of Foreign Affairs"."""
    words = [t.text for t in phrase if t.pos_ in {"PROPN", "ADJ"}]
    return next((s for w in words if (s := geo.demonym_country(w) or geo.state_of(w))), None)


def _person_described(cast: Cast, phrase: Span) -> Person | None:
    """The person a phrase without a name stands for, by the first rule that finds one."""
    for rule in (described, aged, by_name_word, named_next, the_host):
        person = rule(cast, phrase)
        if person is not None:
            return person
    return None


def _indefinite(cast: Cast, head: Token) -> str | None:
    """ "Another said", "one of its candidates led chants of": someone not named, as written (with
    the "of" phrase that says among whom)."""
    among = [t for c in head.children if c.dep_ == PREP and c.lower_ == "of" for t in c.subtree]
    return _span_text(cast.doc, [head, *among])


def _described_group(cast: Cast, head: Token) -> str | None:
    """ "Those pushing for arming the rebels argue ...", "those who oppose the deal say": people
    not named, described by the clause after "those", as written ("those" alone names no one)."""
    clauses = [c for c in head.children if c.dep_ in (ACL, RELCL)]
    if not clauses or cast.in_quote(head) or head.dep_ not in SUBJECTS:
        return None  # "... to those who blame the other for ...": not the subject of a verb of saying
    return _span_text(cast.doc, [head, *(t for c in clauses for t in c.subtree)])


def _group(cast: Cast, phrase: Span) -> str | None:
    """ "the two ministers": the holders of that office; "the two leaders": the participants."""
    holders = _office_holders(cast, phrase)
    if holders:
        return " and ".join(fullest(cast, p).name for p in holders)
    words = {t.lower_ for t in phrase if not t.is_punct}
    both_sides = words <= HOST_AND_GUEST and {"host", "guest"} <= words  # "Host and guest agreed"
    if (both_sides or GROUP_SPEAKERS.search(phrase.text.strip())) and _one_per_side(cast, words):
        return " and ".join(fullest(cast, p).name for p in cast.participants)
    return None


def _one_per_side(cast: Cast, words: set[str]) -> bool:
    """Whether the participants are the group the phrase names: at least two, and for sides or
    states ("both sides", "the two countries") each of another state: two negotiators of one side
    are not "both sides"."""
    people = cast.participants
    if len(people) < 2:
        return False
    if words & SIDE_WORDS:
        states = [p.country for p in people]
        return None not in states and len(set(states)) == len(states)
    return True


def _named(cast: Cast, head: Token) -> str | None:
    """ "Putin said", "President Putin said", "the president, Putin, said", and a description
    already linked to its person ("the Turkish president" of a story that names Erdogan)."""
    person = cast.index.at(head.i) or next(
        (cast.index.at(t.i) for t in _own_words(head) if cast.index.at(t.i) and t.dep_ in NAME_INSIDE),
        None,
    )
    if person is None and head.i in cast.described_at:
        person = cast.index.persons[cast.described_at[head.i]]
    return fullest(cast, person).name if person is not None else None


def _own_words(head: Token) -> list[Token]:
    """The words of a noun phrase without its clauses and prepositional phrases: "Prime Minister
    (who had been briefed by Sir Keith Waller)" and "a spokesman for President Putin" name no one
    in them; "the president, Putin," does."""
    words = [head]
    for child in head.children:
        if child.dep_ not in CLAUSE_PARTS:
            words += _own_words(child)
    return words


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


def _plural_pronoun(cast: Cast, head: Token) -> str | None:
    """ "they said": the nearest plural subject of a sentence before, as its speaker ("Putin and
    Hu made a reference ... '...,' they said" -> both; "U.S. officials say ... they said" -> the
    officials); "" (no speaker) where no sentence just before has one."""
    if head.lower_ != "they" or head.dep_ not in SUBJECTS:
        return None
    sentences = [s for s in cast.doc.sents if s.start < head.sent.start][-MAX_PLURAL_LOOKBACK:]
    for sent in reversed(sentences):
        for token in sent:
            if _plural_subject(cast, token):
                return speaker(cast, token) or ""
    return ""


def _plural_subject(cast: Cast, token: Token) -> bool:
    """A main subject of several: people joined ("Putin and Hu", every one of them a person of the
    story) or a plural noun ("officials")."""
    if token.dep_ not in SUBJECTS or cast.in_quote(token) or not is_main_subject(token):
        return False
    if token.conjuncts:
        return all(c.i in cast.index.by_token or c.i in cast.described_at for c in (token, *token.conjuncts))
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    # "The Prime Ministers agreed": a plural title the model tags as a singular name
    return token.tag_ in PLURAL_TAGS or _singular(token) is not None


def _pronoun(cast: Cast, head: Token) -> str | None:
    """ "he said": the person of the antecedent; "" (no speaker) where there is none."""
    if head.lower_ not in PRONOUNS:
        return None
    person = antecedent(cast, head)
    return fullest(cast, person).name if person is not None else ""


def _phrase(doc: Doc, head: Token, *, alone: bool) -> Span:
    """The words of the noun phrase itself: "the Turkish president" of "the Turkish president,
    who arrived on Tuesday,"; with what it is joined to when it stands alone."""
    tokens = [head] + [
        t for c in head.children if c.dep_ not in OUTSIDE_PHRASE or _of_name(c) for t in c.subtree
    ]
    if alone:
        tokens += [t for c in head.children if c.dep_ in COORDINATION for t in c.subtree]
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    return doc[start:end]


def issuer(cast: Cast, head: Token, depth: int = 0) -> str | None:
    """Who speaks through a document: the issuer the text names ("a White House statement",
    "a statement from the Palestinian leadership", "the EU issued a statement warning ..."), for
    "the statement" the document written before it, else the document as written ("a joint
    statement"); None where ``head`` is not a document."""
    if head.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    named = _issuer_inside(cast, head) or _issuer_by_verb(cast, head) or _issuer_as_subject(cast, head)
    if named is not None:
        return named
    if head.i > 0 and cast.doc[head.i - 1].lower_ == "the" and depth == 0:
        earlier = _document_before(cast, head)
        if earlier is not None:
            return issuer(cast, earlier, depth + 1)
    return _phrase(cast.doc, head, alone=False).text.strip(" ,") or None


def _issuer_inside(cast: Cast, head: Token) -> str | None:
    """ "a White House statement" -> "White House"; "a statement from the Palestinian leadership"
    -> "the Palestinian leadership": a name in the document's own phrase."""
    for child in head.children:
        if child.i < head.i and child.dep_ in ISSUER_PARTS and _names_someone(child):
            words = [t for t in child.subtree if t.dep_ != "case" and t.lower_ not in {"'s", "’s"}]
            return _span_text(cast.doc, words)
        if child.dep_ == PREP and child.lower_ in ISSUER_PREPOSITIONS:
            objects = [o for o in child.children if o.dep_ == POBJ and _names_someone(o)]
            if objects:
                return _span_text(cast.doc, list(objects[0].subtree))
    return None


def _names_someone(token: Token) -> bool:
    """A name, or a noun phrase with one: "White House", "the Palestinian leadership"."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in NAMING_LABELS for t in token.subtree)


def _span_text(doc: Doc, tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1].text.strip(" ,") or None


def _issuer_by_verb(cast: Cast, head: Token) -> str | None:
    """ "the EU issued a statement warning ...": the subject of the verb that issued it."""
    verb = head.head
    if head.dep_ != DOBJ or not verbs.plays(verb.lemma_, verbs.ISSUES):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ not in PRONOUNS:
        return None
    return speaker(cast, subject)


def _issuer_as_subject(cast: Cast, head: Token) -> str | None:
    """ "In a statement, Singapore's Foreign Ministry said ...": the subject that names the issuer
    ("In a joint statement, the two governments said": no name, the statement speaks)."""
    if head.dep_ != POBJ or head.head.lower_ != "in":
        return None
    verb = head.head.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None or not _names_someone(subject) or cast.in_quote(subject):
        return None
    return speaker(cast, subject)


def _document_before(cast: Cast, head: Token) -> Token | None:
    """ "the statement reads": the nearest document of that kind written before, outside quotations."""
    lemma = head.lemma_.lower()
    return next(
        (
            t
            for t in reversed(cast.doc[: head.i])
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not cast.in_quote(t)
        ),
        None,
    )


def _spelled_out(cast: Cast, phrase: Span) -> str | None:
    """ "said MFA" of a story that wrote "Singapore's Ministry of Foreign Affairs (MFA)": the name
    an abbreviation stands for, where the text spells it out in parentheses before."""
    word = phrase.text.strip()
    if len(phrase) != 1 or len(word) < 2 or not word.isupper() or not word.isalpha():
        return None
    doc = cast.doc
    for t in doc[1 : phrase.start]:
        if t.text == word and doc[t.i - 1].text == "(" and t.i >= 2:
            named = doc[t.i - 2]
            while named.dep_ in {POBJ, PREP, COMPOUND} and named.head.i < named.i:
                named = named.head
            start = min(named.left_edge.i, t.i - 2)
            return doc[start : t.i - 1].text.strip(" ,") or None
    return None


def _of_name(token: Token) -> bool:
    """ "Ministry [of Foreign Affairs]": "of" and a name, part of a name written in capitals."""
    if token.dep_ != PREP or token.lower_ != "of" or token.head.pos_ != "PROPN":
        return False
    objects = [c for c in token.children if c.dep_ == POBJ]
    return bool(objects) and all(
        t.is_title or t.is_punct or t.lower_ in {"and", "&"} for t in objects[0].subtree
    )
