"""Query-string values a page cannot use: a 400 page that names them, never a server error."""

from django.core.exceptions import BadRequest
from django.shortcuts import render


class InvalidQuery(BadRequest):
    """Query parameters whose values a page cannot use, with a message for each."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(f"Invalid query parameters: {', '.join(errors)}")
        self.errors = errors


def page_number(request, name: str = "page") -> str | None:
    """The value of the page parameter ``name``: absent, a whole number from 1 up, or "last"."""
    value = request.GET.get(name)
    if value is None or value == "last" or (value.isascii() and value.isdigit() and int(value) >= 1):
        return value
    raise InvalidQuery({name: [f"“{value[:40]}” is not a page number: pages are numbered from 1."]})


class QueryErrorsMixin:
    """Answers an ``InvalidQuery`` raised while a view builds its page with a 400 page naming the
    parameters at fault and linking to the page without them."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except InvalidQuery as error:
            return bad_query_response(request, error)


def bad_query_response(request, error: InvalidQuery):
    return render(request, "summits/bad_query.html", {"errors": error.errors}, status=400)
