"""Reads for the chronologies: a person's or a country's summits year by year, the meetings of a
pair of countries or people, and whom a person met most. Each costs a fixed number of queries
whatever the archive holds; readers see published summits and approved agreements only."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import reverse

from . import selectors
from .models import Agreement, Attendance, Country, Participant, Summit

TIMELINE_LIMIT = 100  # summits a page lists year by year; the summit list, filtered, has them all
MET_MOST_LIMIT = 10
PREVIOUS_PAIRS_LIMIT = 10


# --- Timelines ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineYear:
    year: int | None  # None: summits whose date is not known
    summits: list[Summit]


@dataclass(frozen=True)
class Timeline:
    years: list[TimelineYear] = field(default_factory=list)
    more: bool = False  # there are more summits than the timeline shows

    @property
    def empty(self) -> bool:
        return not self.years


def timeline(summits: QuerySet[Summit], limit: int | None = None) -> Timeline:
    """``summits`` (newest first) grouped by year, at most ``limit`` (TIMELINE_LIMIT) of them:
    one query."""
    limit = limit or TIMELINE_LIMIT
    rows = list(summits[: limit + 1])
    years = [
        TimelineYear(year, list(group))
        for year, group in groupby(rows[:limit], key=lambda s: s.start_date.year if s.start_date else None)
    ]
    return Timeline(years, more=len(rows) > limit)


def attended_by(participant: Participant) -> Q:
    return Q(Exists(Attendance.objects.filter(summit=OuterRef("pk"), participant=participant)))


def attended_for(country: Country | str) -> Q:
    """Summits someone attended for this country (by the attendance's country)."""
    return Q(Exists(Attendance.objects.filter(summit=OuterRef("pk"), country=country)))


def participant_timeline(participant: Participant) -> Timeline:
    """A person's published summits by year, each with the ``role`` they had there."""
    role = Attendance.objects.filter(summit=OuterRef("pk"), participant=participant).values("role")[:1]
    summits = selectors.published_summits().filter(attended_by(participant)).annotate(role=Subquery(role))
    return timeline(summits)


def country_timeline(country: Country) -> Timeline:
    """The published summits a country hosted or attended, by year; ``hosted`` marks the former."""
    hosted = Q(country=country)
    summits = (
        selectors.published_summits()
        .filter(hosted | attended_for(country))
        .annotate(hosted=ExpressionWrapper(hosted, output_field=BooleanField()))
    )
    return timeline(summits)


# --- Pairs ----------------------------------------------------------------------------------------


def country_pair_summits(a: Country, b: Country) -> QuerySet[Summit]:
    """Published summits both countries attended, newest first, as cards."""
    return selectors.summit_cards().filter(attended_for(a), attended_for(b))


def country_pair_agreements(a: Country, b: Country) -> QuerySet[Agreement]:
    """Visible agreements of the summits both attended to which both are parties."""
    parties = Agreement.countries.through.objects
    return (
        selectors.visible_agreements()
        .filter(
            Exists(parties.filter(agreement=OuterRef("pk"), country=a)),
            Exists(parties.filter(agreement=OuterRef("pk"), country=b)),
            summit__in=Summit.objects.filter(attended_for(a), attended_for(b)).values("pk"),
        )
        .order_by(*selectors.NEWEST_SUMMIT_FIRST, "start", "id")
    )


def participant_pair_summits(a: Participant, b: Participant) -> QuerySet[Summit]:
    """Published summits both people attended, newest first, as cards."""
    return selectors.summit_cards().filter(attended_by(a), attended_by(b))


def participant_pair_agreements(a: Participant, b: Participant) -> QuerySet[Agreement]:
    """Visible agreements of the summits both people attended."""
    shared = Summit.objects.filter(attended_by(a), attended_by(b)).values("pk")
    return (
        selectors.visible_agreements()
        .filter(summit__in=shared)
        .order_by(*selectors.NEWEST_SUMMIT_FIRST, "start", "id")
    )


def country_pair_url(a: str, b: str) -> str:
    first, second = sorted([a.lower(), b.lower()])
    return reverse("summits:country-pair", kwargs={"a": first, "b": second})


def participant_pair_url(a: str, b: str) -> str:
    first, second = sorted([a, b])
    return reverse("summits:participant-pair", kwargs={"a": first, "b": second})


@dataclass(frozen=True)
class PreviousMeetings:
    """Another pair's meetings, for a summit's page: "Russia – Turkey: 3 other meetings"."""

    label: str
    count: int
    url: str


def previous_meetings(summit: Summit) -> list[PreviousMeetings]:
    """The pairs at this summit who met at other published summits: the two countries of a
    meeting of two, else each pair of participants (the most meetings first). One query at
    most; the summit's attendances must be prefetched (``selectors.summit_detail``)."""
    attendances = list(summit.attendances.all())
    countries = {a.country.code: a.country for a in attendances if a.country is not None}
    if len(countries) == 2:
        first, second = sorted(countries.values(), key=lambda c: c.name)
        others = (
            Summit.objects.published()
            .exclude(pk=summit.pk)
            .filter(attended_for(first), attended_for(second))
            .count()
        )
        if not others:
            return []
        return [
            PreviousMeetings(
                f"{first.name} – {second.name}", others, country_pair_url(first.code, second.code)
            )
        ]
    people = {a.participant_id: a.participant for a in attendances}
    if len(people) < 2:
        return []
    pairs = (
        Attendance.objects.filter(summit__status=Summit.Status.PUBLISHED, participant__in=people)
        .exclude(summit=summit)
        .filter(
            summit__attendances__participant__in=people, summit__attendances__participant__gt=F("participant")
        )
        .values_list("participant", "summit__attendances__participant")
        .annotate(meetings=Count("summit", distinct=True))
        .order_by("-meetings", "participant", "summit__attendances__participant")[:PREVIOUS_PAIRS_LIMIT]
    )
    found = []
    for a_id, b_id, meetings in pairs:
        a, b = sorted([people[a_id], people[b_id]], key=lambda p: p.name)
        found.append(PreviousMeetings(f"{a.name} – {b.name}", meetings, participant_pair_url(a.slug, b.slug)))
    return found


# --- Who met whom ---------------------------------------------------------------------------------


def met_most(participant: Participant, limit: int = MET_MOST_LIMIT) -> QuerySet[Participant]:
    """The people who attended the most published summits with this person, ``meetings`` the
    number they shared: one aggregate query."""
    shared = Attendance.objects.filter(participant=participant, summit__status=Summit.Status.PUBLISHED)
    return (
        Participant.objects.filter(attendances__summit__in=shared.values("summit"))
        .exclude(pk=participant.pk)
        .annotate(meetings=Count("attendances__summit", distinct=True))
        .order_by("-meetings", "name")[:limit]
    )
