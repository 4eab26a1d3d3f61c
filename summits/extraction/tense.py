"""When a sentence is set: the meeting itself, the past, or what is still ahead.

Shared by the place and date finders: a place or a date in a sentence about the meeting counts
more, one in a sentence about an earlier event or the next meeting counts less.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .deps import AUX, XCOMP
from .lexicon import MEETING_WORDS, NOT_YET

PAST_MARKERS = re.compile(
    r"\b(since|last year|in \d{4}|ago|previous|earlier this year|back in)\b", re.IGNORECASE
)
VERB_TAGS = frozenset({"VERB", "AUX"})
CLAUSES_CLIMBED = 3  # "is expected to meet": the verb and at most two verbs it is the complement of


def about_meeting(sent: Span) -> bool:
    """ "Putin met Erdogan in Sochi on Wednesday.": the sentence names the meeting."""
    return any(t.lower_ in MEETING_WORDS for t in sent)


def about_past(sent: Span) -> bool:
    """ "The two last met in Helsinki in 2018.": the sentence tells of an earlier event."""
    return bool(PAST_MARKERS.search(sent.text))


def ahead(doc: Doc, char: int) -> bool:
    """ "Macron will meet Putin in Paris on Friday.": what is written at ``char`` belongs to what
    will happen ("will meet on Friday", "is to visit on Monday"), not to this meeting."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None:
        return False
    verb = next((t for t in [token.root, *token.root.ancestors] if t.pos_ in VERB_TAGS), None)
    if verb is None:
        return False
    for word in [verb, *verb.ancestors][:CLAUSES_CLIMBED]:
        if _not_yet(word):
            return True
        if word.dep_ != XCOMP:
            break
    return False


def _not_yet(word: Token) -> bool:
    """ "will meet": the verb has an auxiliary of what has not happened yet."""
    return any(c.dep_ == AUX and c.lower_ in NOT_YET for c in word.children)
