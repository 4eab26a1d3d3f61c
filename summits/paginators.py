"""Pagination that costs the same on an archive of any size.

Django's ``Paginator`` counts every row of a list to number its last page; on 20,000 summits
that count is a scan of all of them on every request. ``CappedPaginator`` counts at most
``count_limit`` rows (a COUNT over a LIMITed subquery) and tells whether there are more; a page
knows whether a next page exists by fetching one row more than it shows, so pages past the
counted ones are still reachable by their links (up to ``max_pages``, which bounds the OFFSET).
"""

from functools import cached_property

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator

COUNT_LIMIT = 1000  # rows counted exactly; past it a list says "more than 1000"
MAX_PAGES = 1000  # the deepest page served, whatever the list holds
DEFERRED_JOIN_OFFSET = 200  # from this row on, a page's ids are read first (see ``_rows``)


class CappedPage(Page):
    """A page whose next page is known from the row fetched beyond it, not from a total."""

    def __init__(self, object_list, number, paginator, *, has_more: bool):
        super().__init__(object_list, number, paginator)
        self.has_more = has_more

    def has_next(self) -> bool:
        return self.has_more and self.number < self.paginator.max_pages

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0

    @property
    def count_is_capped(self) -> bool:
        return not self.paginator.count_is_exact


class CappedPaginator(Paginator):
    """A paginator that counts at most ``count_limit`` rows and serves pages up to ``max_pages``.

    ``count`` is the exact count when the list holds no more than ``count_limit`` rows
    (``count_is_exact``), else ``count_limit``; ``num_pages`` follows from it. ``counted``: the
    rows to count when they are not ``object_list`` (a search's matches, of which it ranks only
    the newest).
    """

    def __init__(self, object_list, per_page, *, count_limit=None, max_pages=None, counted=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_limit = count_limit or COUNT_LIMIT
        self.max_pages = max_pages or MAX_PAGES
        self.counted = object_list if counted is None else counted

    @cached_property
    def _counted(self) -> int:
        """Rows counted, at most ``count_limit`` + 1 (the one more says there are more)."""
        rows = self.counted[: self.count_limit + 1]
        return rows.count() if hasattr(rows, "query") else len(rows)

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.count_limit)

    @property
    def count_is_exact(self) -> bool:
        return self._counted <= self.count_limit

    def validate_number(self, number) -> int:
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        last = self.max_pages if not self.count_is_exact else self.num_pages
        if number > min(last, self.max_pages):
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number) -> CappedPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self.count_is_exact and bottom >= self.count:
            rows = []  # nothing there, known from the count
        else:
            rows = list(self._rows(bottom, bottom + self.per_page + 1))
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return CappedPage(rows[: self.per_page], number, self, has_more=len(rows) > self.per_page)

    def _rows(self, bottom: int, top: int):
        """The rows from ``bottom`` to ``top``. Deep in a queryset, their ids are found first in a
        subquery, which an index can answer alone, and only those rows are read: an OFFSET of
        thousands of whole rows made PostgreSQL sort the table rather than walk the index."""
        if bottom < DEFERRED_JOIN_OFFSET or not hasattr(self.object_list, "query"):
            return self.object_list[bottom:top]
        ids = self.object_list.values("pk")[bottom:top]
        return self.object_list.filter(pk__in=ids)

    def get_page(self, number) -> CappedPage:
        """A page; past the last one, the last counted page (the first if there is none)."""
        try:
            number = self.validate_number(number)
        except PageNotAnInteger:
            number = 1
        except EmptyPage:
            number = self.num_pages
        try:
            return self.page(number)
        except EmptyPage:  # past the counted pages, the rows ran out: the last counted page
            return self.page(self.num_pages)
