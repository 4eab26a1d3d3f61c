"""Statements: direct quotations and reported speech. The rules live in ``quotations.py``
(finding quotation marks and direct quotations) and ``statements.py`` (each quotation's
speaker, and reported speech); this module keeps their old import path."""

from .quotations import Quotations, Quote, find_quotes
from .statements import Statements, according_to, subject_of

__all__ = ["Quote", "Quotations", "Statements", "according_to", "find_quotes", "subject_of"]
