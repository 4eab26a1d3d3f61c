from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from summits.paginators import CappedPaginator


class ArchivePagination(PageNumberPagination):
    """Pages of 25 by default; ``page_size`` up to 100 so a CSV export needs few requests.

    A ``page_size`` that is not a whole number from 1 up is an error (400) rather than silently
    replaced by the default; a larger one than 100 gives 100.

    ``count`` is exact up to 1000 and 1000 beyond (the paginator counts no further); ``next``
    is known from the row fetched after the page, so every page up to the 1000th is reachable.
    """

    django_paginator_class = CappedPaginator

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError({self.page_size_query_param: ["A whole number from 1 up."]})
        return min(size, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = f"Results per page: {self.page_size} unless given, at most 100."
        return parameters
