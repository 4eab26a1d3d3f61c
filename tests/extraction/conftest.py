import pytest

from summits.extraction import extract
from summits.extraction.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp():
    """The model, loaded once for the whole test session (get_nlp is cached too)."""
    return get_nlp()


# Helpers shared by the phenomenon files (import them: ``from tests.extraction.conftest import story``).


def story(*paragraphs: str) -> str:
    """An article: a headline, then the paragraphs."""
    return "Leaders meet\n\n" + "\n\n".join(paragraphs) + "\n"


def names(result):
    """The participants' names."""
    return {p.name for p in result.participants}


def by_name(result):
    """The participants by name."""
    return {p.name: p for p in result.participants}


def speakers(result, kind):
    """(speaker, text) of the statements of one kind ("direct" or "indirect"), in order."""
    return [(s.speaker, s.text) for s in result.statements if s.kind == kind]


def indirect(result) -> dict[str, str]:
    """Reported speech: its text -> its speaker."""
    return {s.text: s.speaker for s in result.statements if s.kind == "indirect"}


def direct(text):
    """(speaker, text) of the quotations in a sentence read after INTRO."""
    return [(s.speaker, s.text) for s in extract(INTRO + text).statements if s.kind == "direct"]


def reported_statements(text):
    """(speaker, text) of the reported speech of a whole article."""
    return [(s.speaker, s.text) for s in extract(text).statements if s.kind == "indirect"]


# Invented articles read by the tests of more than one phenomenon.

INTRO = "German Chancellor Angela Merkel met French President Emmanuel Macron for talks in Berlin.\n"

LEAD = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan "
    "in the Black Sea resort of Sochi on Wednesday for talks on Syria.\n"
)

SOCHI_TALKS = (
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin for talks in Sochi.\n"
    "Erdogan, for his part, said Turkey would continue to take measures against threats from its borders, "
    "adding that he believed Putin would play a major role.\n"
    "A White House spokesman said the United States welcomed the talks.\n"
    "Regardless of the safe zones, the fight against terrorist groups should go on, "
    "the Russian president pointed out.\n"
)

GUARDIAN = story(
    "Keir Starmer and Olaf Scholz have signed a landmark defence agreement in Berlin, committing the UK "
    "and Germany to closer cooperation on security.",
    "The prime minister, on his first visit to Berlin since taking office, said the agreement was a "
    "milestone for both countries.",
    'Speaking alongside him, the German chancellor said: "This is a historic day for our two nations."',
    "Scholz added that Germany would buy more British-made equipment.",
)
