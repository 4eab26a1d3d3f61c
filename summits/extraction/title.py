"""A readable title for the meeting: "Putin–Erdogan talks in Sochi, 3 May 2017"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from .people import Person

NAMES_IN_TITLE = 4
SUMMIT_WORD = re.compile(r"\bsummit\b", re.IGNORECASE)


def make_title(participants: Sequence[Person], location: str | None, date: dt.date | None, doc: Doc) -> str:
    return title_for([p.short for p in participants], location, date, doc.text)


def title_for(short_names: list[str], location: str | None, date: dt.date | None, text: str) -> str:
    """ "Putin–Erdogan talks in Sochi, 3 May 2017": who, a summit or talks, where and when."""
    names = short_names[:NAMES_IN_TITLE]
    kind = "summit" if SUMMIT_WORD.search(text) else "talks"
    title = "–".join(names) + f" {kind}" if names else kind.capitalize()
    if location:
        title += f" in {location}"
    if date:
        title += f", {date:%-d %B %Y}"
    return title[:1].upper() + title[1:]
