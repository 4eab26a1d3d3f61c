"""Only the query parameters an endpoint knows: any other is a 400 that names it, rather than a
filter the client believes applied and the API silently ignored (``?search=`` on agreements)."""

from django_filters.rest_framework import DjangoFilterBackend
from django_filters.widgets import SuffixedMultiWidget
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.filters import SearchFilter
from rest_framework.settings import api_settings


class UnknownQueryParameters(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "unknown_query_parameters"

    def __init__(self, unknown: list[str], allowed: list[str]):
        super().__init__({"detail": f"Unknown query parameters: {', '.join(unknown)}", "allowed": allowed})


def filterset_parameters(filterset_class) -> set[str]:
    """The query parameters of a FilterSet: a range filter's are ``name_after``/``name_before``."""
    names = set()
    for name, filter_ in filterset_class.base_filters.items():
        widget = filter_.field.widget
        if isinstance(widget, SuffixedMultiWidget):
            names.update(widget.suffixed(name, suffix) for suffix in widget.suffixes)
        else:
            names.add(name)
    return names


def allowed_query_parameters(view) -> set[str]:
    """``format`` everywhere; on lists also the filters, ordering and pagination parameters of
    the view's filter backends and paginator (search only where a SearchFilter has fields)."""
    allowed = {api_settings.URL_FORMAT_OVERRIDE} - {None}
    if getattr(view, "action", None) != "list":
        return allowed
    for backend_class in view.filter_backends:
        backend = backend_class()
        if isinstance(backend, DjangoFilterBackend):
            filterset_class = backend.get_filterset_class(view)
            if filterset_class is not None:
                allowed |= filterset_parameters(filterset_class)
        elif isinstance(backend, SearchFilter) and not getattr(view, "search_fields", None):
            continue
        else:
            allowed |= {parameter["name"] for parameter in backend.get_schema_operation_parameters(view)}
    if view.paginator is not None:
        allowed |= {parameter["name"] for parameter in view.paginator.get_schema_operation_parameters(view)}
    return allowed


class KnownQueryParametersMixin:
    """Refuses a request with a query parameter the endpoint does not know (400, JSON)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if getattr(self, "action", "") is None:
            return  # a method this route lacks: its 405 says more than its parameters could
        allowed = allowed_query_parameters(self)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            raise UnknownQueryParameters(unknown, sorted(allowed))
