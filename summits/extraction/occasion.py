"""Occasion: does a word belong to *the* meeting the article reports?

One layer, asked by participation, agreements, place and date alike, for a verb, a noun or any
word of a clause:

- ``belongs_to_meeting(token) -> bool``: True unless a reason below holds.
- ``why_not(token) -> str | None``: the first reason the word's clause is not the meeting, or None.

Reasons (each a small rule of ``RULES``, tried in order on the word's clause and the clauses it
is the complement of):

- ``"ahead"``: still to come or only wished — "will hold talks", "is due to meet", "plans to
  visit", "is expected to sign", "need to agree", "could meet".
  Also the anticipating word itself ("a summit is planned", "is scheduled to visit") and a clause
  set later ("next week", "later this month", "tomorrow"). So is a meeting only asked for,
  offered, agreed to, accepted, looked forward to or refused ("agreed to meet", "requested an
  audience", "was denied a meeting", "looks forward to the talks"; not one agreed on for later:
  "agreed to meet again"), with the verb that seeks it, or as the to-clause of a noun of wanting
  ("her willingness to meet", "plans to meet"), and a departure for the visit ("left for
  Oslo on Sunday for talks"). A to-clause of a noun is set by the noun's clause ("the trip to
  meet Lunde will take place ...").
- ``"cancelled"``: a meeting cancelled or put off — "they called off the talks", "the visit
  was postponed" (still news of a meeting, unlike a negated one).
- ``"condition"``: "if they agree", "unless both sign".
- ``"directive"``: someone was asked to do it — "urged Iran to agree", "pressed them to sign".
- ``"purpose"``: a to-clause of purpose — "they met to agree on a truce" (the agreeing is the aim).
- ``"negated"``: "did not meet", "never signed".
- ``"earlier"``: anchored in an earlier time — "in 1994", "since 2020", "last December",
  "earlier this week", "two years ago", "previously".
- ``"separate"``: a separate or later meeting — "then met separately with her deputy",
  "will travel on to Oslo", "before flying to Oslo".
- ``"elsewhere"``: an event somewhere else — "told a rally at home", "speaking in parliament",
  "speaking in Kyiv" where the article's meeting is set in another place ("met in Oslo").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from . import verbs
from .boilerplate import MONTHS as MONTHS_BY_NAME
from .boilerplate import WEEKDAYS
from .deps import (
    ACL,
    ACOMP,
    ADVCL,
    ADVMOD,
    AUX,
    AUXPASS,
    CCOMP,
    DATIVE,
    DET,
    DOBJ,
    MARK,
    NEG,
    NPADVMOD,
    NSUBJPASS,
    PCOMP,
    POBJ,
    POSS,
    PREP,
    PRT,
    RELCL,
    ROOT,
    XCOMP,
)
from .lexicon import (
    AHEAD_ADJECTIVES,
    CONDITIONS,
    ELSEWHERE_NOUNS,
    FURTHER_MEETING_WORDS,
    INVITATION_NOUNS,
    MEETING_NOUNS,
    NOT_YET,
    OFF_VERBS,
    PORTFOLIO_WORDS,
    REQUEST_NOUNS,
    SEPARATE_WORDS,
    VISIT_NOUNS,
    WISH_NOUNS,
)

VERB_TAGS = frozenset({"VERB", "AUX"})
CLAUSES_CLIMBED = 3  # "is expected to meet": the word's clause and at most two it is the complement of
COMPLEMENT_DEPS = frozenset({XCOMP, CCOMP})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
TIME_DEPS = frozenset({PREP, NPADVMOD, ADVMOD})
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
EARLIER_ANCHOR = re.compile(
    r"\b(?:(?:since|back in|from|by|until|before) (?:\w+ )?(?:1[89]\d\d|20\d\d)|"
    r"since|(?<!hours )(?<!hour )(?<!minutes )(?<!minute )ago|previously|in the past|"
    r"earlier this (?:week|month|year)|"
    rf"last (?:year|month|week|weekend|decade|{MONTHS}|spring|summer|autumn|fall|winter)|"
    r"(?:that|the previous|the same) year|the year before|"
    r"(?:a|an|one|two|three|four|five|six|several|a few|\d+) (?:weeks?|months?|years?|decades?) "
    r"(?:earlier|before))\b",
    re.IGNORECASE,
)
"""Time phrases that set a clause before the article's own time, whatever that time is (not "two
hours ago": the day of a report's own stamp, "Published 7 hours ago")."""
DATED_ANCHOR = re.compile(
    rf"\b(?:in|during) (?:(?:early|late|mid-?|the) ?)?(?:(?P<month>{MONTHS})\.? )?"
    r"(?P<year>1[89]\d\d|20\d\d)\b|"
    rf"\bin (?:(?:early|late|mid-?) ?)?(?P<month_alone>{MONTHS})\b(?!\.? \d)",
    re.IGNORECASE,
)
"""Time phrases that name a month or a year ("in 1994", "in March 1980", "in July"): earlier
only when that time is before the article's own (``REFERENCE``): in a report of March 1980,
"met in Canberra in March 1980" is the meeting itself."""
DAY_ANCHOR = re.compile(
    rf"\bon (?:\w+,? )?(?:(?P<month>{MONTHS})\.? (?P<day>\d{{1,2}})|"
    rf"(?P<day_first>\d{{1,2}}) (?P<month_after>{MONTHS}))\b(?:,? (?P<year>1[89]\d\d|20\d\d))?",
    re.IGNORECASE,
)
"""A day ("on March 10", "on Wednesday, 10 March 2016"): earlier when it is more than
``STALE_DAYS`` before the article's own time — "greet Trudeau at the White House on March 10" in
a report of 29 June tells of another occasion, whatever the caption shows."""
STALE_DAYS = 31
REFERENCE = "occasion.reference"  # the Doc.user_data key of the date the article speaks from
ONWARD_PREPOSITIONS = frozenset({"before"})  # "met Lunde [before] flying on to Oslo"
WHERE_WHEN = frozenset({"where", "when"})  # "was in Kyiv last week, [where] he met Zelensky"
PLACE_PREPOSITIONS = frozenset({"in", "at"})  # "met Lunde [in] Oslo", "talks [at] Camp David"
SPOKEN_FROM = frozenset({"in", "from"})  # "speaking [in] Kyiv", "said [from] Kyiv"
MEETING_PLACES = "occasion.meeting_places"  # the Doc.user_data key of the places the meeting is set in
NOUN_CLAUSE_DEPS = frozenset({RELCL, ACL})  # "the trip [to meet Lunde]": a to-clause of a noun
SOUGHT_DEPS = frozenset({DOBJ, NSUBJPASS, DATIVE})  # "requested [an audience]", "[a meeting] was refused"
SOUGHT_PREPOSITIONS = frozenset({"for"})  # "asked [for] a meeting"
PRESENT_TAGS = frozenset({"VBZ", "VBP"})  # "[is] meeting", "[are] holding talks"
HOME = "home"  # "a rally at [home]" (elsewhere), "at [her home]" (a residence)
FORWARD = "forward"  # "looks [forward] to meeting her"
FORWARD_PREPOSITIONS = frozenset({"to"})  # "looks forward [to] meeting her"
REQUEST_CONTENT = frozenset({"for", "of", "to"})  # "a request [for] an audience", "an offer [of] talks"
OBJECT_DEPS = frozenset({POBJ, PCOMP})
EDGE_DEPS = frozenset({ADVCL, RELCL, CCOMP, ACL})  # a clause of its own, not the meeting's words
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})  # "left [Lima] for Oslo": the place left
DEPARTURE_PREPOSITIONS = frozenset({"for"})  # "left [for] Oslo"
AFTER_WORDS = frozenset({"after", "following"})  # "left for Oslo [after] the talks": they were held
LATER_ANCHOR = re.compile(
    r"\b(?:next (?:week|month|year|spring|summer|autumn|fall|winter)|later this (?:week|month|year)|"
    r"tomorrow|as early as|in the coming (?:days|weeks|months))\b",
    re.IGNORECASE,
)


def clause_verb(token: Token) -> Token | None:
    """The verb (or predicate adjective's verb) whose clause holds ``token``: "talks" in "will
    hold talks" -> "hold"; a verb is its own clause's verb."""
    for word in [token, *token.ancestors]:
        if word.pos_ in VERB_TAGS:
            return word
    return None


def why_not(token: Token) -> str | None:
    """ "Torres was due to meet Lunde later." (at "meet") -> "ahead"; "Torres met Lunde." -> None."""
    verb = clause_verb(token)
    reason = _clause_reason(verb, RULES) if verb is not None else None
    return reason or _earlier_noun(token) or _negated_noun(token)


def _clause_reason(verb: Token, rules: tuple[tuple[str, Rule], ...]) -> str | None:
    """The first of ``rules`` that holds for the verb's clause or a clause it is the complement of."""
    for word in _clauses(verb):
        for reason, rule in rules:
            if rule(word):
                return reason
    return None


def belongs_to_meeting(token: Token) -> bool:
    """ "They signed a border treaty in 1994." (at "signed") -> False; "They signed a treaty." -> True."""
    return why_not(token) is None


def _clauses(verb: Token) -> list[Token]:
    """The verb and the verbs (or adjectives) it is the complement of: "meet" in "is expected to
    meet" -> meet, expected."""
    chain = [verb]
    while len(chain) < CLAUSES_CLIMBED:
        governor = _governing_clause(chain[-1])
        if governor is None:
            break
        chain.append(governor)
    return chain


def _governing_clause(word: Token) -> Token | None:
    """ "is expected [to meet]" -> expected; "will be treated to a dinner in [meeting] X" -> treated."""
    if word.head == word:
        return None
    if word.dep_ in COMPLEMENT_DEPS:
        return word.head
    if word.dep_ == PCOMP and word.head.dep_ == PREP:
        return clause_verb(word.head)  # the verb above the preposition, through its nouns
    if word.dep_ in NOUN_CLAUSE_DEPS and _to_clause(word):
        return clause_verb(word.head)  # "the trip [to meet Lunde] will take place": the noun's clause
    return None


def _to_clause(word: Token) -> bool:
    return any(c.dep_ == AUX and c.tag_ == "TO" for c in word.children)


def ahead(word: Token) -> bool:
    """ "will hold talks", "is due to meet", "plans to visit", "need to agree"."""
    if any(c.dep_ == AUX and c.lower_ in NOT_YET for c in word.children):
        return True
    if word.dep_ != XCOMP or not _to_clause(word):
        return False
    head = word.head
    if verbs.plays(head.lemma_, verbs.ANTICIPATES) or head.lower_ in AHEAD_ADJECTIVES:
        return True
    return head.lemma_ == "be" or _going_to(head)  # "is to meet", "is going to sign"


def headline_future(word: Token) -> bool:
    """ "Macron, Starmer to meet Trump": a to-clause with no finite verb above it but a name, a
    headline's way of saying what will happen."""
    if not _to_clause(word):
        return False
    return word.dep_ == ROOT or (word.dep_ in NOUN_CLAUSE_DEPS and word.head.pos_ == "PROPN")


def arranged(word: Token) -> bool:
    """ "Trump is meeting Macron Monday": the present progressive with a day named is an
    arrangement still to come (the meeting held is told in the past, "met ... on Monday")."""
    if word.tag_ != "VBG" or not any(c.dep_ == AUX and c.tag_ in PRESENT_TAGS for c in word.children):
        return False
    days = [d for c in word.children if c.dep_ in TIME_DEPS for d in c.subtree]
    return any(d.lower_ in WEEKDAYS for d in days)


def anticipated(word: Token) -> bool:
    """ "A summit is planned for next week.", "Lunde is due to visit Oslo.": the verb (or adjective)
    of anticipation itself, in the passive or with a to-clause of what is ahead."""
    if any(c.dep_ == ACOMP and _anticipating(c) and _ahead_clause(c) for c in word.children):
        return True  # "Mr X [is] due to host a ceremony"
    return _anticipating(word) and (_asked(word) or _ahead_clause(word))


def _anticipating(word: Token) -> bool:
    return verbs.plays(word.lemma_, verbs.ANTICIPATES) or word.lower_ in AHEAD_ADJECTIVES


def _ahead_clause(word: Token) -> bool:
    return any(c.dep_ == XCOMP and _to_clause(c) for c in word.children)


def later(word: Token) -> bool:
    """ "They meet again next month.": a time phrase of the clause puts it later."""
    return any(child.dep_ in TIME_DEPS and LATER_ANCHOR.search(_phrase(child)) for child in word.children)


def sought(word: Token) -> bool:
    """ "Torres agreed to meet Vega.", "Lunde requested an audience with the King.", "Vega was
    denied a meeting.", "Torres looks forward to the talks.": a verb of asking, offering, agreeing,
    accepting or refusing whose content is a meeting; neither it nor that meeting is the one held.
    Not a further meeting agreed on at it: "they agreed to meet again", "accepted an invitation
    to visit Lima" (an invitation with a visit of its own, not the one to this meeting)."""
    if not verbs.plays(word.lemma_, verbs.SEEKS):
        return False
    meetings = [w for w in _sought(word) if _a_meeting(w)]
    return bool(meetings) and not any(_further(m) or _invitation_to_come(m) for m in meetings)


def _invitation_to_come(noun: Token) -> bool:
    """ "an invitation from Vega [to visit Lima]": an invitation naming a visit of its own."""
    return noun.lower_ in INVITATION_NOUNS and any(
        c.dep_ in NOUN_CLAUSE_DEPS and _to_clause(c) for c in noun.children
    )


def _sought(word: Token) -> list[Token]:
    """What the verb asks for, offers or agrees to: its to-clause, its object (or passive subject),
    what it asks "for", and what it looks "forward" to."""
    content = [c for c in word.children if c.dep_ in SOUGHT_DEPS or (c.dep_ == XCOMP and _to_clause(c))]
    return content + [
        o for prep in _sought_prepositions(word) for o in prep.children if o.dep_ in OBJECT_DEPS
    ]


def _sought_prepositions(word: Token) -> list[Token]:
    """ "asked [for] a meeting", "looks forward [to] meeting her" ("to" on the verb or on "forward")."""
    forward = [c for c in word.children if c.lower_ == FORWARD]
    wanted = SOUGHT_PREPOSITIONS | FORWARD_PREPOSITIONS if forward else SOUGHT_PREPOSITIONS
    return [c for h in [word, *forward] for c in h.children if c.dep_ == PREP and c.lower_ in wanted]


def _a_meeting(word: Token, *, requested: bool = True) -> bool:
    """ "meet", "hold talks", "an audience", "a visit", "an invitation", and (``requested``) "a
    request for an audience", "an offer to meet"."""
    if word.lower_ in MEETING_NOUNS or word.lower_ in VISIT_NOUNS or word.lower_ in INVITATION_NOUNS:
        return True
    if word.pos_ in VERB_TAGS:
        return verbs.meets_with(word.lemma_, [c.lower_ for c in word.children if c.dep_ == DOBJ])
    if not requested or word.lower_ not in REQUEST_NOUNS:
        return False
    return any(_a_meeting(c, requested=False) for c in _requested(word))


def _requested(noun: Token) -> list[Token]:
    """ "a request [for] an audience", "an offer [to meet]": what a noun of asking asks for."""
    clauses = [c for c in noun.children if c.dep_ in NOUN_CLAUSE_DEPS and _to_clause(c)]
    preps = [c for c in noun.children if c.dep_ == PREP and c.lower_ in REQUEST_CONTENT]
    return clauses + [o for p in preps for o in p.children if o.dep_ in OBJECT_DEPS]


def _further(meeting: Token) -> bool:
    """ "meet [again]", "hold [regular] consultations", "meet in Lima [next] year": a meeting after
    the one reported, marked within two words of it (not in a clause of its own)."""
    near = [c for c in meeting.children if c.dep_ not in EDGE_DEPS]
    near += [g for c in near for g in c.children if g.dep_ not in EDGE_DEPS]
    return any(w.lower_ in FURTHER_MEETING_WORDS for w in near)


def wished(word: Token) -> bool:
    """ "her willingness to meet Vega", "plans to meet Vega", "hopes of meeting Vega": a meeting
    as the to-clause (or "of") of a noun of wanting, planning or asking."""
    if word.dep_ in NOUN_CLAUSE_DEPS and _to_clause(word):
        noun = word.head
    elif word.dep_ == PCOMP and word.head.lower_ == "of":
        noun = word.head.head
    else:
        return False
    return noun.lemma_.lower() in WISH_NOUNS and _a_meeting(word, requested=False)


def called_off(word: Token) -> bool:
    """ "Torres called off her talks with Vega.", "The visit was postponed.": a verb of calling off
    with a meeting as its object or passive subject."""
    off = word.lemma_.lower() in OFF_VERBS and any(c.dep_ == PRT and c.lower_ == "off" for c in word.children)
    if not (off or verbs.plays(word.lemma_, verbs.CALLS_OFF)):
        return False
    return any(c.dep_ in SOUGHT_DEPS and _a_meeting(c) for c in word.children)


def departing(word: Token) -> bool:
    """ "Torres left for Oslo on Sunday for talks with Lunde.": a departure for the journey, whose
    visit lies ahead (not one after the talks: "left for Oslo after the talks"; not one with an
    object other than the place left: "headed the delegation for the talks")."""
    if not verbs.plays(word.lemma_, verbs.DEPARTS):
        return False
    if any(c.dep_ == DOBJ and c.ent_type_ not in PLACE_ENTITIES for c in word.children):
        return False
    preps = {c.lower_ for c in word.children if c.dep_ == PREP}
    marks = {m.lower_ for c in word.children if c.dep_ == ADVCL for m in c.children if m.dep_ == MARK}
    return bool(preps & DEPARTURE_PREPOSITIONS) and not (preps | marks) & AFTER_WORDS


def _going_to(head: Token) -> bool:
    """ "is going to sign"."""
    return head.lower_ == "going" and any(c.dep_ == AUX and c.lemma_ == "be" for c in head.children)


def condition(word: Token) -> bool:
    """ "if they agree on the price": a clause that may not happen."""
    return any(c.dep_ == MARK and c.lower_ in CONDITIONS for c in word.children)


def directive(word: Token) -> bool:
    """ "Rome urged Tehran to agree": the to-clause of a verb with an object, asked of someone,
    not done (unless the asker is party to it: "they agreed to ...")."""
    if word.dep_ not in COMPLEMENT_DEPS or not _to_clause(word):
        return False
    head = word.head
    if verbs.plays(head.lemma_, verbs.AGREES) or verbs.plays(head.lemma_, verbs.COMMITS):
        return False
    return any(c.dep_ == DOBJ for c in head.children) or _asked(head) or _called_on(head, word)


def _called_on(head: Token, word: Token) -> bool:
    """ "Torres called on both sides to agree": asked of the object of the verb's particle."""
    return verbs.plays(head.lemma_, verbs.REPORTS_AFTER) and any(
        c.dep_ == PREP
        and c.i < word.i
        and c.lower_ in verbs.particles(head.lemma_)
        and any(o.dep_ == POBJ for o in c.children)
        for c in head.children
    )


def _asked(head: Token) -> bool:
    """ "Tehran was urged to agree": the asking verb in the passive."""
    return any(c.dep_ == AUXPASS for c in head.children)


def purpose(word: Token) -> bool:
    """ "They met to agree on a truce.": a to-clause of purpose under another verb."""
    return word.dep_ == ADVCL and _to_clause(word)


def negated(word: Token) -> bool:
    """ "Lunde did not meet Torres.", "Bolivia refused to sign" (the to-clause of a verb of failing)."""
    if word.dep_ == XCOMP and verbs.plays(word.head.lemma_, verbs.FAILS):
        return True
    return any(c.dep_ == NEG and c.lower_ in NEGATIONS for c in word.children)


def earlier(word: Token) -> bool:
    """ "They signed a border treaty in 1994.": a time phrase of the clause anchors it earlier."""
    if _relative_to_earlier(word) or _already_before(word) or _where_or_when_earlier(word):
        return True
    if _then_of_earlier(word):
        return True
    return _anchored_earlier(word)


def _anchored_earlier(word: Token) -> bool:
    return any(
        child.dep_ in TIME_DEPS and anchors_earlier(_phrase(child), word.doc) for child in word.children
    )


def anchors_earlier(phrase: str, doc: Doc) -> bool:
    """ "since 2020", "last December" -> True; "in 1994" -> True in a report of 2024, False in one of
    1994 (the year its meeting is set in)."""
    if EARLIER_ANCHOR.search(phrase):
        return True
    if any(_before_reference(match, doc) for match in DATED_ANCHOR.finditer(phrase)):
        return True
    return any(_day_long_before(match, doc) for match in DAY_ANCHOR.finditer(phrase))


def _day_long_before(match: re.Match, doc: Doc) -> bool:
    """A day named by ``DAY_ANCHOR`` more than ``STALE_DAYS`` before the article's time (a day
    without a year is the latest such day not after it)."""
    reference = doc.user_data.get(REFERENCE)
    if reference is None:
        return False
    month = MONTHS_BY_NAME[(match["month"] or match["month_after"]).lower()]
    day = int(match["day"] or match["day_first"])
    year = int(match["year"]) if match["year"] else reference.year
    try:
        named = dt.date(year, month, day)
        if match["year"] is None and named > reference:
            named = named.replace(year=year - 1)
    except ValueError:  # "on February 30"
        return False
    return (reference - named).days > STALE_DAYS


def _before_reference(match: re.Match, doc: Doc) -> bool:
    """A month or year named by ``DATED_ANCHOR`` before the article's time (``REFERENCE``, its
    publication date). Without that date every such phrase is taken as earlier: in a report of
    unknown date, "in 1994" is more often history than the meeting's own year."""
    reference = doc.user_data.get(REFERENCE)
    if reference is None:
        return True
    month = MONTHS_BY_NAME.get((match["month"] or match["month_alone"] or "").lower())
    if match["year"] is None:
        return month != reference.month
    year = int(match["year"])
    return year < reference.year or (year == reference.year and month is not None and month < reference.month)


def _then_of_earlier(word: Token) -> bool:
    """ "... before a 1994 crisis. North Korea agreed then to halt ...": "then" after the verb is the
    time the sentence before names, when that is an earlier one ("then agreed" is what came next)."""
    if not any(c.lower_ == "then" and c.dep_ == ADVMOD and c.i > word.i for c in word.children):
        return False
    sent = word.sent
    before = word.doc[sent.start - 1].sent if sent.start > 0 else None
    return anchors_earlier(word.doc[sent.start : word.i].text, word.doc) or (
        before is not None and anchors_earlier(before.text, word.doc)
    )


def _where_or_when_earlier(word: Token) -> bool:
    """ "Torres was in Kyiv last week, where he met Zelensky.": a where- or when-clause of a
    clause anchored earlier."""
    if word.dep_ not in {RELCL, ADVCL} or not any(c.lower_ in WHERE_WHEN for c in word.children):
        return False
    governor = clause_verb(word.head) if word.dep_ == RELCL else word.head
    return governor is not None and governor is not word and _anchored_earlier(governor)


def _already_before(word: Token) -> bool:
    """ "Rome had already held consultations with Oslo.": the past perfect with "already"."""
    perfect = any(c.dep_ == AUX and c.lower_ == "had" for c in word.children)
    return perfect and any(c.dep_ == ADVMOD and c.lower_ == "already" for c in word.children)


def _relative_to_earlier(word: Token) -> bool:
    """ "the first since 1950, when Stalin and Mao signed a treaty": a clause of an earlier date."""
    head = word.head
    return word.dep_ == RELCL and head.ent_type_ == "DATE" and anchors_earlier("in " + head.text, word.doc)


def _earlier_noun(token: Token) -> str | None:
    """ "the 1994 treaty", "last year's summit": a noun phrase anchored earlier by itself."""
    if token.pos_ in {"NOUN", "PROPN"} and anchors_earlier("in " + _phrase(token), token.doc):
        return "earlier"
    return None


def _negated_noun(token: Token) -> str | None:
    """ "No meetings with Russia!": a noun its determiner denies."""
    if token.pos_ == "NOUN" and any(c.dep_ == DET and c.lower_ in NEGATIONS for c in token.children):
        return "negated"
    return None


def _phrase(token: Token) -> str:
    """The words of a time phrase, without a relative clause in it, which has a time of its own
    ("[the first time] the two have met since 2009"), nor the span a count is made over ("for
    [his second visit] since the blast": the visit is now, the blast before)."""
    left_out = {
        t.i for c in token.subtree if c != token and (c.dep_ == RELCL or _counted_since(c)) for t in c.subtree
    }
    return " ".join(t.text for t in token.subtree if t.i not in left_out)


def _counted_since(prep: Token) -> bool:
    """ "his [second] visit [since] the blast": "since" on a noun counted by an ordinal."""
    return prep.lower_ == "since" and any(
        c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" for c in prep.head.children
    )


def separate(word: Token) -> bool:
    """ "She then met separately with her deputy.", "He will travel on to Oslo.", "In another
    quarrel, she told him ..."."""
    if any(c.lower_ in SEPARATE_WORDS for c in word.children) or _onward(word) or _another(word):
        return True
    return any(c.lower_ == "on" and c.dep_ in {PRT, ADVMOD} for c in word.children)


def _another(word: Token) -> bool:
    """ "[In another recent quarrel], Lunde told Torres ...": a phrase of the clause set at another event."""
    phrases = [c for c in word.children if c.dep_ == PREP]
    return any(d.lower_ == "another" for p in phrases for o in p.children for d in o.children)


def _onward(word: Token) -> bool:
    """ "He will travel on to Oslo.", "She met Lunde before flying to Oslo.": a journey after the
    meeting."""
    if not verbs.plays(word.lemma_, verbs.TRAVELS):
        return False
    if any(c.lower_ == "on" and c.dep_ == PREP and not any(c.children) for c in word.children):
        return True  # "travel on to Oslo", "on" parsed as a preposition without its object
    return word.dep_ == PCOMP and word.head.lower_ in ONWARD_PREPOSITIONS


def elsewhere(word: Token) -> bool:
    """ "He told a rally at home that ...": an event elsewhere, before another audience (not the
    portfolio of a title: "met the Minister of Home Affairs")."""
    return any(
        t.lower_ in ELSEWHERE_NOUNS
        and not (t.is_title and t.lower_ in PORTFOLIO_WORDS)
        and not _a_residence(t)
        for c in word.children
        if c.dep_ in {DOBJ, PREP, DATIVE}
        for t in c.subtree
    )


def _a_residence(noun: Token) -> bool:
    """ "[her] home", "[the] home of X": someone's house, where a meeting may be held, not the
    country one speaks to at home ("told a rally at home")."""
    return noun.lower_ == HOME and any(c.dep_ in {POSS, DET} for c in noun.children)


def spoken_elsewhere(word: Token) -> bool:
    """ "Speaking in Kyiv, Zelensky said ..." in a story of a meeting in Oslo: where someone spoke,
    when it is not where the meeting is set ("Torres met Lunde in Oslo"). A story that sets its
    meeting nowhere gives no reason."""
    places = meeting_places(word.doc)
    return bool(places) and any(place.text not in places for place in _spoken_from(word))


def _spoken_from(word: Token) -> list[Token]:
    """ "[Speaking in Kyiv], X said", "X told reporters [in Kyiv]": the place named as where the
    clause's speaker spoke."""
    speech = [word, *(c for c in word.children if c.dep_ == ADVCL and c.tag_ == "VBG")]
    return [
        place
        for verb in speech
        if verbs.plays(verb.lemma_, verbs.SPEAKS) or verbs.plays(verb.lemma_, verbs.REPORTS)
        for place in _places_after(verb, SPOKEN_FROM)
    ]


def _places_after(word: Token, prepositions: frozenset[str]) -> list[Token]:
    """The names after the word's prepositions: "met Lunde [in Oslo]" -> Oslo."""
    return [
        o
        for prep in word.children
        if prep.dep_ == PREP and prep.lower_ in prepositions
        for o in prep.children
        if o.dep_ == POBJ and o.pos_ == "PROPN"
    ]


def meeting_places(doc: Doc) -> frozenset[str]:
    """ "Torres met Lunde in Oslo.", "The summit in Oslo ended." -> {"Oslo"}: the names after "in"
    or "at" of the meeting's own verbs and nouns, or of the verb's object the parser hung them on
    ("met [Lunde in Oslo]"), read once per Doc."""
    if MEETING_PLACES not in doc.user_data:
        doc.user_data[MEETING_PLACES] = frozenset(
            place.text
            for word in doc
            if _meeting_word(word) and _of_this_meeting(word)
            for holder in [word, *(c for c in word.children if c.dep_ == DOBJ)]
            for place in _places_after(holder, PLACE_PREPOSITIONS)
        )
    return doc.user_data[MEETING_PLACES]


def _meeting_word(word: Token) -> bool:
    return verbs.plays(word.lemma_, verbs.MEETS) or word.lower_ in MEETING_NOUNS


def _of_this_meeting(word: Token) -> bool:
    verb = clause_verb(word)
    return verb is None or _clause_reason(verb, CLAUSE_RULES) is None


Rule = Callable[[Token], bool]
CLAUSE_RULES: tuple[tuple[str, Rule], ...] = (
    ("negated", negated),
    ("condition", condition),
    ("ahead", ahead),
    ("ahead", headline_future),
    ("ahead", arranged),
    ("ahead", anticipated),
    ("ahead", later),
    ("ahead", sought),
    ("ahead", wished),
    ("cancelled", called_off),
    ("ahead", departing),
    ("directive", directive),
    ("purpose", purpose),
    ("earlier", earlier),
    ("separate", separate),
    ("elsewhere", elsewhere),
)
"""The rules that read the clause alone, in order."""
RULES: tuple[tuple[str, Rule], ...] = (*CLAUSE_RULES, ("elsewhere", spoken_elsewhere))
"""Every rule, in order: the clause's own, then where the story sets the meeting."""
