"""Citing the archive: a statement's permanent page, and the citation downloads of any page that
has a citation (``?format=bibtex`` for a .bib file, ``?format=ris`` for a .ris file)."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView

from . import citations, selectors

# ?format= value: (function, content type, file extension)
DOWNLOADS = {
    "bibtex": (citations.bibtex, "text/plain; charset=utf-8", "bib"),
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8", "ris"),
}


def download(citable: citations.Citable, format_name: str) -> HttpResponse:
    """The citation as a file to save: ``format_name`` is a key of ``DOWNLOADS``."""
    write, content_type, extension = DOWNLOADS[format_name]
    response = HttpResponse(write(citable), content_type=content_type)
    filename = citations.bibtex_key(citable.key).replace(":", "-")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


class CitableMixin:
    """A detail page with a citation: ``citations`` (every format) and ``download_links`` in its
    context, and ``?format=bibtex``/``?format=ris`` answered with the file (another value: 404).

    Subclasses define ``citable(url, accessed)``, and ``permanent_path()`` where the page's address
    is not its object's ``get_absolute_url()``."""

    def citable(self, url: str, accessed) -> citations.Citable:
        raise NotImplementedError

    def permanent_path(self) -> str:
        return self.object.get_absolute_url()

    def get_citable(self) -> citations.Citable:
        url = self.request.build_absolute_uri(self.permanent_path())
        return self.citable(url, timezone.localdate())

    def get(self, request, *args, **kwargs):
        format_name = request.GET.get("format")
        if format_name is None:
            return super().get(request, *args, **kwargs)
        if format_name not in DOWNLOADS:
            raise Http404("No such citation format.")
        self.object = self.get_object()
        return download(self.get_citable(), format_name)

    def citation_context(self) -> dict:
        citable = self.get_citable()
        return {
            "citation_url": citable.url,
            "citations": citations.all_formats(citable),
            "download_links": [
                ("BibTeX (.bib)", "?format=bibtex"),
                ("RIS (.ris) for Zotero, EndNote, Mendeley", "?format=ris"),
            ],
        }


class StatementDetailView(CitableMixin, DetailView):
    """A statement's permanent address: what was said, by whom, at which summit, with a link to
    the sentence in its source and its citations. Only statements readers may see."""

    template_name = "summits/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        return selectors.statement_page()

    def permanent_path(self):
        return reverse("summits:statement-detail", kwargs={"pk": self.object.pk})

    def citable(self, url, accessed):
        return citations.for_statement(self.object, url=url, accessed=accessed)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.citation_context(), **kwargs)
