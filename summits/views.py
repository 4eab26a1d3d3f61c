"""Public pages. Readers see published summits only and nothing an editor rejected."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from .models import Article, Country, Participant, Summit


class HomeView(TemplateView):
    template_name = "summits/home.html"


class SummitListView(ListView):
    paginate_by = 20

    def get_queryset(self):
        return Summit.objects.published().select_related("country")


class SummitDetailView(DetailView):
    def get_queryset(self):
        return Summit.objects.published().select_related("country")


class ParticipantDetailView(DetailView):
    model = Participant


class CountryDetailView(DetailView):
    model = Country

    def get_object(self, queryset=None):
        return get_object_or_404(Country, code=self.kwargs["code"].upper())


class ArticleDetailView(DetailView):
    def get_queryset(self):
        return Article.objects.filter(summits__status=Summit.Status.PUBLISHED).distinct()


class SearchView(TemplateView):
    template_name = "summits/search.html"
