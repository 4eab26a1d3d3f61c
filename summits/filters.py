"""FilterSets for the public pages; every filter lives in the GET query string so a view can be
shared."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from . import selectors
from .models import Attendance, Country, Participant, Summit, Topic


class YearFilter(django_filters.NumberFilter):
    """A whole year the database can hold: year 0 or 10000 is a form error, not a server error
    (a year lookup turns the value into a date)."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=9999, **kwargs)


class SummitFilterSet(django_filters.FilterSet):
    """Published summits by year, country (host or attendee, ISO code), city (the map's places),
    participant (typed: the slug of their page), topic and kind."""

    year = YearFilter(
        field_name="start_date",
        lookup_expr="year",
        label="Year",
        widget=forms.NumberInput(attrs={"min": 1900, "max": 2100, "inputmode": "numeric"}),
    )
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.none(),
        to_field_name="code",
        method="filter_country",
        label="Country",
        empty_label="Any country",
    )
    city = django_filters.CharFilter(field_name="city", lookup_expr="iexact", label="City")
    # Typed, not chosen from a list: a list of every person was most of the page's weight.
    participant = django_filters.ModelChoiceFilter(
        queryset=Participant.objects.none(),
        to_field_name="slug",
        method="filter_participant",
        label="Participant",
        widget=forms.TextInput(
            attrs={"placeholder": "Address name, e.g. angela-merkel", "autocomplete": "off"}
        ),
        error_messages={
            "invalid_choice": "No participant has this address name (the end of their page’s address)."
        },
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.none(),
        to_field_name="slug",
        method="filter_topic",
        label="Topic",
        empty_label="Any topic",
    )
    kind = django_filters.ChoiceFilter(choices=Summit.Kind.choices, label="Kind", empty_label="Any kind")

    class Meta:
        model = Summit
        fields = ["year", "country", "city", "participant", "topic", "kind"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = data["country"].strip().upper()  # /summits/?country=ru works too
        if data is not None and data.get("participant"):
            data = data.copy()
            data["participant"] = data["participant"].strip().lower()
        super().__init__(data, *args, **kwargs)
        # Offer only what the public archive holds; each list is one query, evaluated once.
        self.filters["country"].queryset = selectors.countries_in_archive()
        self.filters["topic"].queryset = selectors.topics_in_archive()
        # resolves the one slug typed (a lookup by a unique key), never lists anyone
        self.filters["participant"].queryset = selectors.public_participants()

    def filter_country(self, queryset, name, value):
        attended = Attendance.objects.filter(summit=OuterRef("pk"), country=value)
        return queryset.filter(Q(country=value) | Q(Exists(attended)))

    def filter_participant(self, queryset, name, value):
        return queryset.filter(Exists(Attendance.objects.filter(summit=OuterRef("pk"), participant=value)))

    def filter_topic(self, queryset, name, value):
        return queryset.filter(
            Exists(Summit.topics.through.objects.filter(summit=OuterRef("pk"), topic=value))
        )
