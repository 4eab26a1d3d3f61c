"""Pages of a pair: every published summit two countries or two people both attended, and what
was agreed there. A pair has one address, its two codes or slugs in alphabetical order; the
other order redirects there."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import TemplateView

from . import chronology
from .models import Country, Participant
from .views import ArchivePageMixin


class PairPageMixin(ArchivePageMixin):
    """Redirects to the canonical order, 404 for a pair that never met at a published summit."""

    pair_url_name = ""

    def canonical(self, a: str, b: str) -> tuple[str, str]:
        return a, b

    def get(self, request, *args, **kwargs):
        a, b = self.kwargs["a"], self.kwargs["b"]
        first, second = sorted(self.canonical(a, b))
        if first == second:
            raise Http404("A pair needs two different members.")
        if (a, b) != (first, second):
            return redirect(self.pair_url_name, a=first, b=second, permanent=True)
        self.pair = self.get_pair(first, second)
        context = self.get_context_data(**kwargs)
        if not context["summits"].paginator.count:
            raise Http404("They met at no published summit.")
        return self.render_to_response(context)


class CountryPairView(PairPageMixin, TemplateView):
    """ "Russia – Turkey": every published summit both attended, and the agreements between them."""

    template_name = "summits/country_pair.html"
    pair_url_name = "summits:country-pair"

    def canonical(self, a, b):
        return a.lower(), b.lower()

    def get_pair(self, first: str, second: str) -> tuple[Country, Country]:
        if len(first) != 2 or len(second) != 2:
            raise Http404("No such country.")
        countries = Country.objects.in_bulk([first.upper(), second.upper()])
        if len(countries) != 2:
            raise Http404("No such country.")
        return countries[first.upper()], countries[second.upper()]

    def get_context_data(self, **kwargs):
        a, b = self.pair
        return super().get_context_data(
            first=a,
            second=b,
            summits=self.paginate(chronology.country_pair_summits(a, b)),
            agreements=self.paginate(chronology.country_pair_agreements(a, b), page_kwarg="agreements_page"),
            **kwargs,
        )


class ParticipantPairView(PairPageMixin, TemplateView):
    """Two people: every published summit both attended, and what was agreed there."""

    template_name = "summits/participant_pair.html"
    pair_url_name = "summits:participant-pair"

    def get_pair(self, first: str, second: str) -> tuple[Participant, Participant]:
        people = {
            p.slug: p for p in Participant.objects.select_related("country").filter(slug__in=[first, second])
        }
        if len(people) != 2:
            raise Http404("No such participant.")
        return people[first], people[second]

    def get_context_data(self, **kwargs):
        a, b = self.pair
        return super().get_context_data(
            first=a,
            second=b,
            summits=self.paginate(chronology.participant_pair_summits(a, b)),
            agreements=self.paginate(
                chronology.participant_pair_agreements(a, b), page_kwarg="agreements_page"
            ),
            **kwargs,
        )
