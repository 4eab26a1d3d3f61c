"""One explicit FilterSet per resource: only these query parameters filter, nothing open-ended."""

import django_filters
from django import forms
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from summits.models import Agreement, Country, Participant, ReviewStatus, Statement, Summit
from summits.search import search


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 9999})
class YearFilter(django_filters.NumberFilter):
    """A year the database can hold (year 0 would be a server error, not an empty result)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=9999, **kwargs)


def bounded_char_filter(max_length: int) -> type[django_filters.CharFilter]:
    """A CharFilter that refuses longer values, with the bound in the schema too."""

    @extend_schema_field({"type": "string", "maxLength": max_length})
    class BoundedCharFilter(django_filters.CharFilter):
        def __init__(self, **kwargs):
            super().__init__(max_length=max_length, **kwargs)

    return BoundedCharFilter


class CountryCodeFilter(bounded_char_filter(2)):
    """An ISO 3166-1 alpha-2 code, in either case."""

    def filter(self, qs, value):
        return super().filter(qs, value.upper() if value else value)


class SummitFilter(django_filters.FilterSet):
    start_date = django_filters.DateFromToRangeFilter(
        help_text="Summits that started on or after start_date_after and on or before start_date_before."
    )
    year = YearFilter(field_name="start_date", lookup_expr="year", help_text="The year the summit started.")
    country = CountryCodeFilter(field_name="country_id", help_text="ISO code of the host country.")
    participant = django_filters.CharFilter(
        field_name="attendances__participant__slug", help_text="Slug of a participant who attended."
    )
    topic = django_filters.CharFilter(field_name="topics__slug", help_text="Slug of a topic.")
    status = django_filters.ChoiceFilter(
        choices=Summit.Status.choices, help_text="Only staff see drafts; others see published summits only."
    )
    kind = django_filters.ChoiceFilter(choices=Summit.Kind.choices, help_text="The kind of meeting.")

    class Meta:
        model = Summit
        fields = ["start_date", "year", "country", "participant", "topic", "status", "kind"]


class ParticipantFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", help_text="Part of the person's name.")
    country = CountryCodeFilter(field_name="country_id", help_text="ISO code of the person's country.")
    summit = django_filters.CharFilter(
        field_name="attendances__summit__slug", help_text="Slug of a summit the person attended."
    )

    class Meta:
        model = Participant
        fields = ["name", "country", "summit"]


class StatementFilter(django_filters.FilterSet):
    speaker = django_filters.CharFilter(field_name="speaker__slug", help_text="Slug of the speaker.")
    summit = django_filters.CharFilter(field_name="summit__slug", help_text="Slug of the summit.")
    kind = django_filters.ChoiceFilter(choices=Statement.Kind.choices)
    review_status = django_filters.ChoiceFilter(choices=ReviewStatus.choices)
    search = bounded_char_filter(200)(
        method="filter_search",
        help_text="Full-text search of what was said and who said it (web-search syntax: "
        '"exact phrase", or, -word); results best match first unless `ordering` is given.',
    )

    class Meta:
        model = Statement
        fields = ["speaker", "summit", "kind", "review_status", "search"]

    def filter_search(self, queryset, name, value):
        return search(queryset, value)


class AgreementFilter(django_filters.FilterSet):
    party = bounded_char_filter(20)(
        method="filter_party",
        help_text="A party: an ISO country code (TR) or an organisation's short name (EU).",
    )
    topic = django_filters.CharFilter(lookup_expr="icontains", help_text="Part of the agreement's topic.")
    summit = django_filters.CharFilter(field_name="summit__slug", help_text="Slug of the summit.")
    status = django_filters.ChoiceFilter(choices=Agreement.Status.choices)
    review_status = django_filters.ChoiceFilter(choices=ReviewStatus.choices)

    class Meta:
        model = Agreement
        fields = ["party", "topic", "summit", "status", "review_status"]

    def filter_party(self, queryset, name, value):
        # Subqueries rather than joins: an OR across two many-to-many joins repeats rows.
        by_country = Agreement.countries.through.objects.filter(country_id=value.upper())
        by_organisation = Agreement.organisations.through.objects.filter(
            organisation__short_name__iexact=value
        )
        return queryset.filter(
            Q(pk__in=by_country.values("agreement_id")) | Q(pk__in=by_organisation.values("agreement_id"))
        )


class CountryFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", help_text="Part of the country's name.")
    code = bounded_char_filter(3)(
        method="filter_code", help_text="ISO alpha-2 code (alpha-3 also matches), any case."
    )

    class Meta:
        model = Country
        fields = ["name", "code"]

    def filter_code(self, queryset, name, value):
        return queryset.filter(Q(code__iexact=value) | Q(alpha3__iexact=value))
