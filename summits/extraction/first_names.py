"""First names with a known gender, from the kept data package ``gender-guesser`` (its name list
ships inside the wheel: nothing is fetched at run time). The rest of the extraction asks only
``gender("Maria")`` and never sees the package's API."""

from __future__ import annotations

import functools

# the package's verdicts that count; "mostly_*" and "andy" (either) say too little
VERDICTS = {"male": "m", "female": "f"}


@functools.cache
def _detector():
    from gender_guesser.detector import Detector  # reads its name list once, on first use

    return Detector(case_sensitive=False)


def gender(first_name: str) -> str | None:
    """ "m" for "Carlos", "f" for "Maria", None for a name of either or unknown ("Kim", "Xi")."""
    word = first_name.strip(".").lower()
    if not word.isalpha():
        return None
    return VERDICTS.get(_detector().get_gender(word))
