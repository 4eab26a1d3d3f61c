"""How a summit's page presents what it holds: participants in a meaningful order, statements
grouped by speaker in that order, and reported speech that only repeats a quotation shown once.

Presentation rules only: nothing here deletes or changes data, and every function takes the rows
a selector has already fetched, so that the page costs no further query. A hidden reported
statement keeps its own anchor in its article's page and its place in the API.

Participant order: heads of state or government first (a president, prime minister, chancellor,
king...), then everyone else with a role (ministers, envoys...), then people without one; within
each rank, the order the attendances were recorded in (the extraction lists people in the order
the article introduces them; an editor's additions come after).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .extraction.lexicon import HEAD_OF_STATE_TITLES

# Titles of a head of state or government, as words of a role ("President", "US President",
# "Prime Minister of Japan"); a role with a DEPUTY_WORDS word is not one ("Vice President").
HEAD_TITLES = tuple(tuple(title.split()) for title in HEAD_OF_STATE_TITLES)
DEPUTY_WORDS = frozenset({"vice", "deputy", "former", "acting", "assistant", "designate", "elect"})

RANK_HEAD = 0  # a head of state or government
RANK_OTHER_ROLE = 1  # anyone else with a role: a minister, an envoy
RANK_NO_ROLE = 2

# How close (0..1, difflib's ratio) a reported statement must be to a quotation to repeat it.
NEARLY_EQUAL = 0.9
# A reported statement shorter than this (in words) is never taken for a repeat: "yes".
MIN_REPEAT_WORDS = 3

STRAIGHT_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
NOT_WORD = re.compile(r"[^\w\s]+")
SPACES = re.compile(r"\s+")


# --- participants -----------------------------------------------------------------------------
def role_rank(role: str) -> int:
    """Where a role puts a participant: ``RANK_HEAD`` for "President" or "Prime Minister of
    Japan", ``RANK_OTHER_ROLE`` for "Foreign Minister" or "Vice President", ``RANK_NO_ROLE`` for ""."""
    words = re.findall(r"[a-z]+", role.lower())
    if not words:
        return RANK_NO_ROLE
    if DEPUTY_WORDS.isdisjoint(words) and any(_contains(words, title) for title in HEAD_TITLES):
        return RANK_HEAD
    return RANK_OTHER_ROLE


def _contains(words: list[str], title: tuple[str, ...]) -> bool:
    size = len(title)
    return any(tuple(words[i : i + size]) == title for i in range(len(words) - size + 1))


def participant_order(attendances: Iterable[Any]) -> list[Any]:
    """Attendances (``role`` and ``pk``) in page order: heads of state or government first, then
    others with a role, then those without; each rank in the order the attendances were recorded."""
    return sorted(attendances, key=lambda a: (role_rank(a.role or ""), a.pk))


# --- repeats ----------------------------------------------------------------------------------
def normalised(text: str) -> str:
    """Words only, for comparing: quotes straightened, punctuation dropped, case folded.

    >>> normalised("“We agreed,” — to lift ALL restrictions.")
    'we agreed to lift all restrictions'"""
    text = unicodedata.normalize("NFKC", text).translate(STRAIGHT_QUOTES).casefold()
    return SPACES.sub(" ", NOT_WORD.sub(" ", text)).strip()


def repeats_quotation(reported: str, quotations: Iterable[str]) -> bool:
    """True when reported speech only says again what one of ``quotations`` says: its words are
    contained in the quotation's, or nearly equal to them.

    >>> repeats_quotation("that the talks were useful", ["The talks were useful, and long."])
    False
    >>> repeats_quotation("the talks were useful", ["“The talks were useful,” and long"])
    True"""
    words = normalised(reported)
    if len(words.split()) < MIN_REPEAT_WORDS:
        return False
    for quotation in quotations:
        quoted = normalised(quotation)
        if f" {words} " in f" {quoted} " or SequenceMatcher(None, words, quoted).ratio() >= NEARLY_EQUAL:
            return True
    return False


def speaker_key(statement: Any) -> tuple[str, object]:
    """Who said it, for grouping: the participant, else the label as written, else nobody."""
    if statement.speaker_id is not None:
        return ("participant", statement.speaker_id)
    if statement.speaker_label:
        return ("label", statement.speaker_label.strip().casefold())
    return ("unknown", None)


def without_repeats(statements: Sequence[Any]) -> list[Any]:
    """The statements to show: all of them, but reported speech that repeats a direct quotation
    of the same speaker (among ``statements``, one summit's) is left out. Nothing is deleted."""
    quotations: dict[tuple[str, object], list[str]] = {}
    for statement in statements:
        if statement.kind == "direct":
            quotations.setdefault(speaker_key(statement), []).append(statement.text)
    return [
        s
        for s in statements
        if s.kind == "direct" or not repeats_quotation(s.text, quotations.get(speaker_key(s), ()))
    ]


# --- speakers ---------------------------------------------------------------------------------
@dataclass
class SpeakerGroup:
    """One speaker's statements on the page: ``participant`` is None for a label or nobody."""

    name: str
    participant: Any = None
    statements: list = field(default_factory=list)


def speaker_groups(statements: Sequence[Any], attendances: Iterable[Any]) -> list[SpeakerGroup]:
    """Statements grouped by speaker: the summit's participants first, in ``participant_order``,
    then other speakers (people not recorded as present, then labels such as "a joint
    statement") in the order they come in ``statements``, then statements of no known speaker.
    Within a group, statements keep their order; repeats of a quotation are left out."""
    groups: dict[tuple[str, object], SpeakerGroup] = {}
    for attendance in participant_order(attendances):
        participant = attendance.participant
        groups[("participant", participant.pk)] = SpeakerGroup(participant.name, participant)
    others: dict[tuple[str, object], SpeakerGroup] = {}
    for statement in without_repeats(statements):
        key = speaker_key(statement)
        group = groups.get(key) or others.get(key)
        if group is None:
            group = others[key] = SpeakerGroup(statement.speaker_name, statement.speaker)
        group.statements.append(statement)
    unknown = others.pop(("unknown", None), None)
    ordered = [g for g in groups.values() if g.statements]
    ordered += sorted(others.values(), key=lambda g: g.participant is None)  # people, then labels
    return ordered + ([unknown] if unknown else [])
