"""The extraction pipeline: an English news report of a summit in, dataclasses out.

Pure Python and spaCy; nothing here imports Django.
"""

from .result import AgreementFound, ArticleMeta, Extraction, ParticipantFound, StatementFound, SummitFound

__all__ = [
    "AgreementFound",
    "ArticleMeta",
    "Extraction",
    "ParticipantFound",
    "StatementFound",
    "SummitFound",
]
