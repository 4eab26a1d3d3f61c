"""The capped paginator: counts no further than its limit, knows the next page from one row more."""

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connection
from django.test.utils import CaptureQueriesContext

from summits.models import Country
from summits.paginators import CappedPaginator

pytestmark = pytest.mark.django_db


def countries():
    return Country.objects.order_by("code")


def test_a_short_list_is_counted_exactly():
    total = countries().count()
    paginator = CappedPaginator(countries(), 10, count_limit=total)
    assert paginator.count == total and paginator.count_is_exact
    assert paginator.num_pages == -(-total // 10)


def test_a_long_list_is_counted_up_to_the_limit_in_a_limited_subquery():
    paginator = CappedPaginator(countries(), 10, count_limit=25)
    with CaptureQueriesContext(connection) as queries:
        assert paginator.count == 25
    assert not paginator.count_is_exact
    assert paginator.num_pages == 3
    (count,) = queries.captured_queries
    assert "COUNT(" in count["sql"] and "LIMIT 26" in count["sql"]


def test_pages_know_their_neighbours_from_one_row_more():
    codes = list(countries().values_list("code", flat=True))
    paginator = CappedPaginator(countries(), 10, count_limit=25)
    first = paginator.page(1)
    assert [c.code for c in first] == codes[:10]
    assert first.has_next() and not first.has_previous()
    assert (first.start_index(), first.end_index()) == (1, 10)
    assert first.count_is_capped
    # past the counted pages the rows are still there, reached by OFFSET
    fifth = paginator.page(5)
    assert [c.code for c in fifth] == codes[40:50]
    assert fifth.has_next() and fifth.has_previous() and fifth.previous_page_number() == 4


def test_the_last_page_has_no_next_page():
    codes = list(countries().values_list("code", flat=True))
    last_number = -(-len(codes) // 10)
    paginator = CappedPaginator(countries(), 10, count_limit=25)
    last = paginator.page(last_number)
    assert [c.code for c in last] == codes[(last_number - 1) * 10 :]
    assert not last.has_next()
    assert last.end_index() == len(codes)
    with pytest.raises(EmptyPage):
        paginator.page(last_number + 1)


def test_out_of_range_and_invalid_page_numbers():
    paginator = CappedPaginator(countries(), 10, count_limit=25, max_pages=4)
    with pytest.raises(EmptyPage):
        paginator.page(0)
    with pytest.raises(EmptyPage):
        paginator.page(5)  # deeper than max_pages, whatever the list holds
    with pytest.raises(PageNotAnInteger):
        paginator.page("two")
    assert not paginator.page(4).has_next()  # the deepest page served links no further
    assert paginator.get_page("two").number == 1
    assert paginator.get_page(99).number == 3  # the last counted page


def test_an_exact_count_bounds_the_pages():
    paginator = CappedPaginator(countries()[:15], 10)
    assert paginator.count == 15 and paginator.count_is_exact
    assert not paginator.page(2).has_next()
    assert paginator.get_page(7).number == 2
    with pytest.raises(EmptyPage):
        paginator.page(3)


def test_an_empty_list_has_one_empty_page():
    paginator = CappedPaginator(Country.objects.none(), 10)
    page = paginator.get_page(1)
    assert list(page) == [] and not page.has_next() and paginator.count == 0


def test_other_rows_can_be_counted():
    paginator = CappedPaginator(countries()[:3], 10, count_limit=25, counted=countries())
    assert paginator.count == 25 and not paginator.count_is_exact
    assert len(paginator.page(1)) == 3


def test_plain_lists_too():
    paginator = CappedPaginator(list(range(30)), 10, count_limit=20)
    assert paginator.count == 20 and not paginator.count_is_exact
    assert list(paginator.page(3)) == list(range(20, 30))
    assert not paginator.page(3).has_next()


def test_deep_pages_read_their_ids_first_and_the_same_rows(monkeypatch):
    codes = list(countries().values_list("code", flat=True))
    monkeypatch.setattr("summits.paginators.DEFERRED_JOIN_OFFSET", 10)
    paginator = CappedPaginator(countries(), 10, count_limit=25)
    with CaptureQueriesContext(connection) as queries:
        third = paginator.page(3)
    assert [c.code for c in third] == codes[20:30] and third.has_next()
    assert "IN (SELECT" in queries.captured_queries[-1]["sql"]
