"""Taking the data away: the public archive, or a filtered list of it, as CSV and JSON downloads,
and the page that says what the data is, how it is reviewed and under which licence."""

from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from . import exports, public_cache, selectors
from .filters import SummitFilterSet
from .query_errors import InvalidQuery, QueryErrorsMixin


def licence() -> dict[str, str]:
    return {"name": settings.SUMMITS_DATA_LICENCE, "url": settings.SUMMITS_DATA_LICENCE_URL}


class DataExportView(QueryErrorsMixin, View):
    """``/data/<kind>.<format>``: every summit, statement or agreement readers may see, or those
    of the summits the summit list's filters select (``?year=2017&country=ru``), streamed."""

    def get(self, request, kind: str, format: str):
        export = exports.EXPORTS[kind]
        content_type, write = exports.FORMATS[format]
        summits = None
        if request.GET:
            filterset = SummitFilterSet(request.GET, queryset=selectors.published_summits())
            if not filterset.is_valid():
                raise InvalidQuery({name: list(errors) for name, errors in filterset.errors.items()})
            summits = filterset.qs
        pieces = write(export, export.rows(summits, request.build_absolute_uri))
        if isinstance(request, ASGIRequest):
            pieces = exports.in_batches(pieces)
        response = StreamingHttpResponse(pieces, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="summit-archive-{kind}.{format}"'
        if settings.SUMMITS_DATA_LICENCE_URL:
            response["Link"] = f'<{settings.SUMMITS_DATA_LICENCE_URL}>; rel="license"'
        return response


def download_links(query: str = "") -> list[dict]:
    """The downloads of every kind in every format, each with ``query`` (filters) appended."""
    return [
        {
            "kind": kind,
            "format": format,
            "url": reverse("summits:data-export", kwargs={"kind": kind, "format": format})
            + (f"?{query}" if query else ""),
        }
        for kind in exports.EXPORTS
        for format in exports.FORMATS
    ]


class AboutDataView(TemplateView):
    template_name = "summits/about_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=public_cache.cached_data("archive-counts", selectors.archive_counts),
            licence=licence(),
            downloads=download_links(),
            columns={kind: export.columns for kind, export in exports.EXPORTS.items()},
            list_separator=exports.LIST_SEPARATOR,
            **kwargs,
        )
