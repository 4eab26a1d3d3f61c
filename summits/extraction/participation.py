"""Participation: who took part in the meeting, decided apart from who is named.

``decide(doc, index, in_quote)`` gives the numbers (in the ``PersonIndex``) of the people who
took part. A person takes part by a rule of ``MENTION_RULES`` at a mention outside quotation
marks ("Putin met Erdogan"), or, holding a senior office, by a meeting word near a mention
("... were among the 27 leaders"); not when the story says they stayed away, nor when the
meeting is only planned ("will meet") or the person is a former office-holder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from . import geo, occasion, verbs
from .deps import (
    ACL,
    ACOMP,
    ADVCL,
    AGENT,
    APPOS,
    ASIDES,
    ATTR,
    AUX,
    AUXPASS,
    CCOMP,
    COMPOUND,
    CONJ,
    DATIVE,
    DET,
    DOBJ,
    MARK,
    NAME_PARTS,
    NEG,
    NPADVMOD,
    NSUBJ,
    NSUBJPASS,
    PCOMP,
    POBJ,
    POSS,
    PREP,
    RELCL,
    ROOT,
    SUBJECTS,
    XCOMP,
)
from .lexicon import (
    ACCOMPANYING_VERBS,
    ATTENDANCE_WORDS,
    ATTENDEE_NOUNS,
    BRINGING_VERBS,
    CARRIED_MEETING_PREPOSITIONS,
    COMING_VERBS,
    COUNTERPART_NOUNS,
    DELEGATION_NOUNS,
    DISCUSSED_NOUNS,
    ERA_PREPOSITIONS,
    GATHERING_NOUNS,
    HONOURING_VERBS,
    INVITATION_NOUNS,
    JOINT_SUBJECT,
    LEADING_VERBS,
    LISTING_VERBS,
    MEETING_NOUNS,
    MEMBERSHIP_VERBS,
    NEGOTIATING_ROLE,
    NOT_YET,
    OCCASION_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PHOTO_CREDIT,
    PICTURE_POSITIONS,
    PICTURED_MEETING_WORDS,
    PLURAL_PARTIES,
    PRESENCE_WORDS,
    PRONOUNS,
    SEEING_VERBS,
    SENIOR_ROLE,
    SPOUSE_NOUNS,
    TERMS_NOUNS,
)
from .names import Person, PersonIndex, find_names

Mention = tuple[int, int]  # a token range
NEGATIONS = NOT_YET | {"not", "n't", "never"}
VERB_TAGS = {"VERB", "AUX"}
FINITE_SEEING = {"VBD", "VBZ", "VBP", "VBN"}  # "saw", "sees", "see", "has seen"
PARTY_LABELS = {"PERSON", "GPE", "NORP", "ORG"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
BRIEFING_MARKS = {"news", "press", "media"}  # "told a [news] conference": a briefing, not the meeting
ADDRESSING_VERBS = {"tell", "address"}  # "told [the summit]", "addressed [the talks]"
PLACE_NOUNS = {"capital", "city", "town", "region", "province", "country"}  # "visited the [capital]"
INSIDE_NAME = NAME_PARTS | {CONJ, APPOS}  # "Abdel Fattah al-Burhan", "A and B", "Putin, the president"
ROLE_DEPS = SUBJECTS | {DOBJ, POBJ}
ACTOR_DEPS = SUBJECTS | {DOBJ}
MEETING_PARTICIPLE_DEPS = {PCOMP, ADVCL}  # "agreed ... after [meeting]"
OWN_CLAUSE_DEPS = {*ASIDES, ACL}  # "Modi, [who hosted the meeting], ..."
NEAR_DEPS = {PREP, AGENT, ACOMP, ATTR}
MEETING_PREPOSITIONS = {"during", "at", "on", "in", "after"}
LIST_REACH = 80  # tokens a list of those present may run to after its "were"
PRONOUN_REACH = 80  # tokens before the pronoun's sentence where its antecedent may be written
CLAUSE_EDGES = {ADVCL, PCOMP, RELCL, CCOMP, ACL}
DRAFTED = TERMS_NOUNS | {"text", "draft", "details", "wording"}  # "hammering out the [text]"
OWN_SIDE = {"we", "they", "both"}  # "he said [they] had talked about trade"
ACCOMPANIED_PRONOUNS = PRONOUNS | PERSON_PRONOUNS | OWN_SIDE  # "accompanied [him]", "[they] were accompanied"
PARTNER_WORDS = {"with"}  # "met [with] X"
INCLUDING_WORDS = {"including"}  # "talks with opposition leaders, [including] X and Y"
PARTY_PREPOSITIONS = {"with", "by", "between", "on"}  # "talks [with] X", "a call [by] X [on] Y"
ASIDE_REACH = 6  # words climbed from a name to the aside it is joined inside ("the Speaker [of the] House")
TITLE_REACH = 5  # words of a title before a name ("then-Prime Minister X")
OFFICE_REACH = 8  # words between a plural office and the colon before the names it is spelled out as
TITLE_PHRASE_REACH = 14  # words between a title and the comma before the name it is set beside
NOT_PERSON_LABELS = {"GPE", "ORG", "NORP", "LOC", "FAC"}
SPOUSE_REACH = 3  # words before a name where "his wife ," or "first lady" is written
FIRST_LADY = ("first", "lady")
TITLE_PREPOSITIONS = {"for", "of"}
COUNTRY_PREPOSITIONS = {"of", "from"}  # "Luis Ortega [of] Peru"  # "Minister [for] Foreign Affairs X"
TITLE_LINKS = {"'s", "’s", "to", "of", "the", "for", "and"}  # "Norway's Ambassador to Chile"


def joint_subject(subject: Token | None, *, strict: bool = False) -> bool:
    """ "A and B", "the two sides", "both governments": a subject that is more than one party.
    ``strict``: only named parties joined by "and" or a noun counted as two ("both", "two")."""
    if subject is None:
        return False
    if subject.conjuncts and subject.ent_type_ in PARTY_LABELS:
        return True
    if strict:
        return subject.pos_ == "NOUN" and any(c.lower_ in {"both", "two"} for c in subject.children)
    phrase = [t for t in subject.subtree if t.dep_ not in ASIDES]
    return bool(subject.conjuncts) or bool(JOINT_SUBJECT.search(" ".join(t.text for t in phrase)))


def decide(doc: Doc, index: PersonIndex, in_quote, already: Iterable[int] = ()) -> frozenset[int]:
    """The people who took part (their numbers in ``index``): those ``already`` decided, and
    each other one that a rule finds at one of their mentions outside quotation marks."""
    groups = meeting_groups(doc)
    taking_part = set(already) | set(by_pronoun(doc, index, in_quote)) | set(by_author(doc, index, in_quote))
    for number, person in enumerate(index.persons):
        if number in taking_part:
            continue
        mentions = [m for m in person.mentions if not in_quote(doc[m[0]]) and _on_occasion(doc, m)]
        if not mentions or _away_throughout(doc, index, person, mentions) or a_spouse(doc, person):
            continue
        if _takes_part(doc, index, groups, person, mentions):
            taking_part.add(number)
    taking_part |= set(by_addressing(doc, index, in_quote, taking_part))
    return frozenset(taking_part | set(by_accompanying(doc, index, in_quote, taking_part)))


def by_accompanying(doc: Doc, index: PersonIndex, in_quote, taking_part: set[int]) -> list[int]:
    """ "The Foreign Minister, Mr Berg, also accompanied the Prime Minister", "talks, during which
    they were accompanied by Mr Berg": one who goes along with a participant to the meeting takes
    part, unless family (a spouse, one of the participant's surname)."""
    present = [index.persons[n] for n in taking_part]
    surnames = {p.surname for p in present}
    found = []
    for number, person in enumerate(index.persons):
        if number in taking_part or person.surname in surnames:
            continue
        if absent(doc, person) or a_spouse(doc, person):
            continue
        for mention in person.mentions:
            token = _role_word(doc, mention)
            if in_quote(token):
                continue
            if any(_a_participant(index, present, t) for t in _accompanied(token)):
                found.append(number)
                break
    return found


def _accompanied(token: Token) -> list[Token]:
    """Whom the person at ``token`` went along with: the object of their "accompanied", the
    subject (or noun) of an "accompanied by" them; none where that is not this meeting's."""
    verb = token.head.head if token.dep_ == POBJ and token.head.dep_ == AGENT else token.head
    if verb.lemma_.lower() not in ACCOMPANYING_VERBS or not took_place(verb):
        return []
    if token.dep_ == NSUBJ:
        return [c for c in verb.children if c.dep_ == DOBJ]
    return _accompanied_by(verb) if token.dep_ == POBJ else []


def _accompanied_by(verb: Token) -> list[Token]:
    """Who was "accompanied by" someone: the noun the participle hangs on ("President Vega,
    accompanied by Mr Berg, ..."), else the verb's subject, or the subject of the clause above."""
    if verb.dep_ == ACL:
        return [verb.head]
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.dep_ == ADVCL and not subjects:
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS]
    return subjects


def _a_participant(index: PersonIndex, present: list[Person], token: Token) -> bool:
    """A participant's name, a personal pronoun, or an office ("the Prime Minister")."""
    if not present:
        return False
    person = index.at(token.i)
    if person is not None:
        return any(person is p for p in present)
    return token.lower_ in ACCOMPANIED_PRONOUNS or token.lower_ in PERSON_NOUNS


def by_addressing(doc: Doc, index: PersonIndex, in_quote, taking_part: set[int]) -> list[int]:
    """ "Mr Berg explained to Mr Vega that ...", "Berg told Vega ...": one who speaks to a
    participant, at the meeting reported, is there too (a record of a conversation)."""
    found = []
    for number, person in enumerate(index.persons):
        if number in taking_part or absent(doc, person):
            continue
        for start, end in person.mentions:
            token = _role_word(doc, (start, end))
            if token.dep_ == NSUBJ and not in_quote(token) and _speaks_to(index, token.head, taking_part):
                found.append(number)
                break
    return found


def _speaks_to(index: PersonIndex, verb: Token, taking_part: set[int]) -> bool:
    """A verb of saying, said at the meeting, whose addressee ("told [X]", "explained to [X]") is
    a participant."""
    if verb.pos_ != "VERB" or not verbs.plays(verb.lemma_.lower(), verbs.REPORTS) or not_yet(verb):
        return False
    to = [
        o for p in verb.children if p.dep_ == PREP and p.lower_ == "to" for o in p.children if o.dep_ == POBJ
    ]
    addressees = [c for c in verb.children if c.dep_ in {DOBJ, DATIVE}] + to
    numbers = {index.number(p) for a in addressees if (p := index.at(a.i)) is not None}
    return bool(numbers & taking_part) and occasion.belongs_to_meeting(verb)


def by_pronoun(doc: Doc, index: PersonIndex, in_quote) -> list[int]:
    """ "Torres flew to Lima on Friday. She met Vega there.": a pronoun acting in the meeting
    stands for the person last named as a subject before it."""
    found = []
    for token in doc:
        if token.lower_ not in PRONOUNS or token.dep_ not in ACTOR_DEPS or in_quote(token):
            continue
        verb = token.head
        if verb.pos_ in VERB_TAGS and is_meeting_verb(verb) and occasion.belongs_to_meeting(verb):
            person = _subject_before(doc, index, token)
            if person is not None and not absent(doc, person):
                found.append(index.number(person))
    return found


def by_author(doc: Doc, index: PersonIndex, in_quote) -> list[int]:
    """A release in the first person ("Minister for Foreign Affairs Lars Berg" on a line of its own,
    then "I visited Lima for talks with ..."): the office holder named on a line without a verb
    above the first "I" who meets is its author, and took part."""
    author_meets = next((t for t in doc if _author_meets(t) and not in_quote(t)), None)
    if author_meets is None:
        return []
    for number, person in enumerate(index.persons):
        start = person.mentions[0][0]
        line = doc[start].sent
        if start < author_meets.sent.start and person.role and not any(t.pos_ in VERB_TAGS for t in line):
            return [number]
    return []


def _author_meets(token: Token) -> bool:
    """ "[I] met ...", "Dr Vega and [I] discussed ...": the writer as subject of a meeting (or
    joined to its subject: the parse may hang "I" on "Dr Vega")."""
    if token.text != "I":
        return False
    subject = _joined_subject(token)
    verb = subject.head
    if subject.dep_ not in SUBJECTS or verb.pos_ not in VERB_TAGS or not_yet(verb):
        return False
    joined = token.i > 0 and token.nbor(-1).lower_ == "and"
    meets = (is_meeting_verb(verb) and not _stance_on_a_thing(verb)) or _meets_by_occasion(verb)
    return (meets or joined) and occasion.belongs_to_meeting(verb)


def _meets_by_occasion(verb: Token) -> bool:
    """ "I had the pleasure of meeting Dr Vega", "the opportunity to hold talks with ...": the
    verb's object is an occasion whose "of" or "to" is a meeting."""
    if not any(c.dep_ == DOBJ and c.lower_ in OCCASION_NOUNS for c in verb.children):
        return False
    # the occasion's "of" or "to", which the parse may hang on the verb ("had the pleasure today of")
    carriers = [
        c for c in verb.children if c.dep_ in {DOBJ, PREP, XCOMP} and c.lower_ not in {"in", "at", "on"}
    ]
    held = [w for c in carriers for w in c.subtree if w.dep_ in {POBJ, PCOMP, ACL, XCOMP}]
    return any(w.lower_ in MEETING_NOUNS or (w.pos_ in VERB_TAGS and is_meeting_verb(w)) for w in held)


def _stance_on_a_thing(verb: Token) -> bool:
    """ "I welcome their agreement": a verb of meeting that is also one of stance ("welcome"),
    said of a thing, not of a person or party."""
    if not verbs.plays(verb.lemma_.lower(), verbs.REPORTS_OBJECT):
        return False
    objects = [c for c in verb.children if c.dep_ == DOBJ]
    return any(
        o.ent_type_ not in PARTY_LABELS and o.lower_ not in PERSON_NOUNS and o.pos_ != "PRON" for o in objects
    )


def writer_meets(doc: Doc, in_quote) -> bool:
    """The writer of the story takes part in its meeting: "I met ...", "Dr Vega and I agreed
    ...", "we held talks ...", "my talks with Dr Vega", outside quotation marks."""
    return any(not in_quote(t) and (_author_meets(t) or _we_meet(t) or _my_meeting(t)) for t in doc)


def _we_meet(token: Token) -> bool:
    """ "[We] discussed trade": the writer's side as subject of a meeting (not "we will meet")."""
    verb = token.head
    if token.lower_ != "we" or token.dep_ not in SUBJECTS or verb.pos_ not in VERB_TAGS or not_yet(verb):
        return False
    return is_meeting_verb(verb) and not _stance_on_a_thing(verb) and occasion.belongs_to_meeting(verb)


def _my_meeting(token: Token) -> bool:
    """ "during [my] talks with Dr Vega", "[my] meeting with ...": the writer's own meeting."""
    noun = token.head
    return token.lower_ == "my" and token.dep_ == POSS and noun.lower_ in MEETING_NOUNS


def read_authors(doc: Doc, index: PersonIndex, in_quote, authors: Iterable) -> CaptionEvidence:
    """The authors of a first-person release (``boilerplate.Author``: name, title, line) take part
    when the writer does ("I met ..."), the people of a list of those present ("Also present:")
    whatever the story says: a person of the story of that name (with the title the
    author line gives where the story gives none), or one the story never names, first named on
    the author line."""
    authors = list(authors)
    if not all(a.present for a in authors) and not writer_meets(doc, in_quote):
        authors = [a for a in authors if a.present]  # a list of those present needs no "I met"
    if not authors:
        return CaptionEvidence(index)
    found: set[int] = set()
    titled: dict[int, Person] = {}
    written: list[Pictured] = []
    for author in authors:
        person = _author_person(author)
        number = _same_person(index, person)
        if number is not None:
            found.add(number)
            known = index.persons[number]
            titled[number] = replace(
                known, role=known.role or person.role, country=known.country or person.country
            )
        elif not _named_in_story(index, person):
            written.append(Pictured(person, author.start, author.end))
    return CaptionEvidence(index.replaced(titled), frozenset(found), tuple(written))


def _author_person(author) -> Person:
    """The author as a person: "Minister for Trade of Peru" gives role "Minister for Trade" and
    country PE; "Peruvian Minister for Trade" too."""
    role, country = author.title, geo.country_code(author.side) if author.side else None
    if role:
        words = role.split()
        if words and geo.demonym_country(words[0]) and len(words) > 1:
            country, role = geo.demonym_country(words[0]), " ".join(words[1:])
        head, sep, state = role.rpartition(" of ")
        if sep and geo.country_code(state):
            country, role = geo.country_code(state), head
    return Person(author.name, tuple(author.name.lower().split()), role=role or None, country=country)


def _joined_subject(token: Token) -> Token:
    """ "Dr Vega and [I]": the first of the words joined by "and" (the parse's subject)."""
    while token.dep_ == CONJ and token.head != token:
        token = token.head
    return token


def with_the_author(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Dr Ana Vega and I discussed trade": someone the writer of a release did something with."""
    end = mention[1]
    if end + 1 >= len(doc) or doc[end].lower_ != "and" or doc[end + 1].text != "I":
        return False
    return _author_meets(doc[end + 1])


def _subject_before(doc: Doc, index: PersonIndex, pronoun: Token) -> Person | None:
    """The person last written as a subject before ``pronoun`` (in this or an earlier sentence)."""
    for token in reversed(doc[max(0, pronoun.sent.start - PRONOUN_REACH) : pronoun.i]):
        person = index.at(token.i)
        if person is not None and _up_the_name(token).dep_ in SUBJECTS:
            return person
    return None


def _takes_part(doc: Doc, index: PersonIndex, groups: frozenset[str], person: Person, mentions: list) -> bool:
    """A rule of ``MENTION_RULES`` at a mention, or a senior office near a meeting word."""
    if any(rule(doc, index, m) for m in mentions for rule in MENTION_RULES):
        return True
    if _former(person) or any(_then_titled(doc, m) for m in person.mentions):
        return False  # "Former President X had considered visiting": only by acting at the meeting
    if person.role and NEGOTIATING_ROLE.search(person.role):
        return True  # "EU chief negotiator X said ...": a negotiator named about the meeting is at the table
    return _senior(person) and any(meeting_context(doc, groups, m) for m in mentions)


def _on_occasion(doc: Doc, mention: Mention) -> bool:
    """ "Lunde is due to meet Torres on Sunday.": a mention counts only where its clause belongs to
    the meeting reported (``occasion``), and not as the era of something ("the first talks under
    President X", "during X's presidency")."""
    token = _up_the_name(doc[mention[1] - 1])
    if token.dep_ == POBJ and token.head.lower_ in ERA_PREPOSITIONS:
        return False
    if _possessor(token) and token.head.lower_ not in ATTENDANCE_WORDS:
        return False
    verb = occasion.clause_verb(token)
    return verb is None or occasion.belongs_to_meeting(verb)


def _possessor(token: Token) -> bool:
    """ "during Obama's presidency": a name written with "'s" before the noun it owns."""
    return token.dep_ == POSS and any(c.tag_ == "POS" for c in token.children)


def _former(person: Person) -> bool:
    return bool(person.role and "former" in person.role.lower())


def _then_titled(doc: Doc, mention: Mention) -> bool:
    """ "then-President X sent forces": an office held at an earlier time, named before the name
    (within ``TITLE_REACH`` words, no comma between)."""
    start = mention[0]
    for i in range(start - 1, max(start - TITLE_REACH, 0) - 1, -1):
        token = doc[i]
        if token.is_punct and token.text != "-":
            return False
        if token.lower_ == "then" and i + 1 < len(doc) and doc[i + 1].text == "-":
            return True
        if token.lower_.startswith("then-"):
            return True
    return False


def _senior(person: Person | None) -> bool:
    return bool(person and person.role and SENIOR_ROLE.search(person.role))


def absent(doc: Doc, person: Person) -> bool:
    """ "Putin skipped the summit": the subject of a verb of staying away; "Putin was invited but
    did not attend": of a verb of going to the meeting, negated (its own, or one joined to it)."""
    for start, _end in person.mentions:
        token = _up_the_name(doc[start])
        if token.dep_ in SUBJECTS and verbs.plays(token.head.lemma_, verbs.STAYS_AWAY):
            return True
        if token.dep_ in SUBJECTS and any(_did_not_go(v) for v in [token.head, *token.head.conjuncts]):
            return True
    return False


def a_spouse(doc: Doc, person: Person) -> bool:
    """ "first lady Michelle Roe", "his wife, Sophie Roe": a leader's spouse, who goes along to a
    state visit or a dinner but is no party to the meeting."""
    for start, end in person.mentions:
        before = [t.lower_ for t in doc[max(0, start - SPOUSE_REACH) : start] if not t.is_punct]
        if before[-1:] and (before[-1] in SPOUSE_NOUNS or tuple(before[-2:]) == FIRST_LADY):
            return True
        root = doc[start:end].root
        if root.dep_ == APPOS and root.head.lower_ in SPOUSE_NOUNS:
            return True  # "Sophie Roe, his wife," is parsed the other way round
    return False


def _away_throughout(doc: Doc, index: PersonIndex, person: Person, mentions: list[Mention]) -> bool:
    """Absent (``absent``), unless a rule finds the person taking part before the story says they
    left: "Sir Luis Vega called to see me ... Sir Luis then withdrew." (there, then gone)."""
    if not absent(doc, person):
        return False
    away = min(start for start, _end in person.mentions if _stays_away_at(doc, start))
    before = [m for m in mentions if m[1] <= away]
    return not any(rule(doc, index, m) for m in before for rule in MENTION_RULES)


def _stays_away_at(doc: Doc, start: int) -> bool:
    """The mention at ``start`` is the subject of a verb of staying away, or of going, negated."""
    token = _up_the_name(doc[start])
    if token.dep_ not in SUBJECTS:
        return False
    return verbs.plays(token.head.lemma_, verbs.STAYS_AWAY) or any(
        _did_not_go(v) for v in [token.head, *token.head.conjuncts]
    )


def _did_not_go(verb: Token) -> bool:
    """ "did [not] attend", "never visited": a verb of going to the meeting, negated."""
    going = verbs.plays(verb.lemma_.lower(), verbs.GOES_TO)
    return going and any(c.dep_ == NEG for c in verb.children)


def _up_the_name(token: Token) -> Token:
    """The word of a name's phrase that has its role in the sentence."""
    while token.dep_ in INSIDE_NAME and token.head != token and not _joined_to_a_thing(token):
        token = _listed_past_a_country(token) or _listed_past_an_aside(token) or token.head
    return token


def _joined_to_a_thing(token: Token) -> bool:
    """ "the trade mission led by ..., the Honourable [X]": a name the parse joins by "and" (or a
    comma) to a common noun that is no person; its role is not that noun's."""
    head = token.head
    people = PERSON_NOUNS | DELEGATION_NOUNS | ATTENDEE_NOUNS | SPOUSE_NOUNS | PLURAL_PARTIES
    return (
        token.dep_ == CONJ
        and head.pos_ == "NOUN"
        and head.lemma_.lower() not in people
        and head.lower_ not in people
    )


def _listed_past_a_country(token: Token) -> Token | None:
    """ "by Luis Ortega of Peru and [Maria Vela] of Ecuador": a name the parse joins to the country
    of the name before it is joined to that name."""
    country, prep = token.head, token.head.head
    if token.dep_ != CONJ or token.ent_type_ != "PERSON" or country.ent_type_ not in {"GPE", "NORP"}:
        return None
    if country.dep_ != POBJ or prep.lower_ not in COUNTRY_PREPOSITIONS or prep.head.ent_type_ != "PERSON":
        return None
    return prep.head


def _listed_past_an_aside(token: Token) -> Token | None:
    """ "called on Amien Rais, the Chairman of the Assembly and [Akbar Tandjung], the Speaker": a
    name the parse joins to a word of the aside set beside the name before it is joined to that name."""
    if token.dep_ != CONJ:
        return None
    word = token.head
    for _ in range(ASIDE_REACH):
        if word.dep_ == APPOS and word.head.ent_type_ == "PERSON":
            return word.head
        if word.dep_ not in {POBJ, PREP, COMPOUND, POSS} or word.head == word:
            return None
        word = word.head
    return None


def took_place(verb: Token) -> bool:
    """Neither still ahead ("will meet") nor, by the occasion layer, another occasion."""
    return not not_yet(verb) and occasion.belongs_to_meeting(verb)


def not_yet(verb: Token) -> bool:
    """ "will meet", "would attend", "did not meet", "plans to visit"."""
    for token in [verb, *verb.ancestors][:3]:
        if any(c.dep_ in {AUX, NEG} and c.lower_ in NEGATIONS for c in token.children):
            return True
        if token.dep_ != XCOMP:
            break
    return False


def is_meeting_verb(verb: Token) -> bool:
    """ "Putin met Erdogan", "the two signed", "Modi held talks with Hasina"."""
    objects = [c.lower_ for c in verb.children if c.dep_ in {DOBJ, ATTR}]
    return (
        verbs.meets_with(verb.lemma_, objects) or verbs.plays(verb.lemma_, verbs.AGREES) or sees_someone(verb)
    )


def sees_someone(verb: Token, *, finite: bool = True) -> bool:
    """ "I saw the Ambassador as arranged", "the Secretary saw Mr Berg": a verb of seeing with a
    person as its object is a meeting; not "saw the plan as a threat", "saw a rise", nor "saw
    that ..." (a clause, not a person). ``finite``: only a seeing that took place ("saw", "has
    seen"), not "asked him to see her"."""
    if verb.lemma_.lower() not in SEEING_VERBS or verb.pos_ != "VERB":
        return False
    if finite and verb.tag_ not in FINITE_SEEING:
        return False
    if _a_view_or_a_sight(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == DOBJ] + _seen_as_arranged(verb)
    return any(_a_person(o) and not any(c.dep_ == ACL for c in o.children) for o in objects)


def _a_view_or_a_sight(verb: Token) -> bool:
    """ "saw him as a rival" (a view), "saw X being led away", "saw X leave" (a sight)."""
    if any(c.dep_ == PREP and c.lower_ == "as" for c in verb.children):
        return True
    return any(c.dep_ in {CCOMP, XCOMP} and not _as_clause(c) for c in verb.children)


def _as_clause(clause: Token) -> bool:
    """ "[as arranged]": a clause marked by "as"."""
    return any(m.lower_ == "as" and m.dep_ == MARK for m in clause.children)


def _seen_as_arranged(verb: Token) -> list[Token]:
    """ "saw the Ambassador as arranged": the parse may make the person seen the subject of the
    "as" clause after the verb."""
    clauses = [c for c in verb.children if c.dep_ in {CCOMP, ADVCL}]
    marked = [c for c in clauses if _as_clause(c)]
    return [s for c in marked for s in c.children if s.dep_ in SUBJECTS]


def _a_person(noun: Token) -> bool:
    """A named person, a person's title or office ("the Ambassador"), or "me", "him"."""
    if noun.ent_type_ == "PERSON" or noun.lower_ in PERSON_PRONOUNS:
        return True
    return noun.pos_ in {"NOUN", "PROPN"} and noun.lower_ in PERSON_NOUNS


# --- a mention's part in the meeting -----------------------------------------------------------
def acts_in_meeting(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """Subject or object of a meeting or agreeing verb: "A met B", "A held talks with B",
    "A and B agreed ... after meeting on the sidelines of ...", "A received B"."""
    token = _role_word(doc, mention)
    verb = _governing_verb(index, token)
    if verb is None or verb.pos_ not in VERB_TAGS or not occasion.belongs_to_meeting(verb):
        return False
    if token.dep_ == DOBJ and verbs.plays(verb.lemma_, verbs.AGREES):
        return False  # "they signed Putin's decree"
    if _talked_about(verb) or _visits_a_place_only(token, verb):
        return _meets_in_a_joined_verb(token, verb)
    return any(rule(token, verb) for rule in VERB_RULES) or _meets_in_a_joined_verb(token, verb)


def _meets_in_a_joined_verb(token: Token, verb: Token) -> bool:
    """ "Vega arrives in Lima and holds a meeting with Torres": the subject of a verb is the
    subject of a meeting verb joined to it by "and" that has no subject of its own."""
    if token.dep_ != NSUBJ:
        return False
    joined = [v for v in verb.conjuncts if v.i > verb.i and not any(c.dep_ in SUBJECTS for c in v.children)]
    meets = [v for v in joined if v.pos_ == "VERB" and is_meeting_verb(v)]
    return any(took_place(v) for v in meets)


def _talked_about(verb: Token) -> bool:
    """ "During the press conference, X was the topic": the subject of "be" with a noun of
    discussion as its attribute is what was talked about, not who was there."""
    return verb.lemma_ == "be" and any(c.dep_ == ATTR and c.lower_ in DISCUSSED_NOUNS for c in verb.children)


def _visits_a_place_only(token: Token, verb: Token) -> bool:
    """ "X visited the Polish capital Warsaw where she delivered a speech": a visit to a place,
    with no party met, is no meeting with anyone."""
    if token.dep_ != NSUBJ or not verbs.plays(verb.lemma_.lower(), verbs.GOES_TO):
        return False
    objects = [c for c in verb.children if c.dep_ == DOBJ]
    places = [o for o in objects if _a_place(o)]
    return bool(objects) and len(places) == len(objects) and not _met_there(verb)


def _a_place(noun: Token) -> bool:
    """ "Warsaw", "the Polish capital Warsaw": a place name, or a place noun."""
    words = [noun, *(c for c in noun.children if c.dep_ in {APPOS, COMPOUND})]
    return any(w.ent_type_ in PLACE_LABELS or w.lower_ in PLACE_NOUNS for w in words)


def _met_there(verb: Token) -> bool:
    """ "visited Lima to meet Vega", "visited Lima for talks", "at the invitation of President
    Vega, visited Peru": a meeting under the visit, or a host who invited it."""
    return any(
        verbs.plays(w.lemma_.lower(), verbs.MEETS) or w.lower_ in GATHERING_NOUNS or _invitation_by_someone(w)
        for w in verb.subtree
        if w != verb
    )


def _invitation_by_someone(word: Token) -> bool:
    """ "[invitation] of President Vega", "[invitation] by the King": a person's invitation."""
    return word.lower_ in INVITATION_NOUNS and any(
        o.ent_type_ == "PERSON" or o.lower_ in PERSON_NOUNS
        for p in word.children
        if p.dep_ == PREP and p.lower_ in {"of", "by"}
        for o in p.children
        if o.dep_ == POBJ
    )


def _role_word(doc: Doc, mention: Mention) -> Token:
    """The word of the mention that has its role in the sentence; a name the parse splits
    ("Abdel Fattah al-Burhan met"): the word that is governed from outside it."""
    span = doc[mention[0] : mention[1]]
    governed = [t for t in span if not (span.start <= t.head.i < span.end)] or [span.root]
    name = next((t for t in governed if t.dep_ in ROLE_DEPS), span.root)
    office = _office_spelled_out(doc, name)
    if office is not None:
        return office
    token = _title_holding(_up_the_name(name)) or _up_the_name(name)
    if token.dep_ in ROLE_DEPS:
        return token
    return _title_set_off_before(doc, span) or token


def _office_spelled_out(doc: Doc, name: Token) -> Token | None:
    """ "co-chaired by the foreign ministers of the two countries: Mr A of Brazil and Ms B of
    Chile": names listed after a colon have the role of the plural office the colon spells out."""
    while name.dep_ == CONJ:  # "Ms B", listed after "Mr A" (or after Mr A's country)
        before = _listed_past_a_country(name) or (name.head if name.head.ent_type_ == "PERSON" else None)
        if before is None:
            break
        name = before
    start = name.left_edge.i
    if start < 2 or doc[start - 1].text != ":":
        return None
    for word in reversed(doc[max(doc[start].sent.start, start - 1 - OFFICE_REACH) : start - 1]):
        if word.pos_ in VERB_TAGS or word.is_punct:
            return None
        if word.tag_ == "NNS" and word.lemma_.lower() in PERSON_NOUNS and word.dep_ in ROLE_DEPS:
            return word
    return None


def _title_holding(token: Token) -> Token | None:
    """ "Minister for Foreign Affairs [Vivian Balakrishnan] met ...": a name the parse hangs as the
    object of its own title's "for" or "of"; the title has the name's role."""
    prep = token.head
    if token.dep_ != POBJ or prep.lower_ not in TITLE_PREPOSITIONS or _a_thing_named(token):
        return None
    title = prep.head
    if not (title.is_title and title.lower_ in PERSON_NOUNS):
        return None
    return _up_the_name(title)


def _a_thing_named(token: Token) -> bool:
    """ "the Socialist Republic of Vietnam": a determiner, or a label other than a person's."""
    return token.ent_type_ in NOT_PERSON_LABELS or any(c.dep_ == DET for c in token.children)


def _title_set_off_before(doc: Doc, span: Span) -> Token | None:
    """ "a call by Norway's Ambassador to Chile, Mr Lars Berg, on ...": the title a comma sets the
    name beside has the name's role, where the parse hangs the name elsewhere."""
    start = span.start
    while start > 0 and doc[start - 1].dep_ == COMPOUND and doc[start - 1].head in span:
        start -= 1  # "Mr", "Minister" before the name
    if start < 2 or doc[start - 1].text != ",":
        return None
    for word in reversed(doc[max(0, start - 9) : start - 1]):
        if word.lower_ in PERSON_NOUNS and word.dep_ in ROLE_DEPS:
            return word
        if not (word.is_title or word.lower_ in TITLE_LINKS):
            break  # the title phrase ends: "the talks in Paris, Mr Berg"
    return _title_with_a_phrase_before(doc, start - 1)


def _title_with_a_phrase_before(doc: Doc, comma: int) -> Token | None:
    """ "with the Minister for Public Works in the interim administration, Dr Vega": a capitalised
    title whose phrase runs, without a verb or a stop, up to the comma before the name."""
    for word in reversed(doc[max(0, comma - TITLE_PHRASE_REACH) : comma]):
        if word.pos_ in VERB_TAGS or word.is_punct:
            return None
        if word.lower_ in PERSON_NOUNS and word.is_title and word.dep_ in ROLE_DEPS:
            return word
    return None


def _governing_verb(index: PersonIndex, token: Token) -> Token | None:
    """ "[met] Erdogan", "[held] talks with Erdogan", "[greeted] by President X"; None for a
    greeter who holds no office ("they were greeted by indigenous chief X")."""
    if token.dep_ in ACTOR_DEPS:
        verb = token.head
        return verb.head if verb.dep_ == AUX else verb  # a subject the parse hangs on "have" of "have had"
    if _called_on(token):
        return token.head.head  # "called on President X": a visit
    if _listed_after_partner(token):
        return token.head
    if token.dep_ != POBJ or token.head.lower_ not in {"with", "by"}:
        return _included_in(index, token)
    if token.head.lower_ == "by" and not _senior(index.at(token.i)):
        return None
    verb = token.head.head
    if verb.pos_ == "NOUN" and (verb.lower_ in MEETING_NOUNS or verb.dep_ == DOBJ):
        verb = verb.head  # "held talks with B", "negotiated a pardon with B"
    elif verb.dep_ == XCOMP and not any(c.dep_ == AUX for c in verb.children):
        verb = verb.head  # a caption's "negotiates pardon with B", its noun parsed as a verb
    return verb


def _included_in(index: PersonIndex, token: Token) -> Token | None:
    """ "held talks with opposition leaders, [including] X": X's verb is the leaders'."""
    if token.dep_ == POBJ and token.head.lower_ in INCLUDING_WORDS and token.head.head.pos_ == "NOUN":
        return _governing_verb(index, token.head.head)
    return None


def _listed_after_partner(token: Token) -> bool:
    """ "met with his envoy, former President X, Secretary Y and Z": a name of a list after the
    verb's partner that the parse hangs on the verb as a bare noun phrase ("npadvmod")."""
    if token.dep_ != NPADVMOD or token.ent_type_ != "PERSON":
        return False
    verb = token.head
    partners = [c for c in verb.children if c.i < token.i and (c.dep_ == DOBJ or c.lower_ in PARTNER_WORDS)]
    start = token.left_edge.i
    return bool(partners) and start > 0 and token.doc[start - 1].text == ","


def _called_on(token: Token) -> bool:
    """ "called [on] President X": the person after "on" of a verb of calling on."""
    prep = token.head
    return (
        token.dep_ == POBJ and prep.lower_ == "on" and verbs.plays(prep.head.lemma_.lower(), verbs.VISITS_ON)
    )


def _calls_on(token: Token, verb: Token) -> bool:
    """ "Berg called on Vega in Lima": a visit, Berg and Vega take part; "Berg called on Vega to
    free the prisoners" (a to-clause under the verb or the person) is an appeal."""
    if not verbs.plays(verb.lemma_.lower(), verbs.VISITS_ON) or (
        token.dep_ != NSUBJ and not _called_on(token)
    ):
        return False
    visited = _visited_on(verb)
    if not visited:
        return False
    clauses = [c for w in [verb, *visited] for c in w.children if c.dep_ in {XCOMP, ACL, RELCL, ADVCL}]
    return not clauses


def _visited_on(verb: Token) -> list[Token]:
    """ "called on [President X] on Monday": the people after the verb's "on" (not "Monday")."""
    on = [p for p in verb.children if p.dep_ == PREP and p.lower_ == "on"]
    objects = [o for p in on for o in p.children if o.dep_ == POBJ]
    return [o for o in objects if o.ent_type_ == "PERSON" or o.lower_ in PERSON_NOUNS]


def _meets(token: Token, verb: Token) -> bool:
    """ "Putin met Erdogan in Sochi."""
    return is_meeting_verb(verb)


def _commits_jointly(token: Token, verb: Token) -> bool:
    """ "Modi and Hasina vowed to ...": a joint commitment made at the meeting."""
    return verbs.plays(verb.lemma_, verbs.COMMITS) and token.dep_ == NSUBJ and bool(token.conjuncts)


def _during_meeting(token: Token, verb: Token) -> bool:
    """ "Scholz pressed Li on trade during government consultations in Berlin.", "Speaking at
    the talks on Saturday, Lunde said ...": the verb, or a participle under it, is at a meeting."""
    participles = [c for c in verb.children if c.dep_ == ADVCL and c.tag_ == "VBG"]
    return any(_at_meeting(word) for word in [verb, *participles])


def _at_meeting(verb: Token) -> bool:
    """ "[during] consultations", "[at] the summit": a preposition of the verb with a meeting noun."""
    for prep in verb.children:
        objects = [o for o in prep.children if o.dep_ == POBJ] if prep.dep_ == PREP else []
        if prep.lower_ in MEETING_PREPOSITIONS and any(o.lower_ in GATHERING_NOUNS for o in objects):
            return True
    return False


def _after_meeting(token: Token, verb: Token) -> bool:
    """ "Sunak and Macron agreed ... after meeting in Paris": a meeting participle under the
    subject's verb (not one only planned: "before they will meet")."""
    if token.dep_ != NSUBJ:
        return False
    for child in verb.subtree:
        if (
            child.tag_ == "VBG"
            and verbs.plays(child.lemma_, verbs.MEETS)
            and child.dep_ in MEETING_PARTICIPLE_DEPS
        ):
            return took_place(child)
    return False


def _joint_actors(token: Token, verb: Token) -> bool:
    """ "Torres and Lunde exchanged gifts.": two named people as the subject of what happened."""
    return (
        token.dep_ == NSUBJ
        and any(c.ent_type_ == "PERSON" for c in token.conjuncts)
        and token.ent_type_ == "PERSON"
    )


def _after_talks_ended(token: Token, verb: Token) -> bool:
    """ "Lunde said, after the round of talks wrapped up in Lima, that ...": someone who speaks as
    this meeting ends, in a clause whose subject is the meeting."""
    if token.dep_ != NSUBJ:
        return False
    said = [verb, *(c for c in verb.children if c.dep_ == CCOMP)]  # the parse may hang it on what was said
    for clause in (c for v in said for c in v.children if c.dep_ == ADVCL and c.pos_ in VERB_TAGS):
        subjects = [t for c in clause.children if c.dep_ in SUBJECTS for t in c.subtree]
        if any(t.lower_ in MEETING_NOUNS for t in subjects) and occasion.belongs_to_meeting(clause):
            return True
    return False


def _reports_own_meeting(token: Token, verb: Token) -> bool:
    """ "Lunde said they had talked about trade", "He said both agreed ...": the speaker tells of
    the meeting as one of those who met ("we", "they", "both")."""
    if token.dep_ != NSUBJ or not any(verbs.plays(verb.lemma_, role) for role in verbs.SAYING):
        return False
    for clause in (c for c in verb.children if c.dep_ == CCOMP and c.pos_ in VERB_TAGS):
        subjects = [c for c in clause.children if c.dep_ == NSUBJ]
        if any(s.lower_ in OWN_SIDE for s in subjects) and _meeting_clause(clause):
            return True
    return False


def _addresses_meeting(token: Token, verb: Token) -> bool:
    """ "Lunde told the opening ceremony ...", "Torres addressed the talks": speaking to the
    gathering itself is being at it."""
    if token.dep_ != NSUBJ or verb.lemma_.lower() not in ADDRESSING_VERBS:
        return False
    gatherings = [c for c in verb.children if c.dep_ == DOBJ and c.lower_ in GATHERING_NOUNS]
    return any(not any(m.lower_ in BRIEFING_MARKS for m in g.children) for g in gatherings)


def _came_to_meet(token: Token, verb: Token) -> bool:
    """ "Sir Luis Vega called to see me by arrangement", "Berg came to meet Lunde": the subject
    of a verb of coming whose to-clause is a meeting with someone."""
    if token.dep_ != NSUBJ or verb.lemma_.lower() not in COMING_VERBS:
        return False
    purposes = [c for c in verb.children if c.dep_ in {XCOMP, ADVCL} and c.pos_ == "VERB"]
    meets = [p for p in purposes if is_meeting_verb(p) or sees_someone(p, finite=False)]
    return any(not not_yet(p) for p in meets)


def _brought_along(token: Token, verb: Token) -> bool:
    """ "He brought with him Mr Berg", "she brought along Ms Lunde": someone brought to the
    meeting (the object of a verb of bringing with "with him" or "along")."""
    if token.dep_ != DOBJ or verb.lemma_.lower() not in BRINGING_VERBS:
        return False
    along = [c for c in verb.children if c.lower_ == "along" or (c.dep_ == PREP and c.lower_ == "with")]
    return any(c.lower_ == "along" or any(o.pos_ == "PRON" for o in c.children) for c in along)


def _honoured_guest(token: Token, verb: Token) -> bool:
    """ "The university hosted a lunch to thank the outgoing envoy, Dr Kari Lunde": the guest a
    meal or reception was hosted to honour (the object of its purpose clause)."""
    if token.dep_ != DOBJ or verb.lemma_.lower() not in HONOURING_VERBS:
        return False
    purpose = verb
    while purpose.dep_ == CONJ and purpose.head != purpose:
        purpose = purpose.head  # "to acknowledge and [thank] ..."
    host = purpose.head
    if purpose.dep_ not in {ADVCL, XCOMP} or not verbs.plays(host.lemma_.lower(), verbs.HOSTS):
        return False
    return took_place(host)


def _as_the_others_met(token: Token, verb: Token) -> bool:
    """ "Lunde was speaking as the leaders of the region met in Lima": one who acts while a
    group of which they are part meets (a clause of "as" or "while" whose subject is plural)."""
    if token.dep_ != NSUBJ:
        return False
    clauses = [c for c in verb.children if c.dep_ == ADVCL and is_meeting_verb(c) and not not_yet(c)]
    for clause in clauses:
        marked = any(m.dep_ == MARK and m.lower_ in {"as", "while"} for m in clause.children)
        groups = [c for c in clause.children if c.dep_ == NSUBJ and c.tag_ == "NNS"]
        if marked and groups and occasion.belongs_to_meeting(clause):
            return True
    return False


VERB_RULES: tuple[Callable[[Token, Token], bool], ...] = (
    _meets,
    _calls_on,
    _reports_own_meeting,
    _commits_jointly,
    _during_meeting,
    _after_meeting,
    _after_talks_ended,
    _addresses_meeting,
    _came_to_meet,
    _brought_along,
    _honoured_guest,
    _as_the_others_met,
)


def joint_actors(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "President Torres and Prime Minister Lunde exchanged gifts.": two people holding an office,
    the joint subject of something done (not said, not a copula) at this meeting."""
    token = _role_word(doc, mention)
    verb = token.head
    if token.dep_ != NSUBJ or not token.conjuncts or verb.pos_ != "VERB" or verb.lemma_ == "be":
        return False
    if any(verbs.plays(verb.lemma_, role) for role in verbs.SAYING) and not _announces_terms(verb):
        return False
    named = [_named_beside(t) for t in (token, *token.conjuncts)]
    people = [(index.at(t.i), t.i != n.i) for t, n in zip(named, (token, *token.conjuncts), strict=True)]
    return all(p is not None and (p.role or titled) for p, titled in people) and occasion.belongs_to_meeting(
        verb
    )


def _announces_terms(verb: Token) -> bool:
    """ "Torres and Vega announced the agreement": what is said is what the two agreed."""
    return any(c.dep_ == DOBJ and c.lemma_.lower() in TERMS_NOUNS for c in verb.children)


def _named_beside(noun: Token) -> Token:
    """ "his Peruvian counterpart, [Luis Vega]": the name set beside a person noun, else the noun."""
    if noun.lower_ not in PERSON_NOUNS:
        return noun
    return next((c for c in noun.children if c.dep_ == APPOS and c.ent_type_ == "PERSON"), noun)


def party_to_meeting_noun(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "He visited Oslo for talks with Kari Lunde.", "a courtesy call by X on Y", "talks between X
    and Y": the object of a meeting noun's preposition, where the noun belongs to this meeting."""
    token = _role_word(doc, mention)
    prep = token.head
    if token.dep_ != POBJ:
        return False
    noun = (
        _carried_meeting(prep) if prep.lower_ in CARRIED_MEETING_PREPOSITIONS | PARTY_PREPOSITIONS else None
    )
    if noun is None and prep.lower_ not in PARTY_PREPOSITIONS:
        return False
    noun = noun or _party_noun(doc, index, prep)
    if noun.lower_ not in MEETING_NOUNS or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    return occasion.belongs_to_meeting(noun)


def _carried_meeting(prep: Token) -> Token | None:
    """ "a civic welcome was extended [to] the Governor [by] the Mayor", "gave a dinner [for] X": the
    meeting noun that the preposition's verb is given with (its object or passive subject)."""
    verb = prep.head
    if verb.pos_ not in VERB_TAGS or (prep.dep_ != AGENT and prep.lower_ not in CARRIED_MEETING_PREPOSITIONS):
        return None
    return next((c for c in verb.children if c.dep_ in {DOBJ, NSUBJPASS} and c.lower_ in MEETING_NOUNS), None)


def _party_noun(doc: Doc, index: PersonIndex, prep: Token) -> Token:
    """The noun a party's preposition belongs to; "a call by the Ambassador, Mr Berg, on Diaz"
    where the parse hangs "on" on the other party's name: the noun of that party's title."""
    noun = prep.head
    if index.at(noun.i) is None:
        return noun
    title = _title_set_off_before(doc, doc[noun.i : noun.i + 1])
    if title is None or title.dep_ != POBJ or title.head.lower_ not in PARTY_PREPOSITIONS:
        return noun
    return title.head.head


def represents_party(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Chile, represented by Ana Diaz, signed the pact.": the agent of a verb of representing
    whose party acts in the meeting."""
    token = _role_word(doc, mention)
    if token.dep_ != POBJ or token.head.dep_ != AGENT:
        return False
    verb = token.head.head
    party = verb.head
    if not verbs.plays(verb.lemma_, verbs.REPRESENTS) or party.dep_ not in SUBJECTS:
        return False
    return any(_meeting_clause(v) for v in [party.head, *party.head.subtree] if v.dep_ in {RELCL, ROOT, CONJ})


def _meeting_clause(verb: Token) -> bool:
    """ "... signed the treaty": a meeting verb of this meeting."""
    return verb.pos_ in VERB_TAGS and is_meeting_verb(verb) and occasion.belongs_to_meeting(verb)


def own_clause_attends(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Donald Tusk, who co-hosted the talks, ..." / "Modi, who hosted the meeting, ..." """
    token = doc[mention[1] - 1]
    clauses = [c for c in token.children if c.dep_ in OWN_CLAUSE_DEPS]
    if any(c.pos_ in VERB_TAGS and not occasion.belongs_to_meeting(c) for c in clauses):
        return False  # "Jiang, who in 2001 signed a treaty with Putin"
    own = [t for c in clauses for t in c.subtree]
    return any(t.lower_ in ATTENDANCE_WORDS for t in own) and not any(
        t.dep_ == NEG or t.lower_ in NOT_YET for t in own
    )


def brought_about(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "The agreement was shepherded by Ana Ruiz, backed by Luis Vega.": the agent of a passive
    verb whose subject is the meeting or what it agreed, or of a participle under such an agent."""
    token = _role_word(doc, mention)
    for _step in range(2):
        if token.dep_ != POBJ or token.head.dep_ != AGENT:
            return False
        verb = token.head.head
        outcomes = [c for c in verb.children if c.dep_ in SUBJECTS and _outcome(c)]
        if outcomes:  # not "The 1992 treaty, which ..., was masterminded by X"
            return verb.pos_ in VERB_TAGS and all(occasion.belongs_to_meeting(w) for w in [verb, *outcomes])
        if verb.dep_ != ACL or index.at(verb.head.i) is None:
            return False
        token = _up_the_name(verb.head)  # "[Ruiz], backed by Vega": Ruiz's own part
    return False


def _outcome(noun: Token) -> bool:
    """ "the agreement", "the talks": what the meeting is or what it agreed."""
    return noun.lower_ in GATHERING_NOUNS or noun.lemma_.lower() in TERMS_NOUNS


def among_those_at_work(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Ana Ruiz was among those in Vienna hammering out the text", "was among the officials
    negotiating the deal": one of a group whose participle negotiates or drafts what is agreed."""
    token = _role_word(doc, mention)
    verb = token.head
    if token.dep_ != NSUBJ or verb.lemma_ != "be" or not occasion.belongs_to_meeting(verb):
        return False
    among = [c for c in verb.children if c.dep_ == PREP and c.lower_ == "among"]
    group = [o for p in among for o in p.children if o.dep_ == POBJ]
    return bool(among) and any(_at_work(p) for p in _participles(verb, group))


def _participles(verb: Token, group: list[Token]) -> list[Token]:
    """ "among those [hammering out] the text": the participles of the verb or of the group."""
    return [c for w in [verb, *group] for c in w.children if c.dep_ in {ADVCL, ACL} and c.tag_ == "VBG"]


def _at_work(participle: Token) -> bool:
    """ "negotiating the deal", "hammering out the text": meeting, or working on what is agreed."""
    if is_meeting_verb(participle):
        return True
    return any(c.dep_ == DOBJ and c.lemma_.lower() in DRAFTED for c in participle.children)


def answers_for_own_side(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "For his part, MILF chairman Roe said ...": a senior office holder answering for one side,
    in a clause that belongs to the meeting reported (said, not to come)."""
    token = _role_word(doc, mention)
    verb = token.head
    if token.dep_ not in SUBJECTS or not _senior(index.at(token.i)) or not_yet(verb):
        return False
    return any(_for_own_part(prep) for prep in verb.children) and occasion.belongs_to_meeting(verb)


def _for_own_part(prep: Token) -> bool:
    """ "[for his part]", "[for her part]"."""
    if prep.dep_ != PREP or prep.lower_ != "for":
        return False
    return any(o.lower_ == "part" and any(c.dep_ == POSS for c in o.children) for o in prep.children)


def tells_counterparts(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Foreign Minister Wang told his African counterparts on Sunday that ...": one who speaks
    to their counterparts, at the meeting reported, meets them (not "will tell")."""
    token = _role_word(doc, mention)
    verb = token.head
    if token.dep_ != NSUBJ or verb.pos_ != "VERB" or not verbs.plays(verb.lemma_.lower(), verbs.REPORTS):
        return False
    told = [c for c in verb.children if c.dep_ in {DOBJ, DATIVE} and c.lemma_.lower() in COUNTERPART_NOUNS]
    return bool(told) and took_place(verb)


def invited_the_visit(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "At the invitation of the President of Peru, Mrs Vega, Mr Berg visited Lima": the host who
    invited to a meeting or visit that took place."""
    token = _role_word(doc, mention)
    if token.dep_ != POBJ or token.head.lower_ not in {"of", "by"}:
        return False
    invitation = token.head.head
    if invitation.lower_ not in INVITATION_NOUNS or invitation.dep_ != POBJ:
        return False
    verb = invitation.head.head
    return (
        verb.pos_ in VERB_TAGS
        and is_meeting_verb(verb)
        and not not_yet(verb)
        and occasion.belongs_to_meeting(verb)
    )


def invited_to_the_meeting(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Lars Berg and Ana Vega were invited to the conference": one invited, in the past, to
    the meeting reported; not "will be invited", "invited to visit next year", nor "was invited
    but did not attend"."""
    token = _role_word(doc, mention)
    verb = token.head
    if token.dep_ != NSUBJPASS or not verbs.plays(verb.lemma_.lower(), verbs.INVITES):
        return False
    past = any(c.dep_ == AUXPASS and c.lower_ in {"was", "were"} for c in verb.children)
    later = any(c.dep_ in {XCOMP, ADVCL} for c in verb.children)  # "invited to visit Oslo"
    if not past or later or any(not_yet(w) for w in [verb, *verb.conjuncts]):
        return False
    return occasion.belongs_to_meeting(verb)


def listed_as_present(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Also present at the talks were Kari Lunde and Jon Berg.", "Joining the President were
    Lunde and Berg.", "Lunde and Berg were also present.": named in a list that "be" and a word
    of presence put at the meeting reported (not "will also be present")."""
    if not (_a_named_person(doc, mention) or _titled(index, mention)):
        return False  # a list's titles and bodies ("Renmin University", "Acting") are no one
    sent = doc[mention[0]].sent
    for be in [*(t for t in sent if t.lemma_ in LISTING_VERBS), *_list_verbs_before(doc, mention[0])]:
        clause = be.head if be.dep_ == AUX else be
        presence = _presence_word(be)
        if presence is None or not_yet(be) or not took_place(clause):
            continue
        if max(presence.i, be.i) < mention[0]:
            return True  # the list comes after "be" ("were speakers A and B", "speakers included A")
        token = _role_word(doc, mention)
        if presence.i > be.i and token.dep_ in SUBJECTS and token.head == be:
            return True
    return False


def signed_by_misplaced(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "The pact was signed before members of the press by Ana Diaz and Luis Vega": the person
    after a "by" the parse hangs on a noun of the passive signing verb's phrase (no agent of its
    own) signed it."""
    token = _role_word(doc, mention)
    if token.dep_ != POBJ or token.head.lower_ != "by" or not _a_named_person(doc, mention):
        return False
    word = token.head.head
    while word.pos_ in {"NOUN", "PROPN", "ADP"} and word.head != word:
        word = word.head  # "before [members] of the press [by]"
    if word.pos_ != "VERB" or word == token.head.head or any(c.dep_ == AGENT for c in word.children):
        return False
    passive = any(c.dep_ == AUXPASS for c in word.children)
    signs = verbs.plays(word.lemma_.lower(), verbs.AGREES)
    return passive and signs and took_place(word)


def in_a_delegation(doc: Doc, index: PersonIndex, mention: Mention) -> bool:
    """ "Vega led the Chilean delegation", "The delegation was led by Vega and comprised Berg",
    "a delegation headed by Vega", "the delegation comprising Berg": who led a delegation, or
    was in one, at the meeting reported (not "will lead", "led a delegation in 1994")."""
    if not _a_named_person(doc, mention):
        return False
    token = _role_word(doc, mention)
    by_agent = token.dep_ == POBJ and token.head.dep_ == AGENT
    verb = token.head.head if by_agent else token.head
    if verb.pos_ not in VERB_TAGS or not took_place(verb):
        return False
    lemma = verb.lemma_.lower()
    if token.dep_ == NSUBJ and lemma in LEADING_VERBS:
        delegations = [c for c in verb.children if c.dep_ == DOBJ]
    elif (by_agent and lemma in LEADING_VERBS) or (token.dep_ == DOBJ and lemma in MEMBERSHIP_VERBS):
        delegations = _described(verb)
    else:
        return False
    return any(d.lemma_.lower() in DELEGATION_NOUNS for d in delegations)


def _described(verb: Token) -> list[Token]:
    """The noun a verb tells of: its subject, the noun of a participle ("a delegation [led] by"),
    or that of the verb it is joined to ("was led by Vega and [comprised] Berg")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        return subjects
    if verb.dep_ == ACL:
        return [verb.head]
    return _described(verb.head) if verb.dep_ == CONJ and verb.head != verb else []


def _a_named_person(doc: Doc, mention: Mention) -> bool:
    """A mention the parser takes for a person's name (not "Fingal County" set beside one)."""
    return any(t.ent_type_ == "PERSON" for t in doc[mention[0] : mention[1]])


def _titled(index: PersonIndex, mention: Mention) -> bool:
    """A name of two words or more written after a title ("Field Marshal [Syed Munir]"), whatever
    label the model gave it (not "Director [Sustainability]")."""
    person = index.at(mention[0])
    return person is not None and bool(person.role) and len(person.parts) >= 2


def _list_verbs_before(doc: Doc, start: int) -> list[Token]:
    """The forms of "be" ("include") before a list's name back to the last full stop or line
    break (the parse may end the sentence inside the list, at a "(DTI)" after a title)."""
    found = []
    for token in reversed(doc[max(0, start - LIST_REACH) : start]):
        if token.text in {".", "!", "?"} or "\n" in token.text:
            break
        if token.lemma_ in LISTING_VERBS:
            found.append(token)
    return found


def _presence_word(be: Token) -> Token | None:
    """The word of presence "be" is said with: its complement ("[present]"), the participle it
    helps ("[Joining] the President were"), a preposition's noun ("In [attendance] were"), or
    a noun of those taking part ("were [speakers] A and B", "the [speakers] included A"), or a
    participle of a preposition's noun ("Among officials [accompanying] the President was A")."""
    nouns = [o for p in be.children if p.dep_ in {PREP, NSUBJ} for o in p.children if o.dep_ in {POBJ, APPOS}]
    near = [be.head, *be.children, *nouns, *(c for o in nouns for c in o.children if c.dep_ == ACL)]
    for word in near:
        if word != be and (word.lower_ in PRESENCE_WORDS or _those_taking_part(word)):
            return word
    return None


def _those_taking_part(noun: Token) -> bool:
    """ "[speakers]", "[participants]", "[delegates]": a plural noun of people taking part."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() in ATTENDEE_NOUNS


MENTION_RULES: tuple[Callable[[Doc, PersonIndex, Mention], bool], ...] = (
    acts_in_meeting,
    invited_to_the_meeting,
    answers_for_own_side,
    tells_counterparts,
    with_the_author,
    invited_the_visit,
    among_those_at_work,
    brought_about,
    own_clause_attends,
    joint_actors,
    party_to_meeting_noun,
    represents_party,
    listed_as_present,
    signed_by_misplaced,
    in_a_delegation,
)


# --- a senior person near a meeting word --------------------------------------------------------
def meeting_context(doc: Doc, groups: frozenset[str], mention: Mention) -> bool:
    """A meeting word among the mention's governors or their direct dependants: "Macron and
    Scholz were among the 27 leaders", "Starmer told the leaders that ..."."""
    token = doc[mention[1] - 1]
    seen = set()
    while token.head != token and token.i not in seen:
        seen.add(token.i)
        path, token = token, token.head
        if token.pos_ in VERB_TAGS and not took_place(token):
            return False  # "Li will meet French President Emmanuel Macron"
        near = _near_words(token, own_subject=path.dep_ in SUBJECTS or token.pos_ not in VERB_TAGS)
        if any(w.lower_ in ATTENDANCE_WORDS or w.lemma_.lower() in groups for w in near):
            return True
        if _clause_ends(token):
            return False  # "it took place a day after X declared": another clause's meeting word
    return False


def _clause_ends(token: Token) -> bool:
    """A verb of a clause of its own (adverbial, relative, reported): its governors are not where
    the person is."""
    return token.pos_ in VERB_TAGS and token.dep_ in CLAUSE_EDGES


def _near_words(token: Token, *, own_subject: bool = True) -> list[Token]:
    """The word, its dependants and the objects of its prepositions; what a speaker said is not
    where they were ("said the US welcomed the decision"): not its clause. Reached from below its
    subject, the subject is someone else ("The host pledged a fair trial for X"): not it either."""
    words = [token, *(c for c in token.children if c.dep_ != CCOMP and (own_subject or _not_an_actor(c)))]
    near = [c for c in token.children if c.dep_ in NEAR_DEPS]
    words += [g for c in near for g in c.children]
    words += [g for c in near for p in c.children if p.dep_ == PREP for g in p.children]
    return words


def _not_an_actor(word: Token) -> bool:
    """Not a subject that acts ("[the host] pledged"); a meeting as subject is still the meeting
    ("[the talks] brought together X and Y")."""
    return word.dep_ not in SUBJECTS or word.lower_ in GATHERING_NOUNS


def meeting_groups(doc: Doc) -> frozenset[str]:
    """Plural nouns that meet or agree as the subject ("EU leaders meeting in ... agreed")."""
    roles = (verbs.MEETS, verbs.AGREES, verbs.COMMITS)
    return frozenset(
        t.lemma_.lower()
        for t in doc
        if t.dep_ == NSUBJ
        and t.tag_ == "NNS"
        and any(verbs.plays(t.head.lemma_.lower(), role) for role in roles)
        and not t.ent_type_
    )


# --- captions and summary bullets as evidence ----------------------------------------------------
@dataclass(frozen=True)
class Caption:
    """A photo caption or summary bullet, parsed on its own, and where it starts in the article."""

    doc: Doc
    start: int = 0


@dataclass(frozen=True)
class Pictured:
    """A participant whom only a caption or bullet names: the person (with no mention in the story)
    and their first mention's offsets in the article (None: named only by the file's metadata)."""

    person: Person
    start: int | None
    end: int | None


@dataclass(frozen=True)
class CaptionEvidence:
    """What the captions and bullets show: the story's people taking part (numbers in ``index``,
    the index with a fuller name a caption gives), and the participants named only there."""

    index: PersonIndex
    taking_part: frozenset[int] = frozenset()
    pictured: tuple[Pictured, ...] = ()


def from_captions(captions: Iterable[Doc], index: PersonIndex) -> frozenset[int]:
    """The people of the story (numbers in ``index``) whom a photo caption or a summary bullet
    shows taking part: "Torres negotiates a pardon with leader Vega", "Torres and Vega meet in
    Lima". The caption is parsed on its own; a name there is matched to the story's person by its
    full name, an alias or the surname. Captions are evidence only, never statements."""
    return read_captions([Caption(doc) for doc in captions], index).taking_part


def read_captions(captions: Iterable[Caption], index: PersonIndex) -> CaptionEvidence:
    """The captions' evidence of taking part: a person of the story shown taking part (under the
    fuller name the caption gives: "Kim" of the story, "Kim Jong Sun" in the caption), and one the
    story never names, with the caption's words for their office and country."""
    found: set[int] = set()
    fuller: dict[int, Person] = {}
    pictured: list[Pictured] = []
    for caption in captions:
        for person in taking_part_in(caption.doc):
            number = _same_person(index, person)
            if number is None:
                if not _named_in_story(index, person) and not any(
                    _same_name(p.person, person) for p in pictured
                ):
                    pictured.append(_pictured(caption, person))
                continue
            found.add(number)
            known = fuller.get(number, index.persons[number])
            if set(known.parts) < set(person.parts):
                fuller[number] = _with_fuller_name(known, person)
    return CaptionEvidence(index.replaced(fuller), frozenset(found), tuple(pictured))


def taking_part_in(caption: Doc) -> list[Person]:
    """The people a caption shows at the meeting: by a rule of ``MENTION_RULES`` at their mention
    ("Torres meets Vega in Lima"), or all those a photo of the meeting shows together ("Torres and
    Vega shake hands", "Torres with Vega at the talks", "Torres, left, and Vega in Lima"). Not the
    photographer of a credit ("(AP Photo/Jane Roe)"), nor anyone of a caption about a meeting
    planned or past (``occasion``)."""
    index = find_names(caption)
    credited = _credited(caption)
    named = [
        p
        for p in index.persons
        if not _in_credit(p, credited) and not absent(caption, p) and not a_spouse(caption, p)
    ]
    found = [p for p in named if any(rule(caption, index, m) for m in p.mentions for rule in MENTION_RULES)]
    for sent in caption.sents:
        together = _named_in(sent, named)
        if len(together) >= 2 and _shows_the_meeting(sent):
            found += [p for p in together if p not in found]
    return found


def _named_in(sent: Span, people: list[Person]) -> list[Person]:
    return [p for p in people if any(sent.start <= start < sent.end for start, _end in p.mentions)]


def _in_credit(person: Person, credited: set[int]) -> bool:
    return any(i in credited for start, end in person.mentions for i in range(start, end))


def _credited(caption: Doc) -> set[int]:
    """The tokens of the caption's photo credit."""
    credits = PHOTO_CREDIT.finditer(caption.text)
    spans = [caption.char_span(m.start(), m.end(), alignment_mode="expand") for m in credits]
    return {t.i for span in spans if span is not None for t in span}


def _shows_the_meeting(caption: Span) -> bool:
    """A photo of the meeting itself: a meeting word or gesture ("at the talks", "shake hands"), or
    a listing of who stands where ("X, left, and Y"); and every verb of it, and the meeting word,
    of the meeting reported (not "will meet", "in 1994")."""
    verbs_of = [t for t in caption if t.pos_ in VERB_TAGS]
    if any(not took_place(v) for v in verbs_of):
        return False
    words = [t for t in caption if t.lower_ in GATHERING_NOUNS or t.lower_ in PICTURED_MEETING_WORDS]
    words += [v for v in verbs_of if is_meeting_verb(v)]
    if words:
        return all(occasion.belongs_to_meeting(w) for w in words)
    return any(_position_mark(t) for t in caption)


def _named_in_story(index: PersonIndex, person: Person) -> bool:
    """A caption's name that is, or may be, someone of the story ("Hanson" of two Hansons)."""
    return any(
        _same_name(known, person)
        or set(known.parts) <= set(person.parts)
        or set(person.parts) <= set(known.parts)
        for known in index.persons
    )


def _position_mark(token: Token) -> bool:
    """ "X, [left], and Y", "X ([right]) with Y": where a person stands in the photo."""
    if token.lower_ not in PICTURE_POSITIONS or token.i == 0 or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1].text, token.doc[token.i + 1].text
    return (before, after) in {(",", ","), ("(", ")")}


def _pictured(caption: Caption, person: Person) -> Pictured:
    """A person named only in a caption: their first mention's offsets in the article; no mention
    in the story (``mentions`` are token ranges of the story's Doc)."""
    first, last = person.mentions[0]
    start = caption.start + caption.doc[first].idx
    end = caption.start + caption.doc[last - 1].idx + len(caption.doc[last - 1].text)
    return Pictured(replace(person, mentions=()), start, end)


def _same_name(known: Person, person: Person) -> bool:
    return person.name in {known.name, *known.aliases} or known.surname == person.surname


def _with_fuller_name(known: Person, person: Person) -> Person:
    """The story's person under the caption's fuller name, the story's kept as an alias."""
    return replace(
        known,
        name=person.name,
        parts=person.parts,
        aliases=known.aliases | {known.name},
        role=known.role or person.role,
        country=known.country or person.country,
    )


def _same_person(index: PersonIndex, person: Person) -> int | None:
    """The story's person named as ``person`` is in a caption: same name, an alias, or the surname."""
    named = [n for n, known in enumerate(index.persons) if person.name in {known.name, *known.aliases}]
    if named:
        return named[0]
    same_surname = [n for n, known in enumerate(index.persons) if known.surname == person.surname]
    if same_surname:
        return same_surname[0] if len(same_surname) == 1 else None  # "Clinton" of two Clintons: nobody
    # "Kim Jong Il" in the caption, only "Kim" in the story: the story's name is part of the caption's
    inside = [n for n, known in enumerate(index.persons) if set(known.parts) < set(person.parts)]
    return inside[0] if len(inside) == 1 else None
