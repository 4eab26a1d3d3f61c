"""The pipeline: one spaCy Doc per article, then each finder works on that Doc."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .nlp import get_nlp
from .result import Extraction, SummitFound


def extract(text: str, *, published: dt.date | None = None) -> Extraction:
    return extract_many([text], published=published)[0]


def extract_many(texts: Iterable[str], *, published: dt.date | None = None) -> list[Extraction]:
    texts = list(texts)
    nlp = get_nlp()
    return [Extraction(summit=SummitFound()) for _doc in nlp.pipe(texts)]
