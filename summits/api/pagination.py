from rest_framework.pagination import PageNumberPagination


class ArchivePagination(PageNumberPagination):
    """Pages of 25 by default; ``page_size`` up to 100 so a CSV export needs few requests."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
