"""Full-text search over summits, statements, agreements and the articles they came from.

One query language on both databases (``parse_query``): words match stemmed, accent-folded and
as prefixes ("weapon" finds "weapons", "Erdogan" finds "Erdoğan" and back, "erdo" finds both);
"quoted words" match only as that phrase; ``or`` between two words accepts either; ``-word``
leaves out what holds it. The user's query is never handed to a database parser: it is cut into
words (letters and digits only) and the query is rebuilt from them, so no input can fail.

- PostgreSQL: each summit, statement, agreement and article keeps a weighted ``search_vector``
  (GIN index, migrations 0003 and 0011) refreshed after commit, under a row lock (see
  ``_refresh_vectors``). Documents and queries both go
  through the ``summits_english`` text search configuration (migration 0007): ``unaccent``, then
  English stemming. Ranked by ``SearchRank``, highlighted by ``SearchHeadline``.
- Both: a search ranks at most ``settings.SEARCH_CANDIDATES`` matches, the newest (highest
  pk) first, so that a word found in one statement in nine costs what a rare word costs.
- SQLite: one FTS5 table per kind (``summits_<model>_fts``, migration 0007; rowid = the row's
  pk; tokenizer ``porter unicode61 remove_diacritics 2``), refreshed after commit the same way,
  ranked by ``bm25`` with the same column weights, highlighted by ``highlight``/``snippet``.
  Rows of deleted items linger there until ``rebuild_search_index``; they match nothing, since
  ids are never reused.

Writes that bypass ``save()`` (``bulk_create``, ``update``) must call ``refresh_search_index``.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection, models, transaction
from django.db.models import Expression, F, FloatField, Func, OuterRef, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Agreement, Article, Country, Participant, ParticipantAlias, Statement, Summit, Topic

# English stemming after unaccent (migration 0007); "english" before it.
CONFIG = "summits_english"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# A word this long or longer also matches as the start of longer words ("weap" finds "weapons").
MIN_PREFIX_LENGTH = 3

# Markers the databases put around the matching words; the text is escaped before they become <mark>.
START_SEL = "\x02"
STOP_SEL = "\x03"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A quoted phrase (the closing quote may be missing) or a run of anything but spaces and quotes.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+?)(?=\s|"|$)')


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def is_sqlite() -> bool:
    return connection.vendor == "sqlite"


# --- Indexing: PostgreSQL -------------------------------------------------------------------------


def _summit_vector():
    country_name = Subquery(Country.objects.filter(pk=OuterRef("country_id")).values("name")[:1])
    topic_names = Subquery(
        Topic.objects.filter(summits=OuterRef("pk"))
        .order_by()
        .values("summits")
        .annotate(names=StringAgg("name", " "))
        .values("names")[:1]
    )
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("city", country_name, weight="B", config=CONFIG)
        + SearchVector(topic_names, weight="C", config=CONFIG)
    )


def _statement_vector():
    speaker_name = Subquery(Participant.objects.filter(pk=OuterRef("speaker_id")).values("name")[:1])
    return SearchVector("text", weight="A", config=CONFIG) + SearchVector(
        speaker_name, "speaker_label", weight="B", config=CONFIG
    )


def _agreement_vector():
    return SearchVector("text", "topic", weight="A", config=CONFIG) + SearchVector(
        "exceptions", weight="B", config=CONFIG
    )


def article_vector():
    """An article's weighted vector, stored in ``Article.search_vector`` (migration 0011)."""
    return SearchVector("title", weight="A", config=CONFIG) + SearchVector("text", weight="B", config=CONFIG)


VECTORS = {
    Summit: _summit_vector,
    Statement: _statement_vector,
    Agreement: _agreement_vector,
    Article: article_vector,
}


# --- Indexing: SQLite FTS5 ------------------------------------------------------------------------


@dataclass(frozen=True)
class FtsTable:
    """An FTS5 table of one model: rowid is the row's pk, one column per weight of its document."""

    name: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]  # bm25 weights, in the ratio of PostgreSQL's A, B and C
    snippet_column: int
    whole_text: bool  # highlight the whole column (short texts), else cut a snippet out of it

    def create_sql(self) -> str:
        columns = ", ".join(self.columns)
        tokenizer = "porter unicode61 remove_diacritics 2"
        return f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.name} USING fts5({columns}, tokenize='{tokenizer}')"

    def rank_sql(self) -> str:
        # bm25 is lower for better matches; negated so that, as on PostgreSQL, higher is better
        return f"-bm25({self.name}, {', '.join(str(w) for w in self.weights)})"

    def headline_sql(self) -> str:
        if self.whole_text:
            return f"highlight({self.name}, {self.snippet_column}, %s, %s)"
        return f"snippet({self.name}, {self.snippet_column}, %s, %s, '…', 32)"


FTS_TABLES = {
    Summit: FtsTable("summits_summit_fts", ("title", "place", "topics"), (10, 4, 2), 0, True),
    Statement: FtsTable("summits_statement_fts", ("text", "speaker"), (10, 4), 0, True),
    Agreement: FtsTable("summits_agreement_fts", ("text", "topic", "exceptions"), (10, 10, 4), 0, True),
    Article: FtsTable("summits_article_fts", ("title", "text"), (10, 4), 1, False),
}


def _summit_documents(rows: models.QuerySet) -> Iterator[tuple]:
    rows = rows.select_related("country").only("title", "city", "country__name").prefetch_related("topics")
    for summit in rows.iterator(chunk_size=500):
        country = summit.country.name if summit.country else ""
        place = " ".join(part for part in (summit.city, country) if part)
        yield summit.pk, summit.title, place, " ".join(topic.name for topic in summit.topics.all())


def _statement_documents(rows: models.QuerySet) -> Iterator[tuple]:
    for pk, text, name, label in rows.values_list("pk", "text", "speaker__name", "speaker_label").iterator():
        yield pk, text, " ".join(part for part in (name, label) if part)


def _agreement_documents(rows: models.QuerySet) -> Iterator[tuple]:
    yield from rows.values_list("pk", "text", "topic", "exceptions").iterator()


def _article_documents(rows: models.QuerySet) -> Iterator[tuple]:
    yield from rows.values_list("pk", "title", "text").iterator()


FTS_DOCUMENTS = {
    Summit: _summit_documents,
    Statement: _statement_documents,
    Agreement: _agreement_documents,
    Article: _article_documents,
}
_CHUNK = 500


def _chunks(values: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def write_fts_rows(model: type[models.Model], pks: Iterable[int] | None = None) -> None:
    """Rewrite the FTS5 rows of these rows of ``model`` (of all of them when ``pks`` is None)."""
    table = FTS_TABLES[model]
    placeholders = ", ".join(["%s"] * (len(table.columns) + 1))
    insert = f"INSERT INTO {table.name}(rowid, {', '.join(table.columns)}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        if pks is None:
            cursor.execute(f"DELETE FROM {table.name}")
            cursor.executemany(insert, FTS_DOCUMENTS[model](model.objects.order_by("pk")))
            return
        for chunk in _chunks(sorted(set(pks))):
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table.name} WHERE rowid IN ({placeholders})", chunk)
            cursor.executemany(insert, FTS_DOCUMENTS[model](model.objects.filter(pk__in=chunk)))


# --- Indexing: both -------------------------------------------------------------------------------


def update_search_vectors(model: type[models.Model], pks: Iterable[int]) -> int:
    """Reindex these rows now (their vector on PostgreSQL, their FTS5 rows on SQLite).

    ``QuerySet.update`` sends no signal and writes no history row, so this never loops.
    """
    pks = list(pks)
    if not pks:
        return 0
    if is_sqlite():
        write_fts_rows(model, pks)
        return len(pks)
    if not is_postgresql() or model not in VECTORS:
        return 0
    return _refresh_vectors(model.objects.filter(pk__in=pks), VECTORS[model]())


def _refresh_vectors(rows: models.QuerySet, vector) -> int:
    """Recompute the vector of ``rows`` under a lock on them.

    A single UPDATE reads the speaker's name or the country's in the snapshot it started with,
    even when it had to wait for another transaction's lock on the same rows: it would then
    write a vector of data older than what that transaction committed. Locking the rows first
    makes the UPDATE start once the lock is granted, in a snapshot that holds every write
    committed before it (locked in pk order, so that two refreshes cannot deadlock).
    """
    with transaction.atomic():
        pks = list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))
        if not pks:
            return 0
        return rows.model.objects.filter(pk__in=pks).update(search_vector=vector)


def update_summit_search_vectors(summit_ids: Iterable[int]) -> None:
    """Reindex these summits and all their statements and agreements."""
    summit_ids = list(summit_ids)
    if not summit_ids:
        return
    if is_sqlite():
        write_fts_rows(Summit, summit_ids)
        for model in (Statement, Agreement):
            write_fts_rows(model, model.objects.filter(summit_id__in=summit_ids).values_list("pk", flat=True))
        return
    if not is_postgresql():
        return
    with transaction.atomic():
        _refresh_vectors(Summit.objects.filter(pk__in=summit_ids), _summit_vector())
        _refresh_vectors(Statement.objects.filter(summit_id__in=summit_ids), _statement_vector())
        _refresh_vectors(Agreement.objects.filter(summit_id__in=summit_ids), _agreement_vector())


def refresh_search_index(
    *,
    summit_ids: Iterable[int] = (),
    statement_ids: Iterable[int] = (),
    agreement_ids: Iterable[int] = (),
    speaker_ids: Iterable[int] = (),
    article_ids: Iterable[int] = (),
    include_items: bool = True,
) -> None:
    """Reindex once the current transaction commits (at once outside one).

    The import service calls ``refresh_search_index(summit_ids=[summit.pk])`` after its
    ``bulk_create``s: that covers the summit and every statement and agreement it holds
    (``include_items=False`` refreshes the summits alone). ``speaker_ids`` refreshes the
    statements of these participants (their name is in the document); ``article_ids`` these
    articles.
    """
    if not (is_postgresql() or is_sqlite()):
        return
    summit_ids, statement_ids = list(summit_ids), list(statement_ids)
    agreement_ids, speaker_ids = list(agreement_ids), list(speaker_ids)
    article_ids = list(article_ids)
    if summit_ids:
        if include_items:
            transaction.on_commit(partial(update_summit_search_vectors, summit_ids))
        else:
            transaction.on_commit(partial(update_search_vectors, Summit, summit_ids))
    if statement_ids:
        transaction.on_commit(partial(update_search_vectors, Statement, statement_ids))
    if agreement_ids:
        transaction.on_commit(partial(update_search_vectors, Agreement, agreement_ids))
    if speaker_ids:
        transaction.on_commit(partial(_update_speaker_statements, speaker_ids))
    if article_ids:
        transaction.on_commit(partial(update_search_vectors, Article, article_ids))


def _update_speaker_statements(speaker_ids: list[int]) -> None:
    statements = Statement.objects.filter(speaker_id__in=speaker_ids)
    if is_sqlite():
        write_fts_rows(Statement, statements.values_list("pk", flat=True))
    else:
        _refresh_vectors(statements, _statement_vector())


def rebuild_search_index() -> None:
    """Reindex everything (after a change of weights or of configuration, or a restore)."""
    if is_sqlite():
        for model in FTS_TABLES:
            write_fts_rows(model)
    elif is_postgresql():
        for model, vector in VECTORS.items():
            model.objects.update(search_vector=vector())


# --- Queries --------------------------------------------------------------------------------------


def clean_query(q: str | None) -> str:
    """The query as we are willing to run it: no control characters, bounded length.

    Returns "" when there is nothing to search for (empty, only punctuation).
    """
    if not q:
        return ""
    q = _CONTROL_CHARS.sub(" ", str(q))[:MAX_QUERY_LENGTH]
    q = " ".join(q.split())
    return q if _WORD.search(q) else ""


@dataclass(frozen=True)
class Term:
    """Words to find together: a quoted phrase (in this order, whole words), or one word typed
    bare (``prefix``: it may also start a longer word)."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """Every group must match (a group matches when one of its terms does); no excluded term may."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    def words(self) -> list[str]:
        return [word for group in self.groups for term in group for word in term.words]


def parse_query(q: str | None) -> ParsedQuery:
    """The query the way a web search engine reads it.

    ``weapon "state of the union" russia or turkey -syria`` is: weapon (or a word it starts),
    and the phrase, and russia or turkey, and not syria. A hyphenated word is a phrase of its
    parts ("counter-terrorism"); punctuation is ignored; a bare ``and`` is the default anyway.
    """
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    count = 0
    for match in _TOKEN.finditer(clean_query(q)):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            negated = "-" if bare.startswith("-") and len(bare) > 1 else ""
            lowered = bare.casefold()
            if lowered == "or":
                join_next = bool(groups)
                continue
            if lowered == "and":
                continue
        words = tuple(_WORD.findall(quoted if quoted is not None else bare))
        if not words or count >= MAX_TERMS:
            continue
        count += 1
        term = Term(words, prefix=quoted is None and len(words) == 1 and len(words[0]) >= MIN_PREFIX_LENGTH)
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return ParsedQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def _either(parts: list[str], operator: str) -> str:
    return parts[0] if len(parts) == 1 else "(" + f" {operator} ".join(parts) + ")"


def to_fts5(parsed: ParsedQuery) -> str:
    """An FTS5 MATCH expression: every word inside double quotes (words hold no quote)."""

    def term(t: Term) -> str:
        quoted = '"' + " ".join(t.words) + '"'
        return f"({quoted} OR {quoted}*)" if t.prefix else quoted

    expression = " AND ".join(_either([term(t) for t in group], "OR") for group in parsed.groups)
    if parsed.excluded:
        expression = f"({expression}) NOT {_either([term(t) for t in parsed.excluded], 'OR')}"
    return expression


def to_tsquery(parsed: ParsedQuery) -> str:
    """A ``to_tsquery`` expression: every word a quoted lexeme (words hold no quote nor backslash)."""

    def term(t: Term) -> str:
        if t.prefix:
            return f"('{t.words[0]}' | '{t.words[0]}':*)"
        return _either([f"'{word}'" for word in t.words], "<->")

    expression = " & ".join(_either([term(t) for t in group], "|") for group in parsed.groups)
    if parsed.excluded:
        expression = f"({expression}) & !{_either([term(t) for t in parsed.excluded], '|')}"
    return expression


def query_terms(q: str) -> list[str]:
    """The words of a query, for Python-side highlighting."""
    terms: list[str] = []
    for word in parse_query(q).words():
        if word.casefold() not in {t.casefold() for t in terms}:
            terms.append(word)
    return terms


# Per model: the field the snippet is cut from (PostgreSQL), and whether it is highlighted whole.
SNIPPET_FIELDS = {Summit: "title", Statement: "text", Agreement: "text", Article: "text"}


class FtsLookup(Expression):
    """``(SELECT <sql> FROM <fts table> WHERE <table> MATCH <query> AND rowid = <the row's pk>)``:
    a value (rank, highlight) that FTS5 computes for the outer row, which may be aliased."""

    def __init__(self, table: FtsTable, sql: str, params: tuple, match: str, output_field):
        super().__init__(output_field=output_field)
        self.table, self.sql, self.params, self.match = table, sql, params, match
        self.pk = F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        pk_sql, pk_params = compiler.compile(self.pk)
        name = self.table.name
        sql = f"(SELECT {self.sql} FROM {name} WHERE {name} MATCH %s AND {name}.rowid = {pk_sql})"
        return sql, (*self.params, self.match, *pk_params)


def _tsquery(parsed: ParsedQuery) -> SearchQuery:
    return SearchQuery(to_tsquery(parsed), search_type="raw", config=CONFIG)


def matching(queryset: models.QuerySet, q: str | None) -> models.QuerySet:
    """Rows of ``queryset`` matching ``q``, neither ranked nor annotated (for counts, subqueries)."""
    parsed = parse_query(q)
    model = queryset.model
    if not parsed:
        return queryset.none()
    if is_postgresql():
        return queryset.filter(search_vector=_tsquery(parsed))
    if is_sqlite():
        table = FTS_TABLES[model]
        rowids = RawSQL(f"SELECT rowid FROM {table.name} WHERE {table.name} MATCH %s", (to_fts5(parsed),))
        return queryset.filter(pk__in=rowids)
    return queryset.none()


def newest_matches(
    queryset: models.QuerySet, q: str | None, field: str = "pk", limit: int | None = None
) -> models.QuerySet:
    """``field`` of the ``limit`` (``settings.SEARCH_CANDIDATES``) newest rows of ``queryset`` that
    match ``q``, as a subquery. The newest by pk, an order the index of the primary key gives."""
    return matching(queryset, q).order_by("-pk").values(field)[: limit or settings.SEARCH_CANDIDATES]


def candidates(queryset: models.QuerySet, q: str | None, limit: int | None = None) -> models.QuerySet:
    """Rows of ``queryset`` among the newest that match ``q`` (``newest_matches``): what a search ranks."""
    return queryset.filter(pk__in=newest_matches(queryset, q, limit=limit))


def search(queryset: models.QuerySet, q: str | None, *, limit: int | None = None) -> models.QuerySet:
    """Rows of ``queryset`` (summits, statements, agreements or articles) matching ``q``, best first,
    among the ``limit`` newest matches (``candidates``): a common word is not ranked in all the
    thousands of rows that hold it.

    Each row is annotated with ``rank`` (a float, higher is better) and ``headline``: the snippet
    with the matching words between START_SEL/STOP_SEL markers (the whole text of a statement,
    an agreement or a summit's title; an excerpt of an article). Render it with
    ``highlight_snippet(row, q)``, which escapes. An empty or meaningless query matches nothing.
    """
    parsed = parse_query(q)
    if not parsed:
        return matching(queryset, q)
    rows = candidates(queryset, q, limit)
    model = queryset.model
    if is_postgresql():
        query = _tsquery(parsed)
        document = F("search_vector")
        headline_options = (
            {"max_words": 40, "min_words": 20, "max_fragments": 2, "fragment_delimiter": " … "}
            if model is Article
            else {"highlight_all": True}
        )
        headline = SearchHeadline(
            SNIPPET_FIELDS[model],
            query,
            config=CONFIG,
            start_sel=START_SEL,
            stop_sel=STOP_SEL,
            **headline_options,
        )
        return rows.annotate(rank=SearchRank(document, query), headline=headline).order_by("-rank", "-pk")
    table, match = FTS_TABLES[model], to_fts5(parsed)
    return rows.annotate(
        rank=FtsLookup(table, table.rank_sql(), (), match, FloatField()),
        headline=FtsLookup(table, table.headline_sql(), (START_SEL, STOP_SEL), match, TextField()),
    ).order_by("-rank", "-pk")


class _Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


SUGGESTION_SIMILARITY = 0.5


def suggest_name(q: str | None, people: models.QuerySet[Participant]) -> str | None:
    """The name of one of ``people`` that ``q`` looks like a misspelling of ("Erdgan" → "Recep
    Tayyip Erdogan"), by trigram word similarity to their names and aliases, accents ignored.
    PostgreSQL only (pg_trgm, migration 0007); None elsewhere or when nothing is close. One query.
    """
    words = parse_query(q).words()
    if not is_postgresql() or not words:
        return None
    typed = Value(" ".join(words), output_field=TextField())
    alias_similarity = Subquery(
        ParticipantAlias.objects.filter(participant=OuterRef("pk"))
        .annotate(similarity=TrigramWordSimilarity(typed, _Unaccent("name")))
        .order_by("-similarity")
        .values("similarity")[:1],
        output_field=FloatField(),
    )
    best = (
        people.annotate(
            similarity=Greatest(
                TrigramWordSimilarity(typed, _Unaccent("name")), Coalesce(alias_similarity, Value(0.0))
            )
        )
        # 1 is a word of the name typed exactly: nothing to correct
        .filter(similarity__gte=SUGGESTION_SIMILARITY, similarity__lt=1)
        .order_by("-similarity", "name")
        .values_list("name", flat=True)
        .first()
    )
    return best


# --- Rendering ------------------------------------------------------------------------------------


def mark_terms(text: str, q: str | None) -> SafeString:
    """``text`` HTML-escaped, with each word of ``q`` (as a word prefix) wrapped in <mark>."""
    terms = query_terms(q or "")
    if not terms:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def mark_headline(headline: str) -> SafeString:
    """A headline with START_SEL/STOP_SEL markers as escaped HTML with <mark>s."""
    escaped = str(escape(headline))
    escaped = re.sub(f"{START_SEL}(.*?){STOP_SEL}", r"<mark>\1</mark>", escaped, flags=re.DOTALL)
    return mark_safe(escaped.replace(START_SEL, "").replace(STOP_SEL, ""))  # noqa: S308 - escaped above


def highlight_snippet(row: models.Model, q: str | None) -> SafeString:
    """The searchable text of a search result, escaped, with the matching words in <mark>."""
    headline = getattr(row, "headline", None)
    if headline:
        return mark_headline(headline)
    if isinstance(row, Article):  # its text is deferred in search results: never load it here
        return mark_terms(row.title, q)
    return mark_terms(getattr(row, SNIPPET_FIELDS[type(row)]), q)
