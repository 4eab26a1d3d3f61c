"""Kept only for ``pipeline.py``, which still imports these names from here: the finders live in
``place.py`` (where), ``date.py`` (when) and ``title.py``."""

from .date import find_date
from .place import find_place
from .title import make_title, title_for

__all__ = ["find_date", "find_place", "make_title", "title_for"]
