"""The search page's narrowing: facets with counts (year, host country, person, kind of meeting)
and a date range, all of them properties of the summit a result belongs to.

A facet counts the published summits with results: summits that match the query themselves, or
hold a matching statement or agreement that readers may see, or were built from a matching
article. Choosing a value narrows every section of the page to those summits; each facet costs
the same queries whatever the archive holds (two in all, see ``facets``).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.http import QueryDict

from . import search
from .models import Agreement, Article, Attendance, Statement, Summit

FILTER_PARAMS = ("year", "country", "person", "kind", "from", "to")
TOP_VALUES = 12


def summit_has_kind() -> bool:
    """Whether summits record a kind of meeting (a field another part of the archive adds)."""
    return any(f.name == "kind" for f in Summit._meta.fields)


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 1 <= number <= 9999 else None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def _slug(value: str | None, max_length: int) -> str | None:
    value = (value or "").strip()
    plain = value.replace("-", "").replace("_", "")
    return value if value and len(value) <= max_length and plain.isalnum() else None


@dataclass(frozen=True)
class SearchFilters:
    """What the reader narrowed the results to; a value that does not parse is ignored."""

    year: int | None = None
    country: str | None = None  # ISO code, capitals
    person: str | None = None  # a participant's slug
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def from_query(cls, params: QueryDict) -> "SearchFilters":
        country = _slug(params.get("country"), 2)
        return cls(
            year=_int(params.get("year")),
            country=country.upper() if country and len(country) == 2 else None,
            person=_slug(params.get("person"), 200),
            kind=_slug(params.get("kind"), 40) if summit_has_kind() else None,
            date_from=_date(params.get("from")),
            date_to=_date(params.get("to")),
        )

    def __bool__(self) -> bool:
        return any(getattr(self, name) is not None for name in self.__dataclass_fields__)

    def narrow(self, summits: QuerySet[Summit]) -> QuerySet[Summit]:
        """These summits, narrowed to what the reader chose. A date range keeps the summits that
        overlap it (undated ones go)."""
        if self.year is not None:
            summits = summits.filter(start_date__year=self.year)
        if self.country is not None:
            summits = summits.filter(country_id=self.country)
        if self.person is not None:
            summits = summits.filter(
                pk__in=Attendance.objects.filter(participant__slug=self.person).values("summit_id")
            )
        if self.kind is not None:
            summits = summits.filter(kind=self.kind)
        if self.date_from is not None or self.date_to is not None:
            summits = summits.alias(last_day=Coalesce("end_date", "start_date"))
        if self.date_from is not None:
            summits = summits.filter(last_day__gte=self.date_from)
        if self.date_to is not None:
            summits = summits.filter(start_date__lte=self.date_to)
        return summits

    def narrow_items(self, items: QuerySet) -> QuerySet:
        """Statements or agreements of the chosen summits."""
        if not self:
            return items
        return items.filter(summit_id__in=self.narrow(Summit.objects.all()).values("pk"))

    def narrow_articles(self, articles: QuerySet[Article]) -> QuerySet[Article]:
        """Articles some chosen published summit was built from."""
        if not self:
            return articles
        chosen = self.narrow(Summit.objects.published()).values("pk")
        links = Summit.articles.through.objects.filter(summit_id__in=chosen)
        return articles.filter(pk__in=links.values("article_id"))


def summits_with_results(q: str, filters: SearchFilters) -> QuerySet[Summit]:
    """Published summits, narrowed by ``filters``, that match ``q`` or hold a visible statement
    or agreement that does, or were built from an article that does: among the newest matches of
    each kind that the search ranks (``search.candidates``), so that the facets of a common word
    count as few rows as its results."""
    newest = search.newest_matches
    articles = newest(filters.narrow_articles(Article.objects.all()), q)
    hits = (
        Q(pk__in=newest(filters.narrow(Summit.objects.all()), q))
        | Q(pk__in=newest(filters.narrow_items(Statement.objects.visible()), q, "summit_id"))
        | Q(pk__in=newest(filters.narrow_items(Agreement.objects.visible()), q, "summit_id"))
        | Q(pk__in=Summit.articles.through.objects.filter(article_id__in=articles).values("summit_id"))
    )
    return filters.narrow(Summit.objects.published()).filter(hits)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str  # the page with this value chosen, or no longer chosen when it is


@dataclass
class Facets:
    years: list[FacetValue] = field(default_factory=list)
    countries: list[FacetValue] = field(default_factory=list)
    people: list[FacetValue] = field(default_factory=list)
    kinds: list[FacetValue] = field(default_factory=list)
    chosen: list["Chosen"] = field(default_factory=list)

    def groups(self) -> list[tuple[str, str, list[FacetValue]]]:
        """(parameter, heading, values) of every facet that has values."""
        named = [
            ("year", "Year", self.years),
            ("country", "Host country", self.countries),
            ("person", "Person", self.people),
            ("kind", "Kind of meeting", self.kinds),
        ]
        return [group for group in named if group[2]]


@dataclass(frozen=True)
class Chosen:
    """A narrowing the reader chose, with the link that undoes it."""

    heading: str
    label: str
    remove_url: str


def toggle_url(params: QueryDict, name: str, value: str, selected: bool) -> str:
    """The current query string with ``name`` set to ``value`` (or removed when it is selected),
    back on the first page."""
    query = params.copy()
    query.pop("page", None)
    if selected:
        query.pop(name, None)
    else:
        query[name] = value
    return "?" + query.urlencode()


def facets(q: str, filters: SearchFilters, params: QueryDict) -> Facets:
    """Counts of summits with results per year, host country, kind and person: two queries."""
    summits = summits_with_results(q, filters)
    has_kind = summit_has_kind()
    columns = ["year", "country_id", "country__name", *(["kind"] if has_kind else [])]
    rows = list(
        summits.annotate(year=ExtractYear("start_date")).values(*columns).annotate(n=Count("pk")).order_by()
    )
    people = list(
        Attendance.objects.filter(summit__in=summits)
        .values("participant__slug", "participant__name")
        .annotate(n=Count("summit_id", distinct=True))
        .order_by("-n", "participant__name")[:TOP_VALUES]
    )

    def facet_values(name, counts: dict[str, int], labels: dict[str, str], chosen, order) -> list[FacetValue]:
        chosen = None if chosen is None else str(chosen)
        ordered = sorted(counts, key=order)
        return [
            FacetValue(
                value=value,
                label=labels.get(value, value),
                count=counts[value],
                selected=value == chosen,
                url=toggle_url(params, name, value.lower() if name == "country" else value, value == chosen),
            )
            for value in ordered
        ]

    def tally(key: str, label_key: str | None = None) -> tuple[dict[str, int], dict[str, str]]:
        counts: dict[str, int] = {}
        labels: dict[str, str] = {}
        for row in rows:
            if row[key] in (None, ""):
                continue
            value = str(row[key])
            counts[value] = counts.get(value, 0) + row["n"]
            if label_key:
                labels[value] = row[label_key]
        return counts, labels

    year_counts, _ = tally("year")
    country_counts, country_names = tally("country_id", "country__name")
    result = Facets(
        years=facet_values("year", year_counts, {}, filters.year, lambda v: -int(v)),
        countries=facet_values(
            "country", country_counts, country_names, filters.country, lambda v: (-country_counts[v], v)
        )[:TOP_VALUES],
        people=[
            FacetValue(
                value=row["participant__slug"],
                label=row["participant__name"],
                count=row["n"],
                selected=row["participant__slug"] == filters.person,
                url=toggle_url(
                    params, "person", row["participant__slug"], row["participant__slug"] == filters.person
                ),
            )
            for row in people
        ],
    )
    kind_labels: dict[str, str] = {}
    if has_kind:
        kind_counts, _ = tally("kind")
        kind_labels = {str(k): str(v) for k, v in Summit._meta.get_field("kind").flatchoices}
        result.kinds = facet_values(
            "kind", kind_counts, kind_labels, filters.kind, lambda v: (-kind_counts[v], v)
        )
    person_names = {row["participant__slug"]: row["participant__name"] for row in people}
    chosen = [
        ("year", "Year", filters.year, {}),
        ("country", "Host country", filters.country, country_names),
        ("person", "Person", filters.person, person_names),
        ("kind", "Kind of meeting", filters.kind, kind_labels),
        ("from", "From", filters.date_from, {}),
        ("to", "To", filters.date_to, {}),
    ]
    result.chosen = [
        Chosen(heading, labels.get(str(value), str(value)), toggle_url(params, name, "", selected=True))
        for name, heading, value, labels in chosen
        if value is not None
    ]
    return result
