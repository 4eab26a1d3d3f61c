"""Public pages. Readers see published summits only and nothing an editor rejected.

Views are thin: what they show comes from ``selectors``; every related row is fetched up front
so that each page issues the same number of queries whatever the archive holds.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from . import chronology, citations, maps, public_cache, search, selectors, structured_data, summit_page
from .citation_views import CitableMixin
from .faceted_search import SearchFilters, facets
from .filters import SummitFilterSet
from .models import Country
from .paginators import CappedPaginator
from .query_errors import QueryErrorsMixin, page_number
from .templatetags.summits_tags import highlight_spans


class ArchivePageMixin(QueryErrorsMixin):
    """Published rows only, and a paginator for the lists a page holds; a page number that is not
    one gives a 400 page."""

    paginate_by = 20
    page_kwarg = "page"
    # counts at most a thousand rows: a list does not scan the whole archive to number its pages
    paginator_class = CappedPaginator

    def paginate(self, queryset, *, per_page=None, page_kwarg=None, **limits):
        """A page of ``queryset``; a page number out of range gives the nearest page."""
        paginator = CappedPaginator(queryset, per_page or self.paginate_by, **limits)
        return paginator.get_page(page_number(self.request, page_kwarg or self.page_kwarg))

    def paginate_queryset(self, queryset, page_size):
        page_number(self.request, self.page_kwarg)
        return super().paginate_queryset(queryset, page_size)


def world_map_html(key: str, compute, *, map_id: str, caption: str, hide_when_empty: bool = False) -> str:
    """The world map drawn once per state of the archive and ``key`` (a page and its filters),
    kept with the archive's counts (``public_cache.cached_data``): it is the same for every reader
    until an editor publishes, and drawing it was most of a list page's time."""

    def draw() -> str:
        world_map = compute()
        if hide_when_empty and not (world_map.hosts or world_map.unplaced):
            return ""
        return render_to_string(
            "includes/world_map.html", {"map": world_map, "map_id": map_id, "caption": caption}
        )

    return public_cache.cached_data("world-map:" + hashlib.sha256(key.encode()).hexdigest(), draw)


class HomeView(ArchivePageMixin, TemplateView):
    template_name = "summits/home.html"
    latest_count = 5

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            counts=public_cache.cached_data("archive-counts", selectors.archive_counts),
            latest_summits=selectors.summit_cards()[: self.latest_count],
            timeline=selectors.summit_timeline(),
            world_map=world_map_html(
                "home",
                lambda: maps.world_map(selectors.summit_map_rows(), hosts=selectors.summit_map_hosts()),
                map_id="home-map",
                caption="Published summits at their cities (the 200 busiest places); the countries that "
                "hosted them shaded by how many.",
            ),
            **kwargs,
        )


class SummitListView(ArchivePageMixin, ListView):
    template_name = "summits/summit_list.html"
    context_object_name = "summits"

    def get_queryset(self):
        self.filterset = SummitFilterSet(self.request.GET or None, queryset=selectors.summit_cards())
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filterset=self.filterset,
            world_map=world_map_html(
                "summit-list?" + self.filtered_by(),
                lambda: maps.world_map(
                    selectors.summit_map_rows(self.object_list),
                    hosts=selectors.summit_map_hosts(self.object_list),
                ),
                map_id="list-map",
                caption="Where these summits met (all pages; the 200 busiest places), the countries that "
                "hosted them shaded by how many.",
            ),
            **kwargs,
        )

    def filtered_by(self) -> str:
        """The list's filters as a query string in a set order, without the page (the map covers
        every page)."""
        return urlencode(
            sorted((k, v) for k, vs in self.request.GET.lists() if k != self.page_kwarg for v in vs)
        )

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.is_bound and not self.filterset.is_valid():
            response_kwargs.setdefault("status", 400)  # the form shows which values are wrong
        return super().render_to_response(context, **response_kwargs)


class SummitDetailView(CitableMixin, ArchivePageMixin, DetailView):
    template_name = "summits/summit_detail.html"
    context_object_name = "summit"

    def get_queryset(self):
        return selectors.summit_detail()

    def citable(self, url, accessed):
        return citations.for_summit(self.object, url=url, accessed=accessed)

    def get_context_data(self, **kwargs):
        summit = self.object
        context = self.citation_context()
        context["page_description"] = structured_data.description(summit)
        context["event"] = structured_data.summit_event(
            summit, url=context["citation_url"], absolute=self.request.build_absolute_uri
        )
        attendances = summit.attendances.all()
        context["participants"] = summit_page.participant_order(attendances)
        context["speaker_groups"] = summit_page.speaker_groups(summit.statements.all(), attendances)
        context["previous_meetings"] = chronology.previous_meetings(summit)
        return super().get_context_data(**context, **kwargs)


class SummitPreviewView(SummitDetailView):
    """A summit's page as readers will see it once published (approved items only), for editors.

    Anyone else gets a 404, as for any draft. A published summit has its public page already.
    """

    template_name = "summits/summit_preview.html"

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_staff and request.user.has_perm("summits.view_summit")):
            raise Http404("No such summit.")
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.summit_preview()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_published:
            return redirect(self.object)
        response = self.render_to_response(self.get_context_data(object=self.object))
        # an editor's view of unpublished work: no shared cache may keep it, no search engine index it
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
        return response


class ParticipantDetailView(ArchivePageMixin, DetailView):
    template_name = "summits/participant_detail.html"
    context_object_name = "participant"
    paginate_by = 50

    def get_queryset(self):
        return selectors.public_participants()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            merged_into = selectors.merged_participant(self.kwargs["slug"])
            if merged_into is None:
                raise
            return redirect(merged_into, permanent=True)

    def get_context_data(self, **kwargs):
        participant = self.object
        return super().get_context_data(
            statements_page=self.paginate(selectors.statements_by(participant)),
            timeline=chronology.participant_timeline(participant),
            met_most=chronology.met_most(participant),
            **kwargs,
        )


class CountryDetailView(ArchivePageMixin, DetailView):
    template_name = "summits/country_detail.html"
    context_object_name = "country"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        code = self.kwargs["code"]
        if code != code.lower():  # /countries/RU/ -> /countries/ru/, the one address of a country
            return redirect("summits:country-detail", code=code.lower(), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        if len(code) != 2:
            raise Http404("No such country.")
        return get_object_or_404(Country, code=code.upper())

    def get_context_data(self, **kwargs):
        country = self.object
        return super().get_context_data(
            hosted=self.paginate(selectors.summits_hosted_by(country), page_kwarg="hosted_page"),
            attended=self.paginate(selectors.summits_attended_by(country), page_kwarg="attended_page"),
            agreements=self.paginate(selectors.agreements_of(country), page_kwarg="agreements_page"),
            world_map=world_map_html(
                f"country:{country.code}",
                lambda: maps.world_map(
                    selectors.summit_map_rows(selectors.summits_hosted_by(country)), highlight=country.code
                ),
                map_id="country-map",
                caption=f"Where the summits hosted by {country.name} met.",
                hide_when_empty=True,
            ),
            timeline=chronology.country_timeline(country),
            **kwargs,
        )


class ArticleDetailView(ArchivePageMixin, DetailView):
    template_name = "summits/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return selectors.public_articles()

    def get_context_data(self, **kwargs):
        article = self.object
        statements, agreements = selectors.article_spans(article)
        return super().get_context_data(
            summits=selectors.published_summits().filter(articles=article),
            highlighted_text=highlight_spans(article.text, [*statements, *agreements]),
            span_count=len(statements) + len(agreements),
            **kwargs,
        )


class SearchView(ArchivePageMixin, TemplateView):
    template_name = "summits/search.html"
    others_count = 10
    articles_count = 5
    few_results = 3  # fewer than this and a misspelled name gets a "did you mean"

    def get_context_data(self, **kwargs):
        raw = self.request.GET.get("q", "")
        q = search.clean_query(raw)
        filters = SearchFilters.from_query(self.request.GET)
        context = {"q": raw[: search.MAX_QUERY_LENGTH], "searched": bool(q), "filters": filters}
        if q:
            summits = list(selectors.search_summits(q, filters)[: self.others_count + 1])
            agreements = list(selectors.search_agreements(q, filters)[: self.others_count + 1])
            articles = list(selectors.search_articles(q, filters)[: self.articles_count + 1])
            # ranked among the newest matches, which are as many as are counted
            statements_page = self.paginate(
                selectors.search_statements(q, filters),
                count_limit=settings.SEARCH_CANDIDATES,
                counted=selectors.statements_matching(q, filters),
            )
            found = statements_page.paginator.count + len(summits) + len(agreements) + len(articles)
            few = found < self.few_results
            context.update(
                statements_page=statements_page,
                summits=summits[: self.others_count],
                more_summits=len(summits) > self.others_count,
                agreements=agreements[: self.others_count],
                more_agreements=len(agreements) > self.others_count,
                articles=articles[: self.articles_count],
                more_articles=len(articles) > self.articles_count,
                facets=facets(q, filters, self.request.GET),
                suggestion=search.suggest_name(q, selectors.public_participants()) if few else None,
            )
        return super().get_context_data(**context, **kwargs)
