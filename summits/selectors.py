"""Reads shared by the public pages and the API: what readers may see, with its related rows
fetched up front so that a page costs the same number of queries whatever the archive holds."""

import copy
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear, Substr

from . import search
from .faceted_search import SearchFilters
from .maps import Host, MapSummit
from .models import (
    Agreement,
    AgreementSource,
    Article,
    Attendance,
    Country,
    ImportJob,
    Participant,
    ParticipantMatch,
    ParticipantRedirect,
    ReviewStatus,
    Statement,
    StatementSource,
    Summit,
    Topic,
)

# Related rows ordered by their summit, newest first (undated summits last).
NEWEST_SUMMIT_FIRST = (F("summit__start_date").desc(nulls_last=True), "-summit__created_at")

# --- Summits --------------------------------------------------------------------------------------


def published_summits() -> QuerySet[Summit]:
    """Published summits, newest first, with their host country."""
    return Summit.objects.published().select_related("country").defer("search_vector").newest_first()


def attendances_with_people() -> QuerySet[Attendance]:
    return Attendance.objects.select_related("participant", "country", "organisation").order_by(
        "participant__name"
    )


def summit_cards() -> QuerySet[Summit]:
    """Published summits with what a summary card shows: participants and topics."""
    return published_summits().prefetch_related(
        Prefetch("attendances", queryset=attendances_with_people()),
        "topics",
    )


def statements_with_sources() -> QuerySet[Statement]:
    """Statements with speaker, summit and article (without its long text), whatever their review."""
    return Statement.objects.select_related("speaker", "summit", "summit__country", "article").defer(
        "search_vector", "summit__search_vector", "article__text"
    )


def agreements_with_sources() -> QuerySet[Agreement]:
    """Agreements with their parties, summit and article (without its text), whatever their review."""
    return (
        Agreement.objects.select_related("summit", "summit__country", "article")
        .defer("search_vector", "summit__search_vector", "article__text")
        .prefetch_related("countries", "organisations")
    )


# --- Sources: every report of a statement or an agreement ----------------------------------------

ARTICLE_TEXTS = ("article__text", "article__original", "article__search_vector")


# Enough of an article's text to name an article without a title by its first line (Article.__str__).
ARTICLE_OPENING = 300


def articles_named_without_text() -> QuerySet[Article]:
    """Articles without their text, but with the opening that names one without a title."""
    return Article.objects.defer("text").annotate(opening=Substr("text", 1, ARTICLE_OPENING))


def further_sources(model: type[Statement] | type[Agreement]) -> Prefetch:
    """The prefetch of an item's further sources (``Statement`` or ``Agreement``), each with its
    article (without its texts), in the order they were added: what ``ExtractedItem.reports`` reads."""
    source_model = StatementSource if model is Statement else AgreementSource
    sources = (
        source_model.objects.select_related("article").defer(*ARTICLE_TEXTS).order_by("created_at", "id")
    )
    return Prefetch("further_sources", queryset=sources)


def with_further_sources(items: QuerySet) -> QuerySet:
    """``items`` (statements or agreements) with their further sources prefetched."""
    return items.prefetch_related(further_sources(items.model))


def visible_statements() -> QuerySet[Statement]:
    """Statements readers may see: approved, of a published summit."""
    return statements_with_sources().visible()


def visible_agreements() -> QuerySet[Agreement]:
    """Agreements readers may see: approved, of a published summit."""
    return agreements_with_sources().visible()


def summit_detail(
    summits: QuerySet[Summit] | None = None, *, unreviewed: bool = False, by_speaker: bool = True
) -> QuerySet[Summit]:
    """Published summits (or ``summits``) with everything their page shows: the approved
    statements (grouped by speaker, or in the article's order) and agreements, each with its
    further sources, and the summit's articles. ``unreviewed``
    (for editors): every summit and every item."""
    statement_order = ("speaker__name", "speaker_label") if by_speaker else ("summit",)
    statements = (
        Statement.objects.select_related("speaker", "article")
        .defer("search_vector", "article__text")
        .prefetch_related(further_sources(Statement))
        .order_by(*statement_order, "start", "id")
    )
    agreements = (
        Agreement.objects.select_related("article")
        .defer("search_vector", "article__text")
        .prefetch_related("countries", "organisations", further_sources(Agreement))
        .order_by("start", "id")
    )
    if summits is None:
        summits = Summit.objects.select_related("country").defer("search_vector").newest_first()
        summits = summits if unreviewed else summits.published()
    if not unreviewed:
        statements, agreements = statements.approved(), agreements.approved()
    return summits.prefetch_related(
        Prefetch("attendances", queryset=attendances_with_people()),
        Prefetch("statements", queryset=statements),
        Prefetch("agreements", queryset=agreements),
        Prefetch("articles", queryset=articles_named_without_text().order_by("published", "id")),
        "topics",
    )


@dataclass(frozen=True)
class ArchiveCounts:
    summits: int
    participants: int
    statements: int
    agreements: int


def archive_counts() -> ArchiveCounts:
    """What the public archive holds (four counts, whatever its size)."""
    return ArchiveCounts(
        summits=Summit.objects.published().count(),
        participants=public_participants().count(),
        statements=Statement.objects.visible().count(),
        agreements=Agreement.objects.visible().count(),
    )


# --- Participants and countries -------------------------------------------------------------------


def public_participants() -> QuerySet[Participant]:
    """People who attended at least one published summit."""
    attended = Attendance.objects.filter(participant=OuterRef("pk"), summit__status=Summit.Status.PUBLISHED)
    return Participant.objects.filter(Exists(attended)).select_related("country")


def merged_participant(old_slug: str) -> Participant | None:
    """The person an old address now belongs to, after a merge (``None`` if there is none)."""
    redirect = ParticipantRedirect.objects.select_related("participant").filter(old_slug=old_slug).first()
    return redirect.participant if redirect else None


def statements_by(participant: Participant) -> QuerySet[Statement]:
    """Everything a person said at published summits, newest summit first."""
    return visible_statements().filter(speaker=participant).order_by(*NEWEST_SUMMIT_FIRST, "start", "id")


def summits_hosted_by(country: Country) -> QuerySet[Summit]:
    return summit_cards().filter(country=country)


def summits_attended_by(country: Country) -> QuerySet[Summit]:
    """Published summits someone attended for this country (by the attendance's country)."""
    attended = Attendance.objects.filter(summit=OuterRef("pk"), country=country)
    return summit_cards().filter(Exists(attended))


def agreements_of(country: Country) -> QuerySet[Agreement]:
    """Agreements this country is party to, newest summit first."""
    party = Agreement.countries.through.objects.filter(agreement=OuterRef("pk"), country=country)
    return visible_agreements().filter(Exists(party)).order_by(*NEWEST_SUMMIT_FIRST, "start", "id")


def countries_in_archive() -> QuerySet[Country]:
    """Countries that hosted or attended a published summit or are party to a visible agreement."""
    # Three IN subqueries, each one scan of an index; OR-ed EXISTS made PostgreSQL probe every
    # country against every attendance and agreement (0.9 s at 20,000 summits, under 0.1 s so).
    published = Summit.Status.PUBLISHED
    hosts = Summit.objects.filter(status=published, country__isnull=False).values("country_id")
    attendees = Attendance.objects.filter(summit__status=published, country__isnull=False).values(
        "country_id"
    )
    parties = Agreement.countries.through.objects.filter(
        agreement__in=Agreement.objects.visible().values("pk")
    ).values("country_id")
    return Country.objects.filter(Q(code__in=hosts) | Q(code__in=attendees) | Q(code__in=parties))


def topics_in_archive() -> QuerySet[Topic]:
    """Topics of at least one published summit."""
    return Topic.objects.filter(
        Exists(Summit.topics.through.objects.filter(topic=OuterRef("pk"), summit__status="published"))
    )


# --- Articles -------------------------------------------------------------------------------------


def public_articles() -> QuerySet[Article]:
    """Articles that a published summit was built from."""
    linked = Summit.articles.through.objects.filter(
        article=OuterRef("pk"), summit__status=Summit.Status.PUBLISHED
    )
    return Article.objects.filter(Exists(linked))


def article_items_for_editors(article: Article) -> list[Statement | Agreement]:
    """Every statement and agreement with offsets into this article, whatever its review status."""
    statements = Statement.objects.filter(article=article, start__isnull=False).select_related("speaker")
    agreements = Agreement.objects.filter(article=article, start__isnull=False)
    return [*statements.order_by("start", "id"), *agreements.order_by("start", "id")]


def article_spans(article: Article) -> tuple[list[Statement], list[Agreement]]:
    """The visible statements and agreements this article reports, at its offsets: those taken
    from it, and those it is a further source of (copies carrying that source's ``start`` and
    ``end``, so that ``highlight_spans`` marks them where this article gives them)."""
    statements = _reported_in(article, Statement, StatementSource, "statement").select_related(
        "summit", "speaker"
    )
    agreements = _reported_in(article, Agreement, AgreementSource, "agreement").select_related("summit")
    return _at_offsets_of(article, statements), _at_offsets_of(article, agreements)


def _reported_in(article: Article, model, source_model, field: str) -> QuerySet:
    """Visible ``model`` items taken from ``article`` with offsets, or that it is a further source
    of, annotated ``source_start``/``source_end`` (that further source's offsets, else None)."""
    # The items' keys first, from the two indexes on the article (a union, not an OR of two
    # conditions, which made the database test every visible item of the archive).
    taken = model.objects.filter(article=article, start__isnull=False).order_by().values("pk")
    reported = source_model.objects.filter(article=article).order_by().values(field)
    # one row at most: a further source is unique per item and article
    source = source_model.objects.filter(**{field: OuterRef("pk")}, article=article).order_by()
    return (
        model.objects.visible()
        .filter(pk__in=taken.union(reported))
        .defer("search_vector", "summit__search_vector")
        .annotate(
            source_start=Subquery(source.values("start")[:1]),
            source_end=Subquery(source.values("end")[:1]),
        )
        .order_by()  # in the article's order once placed (``_at_offsets_of``)
    )


def _at_offsets_of(article: Article, items: QuerySet) -> list:
    """``items`` in this article's text order; an item taken from another article comes as a
    copy at its further source's offsets (the row fetched stays as the database has it)."""
    placed = []
    for item in items:
        if item.article_id != article.pk or item.start is None:
            item = copy.copy(item)
            item.start, item.end = item.source_start, item.source_end
        placed.append(item)
    return sorted(placed, key=lambda item: (item.start is None, item.start or 0, item.pk))


# --- Search ---------------------------------------------------------------------------------------


# Each search is narrowed (by the search page's facets) before it is ranked: a search ranks the
# newest matches only (search.candidates), which must be the newest of the narrowed rows.


def search_statements(q: str, filters: SearchFilters | None = None) -> QuerySet[Statement]:
    statements = visible_statements()
    return search.search(filters.narrow_items(statements) if filters else statements, q)


def statements_matching(q: str, filters: SearchFilters | None = None) -> QuerySet[Statement]:
    """The statements ``search_statements`` ranks the newest of, unranked: what to count."""
    statements = visible_statements()
    return search.matching(filters.narrow_items(statements) if filters else statements, q)


def search_agreements(q: str, filters: SearchFilters | None = None) -> QuerySet[Agreement]:
    agreements = visible_agreements()
    return search.search(filters.narrow_items(agreements) if filters else agreements, q)


def search_summits(q: str, filters: SearchFilters | None = None) -> QuerySet[Summit]:
    summits = summit_cards()
    return search.search(filters.narrow(summits) if filters else summits, q)


def search_articles(q: str, filters: SearchFilters | None = None) -> QuerySet[Article]:
    """Public articles matching ``q``, best first, without their texts (``headline`` is an excerpt)."""
    articles = public_articles().defer("text", "original", "search_vector")
    return search.search(filters.narrow_articles(articles) if filters else articles, q)


# --- Editors --------------------------------------------------------------------------------------
# Reads for editors: drafts as well as published summits.


def _count(model, field: str, **filters) -> Coalesce:
    """How many ``model`` rows point at the outer row through ``field`` (a correlated subquery)."""
    rows = (
        model._default_manager.filter(**{field: OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def review_queue(limit: int = 15) -> QuerySet[Summit]:
    """Summits with items still to review, the most to review first (then the newest created),
    annotated ``pending_statements``, ``pending_agreements`` and ``pending``."""
    pending = ReviewStatus.PENDING
    return (
        Summit.objects.filter(
            Exists(Statement.objects.filter(summit=OuterRef("pk"), review_status=pending))
            | Exists(Agreement.objects.filter(summit=OuterRef("pk"), review_status=pending))
        )
        .defer("search_vector")
        .annotate(
            pending_statements=_count(Statement, "summit", review_status=pending),
            pending_agreements=_count(Agreement, "summit", review_status=pending),
            pending=F("pending_statements") + F("pending_agreements"),
        )
        .order_by("-pending", "-created_at", "-id")[:limit]
    )


def _articles_for_lists() -> QuerySet[Article]:
    """Articles without their texts (``opening``: the text's first characters, for a title-less
    one), with how many items were taken from each."""
    return Article.objects.defer("text", "original").annotate(
        opening=Substr("text", 1, 120),
        statement_count=_count(Statement, "article"),
        agreement_count=_count(Agreement, "article"),
    )


def newest_imports(limit: int = 10) -> QuerySet[Article]:
    return _articles_for_lists().order_by("-imported_at", "-id")[:limit]


def incomplete_articles(limit: int = 10) -> QuerySet[Article]:
    """Articles where part of the extraction failed (their items may be missing), newest first."""
    return _articles_for_lists().exclude(incomplete=[]).order_by("-imported_at", "-id")[:limit]


def open_participant_match_count() -> int:
    """How many proposals that two participants are one person await an editor."""
    return ParticipantMatch.objects.open().count()


def participant_matches_for_editors() -> QuerySet[ParticipantMatch]:
    """Proposed participant matches, open ones first, newest first, with both people's countries
    and how many summits each attended."""
    return (
        ParticipantMatch.objects.select_related("participant__country", "candidate__country")
        .annotate(
            open_first=Case(When(status=ParticipantMatch.Status.PROPOSED, then=0), default=1),
            participant_summit_count=_count_of_person("participant"),
            candidate_summit_count=_count_of_person("candidate"),
        )
        .order_by("open_first", "-created_at", "-id")
    )


def _count_of_person(field: str) -> Coalesce:
    """How many summits the match's ``field`` person attended."""
    rows = (
        Attendance.objects.filter(participant=OuterRef(field))
        .order_by()
        .values("participant")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def open_matches_of(participant: Participant) -> QuerySet[ParticipantMatch]:
    """The open proposals that name ``participant``, either way round."""
    return (
        ParticipantMatch.objects.open()
        .filter(Q(participant=participant) | Q(candidate=participant))
        .select_related("participant", "candidate")
    )


def import_jobs() -> QuerySet[ImportJob]:
    """Import jobs for a list: who asked, and the article and summit they imported, without the
    articles' texts (the job's label names it)."""
    return ImportJob.objects.select_related("requested_by", "article", "summit__country").defer(
        "text", "article__text", "article__original", "summit__search_vector"
    )


def summit_preview() -> QuerySet[Summit]:
    """Any summit, drafts included, as its page will show it once published: approved items only."""
    return summit_detail(Summit.objects.select_related("country").defer("search_vector"))


def article_extracted_items(article: Article) -> list[Statement | Agreement]:
    """Everything taken from this article, whatever its review status, in text order (items
    without offsets last)."""
    unwanted = ("search_vector", "summit__search_vector")
    statements = (
        Statement.objects.filter(article=article).select_related("speaker", "summit").defer(*unwanted)
    )
    agreements = Agreement.objects.filter(article=article).select_related("summit").defer(*unwanted)
    return sorted([*statements, *agreements], key=lambda item: (item.start is None, item.start or 0))


# --- Citing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """Published summits per year (dated ones only) and how many have no known date."""

    years: list[dict]
    undated: int


def summit_timeline() -> Timeline:
    """One entry per year from the first dated published summit to the last, empty years included
    (``{"year": 2017, "count": 3, "percent": 100}``, percent of the busiest year), and how many
    published summits have no start date: one query, the undated being the group whose year is null."""
    rows = (
        Summit.objects.published()
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(count=Count("id"))
        .order_by("year")
    )
    counts = {row["year"]: row["count"] for row in rows}
    undated = counts.pop(None, 0)
    if not counts:
        return Timeline(years=[], undated=undated)
    busiest = max(counts.values())
    years = [
        {"year": year, "count": counts.get(year, 0), "percent": round(100 * counts.get(year, 0) / busiest)}
        for year in range(min(counts), max(counts) + 1)
    ]
    return Timeline(years=years, undated=undated)


def statement_page() -> QuerySet[Statement]:
    """Statements readers may see, with what a statement's own page and citation show: every
    report of it (its further sources prefetched)."""
    return with_further_sources(visible_statements())


# --- The world map --------------------------------------------------------------------------------


MAP_PLACES = 200  # the busiest places a map shows; the shading of countries counts every summit


def summit_map_rows(summits: QuerySet[Summit] | None = None, limit: int = MAP_PLACES) -> list[MapSummit]:
    """What the world map shows of these summits (every published one by default): one row per
    place (city and host country) with how many summits met there, the ``limit`` busiest: one
    query, and as many rows on an archive of any size."""
    summits = published_summits() if summits is None else summits
    rows = (
        summits.prefetch_related(None)
        .order_by()
        .values("city", "country_id", "country__name")
        .annotate(count=Count("pk"), slug=Min("slug"), title=Min("title"))
        .order_by("-count", "country__name", "city")[:limit]
    )
    return [
        MapSummit(
            row["slug"], row["title"], row["city"], row["country_id"], row["country__name"], row["count"]
        )
        for row in rows
    ]


def summit_map_hosts(summits: QuerySet[Summit] | None = None) -> list[Host]:
    """How many of these summits (every published one by default) each country hosted: one query,
    a row per country."""
    summits = published_summits() if summits is None else summits
    rows = (
        summits.prefetch_related(None)
        .filter(country__isnull=False)
        .order_by()
        .values_list("country_id", "country__name")
        .annotate(count=Count("pk"))
    )
    return [Host(code, name, count) for code, name, count in rows]
