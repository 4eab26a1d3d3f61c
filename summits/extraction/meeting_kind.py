"""What kind of meeting a report tells of: a state visit, a meeting of ministers, or by the
number of parties a bilateral, trilateral or multilateral one. No Django here; the values are
those of ``Summit.Kind``, and "" means not known (editors can correct it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from .lexicon import HEAD_OF_STATE_TITLES

BILATERAL = "bilateral"
TRILATERAL = "trilateral"
MULTILATERAL = "multilateral"
STATE_VISIT = "state_visit"
MINISTERIAL = "ministerial"
UNKNOWN = ""

KINDS = (BILATERAL, TRILATERAL, MULTILATERAL, STATE_VISIT, MINISTERIAL)

STATE_VISIT_WORDS = re.compile(r"\bstate\s+visit", re.IGNORECASE)

# Heads of state or government; a deputy or a vice is neither ("Deputy Prime Minister").
HEAD_ROLES = re.compile(
    r"(?<!deputy )(?<!vice )(?<!vice-)\b(" + "|".join(map(re.escape, HEAD_OF_STATE_TITLES)) + r")\b",
    re.IGNORECASE,
)
# "Chancellor of the Exchequer" is a minister, not the head of a government.
MINISTER_CHANCELLOR = re.compile(r"\bchancellor of the exchequer\b", re.IGNORECASE)
# Foreign, defence... ministers and secretaries; a secretary-general leads an organisation.
MINISTER_ROLES = re.compile(r"\b(minister|secretary|chancellor of the exchequer)\b", re.IGNORECASE)
NOT_MINISTER = re.compile(r"\bsecretary[- ]general\b|\bgeneral secretary\b", re.IGNORECASE)


class Attendee(Protocol):
    role: str | None
    country: str | None  # ISO code, or an organisation's short name


def is_head(role: str | None) -> bool:
    """ "President", "Prime Minister", "King": a head of state or government."""
    return bool(role) and bool(HEAD_ROLES.search(role)) and not MINISTER_CHANCELLOR.search(role)


def is_minister(role: str | None) -> bool:
    """ "Foreign Minister", "Secretary of State", "Defence Secretary": a minister, not a head."""
    if not role or is_head(role):
        return False
    return bool(MINISTER_ROLES.search(role)) and not NOT_MINISTER.search(role)


def party_count(participants: Iterable[Attendee]) -> int:
    """The distinct countries (or organisations) the participants came for; a person whose
    country is not known counts as a party of their own."""
    parties: set[str] = set()
    for number, person in enumerate(participants):
        parties.add((person.country or "").upper() or f"unknown-{number}")
    return len(parties)


def meeting_kind(text: str, participants: Sequence[Attendee]) -> str:
    """The kind of meeting an article reports.

    "The Japanese emperor welcomed Macron on a state visit" -> state_visit; "Foreign Minister
    Lavrov met Secretary of State Blinken" -> ministerial; else by the parties: two bilateral,
    three trilateral, four or more multilateral; fewer than two: not known.
    """
    if STATE_VISIT_WORDS.search(text or ""):
        return STATE_VISIT
    if participants and all(is_minister(p.role) for p in participants):
        return MINISTERIAL
    parties = party_count(participants)
    if parties < 2:
        return UNKNOWN
    return {2: BILATERAL, 3: TRILATERAL}.get(parties, MULTILATERAL)
