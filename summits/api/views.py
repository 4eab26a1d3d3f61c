"""The API's viewsets: what each client may see, prefetched so a page costs a fixed number of
queries whatever its size."""

from csp.decorators import csp_update
from django.db.models import Prefetch
from django.http import HttpResponse
from django.template import engines
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView
from rest_framework import mixins, viewsets
from rest_framework.renderers import JSONRenderer

from summits import selectors
from summits.models import Attendance, Country, Participant, Summit

from . import filters, serializers
from .permissions import IsStaffOrReadOnly, is_staff
from .query_params import KnownQueryParametersMixin
from .renderers import FlatCSVRenderer

SLUG_REGEX = r"[-a-zA-Z0-9_]+"


class CSVListMixin:
    """CSV (``?format=csv`` or ``Accept: text/csv``) as a second format for lists."""

    def get_renderers(self):
        renderers = super().get_renderers()
        # No action: a method the endpoint lacks, which must end in 405 rather than in a 404
        # for a format this route does not offer.
        if self.action in ("list", None):
            renderers.append(FlatCSVRenderer())
        return renderers

    def handle_exception(self, exc):
        # Errors are always JSON, as documented: a CSV of one "detail" cell helps nobody.
        response = super().handle_exception(exc)
        if isinstance(getattr(self.request, "accepted_renderer", None), FlatCSVRenderer):
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return response


class ArchiveViewSet(
    KnownQueryParametersMixin,
    CSVListMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet,
):
    """Read for everyone, create and update for staff; nothing is deleted through the API
    (editors reject items in the admin, which keeps them out of every public view)."""

    permission_classes = [IsStaffOrReadOnly]
    lookup_value_regex = SLUG_REGEX

    @property
    def staff(self) -> bool:
        return is_staff(self.request.user)


class SummitViewSet(ArchiveViewSet):
    """Summits: anonymous clients and non-staff users see published summits only."""

    lookup_field = "slug"
    filterset_class = filters.SummitFilter
    ordering_fields = ["start_date", "end_date", "title", "city", "created_at", "updated_at"]

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.summit_detail(unreviewed=self.staff, by_speaker=False)
        summits = Summit.objects.all() if self.staff else Summit.objects.published()
        return summits.select_related("country").defer("search_vector").prefetch_related("topics")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.SummitDetailSerializer
        return serializers.SummitSerializer


class ParticipantViewSet(ArchiveViewSet):
    """People: anonymous clients see those who attended at least one published summit, with
    only the published summits listed."""

    lookup_field = "slug"
    serializer_class = serializers.ParticipantSerializer
    filterset_class = filters.ParticipantFilter
    ordering_fields = ["name", "created_at", "updated_at"]

    def get_queryset(self):
        attendances = Attendance.objects.select_related("summit").defer("summit__search_vector")
        participants = Participant.objects.all()
        if not self.staff:
            attendances = attendances.filter(summit__status=Summit.Status.PUBLISHED)
            participants = selectors.public_participants()
        return participants.select_related("country").prefetch_related(
            "alias_set", Prefetch("attendances", queryset=attendances, to_attr="visible_attendances")
        )


class StatementViewSet(ArchiveViewSet):
    """Statements: staff see every one; other clients what readers see (approved, of published
    summits)."""

    serializer_class = serializers.StatementSerializer
    filterset_class = filters.StatementFilter
    ordering_fields = ["start", "created_at", "updated_at", "summit__start_date"]
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        statements = selectors.statements_with_sources() if self.staff else selectors.visible_statements()
        return selectors.with_further_sources(statements).order_by("summit", "start", "id")


class AgreementViewSet(ArchiveViewSet):
    """Agreements: staff see every one; other clients what readers see (approved, of published
    summits)."""

    serializer_class = serializers.AgreementSerializer
    filterset_class = filters.AgreementFilter
    ordering_fields = ["start", "topic", "created_at", "updated_at", "summit__start_date"]
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        agreements = selectors.agreements_with_sources() if self.staff else selectors.visible_agreements()
        return selectors.with_further_sources(agreements).order_by("summit", "start", "id")


class CountryViewSet(KnownQueryParametersMixin, CSVListMixin, viewsets.ReadOnlyModelViewSet):
    """ISO 3166-1 countries (seeded from pycountry, so read-only); the code in any case."""

    queryset = Country.objects.all()
    serializer_class = serializers.CountrySerializer
    filterset_class = filters.CountryFilter
    ordering_fields = ["name", "code"]
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z]{2}"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


# The stock Redoc page fetches its web fonts from Google; this one loads nothing from elsewhere,
# and has no inline style or script (the site's Content-Security-Policy allows neither).
REDOC_PAGE = """{% extends "drf_spectacular/redoc.html" %}{% load static %}
{% block head %}
<title>{{ title|default:"Redoc" }}</title>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="{% static 'img/favicon.svg' %}">
<link rel="stylesheet" href="{% static 'api-docs/redoc.css' %}">
{% endblock head %}
{% block body %}
<redoc spec-url="{{ schema_url }}"></redoc>
<script src="{{ redoc_standalone }}"></script>
{% endblock body %}"""


class LocalRedocView(SpectacularRedocView):
    """Redoc, with every file it needs served from this site (drf-spectacular-sidecar)."""

    # Redoc styles its elements with injected <style> elements and runs its search in a worker
    # made from a blob: this page alone allows both.
    @method_decorator(csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]}))
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        context = super().get(request, *args, **kwargs).data
        return HttpResponse(engines["django"].from_string(REDOC_PAGE).render(context, request))
