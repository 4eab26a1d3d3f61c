"""The extraction pipeline: an English news report of a summit in, dataclasses out.

Pure Python and spaCy; nothing here imports Django.
"""

from .pipeline import extract, extract_many
from .result import AgreementFound, ArticleMeta, Extraction, ParticipantFound, StatementFound, SummitFound
from .verbs import table_digest

# The rules' version, raised by hand when a rule changes what the same text gives, then the verb
# table's digest: adding or changing a verb changes the version by itself.
RULES_VERSION = "1.14"
EXTRACTOR_VERSION = f"{RULES_VERSION}+{table_digest()}"

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
