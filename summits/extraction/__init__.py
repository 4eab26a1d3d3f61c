"""The extraction pipeline: an English news report of a summit in, dataclasses out.

Pure Python and spaCy; nothing here imports Django.
"""

from .pipeline import extract, extract_many
from .result import AgreementFound, ArticleMeta, Extraction, ParticipantFound, StatementFound, SummitFound

# Bumped whenever the output for the same text may change.
EXTRACTOR_VERSION = "1.5"

__all__ = [
    "EXTRACTOR_VERSION",
    "AgreementFound",
    "ArticleMeta",
    "Extraction",
    "ParticipantFound",
    "StatementFound",
    "SummitFound",
    "extract",
    "extract_many",
]
